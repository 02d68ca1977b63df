/// A 64-bit hash of a lookup form, computed once per token (``Token/formHash``) and used by
/// every lexicon and matcher table, so a comment's words are hashed once however many tables
/// look them up.
///
/// Hand-written rather than `Dictionary<String, …>`: a `tag` profile showed Swift's per-lookup
/// SipHash of the same token (six to ten lookups a token: cues, themes, signals, lexicon, base
/// forms) at 9–13% of the run. FNV-1a over the UTF-8 bytes; the tables compare the strings on
/// a hash match, so a collision costs a probe, never a wrong answer.
public enum FormHash {
    public static func of(_ form: String) -> UInt64 {
        var form = form
        return form.withUTF8 { of($0) }
    }

    public static func of(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        finish(fold(start, bytes))
    }

    static let start: UInt64 = 0xCBF2_9CE4_8422_2325

    @inline(__always)
    static func fold(_ hash: UInt64, _ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash = hash
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    @inline(__always)
    static func finish(_ hash: UInt64) -> UInt64 { hash ^ (hash >> 29) }
}

/// An open-addressing hash table from lookup forms to values, probed with ``FormHash``.
///
/// - Complexity: lookups and inserts O(1) on average; the table keeps at most half its slots
///   full.
public struct FormTable<Value: Sendable>: Sendable {
    private struct Entry: Sendable {
        var hash: UInt64
        var key: String
        var value: Value
    }

    /// Indices into ``entries``, -1 for an empty slot; the count is a power of two.
    private var slots = [Int32](repeating: -1, count: 8)
    private var entries: [Entry] = []

    public init() {}

    public var count: Int { entries.count }
    public var isEmpty: Bool { entries.isEmpty }
    /// Keys in insertion order.
    public var keys: [String] { entries.map(\.key) }

    public subscript(key: String) -> Value? {
        get { self[key, FormHash.of(key)] }
        set {
            let hash = FormHash.of(key)
            if let index = index(of: key, hash) {
                if let newValue { entries[index].value = newValue } else { remove(at: index) }
            } else if let newValue {
                insert(Entry(hash: hash, key: key, value: newValue))
            }
        }
    }

    /// The value of `key`, whose ``FormHash`` is `hash`.
    @inline(__always)
    public subscript(key: String, hash: UInt64) -> Value? {
        index(of: key, hash).map { entries[$0].value }
    }

    /// The value of a token's lookup form.
    @inline(__always)
    public subscript(token: Token) -> Value? { self[token.normalized, token.formHash] }

    /// The key and value of the form spelt `prefix` followed by `suffix`, found without
    /// building the string unless it is there.
    func entry(_ prefix: UnsafeBufferPointer<UInt8>, _ suffix: StaticString) -> (String, Value)? {
        let tail = UnsafeBufferPointer(start: suffix.utf8Start, count: suffix.utf8CodeUnitCount)
        let hash = FormHash.finish(FormHash.fold(FormHash.fold(FormHash.start, prefix), tail))
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let index = Int(slots[slot])
            if index < 0 { return nil }
            if entries[index].hash == hash {
                var key = entries[index].key
                let equal = key.withUTF8 { key in
                    key.count == prefix.count + tail.count && key[..<prefix.count].elementsEqual(prefix) && key[prefix.count...].elementsEqual(tail)
                }
                if equal { return (key, entries[index].value) }
            }
            slot = (slot + 1) & mask
        }
    }

    /// This table with `other`'s entries added; where both have a key, `other`'s value wins.
    public func merging(_ other: FormTable) -> FormTable {
        var result = self
        for entry in other.entries { result[entry.key] = entry.value }
        return result
    }

    /// Applies `transform` to every value in place.
    public mutating func modifyValues(_ transform: (inout Value) -> Void) {
        for index in entries.indices { transform(&entries[index].value) }
    }

    /// Every entry, in insertion order.
    public func forEach(_ body: (String, Value) -> Void) {
        for entry in entries { body(entry.key, entry.value) }
    }

    private func index(of key: String, _ hash: UInt64) -> Int? {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        return slots.withUnsafeBufferPointer { slots in
            entries.withUnsafeBufferPointer { entries in
                while true {
                    let index = Int(slots[slot])
                    if index < 0 { return nil }
                    if entries[index].hash == hash && entries[index].key == key { return index }
                    slot = (slot + 1) & mask
                }
            }
        }
    }

    private mutating func insert(_ entry: Entry) {
        entries.append(entry)
        if entries.count * 2 > slots.count {
            rehash(capacity: slots.count * 2)
        } else {
            place(entries.count - 1)
        }
    }

    private mutating func remove(at index: Int) {
        entries.remove(at: index)
        rehash(capacity: slots.count)
    }

    private mutating func rehash(capacity: Int) {
        slots = [Int32](repeating: -1, count: capacity)
        for index in entries.indices { place(index) }
    }

    private mutating func place(_ index: Int) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: entries[index].hash) & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(index)
    }
}
