import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// One natowatch per state directory: an advisory `flock` on `natowatch.lock`, which holds the
/// owner's pid. Released when the process exits, however it exits.
public final class InstanceLock {
    private let fd: Int32
    public let path: String

    /// Takes the lock or throws, naming the holder's pid.
    public init(path: String) throws(InstanceLockError) {
        self.path = path
        let dir = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let f = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard f >= 0 else {
            throw InstanceLockError(message: "cannot open lock file \(path): \(String(cString: strerror(errno)))")
        }
        if flock(f, LOCK_EX | LOCK_NB) != 0 {
            let holder = Self.readPID(f)
            Glibc.close(f)
            let who = holder.map { "pid \($0)" } ?? "another process"
            throw InstanceLockError(message: "another natowatch (\(who)) is already using this state directory (lock \(path))")
        }
        fd = f
        let pid = "\(getpid())\n"
        _ = ftruncate(f, 0)
        _ = pid.withCString { pwrite(f, $0, strlen($0), 0) }
    }

    deinit {
        _ = ftruncate(fd, 0)
        Glibc.close(fd)
    }

    static func readPID(_ fd: Int32) -> Int? {
        var buf = [UInt8](repeating: 0, count: 32)
        let n = pread(fd, &buf, 31, 0)
        guard n > 0 else { return nil }
        return Int(String(decoding: buf[0..<n], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}

/// The state directory is in use by another instance.
public struct InstanceLockError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
