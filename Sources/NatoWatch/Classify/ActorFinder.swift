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
        // Longest span wins among overlapping actor hits. Kept spans never overlap unless they are
        // the same span, so each token records the one range covering it: linear, not quadratic,
        // in the number of mentions (a hostile sentence may repeat a name 100,000 times).
        var kept: [SentenceView.Span] = []
        var cover = [Int](repeating: -1, count: view.tokens.count)  // first token of the covering kept span
        var coverLast = [Int](repeating: -1, count: view.tokens.count)
        var keptKeys = Set<[Int]>()
        for s in spans.sorted(by: { ($0.last - $0.first) > ($1.last - $1.first) }) {
            guard s.first >= 0, s.last < cover.count, s.first <= s.last else { continue }
            var overlaps = false
            for t in s.first...s.last where cover[t] >= 0 && !(cover[t] == s.first && coverLast[t] == s.last) {
                overlaps = true
                break
            }
            if overlaps { continue }
            if !keptKeys.insert([s.first, s.last, Int(s.label.entry)]).inserted { continue }
            for t in s.first...s.last {
                cover[t] = s.first
                coverLast[t] = s.last
            }
            kept.append(s)
        }
        let govFirst = Set(gov.map(\.first))
        let verbFirst = Set(verbs.map(\.first))
        let blockerFirst = Set(blockers.map(\.first))
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
            // (but "NATO's 32 countries" are the allies themselves)
            if view.ctx.rules.gazetteer.actors[Int(s.label.entry)].kind == .bloc, view.isWord(s.first - 1, "s"), view.isWord(s.first - 2, "'"),
               !view.isWord(s.first - 3, "nato"), !view.isWord(s.first - 3, "alliance") { continue }
            // a glued possessive "'s" extends the span
            let form = ActorForm(rawValue: s.label.kind) ?? .name
            var valid: Bool
            switch form {
            case .name, .possessive:
                valid = true
            case .adjective:
                valid = (s.last + 1...s.last + 3).contains { govFirst.contains($0) }
            case .verbName:
                var next = s.last + 1
                if view.isWord(next, "'"), view.isWord(next + 1, "s") { next += 2 }
                let verbNext = verbFirst.contains(next) || (verbFirst.contains(next + 1) && view.isWord(next, ","))
                let blocked = blockerFirst.contains(s.last + 1) || blockerFirst.contains(s.last + 2)
                // "in Berlin", "to Washington": a place, not the government
                let place = view.isWord(s.first - 1, "in") || view.isWord(s.first - 1, "to") || view.isWord(s.first - 1, "from")
                    || view.isWord(s.first - 1, "at") || view.isWord(s.first - 1, "visit") || view.isWord(s.first - 1, "visited")
                valid = verbNext && !blocked && !place
            }
            // "The European Union and NATO member – which borders Ukraine – plans…": a description of a member, not the bloc
            if view.ctx.rules.gazetteer.actors[Int(s.label.entry)].kind == .bloc,
               view.isWord(s.last + 1, "member") || view.isWord(s.last + 1, "and") && view.isWord(s.last + 3, "member") { valid = false }
            // "the US-led alliance", "an EU-funded programme": half of a compound adjective, not the actor
            if view.isWord(s.last + 1, "-"), view.isWord(s.last + 2, in: Self.compoundParticiples) { valid = false }
            // "Prime Minister Luís Montenegro", "Prime Minister Montenegro said": a person's surname, not the country
            // (only the country's own name: a leader's name after a title is the leader, "Prime Minister Ilie Bolojan")
            if form == .name || form == .possessive, isSurname(s.first),
               view.original(s.first).lowercased() == rules.gazetteer.actors[Int(s.label.entry)].name.lowercased() { valid = false }
            // "former Chancellor Scholz", "ex-president": not the government now
            if view.isWord(s.first - 1, "former") || view.isWord(s.first - 2, "former") || view.isWord(s.first - 3, "former") { valid = false }
            if valid { out.append(Mention(first: s.first, last: s.last, actor: Int(s.label.entry))) }
        }
        return out.sorted { $0.first < $1.first }
    }

    private static let compoundParticiples = ByteWordSet(["led", "backed", "funded", "made", "built", "based", "owned", "brokered",
                                                          "sponsored", "financed", "designed", "supplied", "run", "controlled"])
    private static let titles = ByteWordSet(["minister", "president", "premier", "chancellor", "pm", "mr", "mrs", "ms", "dr",
                                             "general", "gen", "secretary", "leader", "senator", "ambassador", "commissioner", "speaker"])

    /// The name at `first` follows a title, directly or after a first name: it is someone's surname.
    private func isSurname(_ first: Int) -> Bool {
        view.isWord(first - 1, in: Self.titles) || view.isCapitalized(first - 1) && view.isWord(first - 2, in: Self.titles)
    }
}
