import Foundation

/// Throughput of `Classifier.classify` on a batch, beside the plain multi-pattern scan of the same
/// text (the matcher alone: the ceiling any rule engine built on it can reach).
public struct ClassifierBenchmark: Sendable {
    public var megabytes: Double
    public var articles: Int
    public var classifySeconds: Double
    public var scanSeconds: Double
    public var facts: Int

    public var classifyMBps: Double { megabytes / classifySeconds }
    public var scanMBps: Double { megabytes / scanSeconds }

    /// Repeats `articles` until at least `minimumMB` megabytes of text, then times both passes.
    public init(classifier: Classifier, articles source: [Article], minimumMB: Double) {
        var batch: [Article] = []
        var bytes = 0
        let target = Int(minimumMB * 1_000_000)
        var round = 0
        while bytes < target && !source.isEmpty {
            for a in source {
                var copy = a
                copy.id = "\(a.id ?? "a")#\(round)"
                batch.append(copy)
                bytes += a.text.utf8.count + (a.title?.utf8.count ?? 0)
            }
            round += 1
        }
        megabytes = Double(bytes) / 1_000_000
        articles = batch.count
        var found = 0
        let t0 = Date()
        for a in batch {
            let r = classifier.classify(a)
            found += r.pledges.count + r.missions.count
        }
        classifySeconds = max(Date().timeIntervalSince(t0), 1e-9)
        facts = found
        var raw = 0
        let t1 = Date()
        for a in batch {
            raw &+= classifier.scanOnly(a.text)
            if let t = a.title { raw &+= classifier.scanOnly(t) }
        }
        scanSeconds = max(Date().timeIntervalSince(t1), 1e-9)
        if raw == -1 { facts = 0 } // keep the scan from being optimized away
    }

    public func render() -> String {
        String(format: "classify: %.1f MB in %d articles, %.2f s, %.1f MB/s (%d facts)\nscan ceiling: %.2f s, %.1f MB/s (matcher only)\nratio: classify runs at %.0f%% of the scan ceiling",
               megabytes, articles, classifySeconds, classifyMBps, facts, scanSeconds, scanMBps, 100 * classifyMBps / scanMBps)
    }
}
