import Foundation

/// Extracts defence-spending pledges: a percentage of GDP or a money amount bound to a defence
/// object, promised by an Ally, the EU or NATO allies, with a target year.
///
/// For each number the extractor checks, in order: it is a share of GDP (or follows "to"/"at" right
/// after a defence word) or an amount; it is not a baseline ("from 2%"), an increment ("by 0.2%"),
/// a conversion in parentheses or a component of a total; the nearest object word is a defence
/// word, not health/aid/debt/inflation…; the nearest cue before it is a commitment, not an
/// achieved level ("spent", "reached"), and no refusal or third-party demand governs it; the actor
/// is an Ally or bloc (partners are dropped); the year is not in the past.
struct PledgeExtractor {
    let ctx: ArticleContext

    /// `NATOWATCH_TRACE=1` prints, to standard error, each figure a rule drops and the line of that rule.
    private static let tracing = ProcessInfo.processInfo.environment["NATOWATCH_TRACE"] != nil
    private func trace(_ line: Int, _ q: Quantity, _ view: SentenceView) {
        guard Self.tracing else { return }
        let words = (max(0, q.first - 8)...min(view.tokens.count - 1, q.last + 4)).map { view.original($0) }.joined(separator: " ")
        FileHandle.standardError.write(Data("pledge: dropped \(q.value) at PledgeExtractor.swift:\(line): …\(words)…\n".utf8))
    }

    private static let qualifiers = ByteWordSet([
        "at", "least", "about", "around", "roughly", "nearly", "almost", "some",
        "over", "more", "than", "up", "to", "no", "less", "close", "approximately",
        "an", "a", "additional", "extra", "further", "another", "estimated", "just",
        "exceeding", "above", "below", "under", "of", "the", "equivalent", "previous", "existing", "old", "longstanding", "long-standing", "its", "their"])
    private static let linkWords = ByteWordSet([
        "to", "at", "of", "reach", "reaching", "reaches", "hit", "hitting", "meet",
        "target", "goal", "be", "is", "towards", "toward", "around", "about", "least"])
    /// Before an actor, these make it a recipient or a place, not the one promising ("€16bn for Romania").
    private static let recipientWords = ByteWordSet(["for", "to", "in", "from", "at", "into", "on", "against", "with", "by"])
    private static let proposeStems: [[UInt8]] = ["propos", "suggest", "demand", "call"].map { Array($0.utf8) }
    /// The smallest share of GDP read as a whole defence budget (the smallest Ally budget, Luxembourg's, is about 0.6–0.7%).
    static let smallestBudgetShare = 0.6
    private static let decisionWords = ByteWordSet(["decided", "decision", "agreed", "agreement", "committed", "commitment", "pledged", "resolved", "declaration"])
    private static let commitmentNouns = ByteWordSet(["pledge", "commitment", "decision", "agreement"])
    private static let formerWords = ByteWordSet(["current", "old", "previous", "existing", "former", "original", "earlier", "initial"])
    private static let copulas = ByteWordSet(["is", "was", "are", "were", "remains", "stands", "stood", "has", "had"])
    private static let incrementNouns = ByteWordSet(["increase", "increases", "rise", "hike", "increment", "jump"])
    private static let linkToFigure = ByteWordSet(["will", "would", "amount", "amounts", "to", "be", "is", "was", "total", "totals", "approximately", "about", "around", "nearly", "some", "roughly", "reach", "reaches", "of"])
    private static let shareLinks = ByteWordSet(["for", "on", "to", "aimed", "towards", "toward", "going", "earmarked", "dedicated", "devoted", "in"])
    private static let spendNouns = ByteWordSet(["spending", "budget", "budgets", "outlays", "expenditure", "expenditures", "target", "figure"])
    private static let ownerWords = ByteWordSet(["its", "their", "his", "her", "our", "my", "own", "national", "s", "government", "country"])
    private static let nowWords = ByteWordSet(["currently", "presently"])
    private static let futureWords = ByteWordSet(["will", "would", "shall", "plans", "plan", "planning", "aims", "aim", "to", "pledged", "committed", "wants", "intends", "from", "next"])
    private static let subjectWords = ByteWordSet(["he", "she", "it", "we", "they", "government", "ministry", "cabinet", "coalition", "minister", "country", "nation"])
    private static let spendVerbs = ByteWordSet(["spend", "spending", "reach", "reaching", "hit", "hitting", "meet", "allocate", "earmark", "devote"])
    private static let movementStems: [[UInt8]] = ["rais", "increas", "rise", "rose", "lift", "boost", "grow", "climb", "hik", "ramp", "bring"].map { Array($0.utf8) }
    /// Words that open a new clause: an object after one belongs to that clause, not to a figure before it.
    private static let comparisonWords = ByteWordSet(["on", "over", "than", "compared", "versus", "vs"])
    private static let clauseBreaks = ByteWordSet([",", ";", "and", "but", "while", "whereas", "as"])
    private static let growthAfter = ByteWordSet([
        "rise", "increase", "increases", "hike", "jump", "boost", "growth", "more",
        "higher", "lower", "cut", "cuts", "drop", "fall", "of", "year", "annual",
        "annually", "per", "a"])

    func extract() -> [PledgeFact] {
        var facts: [PledgeFact] = []
        var lastActor: (actor: Int, sentence: Int)?
        let defence = ctx.lex("defence_objects")
        // the headline's actor stands in for "the government" in body sentences naming nobody
        var titleActorCache: Int??
        func titleActor() -> Int? {
            if let cached = titleActorCache { return cached }
            let found = ctx.titleSentences.sorted().lazy.compactMap { t in
                ActorFinder(view: ctx.view(t)).mentions().first { ctx.rules.gazetteer.actors[$0.actor].kind != .partner }?.actor
            }.first
            titleActorCache = .some(found)
            return found
        }
        // else the Ally or bloc the article is about: named (by name, possessive or leader) in at least two
        // sentences, and in more sentences than any other ("We are proposing NOK 600 billion…" in a Norwegian release)
        var dominantCache: Int??
        func dominantActor() -> Int? {
            if let cached = dominantCache { return cached }
            var counts: [Int: Int] = [:]
            for t in ctx.sentences.indices where ctx.has(t, ctx.rules.actorCategory) {
                var here = Set<Int>()
                for i in ctx.sentenceHits[t] {
                    for l in ctx.labels(ctx.hits[i]) where l.category == ctx.rules.actorCategory {
                        let form = ActorForm(rawValue: l.kind) ?? .name
                        guard form == .name || form == .possessive else { continue }
                        here.insert(Int(l.entry))
                    }
                }
                for a in here { counts[a, default: 0] += 1 }
            }
            let ranked = counts.sorted { $0.value > $1.value }
            var found: Int?
            // (an article about a partner — "South Korea agreed with the US…" — has no Ally to stand in)
            if let top = ranked.first, top.value >= 2, ranked.count == 1 || ranked[1].value < top.value,
               ctx.rules.gazetteer.actors[top.key].kind != .partner { found = top.key }
            dominantCache = .some(found)
            return found
        }
        for s in ctx.bodyFirstOrder {
            let hasDefenceHere = ctx.has(s, defence)
            let prevDefence = s > 0 && ctx.sentences[s - 1].paragraph == ctx.sentences[s].paragraph && ctx.has(s - 1, defence)
            let hasNumber = ctx.hasQuantitySignal(s)
            let natoTarget = ctx.has(s, ctx.lex("nato_context")) && ctx.has(s, ctx.lex("target_nouns"))
            if !(hasNumber && (hasDefenceHere || prevDefence || natoTarget || ctx.defenceArticle)) {
                if let a = firstActorCheap(s) { lastActor = (a, s) }
                continue
            }
            let view = ctx.view(s)
            let actors = ActorFinder(view: view).mentions()
            var previous = lastActor.flatMap { s - $0.sentence == 1 ? $0.actor : nil }
            // "the nation's plans…", "the country will…": a country, not the bloc named just before
            if let p = previous, ctx.rules.gazetteer.actors[p].kind == .bloc, actors.isEmpty,
               view.tokens.indices.contains(where: { view.isWord($0, "country") || view.isWord($0, "nation") || view.isWord($0, "minister") || view.isWord($0, "government") }),
               let member = titleActor() ?? dominantActor(), ctx.rules.gazetteer.actors[member].kind == .member { previous = member }
            let found = extract(view: view, actors: actors, fallback: previous ?? (ctx.titleSentences.contains(s) ? nil : titleActor() ?? dominantActor()),
                                fallbackIsPrevious: previous != nil,
                                contextOnly: !hasDefenceHere, prevHasDefence: prevDefence, inheritedYear: { yearBefore(s, actor: $0) },
                                sameFigureYear: { metric, value in
                                    facts.first { $0.metric == metric && $0.targetYear != nil && abs($0.value - value) <= 0.01 * abs(value) }?.targetYear
                                })
            let fromTitle = ctx.titleSentences.contains(s)
            for f in found {
                // a headline restates the body: a rounded or range-end figure in it is not a second pledge
                // (a clearly different figure is the other half of the news: "5%" in the headline, "3.5% core" in the body)
                if fromTitle, facts.contains(where: { $0.actor == f.actor && $0.metric == f.metric && !ctx.titleSentenceEvidence.contains($0.evidence)
                    && (f.metric == "amount" || abs($0.value - f.value) <= 0.25 * max(abs($0.value), abs(f.value))) }) { continue }
                Self.merge(f, into: &facts)
            }
            if let first = actors.first(where: { ctx.rules.gazetteer.actors[$0.actor].kind != .partner }) { lastActor = (first.actor, s) }
            else { lastActor = nil }
        }
        Self.dateSharesOfTotals(&facts)
        if let py = ctx.publishedYear, let allies = Self.alliesIndex(ctx.rules.gazetteer) {
            Self.dateAllianceTargets(&facts, allies: ctx.rules.gazetteer.actors[allies].name, publishedYear: py)
        }
        return facts
    }

