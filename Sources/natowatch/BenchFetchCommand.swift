import ArgumentParser
import Foundation
import NatoWatch

#if canImport(Glibc)
    import Glibc
#endif

/// `natowatch bench-fetch` (hidden): drives the fetch stage alone over a list of URLs and prints one
/// line of figures, for `scripts/bench-fetch.sh`.
struct BenchFetchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-fetch",
        abstract: "Fetch a list of URLs with the fetch stage alone and print timing figures.",
        shouldDisplay: false
    )

    @Option(help: "A file with one URL per line.")
    var urls: String

    @Option(help: "A file of `URL<TAB>ETag` lines from an earlier run: fetch conditionally.")
    var etags: String?

    @Option(help: "Write `URL<TAB>ETag` lines for the 200 responses here.")
    var saveEtags: String?

    @Option(help: "Transfers in flight.")
    var concurrency: Int = 16

    @Option(help: "Transfers in flight per host.")
    var perHost: Int = 16

    @Option(help: "Total timeout per transfer, in seconds.")
    var timeout: Double = 60

    func validate() throws {
        guard concurrency > 0, perHost > 0 else {
            throw ValidationError("--concurrency and --per-host must be positive")
        }
    }

    func run() throws {
        let list = try Self.lines(urls)
        var known: [String: String] = [:]
        if let etags {
            for line in try Self.lines(etags) {
                let parts = line.split(separator: "\t", maxSplits: 1)
                if parts.count == 2 { known[String(parts[0])] = String(parts[1]) }
            }
        }
        let requests = list.enumerated().map { index, url in
            FetchRequest(key: String(index), url: url, etag: known[url])
        }
        var settings = FetchSettings()
        settings.maxConcurrency = concurrency
        settings.perHost = perHost
        settings.totalTimeout = timeout
        let fetcher = try CurlFetcher(settings: settings)
        let tally = BenchTally()
        let start = DispatchTime.now()
        fetcher.fetchAll(requests) { request, result in tally.add(request, result) }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        if let saveEtags {
            try tally.etagLines().write(toFile: saveEtags, atomically: true, encoding: .utf8)
        }
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        print(tally.summary(seconds: seconds, peakRSSKilobytes: usage.ru_maxrss))
        if let failure = tally.firstFailure {
            FileHandle.standardError.write(Data("first failure: \(failure)\n".utf8))
        }
    }

    private static func lines(_ path: String) throws -> [String] {
        try String(contentsOfFile: path, encoding: .utf8).split(whereSeparator: \.isNewline).map(String.init)
            .filter { !$0.isEmpty }
    }
}

/// Counts results from the fetcher's thread.
private final class BenchTally: @unchecked Sendable {
    private let lock = NSLock()
    private var ok = 0
    private var notModified = 0
    private var failed = 0
    private var wireBytes = 0
    private var bodyBytes = 0
    private var etags: [(String, String)] = []
    private(set) var firstFailure: FetchFailure?

    func add(_ request: FetchRequest, _ result: Result<FetchResponse, FetchFailure>) {
        lock.withLock {
            switch result {
            case .success(let response):
                if response.notModified { notModified += 1 } else { ok += 1 }
                wireBytes += response.wireBytes
                bodyBytes += response.body.count
                if let etag = response.etag { etags.append((request.url, etag)) }
            case .failure(let failure):
                failed += 1
                if firstFailure == nil { firstFailure = failure }
            }
        }
    }

    func etagLines() -> String {
        lock.withLock { etags.map { "\($0.0)\t\($0.1)\n" }.joined() }
    }

    func summary(seconds: Double, peakRSSKilobytes: Int) -> String {
        lock.withLock {
            "fetched=\(ok + notModified + failed) ok=\(ok) not_modified=\(notModified) failed=\(failed) "
                + "wire_bytes=\(wireBytes) body_bytes=\(bodyBytes) seconds=\(String(format: "%.3f", seconds)) "
                + "peak_rss_kb=\(peakRSSKilobytes)"
        }
    }
}
