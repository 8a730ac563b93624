import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A small HTTP/1.1 server on 127.0.0.1 for tests: real sockets, one thread per connection.
///
/// ```swift
/// let server = try LoopbackHTTPServer()
/// defer { server.stop() }
/// server.route("/feed.xml", .ok("<rss>…</rss>"))
/// server.route("/old", .redirect(to: "/feed.xml", status: 301))
/// server.route("/cached", LoopbackHTTPServer.conditional(.ok("<rss/>"), etag: "\"v1\""))
/// server.route("/dynamic") { request in .status(429, headers: [("Retry-After", "120")]) }
/// fetch(server.url("/feed.xml"))
/// #expect(server.requests(to: "/feed.xml").first?.header("user-agent") == "natowatch/…")
/// ```
///
/// Routes match the path exactly (query ignored); anything else goes to `fallback` (404 by default).
/// Every request is recorded. Keep-alive is on unless `keepAlive` is false. `stop()` closes the
/// listener and every connection (hanging, trickling and endless answers included) and waits for
/// the connection threads; it is also called from `deinit`.
public final class LoopbackHTTPServer: @unchecked Sendable {
    /// A route's answer to a request; called on the connection's thread.
    public typealias Handler = @Sendable (LoopbackRequest) -> LoopbackResponse

    /// The port on 127.0.0.1 the server listens on.
    public let port: Int
    /// Whether connections stay open between requests (HTTP/1.1 keep-alive).
    public let keepAlive: Bool

    private let listener: Int32
    private let state = NSCondition()
    // Everything below is guarded by `state`.
    private var routes: [String: Handler] = [:]
    private var fallbackHandler: Handler = { _ in .status(404, "no route") }
    private var recorded: [LoopbackRequest] = []
    private var openConnections: Set<Int32> = []
    private var connectionCount = 0
    private var liveThreads = 0
    private var activeRequests = 0
    private var peakRequests = 0
    private var peakConnections = 0
    private var stopped = false

    /// Binds 127.0.0.1 on an ephemeral port and starts accepting.
    public init(keepAlive: Bool = true) throws {
        self.keepAlive = keepAlive
        let (fd, port) = try Self.listen()
        listener = fd
        self.port = port
        liveThreads = 1
        let thread = Thread { [self] in acceptLoop() }
        thread.name = "loopback-accept-\(port)"
        thread.start()
    }

    deinit { stop() }

    /// `http://127.0.0.1:PORT`
    public var baseURL: String { "http://127.0.0.1:\(port)" }

    /// `baseURL` + `path` (which should start with `/`).
    public func url(_ path: String) -> String { baseURL + path }

    // MARK: Routes

    /// Answers requests to `path` with `handler`.
    public func route(_ path: String, _ handler: @escaping Handler) {
        state.withLock { routes[path] = handler }
    }

    /// Answers requests to `path` with a fixed response.
    public func route(_ path: String, _ response: LoopbackResponse) {
        route(path) { _ in response }
    }

    /// Answers requests that match no route.
    public func fallback(_ handler: @escaping Handler) {
        state.withLock { fallbackHandler = handler }
    }

    /// A handler that answers `response` with `ETag`/`Last-Modified`, or 304 Not Modified when the
    /// request's `If-None-Match` names the ETag or (without `If-None-Match`) its `If-Modified-Since`
    /// equals `lastModified`.
    public static func conditional(_ response: LoopbackResponse, etag: String? = nil, lastModified: String? = nil)
        -> Handler
    {
        var full = response
        if let etag { full.headers.append(("ETag", etag)) }
        if let lastModified { full.headers.append(("Last-Modified", lastModified)) }
        let answer = full
        return { request in
            let validators = answer.headers.filter { ["etag", "last-modified"].contains($0.name.lowercased()) }
            if let tags = request.header("if-none-match") {
                let listed = tags.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                if let etag, listed.contains(etag) || listed.contains("*") {
                    return LoopbackResponse(status: 304, headers: validators)
                }
                return answer
            }
            if let since = request.header("if-modified-since"), let lastModified, since == lastModified {
                return LoopbackResponse(status: 304, headers: validators)
            }
            return answer
        }
    }

    // MARK: Observations

    /// Every request received so far, in arrival order.
    public var requests: [LoopbackRequest] { state.withLock { recorded } }