    /// The alliance's targets restated in one article share their deadline: "NATO leaders agreed to raise
    /// defence spending to 5% of GDP … 3.5% for core defence by 2035". An undated share for NATO allies takes
    /// the one future year the article gives their other shares.
    static func dateAllianceTargets(_ facts: inout [PledgeFact], allies: String, publishedYear: Int) {
        let years = Set(facts.filter { $0.actor == allies && $0.metric == "pct_gdp" }.compactMap(\.targetYear))
        guard years.count == 1, let y = years.first, y > publishedYear else { return }
        for i in facts.indices where facts[i].actor == allies && facts[i].metric == "pct_gdp" && facts[i].targetYear == nil {
            facts[i].targetYear = y
            facts[i].rules.append("pledge.year_of_alliance_targets")
        }
    }

    /// "5% of GDP by 2035 … split between 3.5% for core defence and 1.5%…": an undated share in a split takes
    /// the year of the same actor's larger dated share, when all of those agree on one year.
    static func dateSharesOfTotals(_ facts: inout [PledgeFact]) {
        for i in facts.indices where facts[i].targetYear == nil && facts[i].metric == "pct_gdp" && facts[i].rules.contains("pledge.share_of_split") {
            // (the alliance's split dates from the total whoever restates it: "Türkiye backs NATO's 5% by 2035 … the
            // revised target includes 3.5% for core defence")
            let share = facts[i]
            let alliance = share.rules.contains("pledge.actor_alliance_target")
            let years = Set(facts.filter { ($0.actor == share.actor || alliance) && $0.metric == "pct_gdp" && $0.value > share.value }.compactMap(\.targetYear))
            guard years.count == 1, let y = years.first else { continue }
            facts[i].targetYear = y
            facts[i].rules.append("pledge.year_of_total")
        }
    }

    /// Adds `f` unless the same actor, metric and value (±1%) is known; a dated fact replaces an undated one.
    static func merge(_ f: PledgeFact, into facts: inout [PledgeFact]) {
        if let i = facts.firstIndex(where: { $0.actor == f.actor && $0.metric == f.metric && abs($0.value - f.value) <= 0.01 * abs(f.value)
            && ($0.targetYear == f.targetYear || $0.targetYear == nil || f.targetYear == nil) }) {
            if facts[i].targetYear == nil && f.targetYear != nil { facts[i] = f }
            return
        }
        facts.append(f)
    }

    /// The first member or bloc named in sentence `s` (names/possessives only), without tokenizing.
    private func firstActorCheap(_ s: Int) -> Int? {
        let actorCategory = ctx.rules.actorCategory
        guard ctx.has(s, actorCategory) else { return nil }
        for i in ctx.sentenceHits[s] {
            for l in ctx.labels(ctx.hits[i]) where l.category == actorCategory {
                let form = ActorForm(rawValue: l.kind) ?? .name
                guard form == .name || form == .possessive else { continue }
                return ctx.rules.gazetteer.actors[Int(l.entry)].kind != .partner ? Int(l.entry) : nil
            }
        }
        return nil
    }

    /// A future year named in one of the two body sentences before `s` that also names `actor`
    /// ("Norway will … next year. Norway's defence budget will rise to…").
    private func yearBefore(_ s: Int, actor: Int) -> Int? {
        guard let py = ctx.publishedYear, !ctx.titleSentences.contains(s) else { return nil }
        for p in stride(from: s - 1, through: max(0, s - 2), by: -1) where !ctx.titleSentences.contains(p) {
            let v = ctx.view(p)
            guard ActorFinder(view: v).mentions().contains(where: { $0.actor == actor }) else { continue }
            // "…in 2026, up from 35 billion this year": a baseline's year is not the plan's
            let baselines = v.spans(ctx.lex("baseline_cues")).filter { $0.last > $0.first }
            if let y = TargetYearFinder(view: v, publishedYear: py).mentions().last(where: { m in
                m.year >= py && !m.duration && !baselines.contains { $0.last < m.first && $0.last >= m.first - 6 }
                    && !(max(0, m.first - 3)..<m.first).contains { v.isWord($0, "than") || v.isWord($0, "compared") || v.isWord($0, "versus") }
            })?.year { return y }
        }
        return nil
    }

