import Foundation

/// Throughput of `Classifier.classify` on a batch, beside the plain multi-pattern scan of the same
/// text (the matcher alone: the ceiling any rule engine built on it can reach).
public struct ClassifierBenchmark: Sendable {
    public var megabytes: Double
    public var articles: Int
    /// Wall-clock seconds.
    public var classifySeconds: Double
    public var scanSeconds: Double
    /// CPU seconds of this process (user + system): the one-core figure on a shared machine.
    public var classifyCPUSeconds: Double
    public var scanCPUSeconds: Double
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
        let c0 = Self.cpuSeconds()
        let t0 = Date()
        for a in batch {
            let r = classifier.classify(a)
            found += r.pledges.count + r.missions.count
        }
        classifySeconds = max(Date().timeIntervalSince(t0), 1e-9)
        classifyCPUSeconds = max(Self.cpuSeconds() - c0, 1e-9)
        facts = found
        var raw = 0
        let c1 = Self.cpuSeconds()
        let t1 = Date()
        for a in batch {
            raw &+= classifier.scanOnly(a.text)
            if let t = a.title { raw &+= classifier.scanOnly(t) }
        }
        scanSeconds = max(Date().timeIntervalSince(t1), 1e-9)
        scanCPUSeconds = max(Self.cpuSeconds() - c1, 1e-9)
        if raw == -1 { facts = 0 } // keep the scan from being optimized away
    }

    public func render() -> String {
        let cpu = megabytes / classifyCPUSeconds, scanCPU = megabytes / scanCPUSeconds
        return String(format: """
            classify:     %.1f MB, %d articles, %d facts: %.2f s wall (%.1f MB/s), %.2f s CPU (%.1f MB/s per core)
            scan ceiling: %.2f s wall (%.1f MB/s), %.2f s CPU (%.1f MB/s per core), matcher only
            classify runs at %.0f%% of the scan ceiling (CPU)
            """, megabytes, articles, facts, classifySeconds, classifyMBps, classifyCPUSeconds, cpu,
            scanSeconds, scanMBps, scanCPUSeconds, scanCPU, 100 * cpu / scanCPU)
    }

    /// User + system CPU time of this process.
    static func cpuSeconds() -> Double {
        Double(clock()) / Double(CLOCKS_PER_SEC)
    }
}
