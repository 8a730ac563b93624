import Foundation
import Yams

/// The compiled rules: lexicons, gazetteers and topic rules, all feeding one phrase matcher.
struct RuleSet: Sendable {
    /// Lexicons the extractors rely on; the rules file must define them.
    static let requiredLexicons = [
        "defence_objects", "negative_objects", "gdp_anchors", "commitment_cues", "achieved_cues", "achieved_after", "proposal_cues",
        "negation_cues", "dismissal_cues", "estimate_cues", "demand_cues", "baseline_cues", "government_nouns", "metonym_verbs", "metonym_blockers",
        "component_cues", "background_cues", "target_nouns", "meet_cues", "change_launch", "change_expand", "change_reduce", "change_end", "change_other", "time_extension_cues", "change_non_objects", "expansion_objects", "handover_objects", "partial_handover_objects",
        "purchase_nouns", "purchase_verbs", "forecast_cues", "open_time_cues", "funding_sources", "forward_nouns",
        "mission_proposed", "mission_negative", "mission_negation", "mission_anaphora", "nato_context",
        "contribution_verbs", "asset_nouns",
    ]

    var matcher = PhraseMatcher()
    var gazetteer: Gazetteer
    var splitter: SentenceSplitter
    var topics: [TopicDefinition] = []
    /// Lexicon name → category id.
    var lexicon: [String: Int32] = [:]
    var categoryCount: Int32 = 0

    // gazetteer categories
    var actorCategory: Int32 = 0
    var missionCategory: Int32 = 0
    var notNatoCategory: Int32 = 0
    var officeTemplateCategory: Int32 = 0
    var numberWordCategory: Int32 = 0
    /// Percent, scale and currency words ("per cent", "billion", "euros"): a sentence without one,
    /// a `%` or a currency symbol cannot hold a pledge figure.
    var quantityWordCategory: Int32 = 0

