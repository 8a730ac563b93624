import Foundation

/// The built `natowatch` binary, started as a real child process for end-to-end tests.
public final class NatowatchProcess: @unchecked Sendable {
    public let process = Process()
    public let outputFile: URL
    private let outputHandle: FileHandle

    /// The binary next to the test bundle (`.build/<config>/natowatch`), or `$NATOWATCH_BIN`.
    public static func binary() -> URL? {
        if let p = ProcessInfo.processInfo.environment["NATOWATCH_BIN"] { return URL(fileURLWithPath: p) }
        var candidates: [URL] = []
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        candidates.append(cwd.appendingPathComponent(".build/debug/natowatch"))
        var dir = Bundle.main.bundleURL
        for _ in 0..<4 {
            candidates.append(dir.appendingPathComponent("natowatch"))
            dir = dir.deletingLastPathComponent()
        }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// Starts `natowatch args…` with `environment` added, output to a file in `dir`.
    public init(_ args: [String], in dir: URL, environment: [String: String] = [:]) throws {
        guard let bin = Self.binary() else { throw ProcessTestError("natowatch binary not built (swift build first)") }
        outputFile = dir.appendingPathComponent("natowatch-\(UUID().uuidString.prefix(8)).out")
        _ = FileManager.default.createFile(atPath: outputFile.path, contents: nil)
        outputHandle = try FileHandle(forWritingTo: outputFile)
        process.executableURL = bin
        process.arguments = args
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "NOTIFY_SOCKET")
        env.removeValue(forKey: "JOURNAL_STREAM")
        for (k, v) in environment { env[k] = v }
        process.environment = env
        process.standardOutput = outputHandle
        process.standardError = outputHandle
        try process.run()
    }

    /// Runs to completion and returns (exit status, output).
    public static func run(_ args: [String], in dir: URL, environment: [String: String] = [:], timeout: TimeInterval = 60) throws -> (status: Int32, output: String) {
        let p = try NatowatchProcess(args, in: dir, environment: environment)
        guard p.wait(timeout: timeout) else {
            p.process.terminate()
            throw ProcessTestError("natowatch \(args.joined(separator: " ")) did not finish in \(timeout) s")
        }
        return (p.process.terminationStatus, p.output)
    }

    public var output: String { (try? String(contentsOf: outputFile, encoding: .utf8)) ?? "" }
    public var pid: Int32 { process.processIdentifier }

    public func signal(_ sig: Int32) { kill(process.processIdentifier, sig) }

    /// Waits for exit with a deadline; true when it exited.
    public func wait(timeout: TimeInterval) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        return !process.isRunning
    }

    deinit {
        if process.isRunning { process.terminate() }
        try? outputHandle.close()
    }
}

/// Polls `condition` until it holds or `timeout` passes; returns whether it held.
public func eventually(timeout: TimeInterval, interval: TimeInterval = 0.05, _ condition: () -> Bool) -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    repeat {
        if condition() { return true }
        usleep(useconds_t(interval * 1_000_000))
    } while Date() < deadline
    return condition()
}

public struct ProcessTestError: Error, CustomStringConvertible {
    public var description: String
    public init(_ d: String) { description = d }
}