    /// The requests whose path (query ignored) is `path`.
    public func requests(to path: String) -> [LoopbackRequest] { requests.filter { $0.path == path } }

    /// The most requests being answered at the same moment so far.
    public var peakConcurrentRequests: Int { state.withLock { peakRequests } }

    /// The most connections open at the same moment so far.
    public var peakConcurrentConnections: Int { state.withLock { peakConnections } }

    /// Connections accepted so far.
    public var acceptedConnections: Int { state.withLock { connectionCount } }

    /// Forgets recorded requests and peaks.
    public func resetRecords() {
        state.withLock {
            recorded = []
            peakRequests = activeRequests
            peakConnections = openConnections.count
        }
    }

    // MARK: Stopping

    /// Closes the listener and every connection and waits (up to 10 s) for their threads to end.
    /// Safe to call more than once.
    public func stop() {
        state.lock()
        if !stopped {
            stopped = true
            _ = shutdown(listener, Int32(SHUT_RDWR))
            for fd in openConnections { _ = shutdown(fd, Int32(SHUT_RDWR)) }
            state.broadcast()
        }
        let deadline = Date().addingTimeInterval(10)
        while liveThreads > 0, state.wait(until: deadline) {}
        state.unlock()
    }

    /// A port on 127.0.0.1 that nothing listens on (bound, then closed): connecting is refused.
    public static func unusedPort() throws -> Int {
        let (fd, port) = try listen()
        close(fd)
        return port
    }

    // MARK: Internals shared with the connection code

    var isStopped: Bool { state.withLock { stopped } }

    /// Sleeps up to `seconds`; returns false when the server stopped meanwhile.
    func pause(_ seconds: TimeInterval) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        state.lock()
        defer { state.unlock() }
        while !stopped, state.wait(until: deadline) {}
        return !stopped
    }

    func handler(for request: LoopbackRequest) -> Handler {
        state.withLock { routes[request.path] ?? fallbackHandler }
    }

    func beginRequest(_ request: LoopbackRequest) {
        state.withLock {
            recorded.append(request)
            activeRequests += 1
            peakRequests = max(peakRequests, activeRequests)
        }
    }

    func endRequest() {
        state.withLock { activeRequests -= 1 }
    }

    private func acceptLoop() {
        while true {
            let fd = accept(listener, nil, nil)
            if fd < 0 {
                if errno == EINTR { continue }
                break
            }
            var noSigPipe: Int32 = 1
            _ = setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &noSigPipe, socklen_t(MemoryLayout<Int32>.size))
            let number: Int? = state.withLock {
                if stopped { return nil }
                openConnections.insert(fd)
                connectionCount += 1
                peakConnections = max(peakConnections, openConnections.count)
                liveThreads += 1
                return connectionCount
            }
            guard let number else {
                close(fd)
                break
            }
            let thread = Thread { [self] in
                var connection = LoopbackConnection(server: self, fd: fd, number: number)
                connection.serve()
                closeConnection(fd)
            }
            thread.start()
        }
        close(listener)
        state.withLock {
            liveThreads -= 1
            state.broadcast()
        }
    }

    /// Closes a connection's socket under the lock, so `stop()` never shuts down a reused descriptor.
    private func closeConnection(_ fd: Int32) {
        state.withLock {
            openConnections.remove(fd)
            close(fd)
            liveThreads -= 1
            state.broadcast()
        }
    }

    private static func listen() throws -> (Int32, Int) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw LoopbackServerError(call: "socket", code: errno) }
        var yes: Int32 = 1
        _ = setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        let length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        guard bound == 0 else {
            let code = errno
            close(fd)
            throw LoopbackServerError(call: "bind", code: code)
        }
        guard Glibc.listen(fd, 1024) == 0 else {
            let code = errno
            close(fd)
            throw LoopbackServerError(call: "listen", code: code)
        }
        var actual = sockaddr_in()
        var actualLength = length
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &actualLength) }
        }
        return (fd, Int(UInt16(bigEndian: actual.sin_port)))
    }
}

/// A socket call that failed while starting a ``LoopbackHTTPServer``.
public struct LoopbackServerError: Error, CustomStringConvertible {
    public var call: String
    public var code: Int32
    public var description: String { "loopback server: \(call) failed: \(String(cString: strerror(code)))" }
}
