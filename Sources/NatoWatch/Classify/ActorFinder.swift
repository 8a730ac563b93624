/// Finds actor mentions (members, blocs, partners) in a sentence and keeps only those that name a
/// government: names and possessives always; adjectives before a government word ("German
/// government"); capitals and bloc short names before a speech or decision verb ("Berlin said").
struct ActorFinder {
    let view: SentenceView

    /// An actor mention by token span.
    struct Mention { var first: Int; var last: Int; var actor: Int }

    func mentions() -> [Mention] {
        let ctx = view.ctx
        let rules = ctx.rules
        let spans = view.spans(rules.actorCategory)
        let gov = view.spans(ctx.lex("government_nouns"))
        let verbs = view.spans(ctx.lex("metonym_verbs"))
        let blockers = view.spans(ctx.lex("metonym_blockers"))
        // longest span wins among overlapping actor hits
        var kept: [SentenceView.Span] = []
        for s in spans.sorted(by: { ($0.last - $0.first) > ($1.last - $1.first) }) {
            if kept.contains(where: { $0.first <= s.last && s.first <= $0.last && !($0.first == s.first && $0.last == s.last) }) { continue }
            if kept.contains(where: { $0.first == s.first && $0.last == s.last && $0.label.entry == s.label.entry }) { continue }
            kept.append(s)
        }
        // parentheses hold conversions and asides: "(U.S. $59 billion)"
        var depth = [Int](repeating: 0, count: view.tokens.count)
        var d = 0
        for i in view.tokens.indices {
            if view.isWord(i, "(") { d += 1 }
            depth[i] = d
            if view.isWord(i, ")") { d = max(0, d - 1) }
        }
        var out: [Mention] = []
        for s in kept {
            if depth[s.first] > 0 { continue }
            // "Ukraine's allies", "Kyiv's allies": not NATO speaking as a bloc
            if view.ctx.rules.gazetteer.actors[Int(s.label.entry)].kind == .bloc, view.isWord(s.first - 1, "s"), view.isWord(s.first - 2, "'") { continue }
            // a glued possessive "'s" extends the span
            let form = ActorForm(rawValue: s.label.kind) ?? .name
            var valid: Bool
            switch form {
            case .name, .possessive:
                valid = true
            case .adjective:
                valid = gov.contains { $0.first > s.last && $0.first <= s.last + 3 }
            case .verbName:
                var next = s.last + 1
                if view.isWord(next, "'"), view.isWord(next + 1, "s") { next += 2 }
                let verbNext = verbs.contains { $0.first == next || ($0.first == next + 1 && view.isWord(next, ",")) }
                let blocked = blockers.contains { $0.first >= s.last + 1 && $0.first <= s.last + 2 }
                // "in Berlin", "to Washington": a place, not the government
                let place = view.isWord(s.first - 1, "in") || view.isWord(s.first - 1, "to") || view.isWord(s.first - 1, "from")
                    || view.isWord(s.first - 1, "at") || view.isWord(s.first - 1, "visit") || view.isWord(s.first - 1, "visited")
                valid = verbNext && !blocked && !place
            }
            // "former Chancellor Scholz", "ex-president": not the government now
            if view.isWord(s.first - 1, "former") || view.isWord(s.first - 2, "former") || view.isWord(s.first - 3, "former") { valid = false }
            if valid { out.append(Mention(first: s.first, last: s.last, actor: Int(s.label.entry))) }
        }
        return out.sorted { $0.first < $1.first }
    }
}
