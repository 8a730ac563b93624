import Foundation

/// Scores a classifier against a labelled set: per-topic P/R/F1 and fact P/R.
public struct EvaluationReport: Sendable {
    public var topics: [String: PRCounts] = [:]
    public var pledgeFacts = PRCounts()
    public var missionFacts = PRCounts()
    public var missionStatusCorrect = 0
    public var articles = 0
    /// One line per disagreement, for the analyst.
    public var mistakes: [String] = []

    /// All facts (pledges and missions) together.
    public var facts: PRCounts {
        var c = PRCounts()
        c.tp = pledgeFacts.tp + missionFacts.tp
        c.fp = pledgeFacts.fp + missionFacts.fp
        c.fn = pledgeFacts.fn + missionFacts.fn
        return c
    }

    /// Runs `classifier` over `set`.
    public init(classifier: Classifier, set: [LabelledArticle]) {
        for item in set {
            articles += 1
            let r = classifier.classify(item.article)
            let got = Set(r.topics.map(\.topic))
            for t in got.union(item.topics) {
                var c = topics[t] ?? PRCounts()
                if got.contains(t) && item.topics.contains(t) { c.tp += 1 }
                else if got.contains(t) { c.fp += 1; mistakes.append("\(item.file): extra topic \(t)") }
                else { c.fn += 1; mistakes.append("\(item.file): missed topic \(t)") }
                topics[t] = c
            }
            var unmatched = r.pledges
            for e in item.pledges {
                if let i = unmatched.firstIndex(where: { Self.matches($0, e) }) {
                    pledgeFacts.tp += 1
                    unmatched.remove(at: i)
                } else {
                    pledgeFacts.fn += 1
                    mistakes.append("\(item.file): missed pledge \(e.actor) \(e.metric) \(e.value) \(e.currency ?? "-") \(e.targetYear.map(String.init) ?? "-")")
                }
            }
            for p in unmatched {
                pledgeFacts.fp += 1
                mistakes.append("\(item.file): extra pledge \(p.actor) \(p.metric) \(p.value) \(p.currency ?? "-") \(p.targetYear.map(String.init) ?? "-") | \(p.evidence)")
            }
            var mUnmatched = r.missions
            for e in item.missions {
                if let i = mUnmatched.firstIndex(where: { $0.mission.lowercased() == e.mission.lowercased() && $0.change == e.change }) {
                    missionFacts.tp += 1
                    if e.status == nil || e.status == mUnmatched[i].status { missionStatusCorrect += 1 }
                    else { mistakes.append("\(item.file): mission \(e.mission) status \(mUnmatched[i].status), expected \(e.status ?? "")") }
                    mUnmatched.remove(at: i)
                } else {
                    missionFacts.fn += 1
                    mistakes.append("\(item.file): missed mission \(e.mission) \(e.change)")
                }
            }
            for m in mUnmatched {
                missionFacts.fp += 1
                mistakes.append("\(item.file): extra mission \(m.mission) \(m.change) | \(m.evidence)")
            }
        }
    }

    /// True when a fact matches a label: actor, metric, value ±1%, currency and target year.
    public static func matches(_ p: PledgeFact, _ e: LabelledArticle.Pledge) -> Bool {
        p.actor == e.actor && p.metric == e.metric && abs(p.value - e.value) <= 0.01 * abs(e.value)
            && p.currency == e.currency && p.targetYear == e.targetYear
    }

    /// A plain-text table.
    public func render(verbose: Bool = false) -> String {
        func f(_ x: Double) -> String { String(format: "%.3f", x) }
        var lines = ["articles: \(articles)", "", "topic                      P      R      F1     (tp/fp/fn)"]
        for (t, c) in topics.sorted(by: { $0.key < $1.key }) {
            lines.append(t.padding(toLength: 24, withPad: " ", startingAt: 0) + "  \(f(c.precision))  \(f(c.recall))  \(f(c.f1))  (\(c.tp)/\(c.fp)/\(c.fn))")
        }
        lines.append("")
        for (name, c) in [("pledge facts", pledgeFacts), ("mission facts", missionFacts), ("all facts", facts)] {
            lines.append(name.padding(toLength: 24, withPad: " ", startingAt: 0) + "  \(f(c.precision))  \(f(c.recall))  \(f(c.f1))  (\(c.tp)/\(c.fp)/\(c.fn))")
        }
        lines.append("mission status agreement: \(missionStatusCorrect)/\(missionFacts.tp)")
        if verbose && !mistakes.isEmpty {
            lines.append("")
            lines.append(contentsOf: mistakes)
        }
        return lines.joined(separator: "\n")
    }
}
