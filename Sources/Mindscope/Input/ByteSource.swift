import Foundation

/// Reads a file or standard input in fixed-size chunks, so memory stays flat whatever the size.
final class ByteSource {
    /// nil for bytes already in memory (``init(data:)``).
    private let handle: FileHandle?
    private let closeWhenDone: Bool
    static let chunkSize = 1 << 16

    /// `-` reads standard input.
    init(path: String) throws(MindscopeError) {
        self.path = path
        if path == "-" {
            handle = FileHandle.standardInput
            closeWhenDone = false
            return
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .unreadable(path: path, reason: "no such file")
        }
        guard !isDirectory.boolValue, let handle = FileHandle(forReadingAtPath: path) else {
            throw .unreadable(path: path, reason: isDirectory.boolValue ? "is a directory" : "permission denied")
        }
        self.handle = handle
        closeWhenDone = true
    }

    /// Bytes already read, served as one chunk: a window of a file that ``RecordReader`` samples
    /// away from its reading position.
    init(data: Data) {
        path = ""
        handle = nil
        closeWhenDone = false
        pending = data
    }

    deinit { if closeWhenDone { try? handle?.close() } }

    private var pending: Data?
    /// Bytes handed out so far (for progress).
    private(set) var consumed = 0
    /// The file's size, when it is a regular file (not standard input or a pipe).
    private(set) lazy var size: Int? = {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              attributes[.type] as? FileAttributeType == .typeRegular else { return nil }
        return (attributes[.size] as? NSNumber)?.intValue
    }()
    private let path: String

    /// The first chunk without consuming it, for sniffing the format.
    func peek() throws(MindscopeError) -> Data? {
        if pending == nil { pending = try read() }
        return pending
    }

    /// The next chunk, or nil at the end.
    func next() throws(MindscopeError) -> Data? {
        if let pending {
            self.pending = nil
            consumed += pending.count
            return pending
        }
        let data = try read()
        consumed += data?.count ?? 0
        return data
    }

    private func read() throws(MindscopeError) -> Data? {
        guard let handle else { return nil }
        do {
            guard let data = try handle.read(upToCount: Self.chunkSize), !data.isEmpty else { return nil }
            return data
        } catch {
            throw .unreadable(path: "input", reason: (error as NSError).localizedDescription)
        }
    }
}
