import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The append-only alert log: one `write(2)` per line on an `O_APPEND` descriptor, then `fsync`.
///
/// Reopens the file when it was replaced (logrotate `create`) or truncated (`copytruncate`),
/// and on ``reopen()``. Not thread-safe: the pipeline uses it from one queue at a time.
public final class AlertLog {
    public let path: String
    private var fd: Int32 = -1
    private var inode: UInt64 = 0

    public init(path: String) {
        self.path = path
    }

    deinit { close() }

    /// Closes the descriptor; the next append opens the file again.
    public func reopen() { close() }

    private func close() {
        if fd >= 0 { _ = Glibc.close(fd) }
        fd = -1
    }

    private func ensureOpen() throws(AlertLogError) {
        if fd >= 0 {
            var st = stat()
            if stat(path, &st) == 0 && UInt64(st.st_ino) == inode { return }
            close()
        }
        let dir = (path as NSString).deletingLastPathComponent
        if !dir.isEmpty { try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) }
        let f = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard f >= 0 else { throw AlertLogError(path: path, message: "cannot open: \(String(cString: strerror(errno)))") }
        var st = stat()
        guard fstat(f, &st) == 0 else {
            _ = Glibc.close(f)
            throw AlertLogError(path: path, message: "cannot stat: \(String(cString: strerror(errno)))")
        }
        fd = f
        inode = UInt64(st.st_ino)
        // A line torn by a power loss must not swallow the next one.
        if st.st_size > 0, let last = Self.lastByte(path: path), last != UInt8(ascii: "\n") {
            try writeAll(Array("\n".utf8))
        }
    }

    /// Appends `lines` (each without newline), one write per line, then syncs the file to disk.
    public func append(_ lines: [String]) throws(AlertLogError) {
        guard !lines.isEmpty else { return }
        try ensureOpen()
        for line in lines {
            try writeAll(Array((line + "\n").utf8))
        }
        if fsync(fd) != 0 && errno != EINVAL {
            throw AlertLogError(path: path, message: "fsync failed: \(String(cString: strerror(errno)))")
        }
    }

    private func writeAll(_ bytes: [UInt8]) throws(AlertLogError) {
        let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        if n != bytes.count {
            let reason = n < 0 ? String(cString: strerror(errno)) : "short write (\(n) of \(bytes.count) bytes)"
            close()
            throw AlertLogError(path: path, message: "cannot append: \(reason)")
        }
    }

    /// The ids among `ids` that already appear at the end of the log (the last `window` bytes),
    /// so that a crash between appending and marking delivered never writes a line twice.
    public func idsPresentAtTail(_ ids: Set<String>, window: Int = 1 << 20) -> Set<String> {
        guard !ids.isEmpty, let handle = FileHandle(forReadingAtPath: path) else { return [] }
        defer { try? handle.close() }
        guard let size = try? handle.seekToEnd() else { return [] }
        let start = size > UInt64(window) ? size - UInt64(window) : 0
        try? handle.seek(toOffset: start)
        guard let data = try? handle.readToEnd(), let text = String(data: data, encoding: .utf8) ?? String(bytes: data, encoding: .isoLatin1) else { return [] }
        var found = Set<String>()
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            for id in ids where !found.contains(id) {
                if line.contains("\"id\":\"\(id)\"") || line.hasSuffix("[\(id)]") { found.insert(id) }
            }
            if found.count == ids.count { break }
        }
        return found
    }

    static func lastByte(path: String) -> UInt8? {
        guard let h = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? h.close() }
        guard let size = try? h.seekToEnd(), size > 0 else { return nil }
        try? h.seek(toOffset: size - 1)
        return (try? h.read(upToCount: 1))?.first
    }
}

/// The alert log could not be written.
public struct AlertLogError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var message: String
    public var description: String { "alert log \(path): \(message)" }
}
