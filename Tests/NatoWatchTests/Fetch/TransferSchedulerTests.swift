import Testing

@testable import NatoWatch

@Suite struct TransferSchedulerTests {
    @Test func keepsPerHostAndTotalLimitsAndTakesHostsInTurn() {
        var scheduler = TransferScheduler(maxConcurrency: 3, perHost: 2)
        for index in 0..<4 { scheduler.enqueue(index, host: "a") }
        for index in 4..<6 { scheduler.enqueue(index, host: "b") }
        let first = (0..<3).compactMap { _ in scheduler.next() }
        #expect(first.map(\.index) == [0, 4, 1])
        #expect(scheduler.next() == nil)
        scheduler.finished(host: "a")
        // "a" has a free slot again; "b" is next in turn but "b" still has only one in flight.
        #expect(scheduler.next()?.index == 5)
        #expect(scheduler.next() == nil)
        scheduler.finished(host: "b")
        #expect(scheduler.next()?.index == 2)
        scheduler.finished(host: "a")
        scheduler.finished(host: "a")
        #expect(scheduler.next()?.index == 3)
        #expect(scheduler.isIdle)
    }

    @Test func hostKeyIgnoresPathAndCaseAndAddsDefaultPort() {
        #expect(TransferScheduler.hostKey(for: "HTTP://Example.org/a?b") == "http://example.org:80")
        #expect(TransferScheduler.hostKey(for: "https://user@example.org:8443/") == "https://example.org:8443")
        #expect(TransferScheduler.hostKey(for: "https://[::1]/feed") == "https://[::1]:443")
        #expect(TransferScheduler.hostKey(for: "file:///tmp/feed.xml") == "file:")
    }
}
