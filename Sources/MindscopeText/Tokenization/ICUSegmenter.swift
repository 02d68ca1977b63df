import CICUShim

/// One ICU boundary segment: UTF-8 byte offsets and the rule status of the break that ends it.
struct Segment: Sendable, Hashable {
    var start: Int
    var end: Int
    /// ICU's rule status: 0 none (spaces, punctuation, symbols, emoji), 100..<200 number,
    /// 200..<300 letters, 300..<400 kana, 400..<500 ideographs.
    var status: Int32

    var isNumber: Bool { (100..<200).contains(status) }
    var isWordLike: Bool { status >= 100 }
}

/// ICU word and sentence boundaries over UTF-8, through the C shim.
enum ICUSegmenter {
    /// Segments the bytes; on an ICU failure (which the shim reports and which should not
    /// happen with a valid ICU install) the whole text is one segment, so nothing is lost.
    static func segments(_ kind: ms_break_kind, of bytes: UnsafeBufferPointer<UInt8>) -> [Segment] {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return [] }
        var capacity = Int32(min(bytes.count + 1, 4096))
        while true {
            var buffer = [Int32](repeating: 0, count: Int(capacity) * 3)
            var error: Int32 = 0
            let count = base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { chars in
                ms_segment(kind, chars, Int64(bytes.count), &buffer, capacity, &error)
            }
            if count == Int32.min {
                return [Segment(start: 0, end: bytes.count, status: 200)]
            }
            if count < 0 {
                capacity = -count
                continue
            }
            return (0..<Int(count)).map {
                Segment(start: Int(buffer[3 * $0]), end: Int(buffer[3 * $0 + 1]), status: buffer[3 * $0 + 2])
            }
        }
    }

    /// NFKC with case folding, through ICU.
    static func nfkcCasefold(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return "" }
        var capacity = Int32(bytes.count * 2 + 16)
        while true {
            var out = [UInt8](repeating: 0, count: Int(capacity))
            var error: Int32 = 0
            let length = base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { chars in
                out.withUnsafeMutableBufferPointer { outBuffer in
                    outBuffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: Int(capacity)) {
                        ms_nfkc_casefold(chars, Int32(bytes.count), $0, capacity, &error)
                    }
                }
            }
            if length == Int32.min { return String(decoding: bytes, as: UTF8.self).lowercased() }
            if length < 0 {
                capacity = -length
                continue
            }
            return String(decoding: out[0..<Int(length)], as: UTF8.self)
        }
    }
}
