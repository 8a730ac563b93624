import Foundation

/// Extracts changes to NATO missions: a mission from the gazetteer (or an office template such as
/// "a liaison office in Tunisia") bound to the nearest change cue in the same sentence, with NATO
/// context nearby, no EU/UN mission nearer to the cue, and no routine/negated/historical wording.
struct MissionExtractor {
    let ctx: ArticleContext

    /// Tokens between a cue and its mission at most.
    static let window = 10

    private enum Change: String { case launch, expand, reduce, end, other }

    func extract() -> [MissionFact] {
        var out: [MissionFact] = []
        var seen = Set<String>()
        let r = ctx.rules
        let nato = ctx.lex("nato_context")
        let articleNamesNato = ctx.namesNato
        var recent: (mission: Int, sentence: Int)?
        let anaphora = ctx.lex("mission_anaphora")
        for s in ctx.bodyFirstOrder {
            let named = ctx.has(s, r.missionCategory)
            let referred = !named && ctx.has(s, anaphora) && !ctx.has(s, r.notNatoCategory)
                && recent.map { s > $0.sentence && s - $0.sentence <= 2 } == true
            defer {
                if named, let first = ctx.hits(in: s, category: r.missionCategory).first { recent = (Int(first.label.entry), s) }
            }
            // "NATO and Ukraine opened a joint centre in Bydgoszcz. The Joint Analysis… Centre (JATEC) will…"
            var forward: Int?
            if !named, !referred, !ctx.titleSentences.contains(s), s + 1 < ctx.sentences.count, !ctx.titleSentences.contains(s + 1),
               ctx.has(s, ctx.lex("forward_nouns")), ctx.has(s, ctx.lex("change_launch")), !ctx.has(s + 1, r.notNatoCategory),
               let first = ctx.hits(in: s + 1, category: r.missionCategory).first {
                forward = Int(first.label.entry)
            }
            guard named || referred || forward != nil || ctx.has(s, r.officeTemplateCategory) else { continue }
            // routine words veto the sentence, unless it changes their number ("increase the number of rotations")
            if ctx.has(s, ctx.lex("mission_negative")) {
                let v = ctx.view(s)
                let changesNumber = v.spans(ctx.lex("change_expand")).contains { c in v.isWord(c.last + 1, "the") && v.isWord(c.last + 2, "number") }
                    || v.spans(ctx.lex("change_reduce")).contains { c in v.isWord(c.last + 1, "the") && v.isWord(c.last + 2, "number") }
                guard changesNumber, !v.spans(ctx.lex("mission_negative")).contains(where: { !v.word($0.first).starts(with: Array("rotation".utf8)) }) else { continue }
            }
            let natoNearby = (max(0, s - 1)...min(ctx.sentences.count - 1, s + 1)).contains { ctx.has($0, nato) }
            let view = ctx.view(s)
            // background: "KFOR was established in 1999" (a past year close to the mission or the office; not "the war
            // Russia started in 2022" further on)
            if let py = ctx.publishedYear {
                let named = view.spans(r.missionCategory) + view.spans(anaphora) + view.spans(r.officeTemplateCategory)
                if TargetYearFinder(view: view, publishedYear: nil).mentions().contains(where: { m in m.year < py
                    && (named.isEmpty || view.isWord(m.first - 1, "since") || named.contains { $0.first - m.last <= 10 && m.first - $0.last <= 10 }) }) { continue }
            }
            for f in extract(view: view, natoNearby: natoNearby, articleNamesNato: articleNamesNato, referred: referred ? recent?.mission : forward, forward: forward != nil) {
                let key = "\(f.mission)|\(f.change)"
                if seen.insert(key).inserted { out.append(f) }
            }
        }
        // an ending includes the drawdown towards it: drop reductions of a mission that ends
        let ending = Set(out.filter { $0.change == "end" || $0.change == "close_office" }.map(\.mission))
        return out.filter { !($0.change == "reduce" && ending.contains($0.mission)) }
    }

    /// Whether the target began more than 180 days before the article was published.
    private func startedLongAgo(_ t: Target) -> Bool {
        guard let started = t.started, let published = ctx.published else { return false }
        return published.timeIntervalSince(started) > 180 * 86_400
    }

