import Foundation
import Synchronization

/// Writes files so that nobody ever sees half of one: the bytes go to a temporary file beside
/// the target, which a rename(2) puts in place in one step once everything is written. A run
/// that fails or is interrupted leaves the old file (or none), never a truncated one.
///
/// ```swift
/// let file = try AtomicFile(URL(fileURLWithPath: "tags.jsonl"))
/// try file.write(Array("{}\n".utf8))
/// try file.commit()      // or file.abandon()
/// ```
public final class AtomicFile: @unchecked Sendable {
    public let url: URL
    private let temporary: URL
    private let handle: FileHandle
    private var finished = false

    public init(_ url: URL) throws(MindscopeError) {
        self.url = url
        temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else { throw CocoaError(.fileWriteNoPermission) }
            handle = try FileHandle(forWritingTo: temporary)
        } catch {
            throw .unreadable(path: url.path, reason: "cannot write: \((error as NSError).localizedDescription)")
        }
        Self.pending.withLock { _ = $0.insert(temporary.path) }
    }

    deinit { if !finished { abandon() } }

    public func write(_ bytes: [UInt8]) throws(MindscopeError) {
        do {
            try handle.write(contentsOf: bytes)
        } catch {
            abandon()
            throw .unreadable(path: url.path, reason: "cannot write: \((error as NSError).localizedDescription)")
        }
    }

    /// Puts the file in place.
    public func commit() throws(MindscopeError) {
        finished = true
        Self.pending.withLock { _ = $0.remove(temporary.path) }
        do {
            try handle.synchronize()
            try handle.close()
            // rename(2) replaces the target in one step, existing or not.
            guard rename(temporary.path, url.path) == 0 else {
                throw NSError(domain: NSPOSIXErrorDomain, code: Int(errno), userInfo: [NSLocalizedDescriptionKey: String(cString: strerror(errno))])
            }
        } catch {
            unlink(temporary.path)
            throw .unreadable(path: url.path, reason: "cannot write: \((error as NSError).localizedDescription)")
        }
    }

    /// Drops what was written; the target stays as it was.
    public func abandon() {
        finished = true
        Self.pending.withLock { _ = $0.remove(temporary.path) }
        try? handle.close()
        unlink(temporary.path)
    }

    /// Writes `text` to `url` in one step.
    public static func write(_ text: String, to url: URL) throws(MindscopeError) {
        let file = try AtomicFile(url)
        try file.write(Array(text.utf8))
        try file.commit()
    }

    /// Temporary files not yet committed or abandoned.
    private static let pending = Mutex<Set<String>>([])

    /// Deletes every temporary file still open: for a signal handler, before exiting.
    public static func removeUnfinished() {
        pending.withLock { paths in
            for path in paths { unlink(path) }
            paths.removeAll()
        }
    }
}
