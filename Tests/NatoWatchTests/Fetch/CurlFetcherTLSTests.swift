import Foundation
import NatoWatch
import NatoWatchTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

private let openssl = "/usr/bin/openssl"

/// TLS against `openssl s_server` with a fresh self-signed certificate (skipped without openssl).
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: openssl)))
struct CurlFetcherTLSTests {
    @Test func verifiesCertificatesAndTrustsTheConfiguredCABundle() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let certificate = directory.url.appendingPathComponent("cert.pem").path
        let key = directory.url.appendingPathComponent("key.pem").path
        try run([
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", certificate, "-days", "1",
            "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
        ])
        let port = try LoopbackHTTPServer.unusedPort()
        let server = Process()
        server.executableURL = URL(fileURLWithPath: openssl)
        server.arguments = [
            "s_server", "-accept", "127.0.0.1:\(port)", "-cert", certificate, "-key", key, "-www", "-quiet",
        ]
        server.standardOutput = FileHandle.nullDevice
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer {
            // SIGKILL: a child spawned from a test thread inherits its blocked signals, SIGTERM included.
            kill(server.processIdentifier, SIGKILL)
            server.waitUntilExit()
        }
        let url = "https://127.0.0.1:\(port)/"
        let trusting = testSettings { $0.caBundle = certificate }
        // Wait (with a deadline) until s_server listens.
        let deadline = Date().addingTimeInterval(10)
        var result = try fetchOne(url, settings: trusting)
        while result.failure?.kind == .refused, Date() < deadline {
            Thread.sleep(forTimeInterval: 0.05)
            result = try fetchOne(url, settings: trusting)
        }
        let response = try result.get()
        #expect(response.status == 200)
        #expect(String(decoding: response.body, as: UTF8.self).contains("s_server"))

        let untrusted = try #require(try fetchOne(url).failure)
        #expect(untrusted.kind == .tls)
        #expect(untrusted.message.contains("curl error 60"))

        let missingBundle = testSettings { $0.caBundle = directory.url.appendingPathComponent("none.pem").path }
        let badBundle = try #require(try fetchOne(url, settings: missingBundle).failure)
        #expect(badBundle.kind == .tls)
    }

    private func run(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: openssl)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw TestError("openssl \(arguments.first ?? "") exited with \(process.terminationStatus)")
        }
    }
}