    /// Loads `topics.yaml` at `url` and the gazetteers it names (paths relative to it).
    init(url: URL) throws {
        let f = try YAMLFile(url: url)
        let top = try f.mapping(f.root, "the rules file")
        try f.checkKeys(top, allowed: ["version", "gazetteers", "text", "lexicons", "topics"], in: "the rules file")
        let base = url.deletingLastPathComponent()

        // gazetteers
        guard let gNode = top["gazetteers"] else { throw f.error(f.root, "missing 'gazetteers' (members, partners, missions, currencies)") }
        let gm = try f.mapping(gNode, "gazetteers")
        try f.checkKeys(gm, allowed: ["members", "partners", "missions", "currencies"], in: "gazetteers")
        func path(_ key: String) throws -> URL {
            guard let n = gm[key] else { throw f.error(gNode, "gazetteers: missing '\(key)'") }
            let p = try f.string(n, "gazetteers.\(key)")
            let u = p.hasPrefix("/") ? URL(fileURLWithPath: p) : base.appendingPathComponent(p)
            guard FileManager.default.fileExists(atPath: u.path) else {
                throw f.error(n, "gazetteer file '\(p)' not found (looked at \(u.path))")
            }
            return u
        }
        gazetteer = try Gazetteer.load(members: try path("members"), partners: try path("partners"),
                                       missions: try path("missions"), currencies: try path("currencies"))

        // text handling
        var abbreviations: [String] = [], terminal: [String] = [], starters: [String] = []
        if let t = top["text"] {
            let tm = try f.mapping(t, "text")
            try f.checkKeys(tm, allowed: ["abbreviations", "terminal_abbreviations", "sentence_starters"], in: "text")
            abbreviations = try tm["abbreviations"].map { try f.strings($0, "abbreviations") } ?? []
            terminal = try tm["terminal_abbreviations"].map { try f.strings($0, "terminal_abbreviations") } ?? []
            starters = try tm["sentence_starters"].map { try f.strings($0, "sentence_starters") } ?? []
        }
        splitter = SentenceSplitter(abbreviations: abbreviations, terminalAbbreviations: terminal, sentenceStarters: starters)

        // lexicons
        guard let lNode = top["lexicons"] else { throw f.error(f.root, "missing 'lexicons'") }
        let lm = try f.mapping(lNode, "lexicons")
        var lexiconPhrases: [String: [String]] = [:]
        for (k, v) in lm {
            let name = try f.string(k, "lexicon name")
            let phrases = try f.strings(v, "lexicon '\(name)'")
            for p in phrases where p.trimmingCharacters(in: .whitespaces).isEmpty || p == "*" {
                throw f.error(v, "lexicon '\(name)' has an empty phrase")
            }
            lexiconPhrases[name] = phrases
            let cat = newCategory()
            lexicon[name] = cat
            for p in phrases where !p.hasPrefix("@") { matcher.add(p, label: PhraseLabel(category: cat, entry: -1, kind: 0)) }
        }
        for name in Self.requiredLexicons where lexicon[name] == nil {
            throw f.error(lNode, "lexicon '\(name)' is required by the extractors but missing")
        }

        // gazetteer phrases
        actorCategory = newCategory()
        for (i, a) in gazetteer.actors.enumerated() {
            func add(_ s: String, _ form: ActorForm) {
                matcher.add(s, label: PhraseLabel(category: actorCategory, entry: Int32(i), kind: form.rawValue),
                            caseSensitive: a.caseSensitive.contains(s))
            }
            for s in a.names { add(s, .name) }
            for s in a.adjectives { add(s, .adjective) }
            for s in a.possessives { add(s, .possessive) }
            for s in a.verbNames { add(s, .verbName) }
        }
        missionCategory = newCategory()
        for (i, m) in gazetteer.missions.enumerated() {
            for s in m.names { matcher.add(s, label: PhraseLabel(category: missionCategory, entry: Int32(i), kind: 0)) }
        }
        notNatoCategory = newCategory()
        for s in gazetteer.notNato { matcher.add(s, label: PhraseLabel(category: notNatoCategory, entry: -1, kind: 0)) }
        officeTemplateCategory = newCategory()
        for s in gazetteer.officeTemplates { matcher.add(s, label: PhraseLabel(category: officeTemplateCategory, entry: -1, kind: 0)) }
        numberWordCategory = newCategory()
        for (w, _) in NumberWords.values { matcher.add(w, label: PhraseLabel(category: numberWordCategory, entry: -1, kind: 0)) }
        quantityWordCategory = newCategory()
        let quantityLabel = PhraseLabel(category: quantityWordCategory, entry: -1, kind: 0)
        for w in ["percent", "per cent", "per-cent", "pct", "pc", "percentage", "prozent"] { matcher.add(w, label: quantityLabel) }
        for c in gazetteer.currencies {
            let form = c.tokens.map { String(decoding: $0, as: UTF8.self) }.joined(separator: " ")
            if form.utf8.count > 1 { matcher.add(form, label: quantityLabel) }
        }
        for k in gazetteer.scales.keys where k.count > 1 { matcher.add(String(decoding: k, as: UTF8.self), label: quantityLabel) }

        // topics
        guard let tNode = top["topics"] else { throw f.error(f.root, "missing 'topics'") }
        for (k, v) in try f.mapping(tNode, "topics") {
            let name = try f.string(k, "topic name")
            let tm = try f.mapping(v, "topic '\(name)'")
            try f.checkKeys(tm, allowed: ["threshold", "rules", "negative", "description"], in: "topic '\(name)'")
            guard let th = tm["threshold"] else { throw f.error(v, "topic '\(name)' has no 'threshold'") }
            let threshold = try f.double(th, "threshold")
            guard (0...1).contains(threshold) else { throw f.error(th, "threshold must be in [0, 1]") }
            var def = TopicDefinition(name: name, threshold: threshold)
            guard let rNode = tm["rules"] else { throw f.error(v, "topic '\(name)' has no 'rules'") }
            for r in try f.sequence(rNode, "rules") {
                def.rules.append(try compileRule(r, file: f, lexicons: lexiconPhrases))
            }
            if let nNode = tm["negative"] {
                for r in try f.sequence(nNode, "negative") {
                    def.negative.append(try compileRule(r, file: f, lexicons: lexiconPhrases))
                }
            }
            topics.append(def)
        }
        guard categoryCount <= Int32(CategorySet.capacity) else {
            throw f.error(f.root, "too many lexicons and rule groups (\(categoryCount)); at most \(CategorySet.capacity)")
        }
        matcher.compile()
    }

    private mutating func newCategory() -> Int32 {
        defer { categoryCount += 1 }
        return categoryCount
    }