    private static let clauseWords = ByteWordSet(["after", "because", "when", "while", "since", "before", "following", "although", "though", "but", "whereas", "where"])
    private static let timeNouns = ByteWordSet(["end", "start", "beginning", "close", "conclusion", "ending"])
    private static let keepWords = ByteWordSet(["keep", "keeps", "kept", "keeping", "remain", "remains", "stay", "stays", "leave"])
    private static let months = ByteWordSet([
        "january", "february", "march", "april", "may", "june", "july", "august",
        "september", "october", "november", "december"])

    private static let monthNumbers: [String: Int] = [
        "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
        "september": 9, "october": 10, "november": 11, "december": 12]

    /// "On 12 September, we launched…" in a statement of 23 September: a day named next to the cue that lies more
    /// than a week before publication dates an earlier event.
    private func datedWeeksBefore(_ view: SentenceView, _ cue: SentenceView.Span) -> Bool {
        guard let published = ctx.published, let py = ctx.publishedYear else { return false }
        let lo = max(0, cue.first - 8), hi = min(view.tokens.count - 1, cue.last + 6)
        guard lo <= hi else { return false }
        for k in lo...hi where view.isWord(k, in: Self.months) {
            guard let month = Self.monthNumbers[String(decoding: view.word(k), as: UTF8.self)] else { continue }
            let day = [k - 1, k + 1].first { view.tokens.indices.contains($0) && view.tokens[$0].kind == .number && view.tokens[$0].isInteger
                && view.tokens[$0].number >= 1 && view.tokens[$0].number <= 31 }.map { Int(view.tokens[$0].number) }
            guard let d = day else { continue }
            var c = DateComponents()
            c.year = py; c.month = month; c.day = d
            guard var date = DateParsing.calendar.date(from: c) else { continue }
            if date > published.addingTimeInterval(86_400) { c.year = py - 1; date = DateParsing.calendar.date(from: c) ?? date }
            if published.timeIntervalSince(date) > 7 * 86_400 { return true }
        }
        return false
    }

    /// "KFOR, set up in 1999", "launched after the invasion": a cue describing the past, not news.
    private func isBackground(_ view: SentenceView, _ cue: SentenceView.Span) -> Bool {
        let next = cue.last + 1
        if datedWeeksBefore(view, cue) { return true }
        // "by the end of the year": a time, not an ending
        if view.isWord(next, "of"), view.isWord(cue.first - 1, "the") || view.isWord(cue.first - 1, "an"),
           view.isWord(cue.first, in: Self.timeNouns) { return true }
        if view.isWord(next, "after") || view.isWord(next, "since") || view.isWord(next, "following") { return true }
        // "which was launched in January": a relative clause about the past
        if (view.isWord(cue.first - 1, "was") || view.isWord(cue.first - 1, "were")) &&
            (view.isWord(cue.first - 2, "which") || view.isWord(cue.first - 2, "that") || view.isWord(cue.first - 2, ",")) { return true }
        if view.isWord(next, "in"), view.isWord(next + 1, in: Self.months) { return true }
        // "agreed to set up the centre at the Washington summit last July": an old decision
        for k in next..<min(next + 9, view.tokens.count) {
            if view.isWord(k, "last"), view.isWord(k + 1, in: Self.months) || view.isWord(k + 1, "year") { return true }
            if view.isWord(k, ".") || view.isWord(k, ";") { break }
        }
        // "NATO has also recently set up Eastern Sentry": a recent change told as background
        if (max(0, cue.first - 3)..<cue.first).contains(where: { view.isWord($0, "recently") || view.isWord($0, "originally") || view.isWord($0, "newly") }) { return true }
        // "Allies had discussed ending NMI": a pluperfect tells what came before the news
        if (max(0, cue.first - 3)..<cue.first).contains(where: { view.isWord($0, "had") }) { return true }
        // "agreed last year to end…", "decided two years ago to…": an old decision
        for k in max(0, cue.first - 5)..<cue.first {
            if view.isWord(k, "last"), view.isWord(k + 1, "year") { return true }
            if view.isWord(k, "ago") { return true }
        }
        for k in next..<min(next + 5, view.tokens.count) {
            if view.isWord(k, "in"), k + 1 < view.tokens.count, view.tokens[k + 1].kind == .number, view.tokens[k + 1].number >= 1900 { return true }
            if view.isWord(k, "last"), view.isWord(k + 1, "year") || view.isWord(k + 1, "month") { return true }
            if view.isWord(k, "ago") { return true }
            if view.isWord(k, ".") || view.isWord(k, ",") { break }
        }
        return false
    }

