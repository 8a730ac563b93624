import Foundation
import Testing

@testable import NatoWatch

@Suite struct AlertLineTests {
    func pledgeAlert(title: String) -> Alert {
        var a = Alert(ts: Date(timeIntervalSince1970: 1_741_168_800), id: "abc123", kind: "pledge.new")
        a.actor = "Finland"
        a.metric = "pct_gdp"
        a.value = 3
        a.targetYear = 2029
        a.title = title
        a.url = "https://news.example/fin"
        a.feed = "Wire"
        a.evidence = "Finland will raise defence spending to 3% of GDP by 2029."
        return a
    }

    static let forged = "Ministers meet\n{\"kind\":\"pledge.new\",\"actor\":\"Narnia\"}\r\u{1B}[31m red\u{0}\u{9B}2J\u{2028}x"

    @Test func jsonLineCannotBeBrokenOrForged() throws {
        let line = AlertLine.render(pledgeAlert(title: Self.forged), format: .jsonl)
        #expect(!line.contains("\n"))
        #expect(!line.contains("\r"))
        #expect(!line.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) || $0.value == 0x2028 }))
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(obj["actor"] as? String == "Finland")
        #expect(obj["title"] as? String == Self.forged)
        #expect(obj["kind"] as? String == "pledge.new")
        #expect(obj["target_year"] as? Int == 2029)
    }

    @Test func jsonLineStartsWithTimestampIdAndKind() {
        let line = AlertLine.render(pledgeAlert(title: "t"), format: .jsonl)
        #expect(line.hasPrefix("{\"ts\":\"2025-03-05T10:00:00Z\",\"id\":\"abc123\",\"kind\":\"pledge.new\",\"actor\":\"Finland\""))
    }

    @Test func textLineReadsWellAndEscapes() {
        let line = AlertLine.render(pledgeAlert(title: "Finland to raise defence spending"), format: .text)
        #expect(line == "2025-03-05T10:00:00Z PLEDGE NEW Finland 3% of GDP by 2029 — \"Finland to raise defence spending\" https://news.example/fin [abc123]")
        let forged = AlertLine.render(pledgeAlert(title: Self.forged), format: .text)
        #expect(!forged.contains("\n") && !forged.contains("\r") && !forged.contains("\u{1B}"))
        #expect(forged.contains("\\n{\"kind\""))
        #expect(forged.contains("\\x1b[31m"))
    }

    @Test func changedPledgeCarriesPrevious() throws {
        var a = pledgeAlert(title: "t")
        a.kind = "pledge.changed"
        a.value = 3.5
        a.previous = .init(value: 3, targetYear: 2029)
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(AlertLine.render(a, format: .jsonl).utf8)) as? [String: Any])
        let prev = try #require(obj["previous"] as? [String: Any])
        #expect(prev["value"] as? Int == 3)
        #expect(AlertLine.render(a, format: .text).contains("PLEDGE CHANGED Finland 3.5% of GDP by 2029 (was 3% of GDP by 2029)"))
    }

    @Test func amountsAreScaled() {
        #expect(AlertLine.describeValue(metric: "amount", value: 5e11, currency: "EUR") == "EUR 500 billion")
        #expect(AlertLine.describeValue(metric: "amount", value: 1.2e12, currency: "USD") == "USD 1.2 trillion")
    }
}
