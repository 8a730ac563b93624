import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// One accepted connection of a ``LoopbackHTTPServer``: reads requests and writes answers on its own
/// thread until the client or the server closes it.
struct LoopbackConnection {
    let server: LoopbackHTTPServer
    let fd: Int32
    let number: Int
    private var buffer: [UInt8] = []

    init(server: LoopbackHTTPServer, fd: Int32, number: Int) {
        self.server = server
        self.fd = fd
        self.number = number
    }

    mutating func serve() {
        while !server.isStopped, let request = readRequest() {
            server.beginRequest(request)
            let response = server.handler(for: request)(request)
            let keepOpen = answer(request, with: response)
            server.endRequest()
            if !keepOpen { return }
        }
    }

    // MARK: Reading

    /// Reads one request head (and skips its body); nil when the connection ends first.
    private mutating func readRequest() -> LoopbackRequest? {
        let terminator: [UInt8] = [13, 10, 13, 10]
        var end: Int?
        while true {
            end = buffer.firstRange(of: terminator)?.upperBound
            if end != nil { break }
            guard buffer.count < 1 << 20, receive() else { return nil }
            if let first = buffer.first, !(65...90).contains(first) {
                // Not HTTP (a TLS ClientHello, say): answer like a plain server would, then hang up.
                _ = send(Data("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".utf8))
                return nil
            }
        }
        guard let end else { return nil }
        let head = String(decoding: buffer[..<end], as: UTF8.self)
        buffer.removeFirst(end)
        var lines = head.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        guard !lines.isEmpty else { return nil }
        let requestLine = lines.removeFirst().split(separator: " ")
        guard requestLine.count == 3 else { return nil }
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            headers[name] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var bodyLength = Int(headers["content-length"] ?? "") ?? 0
        var body = Data()
        while bodyLength > 0 {
            if buffer.isEmpty, !receive() { return nil }
            let taken = min(bodyLength, buffer.count)
            body.append(contentsOf: buffer[..<taken])
            buffer.removeFirst(taken)
            bodyLength -= taken
        }
        return LoopbackRequest(
            method: String(requestLine[0]), target: String(requestLine[1]), version: String(requestLine[2]),
            headers: headers, connection: number, body: body)
    }

    /// Appends what arrives to `buffer`; false at end of stream or error.
    private mutating func receive() -> Bool {
        var chunk = [UInt8](repeating: 0, count: 16384)
        let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        if count < 0 && errno == EINTR { return true }
        guard count > 0 else { return false }
        buffer.append(contentsOf: chunk[..<count])
        return true
    }

    // MARK: Writing

    /// Writes the answer; true when the connection may carry another request.
    private func answer(_ request: LoopbackRequest, with response: LoopbackResponse) -> Bool {
        if response.delay > 0, !server.pause(response.delay) { return false }
        let clientKeepsOpen = request.version == "HTTP/1.1" && request.header("connection")?.lowercased() != "close"
        var keepOpen = server.keepAlive && clientKeepsOpen
        var head = "HTTP/1.1 \(response.status) \(Self.reason(response.status))\r\n"
        for (name, value) in response.headers { head += "\(name): \(value)\r\n" }
        let noBody = response.status == 304 || response.status == 204 || (100..<200).contains(response.status)
        switch response.body {
        case .hang:
            // Read (and drop) until the client hangs up or stop() shuts the socket down.
            var sink = [UInt8](repeating: 0, count: 4096)
            while sink.withUnsafeMutableBytes({ recv(fd, $0.baseAddress, $0.count, 0) }) > 0 {}
            return false
        case .bytes(let data):
            if !noBody { head += "Content-Length: \(data.count)\r\n" }
            head += keepOpen ? "" : "Connection: close\r\n"
            head += "\r\n"
            let sendBody = !noBody && request.method != "HEAD"
            guard send(Data(head.utf8) + (sendBody ? data : Data())) else { return false }
        case .trickle(let data, let interval):
            head += "Content-Length: \(data.count)\r\nConnection: close\r\n\r\n"
            keepOpen = false
            guard send(Data(head.utf8)) else { return false }
            for byte in data {
                guard server.pause(interval), send(Data([byte])) else { return false }
            }
        case .endless(let chunk):
            head += "Connection: close\r\n\r\n"
            guard send(Data(head.utf8)), !chunk.isEmpty else { return false }
            while !server.isStopped, send(chunk) {}
            return false
        case .stream(let prefix, let chunk):
            head += "Connection: close\r\n\r\n"
            guard send(Data(head.utf8) + prefix), !chunk.isEmpty else { return false }
            while !server.isStopped, send(chunk) {}
            return false
        }
        return keepOpen
    }

    /// Sends everything; false when the peer is gone.
    private func send(_ data: Data) -> Bool {
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let sent = Glibc.send(
                    fd, raw.baseAddress?.advanced(by: offset), raw.count - offset, Int32(MSG_NOSIGNAL))
                if sent < 0 && errno == EINTR { continue }
                guard sent > 0 else { return false }
                offset += sent
            }
            return true
        }
    }

    static func reason(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 204: "No Content"
        case 301: "Moved Permanently"
        case 302: "Found"
        case 303: "See Other"
        case 304: "Not Modified"
        case 307: "Temporary Redirect"
        case 308: "Permanent Redirect"
        case 400: "Bad Request"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 410: "Gone"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        default: "Status"
        }
    }
}