    private static let missionNouns = ByteWordSet(["mission", "operation", "activity", "initiative", "effort", "deployment", "centre", "center", "office"])
    private static let objectFillers = ByteWordSet(["to", "towards", "toward", "of", "the", "a", "an", "its", "their", "s", "'",
                                                    "military", "national", "regional", "overall", "operational", "own", "country's"])

    /// The first token of a change verb's object, past "to", articles and possessives ("to Iraq's").
    private func objectStart(_ view: SentenceView, after last: Int) -> Int? {
        var k = last + 1
        while k < min(view.tokens.count, last + 8) {
            if view.isWord(k, in: Self.objectFillers) { k += 1; continue }
            if view.tokens[k].kind == .word, view.isWord(k + 1, "'"), view.isWord(k + 2, "s") { k += 3; continue }
            return k
        }
        return nil
    }

    /// Tokens from a target to a later cue, not counting an appositive right after the target
    /// ("NSATU, the alliance's command for aid to Kyiv, could relocate…").
    private func distanceAfter(_ view: SentenceView, target: Int, cue: Int) -> Int {
        let d = cue - target
        guard view.isWord(target + 1, ",") else { return d }
        var k = target + 2
        while k < cue, !view.isWord(k, ",") { k += 1 }
        guard k < cue, k - target <= 16 else { return d }
        return cue - k
    }

    private struct Target { var first: Int; var last: Int; var name: String; var place: String?; var office: Bool; var nato: Bool; var started: Date? = nil; var gazetteer = false }