    private mutating func compileRule(_ node: Node, file f: YAMLFile, lexicons: [String: [String]]) throws -> TopicRule {
        let m = try f.mapping(node, "a rule")
        try f.checkKeys(m, allowed: ["id", "weight", "any", "sentence", "unless", "fact", "min_distinct", "note"], in: "a rule")
        guard let idNode = m["id"] else { throw f.error(node, "rule has no 'id'") }
        let id = try f.string(idNode, "id")
        guard let wNode = m["weight"] else { throw f.error(node, "rule '\(id)' has no 'weight'") }
        let weight = try f.double(wNode, "weight")
        guard (0...1).contains(weight) else { throw f.error(wNode, "rule '\(id)': weight must be in [0, 1]") }
        let minDistinct = try m["min_distinct"].map { Int(try f.double($0, "min_distinct")) } ?? 1
        let kinds = ["any", "sentence", "fact"].filter { m[$0] != nil }
        guard kinds.count == 1 else { throw f.error(node, "rule '\(id)' needs exactly one of 'any', 'sentence', 'fact'") }
        var rule = TopicRule(id: id, weight: weight, kind: .fact(""), minDistinct: minDistinct)
        if let a = m["any"] {
            rule.kind = .any(try compileGroup(a, file: f, lexicons: lexicons, rule: id))
        } else if let s = m["sentence"] {
            let items = try f.sequence(s, "sentence")
            guard !items.isEmpty else { throw f.error(s, "rule '\(id)': 'sentence' needs at least one group") }
            // a flat list of strings is a list of one-item groups
            let groups = try items.map { try compileGroup($0, file: f, lexicons: lexicons, rule: id) }
            rule.kind = .sentence(groups)
            if let u = m["unless"] { rule.unless = try compileGroup(u, file: f, lexicons: lexicons, rule: id) }
        } else if let fa = m["fact"] {
            let what = try f.string(fa, "fact")
            guard what == "pledge" || what == "mission" else { throw f.error(fa, "rule '\(id)': fact must be 'pledge' or 'mission'") }
            rule.kind = .fact(what)
        }
        return rule
    }

    private mutating func compileGroup(_ node: Node, file f: YAMLFile, lexicons: [String: [String]], rule: String) throws -> RuleGroup {
        let items = try f.strings(node, "a phrase group of rule '\(rule)'")
        var group = RuleGroup(category: newCategory())
        let cat = group.category
        for (idx, item) in items.enumerated() {
            let lbl = PhraseLabel(category: cat, entry: -1, kind: Int32(idx))
            switch item {
            case "{NUM}": group.specials.insert(.number)
            case "{PCT}": group.specials.insert(.percent)
            case "{MONEY}": group.specials.insert(.money)
            case "{YEAR}": group.specials.insert(.year)
            case _ where item.hasPrefix("{"):
                throw f.error(node, "rule '\(rule)': unknown test '\(item)' (use {NUM}, {PCT}, {MONEY}, {YEAR})")
            case "@members", "@partners", "@actors":
                for (i, a) in gazetteer.actors.enumerated()
                where item == "@actors" || (item == "@members" ? a.kind == .member : a.kind == .partner) {
                    for s in a.names + a.adjectives + a.possessives {
                        matcher.add(s, label: PhraseLabel(category: cat, entry: Int32(i), kind: 0), caseSensitive: a.caseSensitive.contains(s))
                    }
                }
            case _ where item.hasPrefix("@partners:"):
                let g = String(item.dropFirst("@partners:".count))
                let matching = gazetteer.actors.enumerated().filter { $0.element.kind == .partner && $0.element.group == g }
                guard !matching.isEmpty else { throw f.error(node, "rule '\(rule)': no partner group '\(g)' in the partner gazetteer") }
                for (i, a) in matching {
                    for s in a.names + a.adjectives { matcher.add(s, label: PhraseLabel(category: cat, entry: Int32(i), kind: 0)) }
                }
            case "@missions":
                for (i, ms) in gazetteer.missions.enumerated() {
                    for s in ms.names { matcher.add(s, label: PhraseLabel(category: cat, entry: Int32(i), kind: 0)) }
                }
            case _ where item.hasPrefix("@"):
                let name = String(item.dropFirst())
                guard let phrases = lexicons[name] else {
                    throw f.error(node, "rule '\(rule)': unknown lexicon '\(name)'")
                }
                for p in phrases where !p.hasPrefix("@") { matcher.add(p, label: lbl) }
            default:
                guard item.trimmingCharacters(in: .whitespaces) != "" else { throw f.error(node, "rule '\(rule)': empty phrase") }
                matcher.add(item, label: lbl)
            }
        }
        return group
    }
}