    private func extract(view: SentenceView, actors: [ActorFinder.Mention], fallback: Int?, fallbackIsPrevious: Bool = false, contextOnly: Bool, prevHasDefence: Bool,
                         inheritedYear: (Int) -> Int?, sameFigureYear: (String, Double) -> Int? = { _, _ in nil }) -> [PledgeFact] {
        let g = ctx.rules.gazetteer
        let quantities = QuantityParser(view: view, gazetteer: g).parse()
        guard !quantities.isEmpty else { return [] }
        let objects = objectSpans(view)
        let gdp = view.spans(ctx.lex("gdp_anchors"))
        let commit = view.spans(ctx.lex("commitment_cues"))
        let achieved = view.spans(ctx.lex("achieved_cues"))
        let negation = view.spans(ctx.lex("negation_cues"))
        let dismissal = view.spans(ctx.lex("dismissal_cues"))
        let estimates = view.spans(ctx.lex("estimate_cues"))
        let achievedAfter = view.spans(ctx.lex("achieved_after"))
        let demand = view.spans(ctx.lex("demand_cues"))
        let proposal = view.spans(ctx.lex("proposal_cues"))
        let component = view.spans(ctx.lex("component_cues"))
        let baseline = view.spans(ctx.lex("baseline_cues"))
        let background = view.spans(ctx.lex("background_cues"))
        let targetNouns = view.spans(ctx.lex("target_nouns"))
        let meetCues = view.spans(ctx.lex("meet_cues"))
        let natoWords = view.spans(ctx.lex("nato_context"))
        let fundingSources = view.spans(ctx.lex("funding_sources"))
        // looked up only when a figure gets that far
        lazy var purchaseNouns = view.spans(ctx.lex("purchase_nouns"))
        lazy var purchaseVerbs = view.spans(ctx.lex("purchase_verbs"))
        lazy var forecast = view.spans(ctx.lex("forecast_cues"))
        lazy var openTime = view.spans(ctx.lex("open_time_cues"))
        lazy var splitHere = view.tokens.indices.contains { k in
            view.isWord(k, "split") || view.isWord(k, "splits") || view.word(k).starts(with: Array("divid".utf8)) || view.isWord(k, "includes") || view.isWord(k, "including")
                || view.isWord(k, "break") && view.isWord(k + 1, "down") || view.isWord(k, "breaks") && view.isWord(k + 1, "down")
        }
        let yearFinder = TargetYearFinder(view: view, publishedYear: ctx.publishedYear)
        let years = yearFinder.mentions().filter { !yearFinder.namesEvent($0) }
        var out: [PledgeFact] = []
        var accepted: [Quantity] = []
        for (qi, original) in quantities.enumerated() {
            var q = original
            var rules: [String] = []
            // "from 5 to 6 percent": after a movement verb ("raise from 2 to 3%") the target is the upper
            // figure; otherwise ("earmark from 5 to 6%") it is a range and the lower bound is kept
            if let high = q.high, view.isWord(q.first - 1, "from") {
                let moved = (max(0, q.first - 7)..<(q.first - 1)).contains { k in
                    Self.movementStems.contains { view.word(k).starts(with: $0) }
                }
                if moved { q.value = high }
                rules.append(moved ? "pledge.from_to_target" : "pledge.range_lower_bound")
            }
            // ("€3,878 million (1.2% of GDP)": a share of GDP in parentheses restates a budget just taken)
            let restatesAmount = q.inParentheses && q.kind == .percent && view.isWord(q.first - 1, "(")
                && accepted.contains { $0.kind == .money && $0.last == q.first - 2 }
                && gdp.contains { $0.first > q.last && $0.first <= q.last + 3 }
            guard !q.inParentheses || restatesAmount, !q.isPoints else { trace(#line, q, view); continue }
            if restatesAmount { rules.append("pledge.share_of_amount") }
            // "cuts defence spending to 2.1% of GDP versus the previous cabinet's plan for 2.35%": the figure compared with
            // ("…2.5 times higher than the existing two percent"; but "more than 3%" is a floor, not a comparison)
            if let prev = accepted.last, prev.last + 1 < q.first, ((prev.last + 1)..<q.first).contains(where: { k in
                view.isWord(k, "than") && !(k >= q.first - 3 && (view.isWord(k - 1, "more") || view.isWord(k - 1, "less") || view.isWord(k - 1, "fewer"))) }) {
                trace(#line, q, view); continue
            }
            if let prev = accepted.last, case let lead = skipQualifiers(q.first - 1, view), prev.last < lead, ((prev.last + 1)...lead).contains(where: { view.isWord($0, "versus") || view.isWord($0, "vs") || view.isWord($0, "compared") || view.isWord($0, "than") }) {
                trace(#line, q, view); continue
            }
            // "a €100 million increase in defence funding", "the increase will amount to €919 million": a difference
            if q.kind == .money, view.isWord(q.last + 1, in: Self.incrementNouns) && !view.isWord(q.last + 2, "of")
                || view.isWord(skipQualifiers(q.first - 1, view), "of") && view.isWord(skipQualifiers(q.first - 1, view) - 1, in: Self.incrementNouns)
                || (max(0, q.first - 6)..<q.first).contains(where: { k in view.isWord(k, in: Self.incrementNouns) && (view.isWord(k - 1, "the") || view.isWord(k - 1, "this"))
                    && ((k + 1)..<q.first).allSatisfy { view.isWord($0, in: Self.linkToFigure) } })
                && !(view.isWord(q.last + 2, "additional") || view.isWord(q.last + 2, "extra")) { trace(#line, q, view); continue } // ("…€3 billion in additional spending by 2029": money promised)
            let before = skipQualifiers(q.first - 1, view)
            // baselines and increments
            if q.high == nil, baseline.contains(where: { $0.last == before || $0.last == q.first - 1 }) { trace(#line, q, view); continue }
            // "a major increase from the previous benchmark of 2%": the old target is the baseline
            if view.isWord(q.first - 1, "of"), let tn = targetNouns.first(where: { $0.last == q.first - 2 }),
               (max(0, tn.first - 4)..<tn.first).contains(where: { view.isWord($0, "from") }) { trace(#line, q, view); continue }
            if let next = quantities.dropFirst(qi + 1).first, view.isWord(q.last + 1, "to"), next.first == q.last + 2, q.kind == next.kind {
                trace(#line, q, view); continue // "from 2% to 3%": the first is the baseline
            }
            let metric: String
            switch q.kind {
            case .percent:
                if view.isWord(before, "by") || view.isWord(q.first - 1, "by") { trace(#line, q, view); continue }
                // "1.5% of GDP more", "0.5% extra": an increment
                let afterAnchor = gdp.first(where: { $0.first > q.last && $0.first <= q.last + 6 })?.last ?? q.last
                if view.isWord(afterAnchor + 1, "more") || view.isWord(afterAnchor + 1, "extra") || view.isWord(q.last + 1, "more") { trace(#line, q, view); continue }
                // ("reached 4.1% of GDP last year, with plans to increase it to 4.7%": the earlier figure sets the measure)
                let afterGDP = accepted.contains { $0.kind == .percent }
                    || view.isWord(before, "to") && quantities[..<qi].contains { e in e.kind == .percent && gdp.contains { $0.first > e.last && $0.first <= e.last + 4 } }
                let anchored = gdp.contains { ($0.first > q.last && $0.first <= q.last + 6) || ($0.last < q.first && $0.last >= q.first - 4) }
                if anchored {
                    rules.append("pledge.pct_gdp")
                } else if afterGDP, !view.isWord(q.last + 1, in: Self.growthAfter) {
                    rules.append("pledge.pct_follows_gdp_share")
                } else if objects.contains(where: { $0.isDefence && ($0.span.first == q.last + 1 || $0.span.first == q.last + 2) }),
                          targetNouns.contains(where: { $0.first > q.last + 1 && $0.first <= q.last + 5 }) {
                    rules.append("pledge.pct_defence_target") // "the 3.5% core defence target": a share of GDP by definition
                } else if let o = objects.first(where: { $0.isDefence && ($0.span.first == q.last + 1 || $0.span.first == q.last + 2 && view.isWord(q.last + 1, "core")) }),
                          !view.isWord(o.span.last + 1, in: Self.growthAfter), !view.isWord(q.last + 1, in: Self.growthAfter),
                          commit.contains(where: { $0.last < q.first }) || ctx.defenceArticle {
                    rules.append("pledge.pct_defence_noun") // "committed to a 5% defence expenditure by 2035"
                } else if view.isWord(q.first - 1, "of"), targetNouns.contains(where: { $0.last == q.first - 2 }),
                          !baseline.contains(where: { $0.last < q.first && $0.last >= q.first - 7 }),
                          ctx.defenceArticle || objects.contains(where: { $0.isDefence && $0.span.last < q.first && $0.span.last >= q.first - 6 }) {
                    rules.append("pledge.pct_target_of") // "reach the new core target of 3.5%"
                } else if natoWords.contains(where: { $0.last < q.first && $0.last >= q.first - 4 }) || ctx.defenceArticle
                            || objects.contains(where: { $0.isDefence }) && view.isWord(q.first - 1, "the"),
                          targetNouns.contains(where: { $0.first > q.last && $0.first <= q.last + 2 }),
                          meetCues.contains(where: { $0.last < q.first && $0.last >= q.first - 5 }) {
                    rules.append("pledge.meets_nato_target") // "meet NATO's 2% target": a share of GDP by definition
                } else if ctx.defenceArticle, !objects.contains(where: { !$0.isDefence }), !view.isWord(q.last + 1, in: Self.growthAfter),
                          view.isWord(before, in: Self.spendVerbs) || view.isWord(q.first - 1, in: Self.spendVerbs) {
                    // in an article about defence spending: "plans to spend 4.7% this year", "will reach 3.5% by 2029"
                    rules.append("pledge.pct_implicit_defence_article")
                } else if !view.isWord(q.last + 1, in: Self.growthAfter), view.isWord(q.last + 1, in: Self.shareLinks),
                          objects.contains(where: { $0.isDefence && $0.span.first > q.last + 1 && $0.span.first <= q.last + 4 }),
                          !gdp.isEmpty || !targetNouns.isEmpty || ctx.defenceArticle || splitHere {
                    // "splits this into 3.5% for core military needs", "the first 3.5 per cent aimed at core defence"
                    rules.append("pledge.pct_share_for_defence")
                } else if ctx.defenceArticle, !view.isWord(q.last + 1, in: Self.growthAfter), !objects.contains(where: { !$0.isDefence && $0.span.last < q.first && $0.span.last >= q.first - 4 }),
                          view.isWord(before, "to") || view.isWord(q.first - 1, "to"),
                          (max(0, q.first - 4)..<q.first).contains(where: { view.isWord($0, in: Self.spendNouns) }) {
                    // in an article about defence spending: "agreed to increase spending to 5%", "raise their spending target to 3.5%"
                    rules.append("pledge.pct_spending_in_defence_article")
                } else {
                    // "raise defence spending to 3 percent": only right after a defence word, with a link word
                    guard view.isWord(before, in: Self.linkWords) || view.isWord(q.first - 1, in: Self.linkWords) else { trace(#line, q, view); continue }
                    guard !view.isWord(q.last + 1, in: Self.growthAfter) else { trace(#line, q, view); continue }
                    guard objects.contains(where: { $0.isDefence && $0.span.last < q.first && $0.span.last >= q.first - 8 }) else { trace(#line, q, view); continue }
                    rules.append("pledge.pct_implicit_gdp")
                }
                metric = "pct_gdp"
                guard q.value > 0, q.value <= 10 || (q.high ?? 0) > 0 && q.value <= 10 else { trace(#line, q, view); continue }
                // "0.15% of GDP in 2026; 0.3% in 2027": below 0.6% of GDP a share is an increment or a line, not a defence budget
                guard q.value >= Self.smallestBudgetShare else { trace(#line, q, view); continue }
            case .money:
                guard q.value >= 1e7, q.value < 1e15 else { trace(#line, q, view); continue } // below ten million or absurd: not a budget figure
                metric = "amount"
                rules.append("pledge.amount")
            case .plain:
                trace(#line, q, view); continue
            }
            // object binding
            // "raise X to 3%", "increase X by 11%, to 500 million": the object before "to" governs
            let targetOfTo = view.isWord(before, "to") || view.isWord(q.first - 1, "to")
            if rules.contains("pledge.meets_nato_target") {
                // "reach NATO's 2% threshold": the alliance's defence target is the object
            } else if let nearest = nearestObject(objects, q, view, preferBefore: targetOfTo) {
                // "borrow 300 billion kronor … to boost its military": the source of the money, its use is defence
                let funded = !nearest.isDefence && nearest.span.last < q.first && q.kind == .money
                    && view.spans(ctx.lex("funding_sources")).contains { $0.first == nearest.span.first }
                    && objects.contains { o in o.isDefence && o.span.first > q.last && o.span.first <= q.last + 18
                        && !((q.last + 1)..<o.span.first).contains { view.isWord($0, ",") && !view.isWord($0 - 1, ")") && !view.isWord($0 + 1, "(") } }
                guard nearest.isDefence || funded else { trace(#line, q, view); continue }
                rules.append("pledge.defence_object")
            } else if natoWords.contains(where: { $0.last < q.first && $0.last >= q.first - 8 }),
                      targetNouns.contains(where: { $0.first >= q.first - 6 && $0.first <= q.last + 2 }) {
                rules.append("pledge.nato_target_object") // "reach the NATO benchmark of 2% of GDP"
            } else if objects.contains(where: { o in !o.isDefence && Self.fromBefore(o.span.first, view) == nil
                && !fundingSources.contains { $0.first == o.span.first }
                && (o.span.first > q.last ? !((q.last + 1)..<o.span.first).contains { view.isWord($0, ";") || view.isWord($0, "while") || view.isWord($0, "but") }
                    : o.span.last < q.first && !((o.span.last + 1)..<q.first).contains { view.isWord($0, ",") || view.isWord($0, ";") }) }) {
                trace(#line, q, view); continue // "a €500 billion fund, financed by borrowing, to pour funding into infrastructure": named, and not defence
            } else if contextOnly && prevHasDefence {
                rules.append("pledge.defence_context_previous_sentence")
            } else if ctx.defenceArticle {
                rules.append("pledge.defence_article_context")
            } else {
                trace(#line, q, view); continue
            }
            // "an increase of more than €20 billion on this year": a difference from a baseline, not a budget
            if q.kind == .money, view.isWord(q.last + 1, in: Self.comparisonWords),
               view.isWord(q.last + 2, "this") || view.isWord(q.last + 2, "last") || view.isWord(q.last + 2, "the") && view.isWord(q.last + 3, "previous")
                || (q.last + 2 < view.tokens.count && view.tokens[q.last + 2].kind == .number && view.tokens[q.last + 2].number >= 1990 && view.tokens[q.last + 2].number <= 2100) {
                trace(#line, q, view); continue
            }
            // "or about $8 billion more than last year", "$3bn less than planned": a difference
            if q.kind == .money, view.isWord(q.last + 1, "more") || view.isWord(q.last + 1, "less") || view.isWord(q.last + 1, "higher") || view.isWord(q.last + 1, "lower"),
               view.isWord(q.last + 2, "than") || view.isWord(q.last + 2, ",") || view.isWord(q.last + 2, ".") || q.last + 2 >= view.tokens.count { trace(#line, q, view); continue }
            // "a total of €6.5 billion" after the tranches it sums
            if q.kind == .money, accepted.contains(where: { $0.kind == .money }),
               (max(0, q.first - 4)..<q.first).contains(where: { view.isWord($0, "total") || view.isWord($0, "totalling") || view.isWord($0, "totaling") }) { trace(#line, q, view); continue }
            // "includes $26 billion for shipbuilding, $38 billion for aircraft and $4 billion for…": line items of a budget
            // ("€1.63 billion for 2026, €2.13 billion for 2027 and…" are the years of a budget, not its items)
            let lineItem = { (e: Quantity) in
                e.kind == .money && (view.isWord(e.last + 1, "for") || view.isWord(e.last + 1, "on")) && !Self.isYear(e.last + 2, view)
                    && !view.isWord(e.last + 2, "fiscal") && !view.isWord(e.last + 2, "fy")
            }
            if lineItem(q), quantities.filter(lineItem).count >= 3 { trace(#line, q, view); continue }
            // the price of a purchase: "a $10 billion deal for 96 Apaches", "buy 54 tanks for about $2.5 billion"
            if q.kind == .money {
                // (past a conversion in parentheses: "€52 billion ($61 billion) in military contracts")
                var end = q.last
                if view.isWord(end + 1, "("), let close = ((end + 2)..<min(end + 12, view.tokens.count)).first(where: { view.isWord($0, ")") }) { end = close }
                if purchaseNouns.contains(where: { $0.first > end && $0.first <= end + 3 }) { trace(#line, q, view); continue }

                if view.isWord(before, "for") || view.isWord(q.first - 1, "for"),
                   purchaseVerbs.contains(where: { $0.last < q.first && $0.last >= q.first - 15 }) { trace(#line, q, view); continue }
            }
            // component of a total already taken ("5%, including 3.5%…", "200.1 billion zlotys, of which 80 billion…")
            // (for money, "another €3 billion in 2027" is a second tranche, not a part)
            // (a core share of 2% or more of GDP is a target of its own: "5% by 2035, comprising 3.5% for core defence")
            let coreShare = q.kind == .percent && q.value >= 2 && (view.isWord(q.last + 1, "for") || objects.contains { o in
                o.isDefence && o.span.first > q.last && o.span.first <= q.last + 4 && (view.isWord(o.span.first, "core") || view.isWord(o.span.first - 1, "core")) })
            // (a share in a split of a total: "the target split between 3.5% on direct military capabilities and 1.5%…")
            if q.kind == .percent, coreShare || !component.isEmpty || splitHere {
                rules.append("pledge.share_of_split")
            }
            if let prev = accepted.last, prev.kind == q.kind, !coreShare,
               component.contains(where: { c in c.first < q.first && c.first > prev.last
                   && (q.kind == .percent || !(view.isWord(c.first, "another") || view.isWord(c.first, "a") || view.isWord(c.first, "plus"))) }) { trace(#line, q, view); continue }
            // "3.5% on core defence and 1.5% on resilience": the smaller second share of a split is a component
            if q.kind == .percent, let prev = accepted.last, prev.kind == .percent, q.value <= 1.5, q.value < prev.value,
               ((prev.last + 1)..<q.first).contains(where: { view.isWord($0, "and") || view.isWord($0, "plus") || view.isWord($0, "another") || view.isWord($0, "further") || view.isWord($0, "while") }) { trace(#line, q, view); continue }
            // "smaller than the €100 billion fund that the commissioner had called for": someone else's figure
            // ("committed to the 5% target that has been proposed": the actor takes the proposed figure up)
            if let rel = ((q.last + 1)..<min(q.last + 5, view.tokens.count)).first(where: { view.isWord($0, "that") || view.isWord($0, "which") }),
               !meetCues.contains(where: { $0.last < q.first && $0.last >= q.first - 5 }),
               demand.contains(where: { $0.first > rel && $0.first <= rel + 5 }) || proposal.contains(where: { $0.first > rel && $0.first <= rel + 5 }) { trace(#line, q, view); continue }
            if background.contains(where: { $0.last < q.first }) { trace(#line, q, view); continue }
            // "with a combined value of €38bn": a sum over several actors, nobody's pledge
            // (a share of GDP is not summed: "raise collective defence spending to 5% of GDP" is every ally's target)
            if q.kind == .money || view.isWord(before + 1, "combined") || view.isWord(before + 1, "collective"),
               (max(0, q.first - 4)..<q.first).contains(where: { view.isWord($0, "combined") || view.isWord($0, "collective") || view.isWord($0, "totalling") || view.isWord($0, "totaling") || view.isWord($0, "together") }) { trace(#line, q, view); continue }
            // "compared with 2025, the budget will be increased by €281 million": the difference to a baseline year
            if q.kind == .money, view.isWord(before, "by") || view.isWord(q.first - 1, "by") || (max(0, q.first - 4)..<q.first).contains(where: { view.isWord($0, "increase") && view.isWord($0 + 1, "of") }),
               view.tokens.indices.contains(where: { view.isWord($0, "compared") || view.isWord($0, "comparison") }) { trace(#line, q, view); continue }
            // status cues before the quantity
            // ("would rise from its current 2.3% to 2.5%": "current" describes the baseline, not the target)
            let baselineFrom = view.isWord(before, "to") || view.isWord(q.first - 1, "to")
                // (further back only past a figure and its aside: "from €3,332 million (1.1% of GDP) in 2025 to…")
                ? (max(0, q.first - 20)..<q.first).last(where: { f in view.isWord(f, "from")
                    && (f >= q.first - 12 || ((f + 1)..<q.first).contains { view.tokens[$0].kind == .number } && !((f + 1)..<q.first).contains { view.isWord($0, ";") }) })
                : nil
            // ("meet NATO's current target of 2% this year": "current" names the target, not a level reached;
            // "reached a historic agreement involving €30 billion": an agreement reached, not a level)
            let achievedHere = ArraySlice((baselineFrom.map { f in achieved.filter { $0.first < f } } ?? achieved).filter { a in
                !(view.isWord(a.first, "current") && targetNouns.contains { $0.first > a.last && $0.first <= a.last + 3 }
                    && meetCues.contains { $0.last < a.first && $0.last >= a.first - 5 })
                    && !((view.isWord(a.first, "reached") || view.isWord(a.first, "has")) && (a.last + 1...a.last + 5).contains { view.isWord($0, in: Self.commitmentNouns) || view.isWord($0, "deal") || view.isWord($0, "consensus") || view.isWord($0, "compromise") })
            })
            let cueBefore = nearestBefore(q.first, view, [(commit, 0), (achievedHere, 1)])
            // "If Montenegro allocates five percent of GDP by 2035, that figure could…": a condition, not a promise
            if let w = (max(0, q.first - 20)..<q.first).last(where: { view.isWord($0, "if") && !view.isWord($0 - 1, "even") && !view.isWord($0 - 1, "asked") }),
               !((w + 1)..<q.first).contains(where: { view.isWord($0, ",") || view.isWord($0, ";") }) { trace(#line, q, view); continue }
            // "In scenario three, spending would rise by $875 billion": a hypothesis, not a promise
            if (0..<q.first).contains(where: { view.isWord($0, "scenario") || view.isWord($0, "scenarios") || view.isWord($0, "hypothetical") || view.isWord($0, "hypothetically") }) {
                trace(#line, q, view); continue
            }
            // (…and its consequence: "If X allocates 5% by 2035, that figure could reach 460 million euros")
            if view.isWord(0, "if") { trace(#line, q, view); continue }
            // "Asked whether the government would reach a target of 3.5%, Babis said…": a question, not a promise
            if let w = (max(0, q.first - 25)..<q.first).last(where: { view.isWord($0, "whether") || view.isWord($0, "if") && view.isWord($0 - 1, "asked") }),
               !((w + 1)..<q.first).contains(where: { view.isWord($0, ",") || view.isWord($0, ";") }) { trace(#line, q, view); continue }
            // "Presently, the government allocates just 1.3%", "who currently exceed the target of 3.5%": today's level
            if let mark = (max(0, q.first - 10)..<q.first).last(where: { view.isWord($0, in: Self.nowWords) }),
               !((mark + 1)..<q.first).contains(where: { view.isWord($0, in: Self.futureWords) }) { trace(#line, q, view); continue }
            // ("the proposed budget amounts to €1.63 billion for 2026": a present-tense level for a future year is a plan)
            if cueBefore == 1, !(presentLevel(achievedHere, q, view) && futureYearAfter(q, view)) { trace(#line, q, view); continue }
            // ("the armed forces will receive an extra €3.7bn": the defence budget gets the money)
            let notARefusal = { (n: SentenceView.Span) in
                view.word(n.first).starts(with: Array("receiv".utf8)) && objects.contains { $0.isDefence && $0.span.last < n.first && $0.span.last >= n.first - 4 }
                    // "will not allocate anything less than 2.1%": a floor, not a refusal
                    || (n.last + 1...n.last + 4).contains { view.isWord($0, "less") || view.isWord($0, "below") } && view.isWord(n.last, "not")
                    // "the 2026 budget proposal cuts defence spending to 2.1% of GDP": a lower level, still the plan
                    || (view.word(n.first).starts(with: Array("cut".utf8)) || view.word(n.first).starts(with: Array("reduc".utf8)) || view.isWord(n.first, "lower"))
                        && (view.isWord(q.first - 1, "to") || view.isWord(before, "to"))
            }
            if negation.contains(where: { n in n.last < q.first && n.last >= q.first - 10 && !notARefusal(n) }) { trace(#line, q, view); continue }
            // "the ministry would need an extra £17bn … to meet the 3.5% target": a requirement, further back
            if negation.contains(where: { n in n.last < q.first && n.last >= q.first - 30 && view.isWord(n.first, "would") && !view.isWord(n.first + 1, "not")
                && !((n.last + 1)..<q.first).contains { view.isWord($0, ",") || view.isWord($0, ";") } }) { trace(#line, q, view); continue }
            // "a 5% target would be unreasonable"
            // (within the figure's clause: "3 per cent in the next parliament, although that would depend on…")
            if dismissal.contains(where: { d in d.first > q.last && (d.first <= q.last + 6 || d.first <= q.last + 16
                && !((q.last + 1)..<d.first).contains { view.isWord($0, ";") || view.isWord($0, ".") } && nextQuantityStart(after: qi, in: quantities, count: view.tokens.count) > d.first) }) { trace(#line, q, view); continue }
            // "…2.2% of GDP this year, according to NATO estimates": a measured level
            if estimates.contains(where: { $0.first > q.last && $0.first <= q.last + 24 }) { trace(#line, q, view); continue }
            // "According to NATO's latest figures, Canada is on track to reach 1.37%"
            if estimates.contains(where: { $0.last < q.first && $0.last >= q.first - 16 }) { trace(#line, q, view); continue }
            if achievedAfter.contains(where: { $0.first > q.last && $0.first <= q.last + 5 }) { trace(#line, q, view); continue }
            // no commitment word: a figure for a future year named right after it still reads as a plan
            // ("Defence outlays will account for 5.4% of GDP next year"); checked once the year is known
            var needsFutureYear = false
            if cueBefore == nil {
                // a commitment word after the figure, in its own stretch ("…3% of GDP by 2029, the government pledged")
                let limit = min(q.last + 10, nextQuantityStart(after: qi, in: quantities, count: view.tokens.count))
                needsFutureYear = !commit.contains(where: { $0.first > q.last && $0.first < limit })
            }
            rules.append(needsFutureYear ? "pledge.future_target" : "pledge.commitment")
            // actor
            // the actor before the figure, else a member named shortly after it ("…by 2029, Finland said")
            // ("seeking agreement from member countries", "pressure from NATO and the US": a source, not the promiser)
            // ("…has been aiming, among NATO members, to reach…": a group it belongs to, not the subject)
            var actorMention = actors.last(where: { m in m.last < q.first && !isSource(m, view) && !isAgent(m, view)
                && !view.isWord(m.first - 1, "among") && !view.isWord(m.first - 1, "amongst") && !isSubset(m, view)
                // ("too reliant on the United States … he will boost spending to…": an object, not the subject)
                && !view.isWord(m.first - 1, in: Self.objectPrepositions) && !(view.isWord(m.first - 1, "the") && view.isWord(m.first - 2, in: Self.objectPrepositions)) })
                ?? actors.first(where: { $0.first > q.last && $0.first <= q.last + 12 && g.actors[$0.actor].kind == .member
                    && !view.isWord($0.first - 1, in: Self.recipientWords) && !(view.isWord($0.first - 1, "the") && view.isWord($0.first - 2, in: Self.recipientWords)) })
            // "Estonia's minister thanked the Netherlands and said the government would spend…": the government
            // is the speaker's, named first in the sentence, not the object of the verb before it
            if let m = actorMention, m.last < q.first, let first = actors.first, first.first <= 3, first.actor != m.actor,
               g.actors[first.actor].kind == .member,
               ((m.last + 1)..<q.first).contains(where: { (view.isWord($0, "the") || view.isWord($0, "his") || view.isWord($0, "her")) && view.isWord($0 + 1, "government") }) {
                actorMention = first
            }
            // "€16.68 billion tentatively allocated for Romania": money handed to a member, nobody's budget pledge
            if actorMention == nil, actors.contains(where: { $0.first > q.last && $0.first <= q.last + 6 && g.actors[$0.actor].kind == .member
                && (view.isWord($0.first - 1, "for") || view.isWord($0.first - 1, "to")) }) { trace(#line, q, view); continue }
            // "Rutte is seeking agreement from member countries to spend 3.5%": the figure is asked of them; no one
            // else in an earlier sentence takes it
            if actorMention == nil, actors.contains(where: { $0.last < q.first && (isSource($0, view) || isSubset($0, view)) }) { trace(#line, q, view); continue }
            // ("Eighteen of the alliance's 31 members will meet the 2% target": some members, named by nobody)
            if actorMention == nil, q.first > 1, (1..<q.first).contains(where: { k in view.isWord(k, "of") && Self.countsAPart(k - 1, view)
                && ((k + 1)..<min(k + 12, q.first)).contains { view.isWord($0, in: Self.memberNouns) } }) { trace(#line, q, view); continue }
            var actorIndex = actorMention?.actor
            var fromFallback = false
            // "The revised target includes a minimum of 3.5% for core defence…": in an article about NATO, the
            // target itself as the subject is the alliance's, not a country's
            if actorIndex == nil, ctx.namesNato, let ai = Self.alliesIndex(g), alliedTargetSubject(q, view, targetNouns) {
                actorIndex = ai
                rules.append("pledge.actor_alliance_target")
            }
            if actorIndex == nil, let fb = fallback { actorIndex = fb; fromFallback = true; rules.append("pledge.actor_previous_sentence") }
            guard let ai = actorIndex else { trace(#line, q, view); continue }
            let actor = g.actors[ai]
            guard actor.kind != .partner else { trace(#line, q, view); continue }
            // allies' own spending is counted in hundreds of billions: a few billions for "allies" is the
            // alliance's common budget ("common-funded civil and military budgets … to 5.3 billion euros")
            if actor.kind == .bloc, actor.currency == nil, metric == "amount", q.value < 5e10 { trace(#line, q, view); continue }
            // "in line with NATO's new target of 5%": the alliance's number, not this actor's promise
            // (unless the allies themselves agree it, or the actor promises to meet it)
            if actor.kind != .bloc || actor.currency != nil,
               natoWords.contains(where: { $0.last >= q.first - 8 && $0.first <= q.last + 4 }),
               targetNouns.contains(where: { $0.first >= q.first - 6 && $0.first <= q.last + 2 }),
               !meetCues.contains(where: { $0.last < q.first && $0.last >= q.first - 9 }) {
                trace(#line, q, view); continue
            }
            // "the United States has proposed a higher benchmark of 5%": a target set for others, not a budget
            if let tn = targetNouns.last(where: { $0.last < q.first && $0.last >= q.first - 3 }),
               (max(0, tn.first - 6)..<tn.first).contains(where: { k in Self.proposeStems.contains { view.word(k).starts(with: $0) }
                   || view.isWord(k, "his") || view.isWord(k, "her") }) { trace(#line, q, view); continue } // "…to meet his headline target of five percent"
            // "Estonia, Latvia and Lithuania will each…": every member of the list pledges
            var coActors: [Int] = []
            if let m = actorMention, m.last < q.first, let mi = actors.firstIndex(where: { $0.first == m.first }) {
                var k = mi
                // a list ends in "and": "the US, Britain is expected…" is not one
                // (mentions may share tokens, e.g. a partner and a member named by the same word: no gap then)
                let lastGap = mi > 0 && actors[mi - 1].last < m.first ? (actors[mi - 1].last + 1)..<m.first : 0..<0
                while k > 0, lastGap.contains(where: { view.isWord($0, "and") }) {
                    let prev = actors[k - 1]
                    guard prev.last < actors[k].first else { break }
                    let gap = (prev.last + 1)..<actors[k].first
                    guard gap.count >= 1, gap.count <= 2, gap.allSatisfy({ view.isWord($0, ",") || view.isWord($0, "and") }) else { break }
                    if view.isWord(prev.first - 1, in: Self.recipientWords) { break }
                    coActors.append(prev.actor)
                    k -= 1
                }
                // "Canada – along with other NATO allies – will invest": the subject pledges too
                if mi > 0, (max(0, m.first - 3)..<m.first).contains(where: { view.isWord($0, "along") || view.isWord($0, "alongside") || view.isWord($0, "together") }) {
                    let subject = actors[mi - 1]
                    if subject.last < m.first, m.first - subject.last <= 6, g.actors[subject.actor].kind == .member { coActors.append(subject.actor) }
                }
            }
            if let m = actorMention {
                // "Opposition party Progressive Slovakia … would raise": not the government
                if (max(0, m.first - 4)..<m.first).contains(where: { view.isWord($0, "opposition") }) { trace(#line, q, view); continue }
                // pressed by a third party: "urged Germany to…", "allies must spend…"
                // (the actor's own "will need to" is a plan: "Latvia will need to ensure spending of at least 4%")
                // ("the decision … that all 32 allies should spend 5%": what was decided, not a demand)
                let decided = (max(0, m.first - 14)..<m.first).contains { k in view.isWord(k, "that")
                    && (max(0, k - 8)..<k).contains { view.isWord($0, in: Self.decisionWords) } }
                // ("Rutte proposed that allies aim for 3.5%": someone else's proposal for them)
                if view.isWord(m.first - 1, "that"), (max(0, m.first - 7)..<(m.first - 1)).contains(where: { k in Self.proposeStems.contains { view.word(k).starts(with: $0) }
                    || view.word(k).starts(with: Array("recommend".utf8)) || view.word(k).starts(with: Array("request".utf8)) }) {
                    trace(#line, q, view); continue
                }
                if !decided, demand.contains(where: { ($0.last < m.first && $0.last >= m.first - 5 && !(($0.last + 1)..<m.first).contains { view.isWord($0, ";") }) ||
                    ($0.first < m.first && $0.last >= m.first && $0.last <= m.last) || ($0.first > m.last && $0.last < q.first && !view.isWord($0.first - 1, "will")) }) { trace(#line, q, view); continue }
                if negation.contains(where: { $0.first > m.last && $0.last < q.first && !notARefusal($0) }) { trace(#line, q, view); continue }
            }
            // year
            let nextStart = quantities.dropFirst(qi + 1).first(where: { !$0.inParentheses && $0.kind != .plain && !isAppositive($0, view) })?.first ?? view.tokens.count
            // ("going from €3,332 million in 2025 to €3,878 million": the year between "from" and "to" is the baseline's)
            let yearsHere = years.filter { m in m.last < nextStart && !(baselineFrom.map { m.first > $0 && m.last < q.first } ?? false) }
            var target = yearFinder.targetYear(for: q.first, q.last, mentions: yearsHere)
            // "3% of GDP in the next parliament": an open time, no year is promised
            // ("4% from next year, and in the coming years aim for 5%": the open time stands between the year and the figure)
            let openEnded = openTime.contains { $0.first > q.last && $0.first <= q.last + 16 && $0.first < nextStart }
                && !yearsHere.contains { $0.first > q.last && $0.first <= q.last + 16 }
                || !yearsHere.contains(where: { $0.first > q.last }) && yearsHere.last(where: { $0.last < q.first }).map { y in
                    openTime.contains { $0.first > y.last && $0.last < q.first } } == true
            if openEnded { target = nil }
            if needsFutureYear {
                // ("the Allies: 3.5% of GDP in military expenditure and 1.5% in resilience by 2035": the year closing
                // the list dates its first figure too; "the budget for 2026 is €6.5 billion": the budget's own year)
                let clauseYear = years.first { m in m.first > q.last && m.first <= q.last + 30 && !m.duration
                    && !((q.last + 1)..<m.first).contains { view.isWord($0, ";") || view.isWord($0, ".") || view.isWord($0, "while") || view.isWord($0, "but") } }
                let budgetYear = years.last { m in m.last < q.first && m.first >= q.first - 8 && view.isWord(m.first - 1, "for")
                    && (view.isWord(m.first - 2, "budget") || view.isWord(m.first - 2, "budgets")) }
                if target == nil, !openEnded { target = clauseYear?.year ?? budgetYear?.year }
                guard let py = ctx.publishedYear, let t = target, t > py || budgetYear?.year == t && t >= py,
                      yearsHere.contains(where: { $0.first > q.last && $0.year == t }) || clauseYear?.year == t || budgetYear?.year == t else { trace(#line, q, view); continue }
            }
            if !openEnded, target == nil, years.count == 1, baseline.isEmpty { target = years[0].year } // one year shared by the sentence's figures
            // "a €10.5 billion plan to reach 2% of GDP this year": the year closing the clause dates the figures in it
            if !openEnded, target == nil, let m = years.first(where: { $0.first > q.last && $0.first <= q.last + 30 && !$0.duration }),
               !((q.last + 1)..<m.first).contains(where: { view.isWord($0, ";") || view.isWord($0, "while") || view.isWord($0, "but") }),
               !actors.contains(where: { $0.first > q.last && $0.first < m.first }), !baseline.contains(where: { $0.last < m.first && $0.last >= m.first - 3 }) {
                target = m.year
                rules.append("pledge.year_of_clause")
            }

            if !openEnded, target == nil, let y = inheritedYear(ai), !fromFallback || inheritedFromPrevious(ai, view.index) {
                target = y
                rules.append("pledge.year_previous_sentence")
            }
            // "…5% of GDP by 2035. Norway and Sweden have both committed to the 5% target": the same share of GDP,
            // already dated earlier in the article, is the same target
            if !openEnded, target == nil, metric == "pct_gdp", let y = sameFigureYear(metric, q.value) {
                target = y
                rules.append("pledge.year_same_figure")
            }
            // an open time ("3% in the next parliament") keeps the actor of the previous sentence, or of a figure
            // this sentence already gave ("committed to 2.5% by 2027, with an ambition of 3% in the next parliament")
            // ("…Troels Lund Poulsen lauded the deal. The government plans to allocate 14.6 billion kroner…": the
            // subject is a pronoun or "the government", and the actor is named in the sentence just before)
            let pronounSubject = fallbackIsPrevious && (0..<q.first).contains { view.isWord($0, in: Self.subjectWords) }
            if fromFallback && target == nil && !pronounSubject
                && !(openEnded && (inheritedFromPrevious(ai, view.index) || out.contains { $0.actor == actor.name })) { trace(#line, q, view); continue }
            if let py = ctx.publishedYear {
                if let t = target, t < py { trace(#line, q, view); continue }
                // "is expected to spend 3.5% this year": a forecast of the current level, not a promise
                // (but "expects to meet NATO's 2% target this year" is the government's own promise)
                // ("expects to increase spending to 2% this year" is a plan: a movement verb follows the forecast word)
                if target == py, let f = forecast.last(where: { $0.last < q.first && $0.last >= q.first - 8 }),
                   !((f.last + 1)..<q.first).contains(where: { k in Self.movementStems.contains { view.word(k).starts(with: $0) } }),
                   !(view.word(f.first).starts(with: Array("expect".utf8)) && meetCues.contains(where: { $0.first > f.last && $0.last < q.first })
                     && targetNouns.contains(where: { $0.first > q.last && $0.first <= q.last + 3 || $0.last < q.first && $0.last >= q.first - 3 })) { trace(#line, q, view); continue }
                // background: "In 2014, allies agreed to…" (a past year before the commitment that governs the number)
                let governing = commit.filter { $0.last < q.first }.map(\.first).max() ?? q.first
                // (a past year right after another figure dates that figure: "the €100 billion fund created in 2022")
                let datesOther = { (m: TargetYearFinder.Mention) in
                    quantities.contains { $0.first != q.first && $0.last < m.first && $0.last >= m.first - 6 }
                }
                // (a commitment still to be met is restated, not history: "In 2025, NATO members agreed to 5% by 2035")
                if years.contains(where: { $0.last < governing && $0.year < py && $0.preposition && !datesOther($0) }), !yearsHere.contains(where: { $0.first > q.last && !$0.duration && $0.year > py }) { trace(#line, q, view); continue }
                // "the plan, adopted by parliament in June 2024, foresees…": the commitment itself is dated in the past
                if years.contains(where: { $0.first > governing && $0.first <= governing + 6 && $0.last < q.first && $0.year < py && $0.preposition && !datesOther($0) }) { trace(#line, q, view); continue }
                if target == nil, years.contains(where: { $0.last < q.first && $0.year < py && $0.preposition }) { trace(#line, q, view); continue }
            }
            // currency
            var currency: String?
            if metric == "amount" {
                let own = actor.currency(on: ctx.published)
                if q.currencies.isEmpty {
                    currency = own
                    rules.append("pledge.currency_from_actor")
                } else if q.currencies.count > 1, let own, q.currencies.contains(own) {
                    currency = own
                } else {
                    currency = q.currencies.first
                }
            }
            let proposed = proposal.contains { $0.last < q.first && $0.first > (actorMention?.last ?? -1) }
            for co in coActors where g.actors[co].kind != .partner {
                let other = g.actors[co]
                var c = currency
                if metric == "amount", q.currencies.isEmpty { c = other.currency(on: ctx.published) }
                out.append(PledgeFact(
                    actor: other.name, metric: metric, value: metric == "amount" ? q.value : round(q.value * 100) / 100,
                    currency: c, scale: q.scale, targetYear: target, status: proposed ? "proposed" : "committed",
                    evidence: ctx.evidence(view.index, around: view.tokens[q.first].start), rules: rules + ["pledge.actor_list"]))
            }
            out.append(PledgeFact(
                actor: actor.name, metric: metric, value: metric == "amount" ? q.value : round(q.value * 100) / 100,
                currency: currency, scale: q.scale, targetYear: target, status: proposed ? "proposed" : "committed",
                evidence: ctx.evidence(view.index, around: view.tokens[q.first].start), rules: rules))
            accepted.append(q)
        }
        return out
    }

    private func nextQuantityStart(after qi: Int, in quantities: [Quantity], count: Int) -> Int {
        // (a plain number, "within the next two years", is no figure of its own)
        quantities.dropFirst(qi + 1).first(where: { !$0.inParentheses && $0.kind != .plain })?.first ?? count
    }

    private static let pressureNouns = ByteWordSet(["pressure", "demands", "demand", "calls", "criticism", "push", "urging", "request", "requests", "agreement", "support", "backing"])

    /// The "from" just before token `i` ("from X", "from the X"), if any.
    static func fromBefore(_ i: Int, _ view: SentenceView) -> Int? {
        if view.isWord(i - 1, "from") { return i - 1 }
        if view.isWord(i - 1, "the"), view.isWord(i - 2, "from") { return i - 2 }
        return nil
    }

    /// "pressure from NATO and the US", "seeking agreement from member countries": the actor is a source, not the promiser.
    private func isSource(_ m: ActorFinder.Mention, _ view: SentenceView) -> Bool {
        guard let f = Self.fromBefore(m.first, view) else { return false }
        return view.isWord(f - 1, in: Self.pressureNouns)
    }

    private static let agentParticiples = ByteWordSet(["set", "agreed", "adopted", "demanded", "proposed", "suggested", "required", "imposed", "called", "endorsed", "backed", "urged", "requested"])

    static func isYear(_ i: Int, _ view: SentenceView) -> Bool {
        i >= 0 && i < view.tokens.count && view.tokens[i].kind == .number && view.tokens[i].number >= 1990 && view.tokens[i].number <= 2100
    }

    private static let presentLevelWords = ByteWordSet(["amounts", "amount", "stands", "equals", "totals", "is", "are"])

    /// The achieved cue nearest before `q` is a present-tense level ("amounts to", "stands at"), not a past one.
    private func presentLevel<C: Collection>(_ achieved: C, _ q: Quantity, _ view: SentenceView) -> Bool where C.Element == SentenceView.Span {
        guard let a = achieved.filter({ $0.last < q.first }).max(by: { $0.last < $1.last }) else { return false }
        return view.isWord(a.first, in: Self.presentLevelWords)
    }

    /// "…€1.63 billion for 2026", "…2.1% in 2027": a year after the publication year right after the figure.
    private func futureYearAfter(_ q: Quantity, _ view: SentenceView) -> Bool {
        guard let py = ctx.publishedYear else { return false }
        var k = q.last + 1
        while view.tokens.indices.contains(k), view.isWord(k, ")") || view.isWord(k, "of") || view.isWord(k, "gdp") { k += 1 }
        guard view.isWord(k, "for") || view.isWord(k, "in") else { return false }
        return Self.isYear(k + 1, view) && view.tokens[k + 1].number > Double(py)
    }

    private static let objectPrepositions = ByteWordSet(["on", "upon", "with", "against", "than", "towards", "toward"])
    private static let memberNouns = ByteWordSet(["members", "allies", "countries", "nations", "states", "governments"])
    private static let partWords = ByteWordSet(["some", "most", "several", "many", "few", "half", "none", "majority", "third", "quarter", "minority"])

    /// "Eighteen of the alliance's 31 members", "23 of its 32 members", "most of the allies": a part of the bloc,
    /// not the bloc promising.
    private func isSubset(_ m: ActorFinder.Mention, _ view: SentenceView) -> Bool {
        guard ctx.rules.gazetteer.actors[m.actor].kind == .bloc,
              let of = (max(0, m.first - 6)..<m.first).last(where: { view.isWord($0, "of") }) else { return false }
        return Self.countsAPart(of - 1, view)
    }

    /// Token `k` counts a part before "of": "Eighteen (of)", "23 (of)", "most (of)".
    private static func countsAPart(_ k: Int, _ view: SentenceView) -> Bool {
        guard k >= 0, k < view.tokens.count else { return false }
        return view.tokens[k].kind == .number || view.isWord(k, in: partWords) || NumberWords.byBytes[Array(view.word(k))] != nil
    }

    /// The "NATO allies" bloc's index in the gazetteer.
    static func alliesIndex(_ g: Gazetteer) -> Int? {
        g.actors.firstIndex { $0.kind == .bloc && $0.currency == nil }
    }

    /// "The revised target includes 3.5%…", "this commitment divides the target into 3.5%…": a target noun with
    /// "the"/"this", owned by nobody named ("its target", "the government's target"), is the subject before the figure.
    private func alliedTargetSubject(_ q: Quantity, _ view: SentenceView, _ targetNouns: ArraySlice<SentenceView.Span>) -> Bool {
        guard !(0..<q.first).contains(where: { view.isWord($0, in: Self.subjectWords) }) else { return false }
        // "NATO's new pledge to raise collective defence spending to 5%": the alliance's own commitment
        let natoOwned = (max(0, q.first - 14)..<q.first).contains { (k: Int) -> Bool in
            guard view.isWord(k, "s"), view.isWord(k - 1, "'"), view.isWord(k - 2, "nato") || view.isWord(k - 2, "alliance") else { return false }
            return ((k + 1)...(k + 3)).contains { view.isWord($0, in: Self.commitmentNouns) }
        }
        if natoOwned { return true }
        return targetNouns.contains { t in
            guard t.last < q.first, t.last >= q.first - 10,
                  !((t.last + 1)..<q.first).contains(where: { view.isWord($0, ";") || view.isWord($0, ",") }),
                  let d = (max(0, t.first - 3)..<t.first).last(where: { view.isWord($0, "the") || view.isWord($0, "this") }),
                  d == 0 || view.isWord(d - 1, ",") || view.isWord(d - 1, "but") || view.isWord(d - 1, "and") || view.isWord(d - 1, ":")
            else { return false }
            // ("The current NATO target is 2% of GDP": what the target is, not a commitment made)
            return !(d..<t.first).contains { view.isWord($0, in: Self.ownerWords) || view.isWord($0, in: Self.formerWords) }
                && !view.isWord(t.last + 1, in: Self.copulas)
        }
    }

    /// "a target set by NATO countries last year": the agent of a passive names who set the target, not who pledges here.
    private func isAgent(_ m: ActorFinder.Mention, _ view: SentenceView) -> Bool {
        view.isWord(m.first - 1, "by") && view.isWord(m.first - 2, in: Self.agentParticiples)
    }

    /// Whether quantity `q` restates the one before it in another measure ("6 billion euros, or 2.3% of GDP").
    private func isAppositive(_ q: Quantity, _ view: SentenceView) -> Bool {
        view.isWord(q.first - 1, "or") || view.isWord(q.first - 2, "or") && view.isWord(q.first - 1, "about")
            || view.isWord(q.first - 2, "equivalent") || view.isWord(q.first - 2, "equal") || view.isWord(q.first - 1, "representing")
    }

    /// Whether the sentence just before `s` names `actor` and a future year (the fallback actor's own sentence).
    private func inheritedFromPrevious(_ actor: Int, _ s: Int) -> Bool {
        guard let py = ctx.publishedYear, s > 0, !ctx.titleSentences.contains(s - 1) else { return false }
        let v = ctx.view(s - 1)
        return ActorFinder(view: v).mentions().contains { $0.actor == actor }
            && TargetYearFinder(view: v, publishedYear: py).mentions().contains { $0.year >= py }
    }

    private func skipQualifiers(_ i: Int, _ view: SentenceView) -> Int {
        var k = i
        while k >= 0, view.isWord(k, in: Self.qualifiers), !view.isWord(k, "to"), !view.isWord(k, "at") { k -= 1 }
        return k
    }

    /// Object words (defence or not), with spans nested inside a longer one of the other kind removed.
    struct ObjectSpan { var span: SentenceView.Span; var isDefence: Bool }

    private func objectSpans(_ view: SentenceView) -> [ObjectSpan] {
        let d = view.spans(ctx.lex("defence_objects")).map { ObjectSpan(span: $0, isDefence: true) }
        let n = view.spans(ctx.lex("negative_objects")).map { ObjectSpan(span: $0, isDefence: false) }
        let all = d + n
        return all.filter { o in
            !all.contains { other in
                other.isDefence != o.isDefence && other.span.hit.start <= o.span.hit.start && other.span.hit.end >= o.span.hit.end
                    && (other.span.hit.end - other.span.hit.start) > (o.span.hit.end - o.span.hit.start)
            }
        }
    }

    /// The object nearest to the quantity (ties go to the one before it).
    private func nearestObject(_ objects: [ObjectSpan], _ q: Quantity, _ view: SentenceView, preferBefore: Bool) -> ObjectSpan? {
        if preferBefore, let o = objects.filter({ $0.span.last < q.first && $0.span.last >= q.first - 12 }).max(by: { $0.span.last < $1.span.last }) {
            return o
        }
        var best: ObjectSpan?
        var bestDistance = Int.max
        // with an object before the figure, one after it beyond a clause break belongs to the next clause
        // ("raise it to 2.5% of GDP by 2027 and paying for it by cutting the aid budget")
        // (in an article about defence spending the figure's own clause is about defence too:
        // "has pledged to reach 3.5% of GDP by 2030, financed partly by borrowing")
        let hasBefore = objects.contains { $0.span.last < q.first && $0.span.last >= q.first - 25 } || ctx.defenceArticle
        // an object before the figure across a comma belongs to the clause before when one follows in the figure's own
        // clause ("Latvia will spend 4.91% of GDP on defense, 0.25% of GDP will go to help Ukraine")
        let ownAfter = objects.contains { o in o.span.first > q.last && o.span.first <= q.last + 10
            && !((q.last + 1)..<o.span.first).contains { view.isWord($0, in: Self.clauseBreaks) } }
        for o in objects {
            // "€1.5 billion from the EU budget to boost arms production": where the money comes from, not its use
            if !o.isDefence, Self.fromBefore(o.span.first, view) != nil { continue }
            if hasBefore, o.span.first > q.last, ((q.last + 1)..<o.span.first).contains(where: { view.isWord($0, in: Self.clauseBreaks) }) { continue }
            if ownAfter, o.span.last < q.first, ((o.span.last + 1)..<q.first).contains(where: { view.isWord($0, ",") || view.isWord($0, ";") }) { continue }
            let d: Int
            if o.span.last < q.first { d = q.first - o.span.last } else if o.span.first > q.last { d = o.span.first - q.last } else { d = 0 }
            let adjusted = o.span.last < q.first ? d * 2 : d * 2 + 1
            if adjusted < bestDistance { bestDistance = adjusted; best = o }
        }
        return best
    }

    /// Which cue list has the cue nearest before token `i` (its tag), or nil.
    private static let strongCommitments: [[UInt8]] = ["commit", "pledg", "promis", "vow", "agreed", "decided", "approv", "set"].map { Array($0.utf8) }

    private func nearestBefore(_ i: Int, _ view: SentenceView, _ lists: [(ArraySlice<SentenceView.Span>, Int)]) -> Int? {
        var best: (last: Int, first: Int, tag: Int)?
        for (spans, tag) in lists {
            for s in spans where s.last < i {
                if best == nil || s.last > best?.last ?? 0 || (s.last == best?.last && tag == 0) { best = (s.last, s.first, tag) }
            }
        }
        // "already spend", "currently spends": an achieved word right before a commitment word wins
        // (but "has already committed to", "already pledged": a promise made earlier is still a promise)
        if let b = best, b.tag == 0, !Self.strongCommitments.contains(where: { view.word(b.first).starts(with: $0) }),
           lists.contains(where: { $0.1 == 1 && $0.0.contains { $0.last == b.first - 1 } }) { return 1 }
        return best?.tag
    }
}