    private func extract(view: SentenceView, natoNearby: Bool, articleNamesNato: Bool, referred: Int?, forward: Bool = false) -> [MissionFact] {
        let r = ctx.rules
        let g = r.gazetteer
        var targets: [Target] = []
        // "The mission will also…": the mission named just before
        if let mi = referred, let sp = view.spans(ctx.lex(forward ? "forward_nouns" : "mission_anaphora")).first {
            let m = g.missions[mi]
            targets.append(Target(first: sp.first, last: sp.last, name: m.name, place: m.place, office: m.office, nato: true, started: m.started))
        }
        // gazetteer missions (longest span wins)
        for sp in view.spans(r.missionCategory).sorted(by: { ($0.last - $0.first) > ($1.last - $1.first) }) {
            if targets.contains(where: { $0.first <= sp.last && sp.first <= $0.last }) { continue }
            let m = g.missions[Int(sp.label.entry)]
            targets.append(Target(first: sp.first, last: sp.last, name: m.name, place: m.place, office: m.office, nato: true, started: m.started, gazetteer: true))
        }
        // office templates: "liaison office in <Place>"
        for sp in view.spans(r.officeTemplateCategory) where !targets.contains(where: { $0.first <= sp.last && sp.first <= $0.last }) {
            var k = sp.last + 1
            guard view.isWord(k, "in") || view.isWord(k, "to") || view.isWord(k, "for") else { continue } // ("Liaison Office for Central Asia")
            k += 1
            var words: [String] = []
            while view.isCapitalized(k) {
                words.append(view.original(k))
                k += 1
            }
            guard !words.isEmpty else { continue }
            var place = words.joined(separator: " ")
            if let country = g.capitalToCountry[place.lowercased()] { place = country }
            if let known = g.missions.first(where: { $0.office && $0.place == place }) {
                targets.append(Target(first: sp.first, last: k - 1, name: known.name, place: known.place, office: true, nato: true))
            } else {
                targets.append(Target(first: sp.first, last: k - 1, name: "NATO Liaison Office in \(place)", place: place, office: true, nato: natoNearby))
            }
        }
        for sp in view.spans(r.notNatoCategory) where !targets.contains(where: { $0.first <= sp.last && sp.first <= $0.last }) {
            targets.append(Target(first: sp.first, last: sp.last, name: "", place: nil, office: false, nato: false))
        }
        // "The coalition, which is not a NATO operation, agreed to end its military mission in Iraq": a mission
        // owned ("its") by a non-NATO subject named before it, with no NATO word between, is that subject's
        let natoSpans = view.spans(ctx.lex("nato_context"))
        for i in targets.indices where targets[i].nato && !targets[i].office {
            let t = targets[i]
            guard view.isWord(t.first, "its") || view.isWord(t.first - 1, "its") || view.isWord(t.first - 2, "its") || view.isWord(t.first - 3, "its") else { continue }
            let owner = targets.filter { !$0.nato && $0.last < t.first }.map(\.last).max()
                ?? (0..<t.first).last(where: { view.isWord($0, "coalition") })
            guard let o = owner, !natoSpans.contains(where: { $0.first > o && $0.last < t.first && !view.isWord($0.first, "not") }) else { continue }
            // "which is not a NATO operation" qualifies the owner: it does not hand the mission to NATO
            let between = natoSpans.filter { $0.first > o && $0.last < t.first }
            if between.allSatisfy({ sp in (max(o, sp.first - 3)..<sp.first).contains { view.isWord($0, "not") } }) { targets[i].nato = false }
        }
        guard targets.contains(where: { $0.nato }) else { return [] }
        let nonObjects = view.spans(ctx.lex("change_non_objects"))
        let expansionObjects = view.spans(ctx.lex("expansion_objects"))
        let timeExtension = view.spans(ctx.lex("time_extension_cues"))
        let negated = view.spans(ctx.lex("mission_negation"))
        let handoverObjects = view.spans(ctx.lex("handover_objects"))
        let partialHandover = view.spans(ctx.lex("partial_handover_objects"))
        let proposedCues = view.spans(ctx.lex("mission_proposed"))
        var cues: [(SentenceView.Span, Change)] = []
        for (lex, change) in [("change_launch", Change.launch), ("change_expand", .expand), ("change_reduce", .reduce), ("change_end", .end), ("change_other", .other)] {
            for sp in view.spans(ctx.lex(lex)) {
                // "cable-cutting incidents", "cost-cutting": half of a compound word is no change
                if view.isWord(sp.first - 1, "-") { continue }
                if nonObjects.contains(where: { $0.first > sp.last && $0.first <= sp.last + 2 }) { continue }
                // "strengthen NATO's posture", "contributes to Iraq's security", "creation of a safe environment"
                if let k = objectStart(view, after: sp.last), nonObjects.contains(where: { $0.first == k }) { continue }
                if isBackground(view, sp) { continue }
                if negated.contains(where: { $0.last < sp.first && $0.last >= sp.first - 8 }) { continue }
                // "keep the office open": the status quo
                if change == .launch, view.isWord(sp.first, "open"),
                   (max(0, sp.first - 8)..<sp.first).contains(where: { view.isWord($0, in: Self.keepWords) }) { continue }
                if change == .end, view.word(sp.first).starts(with: Array("hand".utf8)),
                   handoverObjects.contains(where: { $0.first > sp.last && $0.first <= sp.last + 3 }) { continue }
                if change == .end, partialHandover.contains(where: { $0.first > sp.last && $0.first <= sp.last + 8 }) {
                    cues.append((sp, .reduce)) // "hand over responsibility for guarding…": a task, not the mission
                    continue
                }
                if change == .expand, view.word(sp.first).starts(with: Array("extend".utf8)),
                   timeExtension.contains(where: { $0.first > sp.last && $0.first <= sp.last + 8 }) {
                    cues.append((sp, .other)) // "extend Sea Guardian for another year"
                    continue
                }
                if change == .end, !view.word(sp.first).starts(with: Array("hand".utf8)),
                   expansionObjects.contains(where: { $0.first > sp.last && $0.first <= sp.last + 4 }) {
                    cues.append((sp, .reduce)) // "will close its training site at Taji": the mission shrinks
                    continue
                }
                if change == .launch, expansionObjects.contains(where: { $0.first > sp.last && $0.first <= sp.last + 4 || $0.last < sp.first && $0.last >= sp.first - 4 }) {
                    cues.append((sp, .expand)) // "will open a new base": an existing mission grows
                    continue
                }
                cues.append((sp, change))
            }
        }
        // "Germany is providing four Eurofighter jets for Eastern Sentry", "Denmark will support Baltic Sentry with ships"
        let assets = view.spans(ctx.lex("asset_nouns"))
        var contributionCues = Set<Int>()
        // (not the trainees: "provide training for another 3,000 Ukrainian soldiers")
        for sp in view.spans(ctx.lex("contribution_verbs")) where assets.contains(where: { $0.first > sp.last && $0.first <= sp.last + 8 && !view.isWord($0.first - 1, "ukrainian") }) {
            if cues.contains(where: { $0.0.first == sp.first }) { continue }
            if negated.contains(where: { $0.last < sp.first && $0.last >= sp.first - 8 }) || isBackground(view, sp) { continue }
            cues.append((sp, .expand))
            contributionCues.insert(sp.first)
        }
        // each target takes its nearest cue
        var out: [MissionFact] = []
        // a mission named in the gazetteer is NATO's wherever the article names NATO ("Germany is providing four jets
        // for Eastern Sentry" in a story whose headline says NATO)
        for t in targets where t.nato && (natoNearby || t.gazetteer && articleNamesNato) {
            var best: (Int, Change, SentenceView.Span)?
            for (sp, change) in cues {
                if sp.first <= t.last && t.first <= sp.last { continue } // the cue is part of the name
                // an Ally contributes *to* the mission; "Baltic Sentry will deploy a variety of assets" is the mission's own work
                if contributionCues.contains(sp.first), sp.first > t.last { continue }
                // "This unit will be succeeded by the NATO headquarters in Wiesbaden": the successor does not end
                if sp.last < t.first, view.isWord(sp.last, "by"), view.isWord(sp.first, "succeeded") || view.isWord(sp.first, "replaced") { continue }
                // "set up the Eastern Sentry mission to strengthen the flank": a purpose, not a second change
                if change == .expand, sp.first > t.last + 1, sp.first - t.last <= 4, view.isWord(sp.first - 1, "to"),
                   view.isWord(sp.first - 2, in: Self.missionNouns) { continue }
                let d = sp.last < t.first ? t.first - sp.last : distanceAfter(view, target: t.last, cue: sp.first)
                // "KFOR must stay neutral, after Kosovo police closed…": the verb is in another clause
                if sp.first > t.last, ((t.last + 1)..<sp.first).contains(where: { view.isWord($0, in: Self.clauseWords) }) { continue }
                // (a contribution names its assets first: "will contribute four Eurofighter jets and air refuelling
                // capabilities to NATO's Arctic Sentry operation")
                guard d <= Self.window || contributionCues.contains(sp.first) && sp.last < t.first && d <= 2 * Self.window else { continue }
                // another target is nearer to this cue: the cue belongs to it
                let nearer = targets.contains { o in
                    guard o.first != t.first else { return false }
                    let od = sp.last < o.first ? o.first - sp.last : (sp.first > o.last ? sp.first - o.last : 0)
                    return od < d
                }
                if nearer { continue }
                // a launch or an end outranks growth words nearby ("launched X to boost surveillance")
                let score = (change == .launch || change == .end) && sp.last < t.first ? d - 4 : d
                if best == nil || score < best?.0 ?? Int.max { best = (score, change, sp) }
            }
            guard let (_, change, cue) = best else { continue }
            let lo = min(cue.first, t.first) - 6, hi = max(cue.last, t.last) + 6
            let proposed = proposedCues.contains { $0.first >= lo && $0.last <= hi }
            let kind: String
            switch change {
            // a "launch" of a mission that began long ago is a new presence of it: "establishing a Forward Land Forces presence in Finland"
            case .launch where !t.office && startedLongAgo(t): kind = "expand"
            // an office open for months reaching a milestone ("JATEC to reach full operational capability") is no opening
            case .launch where t.office && startedLongAgo(t): continue
            case .launch: kind = t.office ? "open_office" : "launch"
            case .end: kind = t.office ? "close_office" : "end"
            case .expand: kind = "expand"
            case .reduce: kind = "reduce"
            case .other: kind = "other"
            }
            out.append(MissionFact(mission: t.name, change: kind, place: t.place, status: proposed ? "proposed" : "decided",
                                   evidence: ctx.evidence(view.index, around: view.tokens[t.first].start), rules: ["mission.\(kind)", proposed ? "mission.proposed" : "mission.decided"]))
        }
        return out
    }
}
