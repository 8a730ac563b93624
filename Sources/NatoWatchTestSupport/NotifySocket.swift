import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A Unix datagram socket standing in for systemd's `NOTIFY_SOCKET`; collects what it receives.
public final class NotifySocket: @unchecked Sendable {
    public let path: String
    private let fd: Int32
    private let lock = NSLock()
    private var received: [String] = []
    private var open = true

    public init(path: String) throws {
        self.path = path
        unlink(path)
        fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        guard fd >= 0 else { throw ProcessTestError("socket: \(errno)") }
        var addr = sockaddr_un()
        addr.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        withUnsafeMutableBytes(of: &addr.sun_path) { raw in for (i, b) in bytes.enumerated() { raw[i] = b } }
        let rc = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard rc == 0 else { throw ProcessTestError("bind \(path): \(errno)") }
        var tv = timeval(tv_sec: 0, tv_usec: 100_000)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        let t = Thread { [weak self] in self?.loop() }
        t.start()
    }

    private func loop() {
        var buf = [UInt8](repeating: 0, count: 4096)
        while lock.withLock({ open }) {
            let n = recv(fd, &buf, buf.count, 0)
            if n > 0 {
                let msg = String(decoding: buf[0..<n], as: UTF8.self)
                lock.withLock { received.append(msg) }
            }
        }
    }

    /// Every datagram received so far.
    public var messages: [String] { lock.withLock { received } }

    public func close() {
        lock.withLock { open = false }
        usleep(150_000)
        Glibc.close(fd)
        unlink(path)
    }
}
