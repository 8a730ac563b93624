import Foundation
import Yams

/// All gazetteers named by the rules file.
struct Gazetteer: Sendable {
    var actors: [ActorEntry] = []
    var missions: [MissionEntry] = []
    var notNato: [String] = []
    var officeTemplates: [String] = []
    var currencies: [CurrencyForm] = []
    /// First token of each currency form → indexes into `currencies` (longest forms first).
    var currencyByFirstToken = ByteWordMap<[Int]>()
    var scales = ByteWordMap<ScaleForm>()
    /// Partner capitals → partner names ("amman" → "Jordan"), for office places.
    var capitalToCountry: [String: String] = [:]

    /// Loads members (with blocs), partners, missions and currencies from the given files.
    static func load(members: URL, partners: URL, missions: URL, currencies: URL) throws -> Gazetteer {
        var g = Gazetteer()
        try g.loadActors(members, listKey: "members", kind: .member)
        try g.loadActors(members, listKey: "blocs", kind: .bloc, required: false)
        try g.loadActors(partners, listKey: "partners", kind: .partner)
        try g.loadMissions(missions)
        try g.loadCurrencies(currencies)
        return g
    }

    private mutating func loadActors(_ url: URL, listKey: String, kind: ActorEntry.Kind, required: Bool = true) throws {
        let f = try YAMLFile(url: url)
        let top = try f.mapping(f.root, "the gazetteer file")
        guard let listNode = top[listKey] else {
            if required { throw f.error(f.root, "missing '\(listKey)' list") }
            return
        }
        let allowed: Set<String> = ["name", "currency", "previous_currency", "names", "case_sensitive", "adjectives",
                                    "possessives", "capitals", "verb_names", "group", "note", "leaders"]
        for item in try f.sequence(listNode, listKey) {
            let m = try f.mapping(item, "each entry of '\(listKey)'")
            try f.checkKeys(m, allowed: allowed, in: "a '\(listKey)' entry")
            guard let nameNode = m["name"] else { throw f.error(item, "entry has no 'name'") }
            var e = ActorEntry(name: try f.string(nameNode, "name"), kind: kind)
            if let c = m["currency"] {
                let code = try f.string(c, "currency")
                guard code.count == 3, code == code.uppercased() else { throw f.error(c, "currency '\(code)' is not an ISO 4217 code") }
                e.currency = code
            }
            if let p = m["previous_currency"] {
                let pm = try f.mapping(p, "previous_currency")
                guard let codeNode = pm["code"], let untilNode = pm["until"] else {
                    throw f.error(p, "previous_currency needs 'code' and 'until'")
                }
                let until = try f.string(untilNode, "until")
                guard let d = DateParsing.day(until) else { throw f.error(untilNode, "'until' must be a date YYYY-MM-DD") }
                e.previousCurrency = (try f.string(codeNode, "code"), d)
            }
            e.group = try m["group"].map { try f.string($0, "group") }
            e.names = try m["names"].map { try f.strings($0, "names") } ?? []
            e.names += try m["leaders"].map { try f.strings($0, "leaders") } ?? []
            e.caseSensitive = Set(try m["case_sensitive"].map { try f.strings($0, "case_sensitive") } ?? [])
            e.adjectives = try m["adjectives"].map { try f.strings($0, "adjectives") } ?? []
            e.possessives = try m["possessives"].map { try f.strings($0, "possessives") } ?? []
            e.verbNames = (try m["capitals"].map { try f.strings($0, "capitals") } ?? [])
                + (try m["verb_names"].map { try f.strings($0, "verb_names") } ?? [])
            if e.names.isEmpty { e.names = [e.name] }
            if kind == .partner {
                for cap in try m["capitals"].map({ try f.strings($0, "capitals") }) ?? [] {
                    capitalToCountry[cap.lowercased()] = e.name
                }
            }
            actors.append(e)
        }
    }

    private mutating func loadMissions(_ url: URL) throws {
        let f = try YAMLFile(url: url)
        let top = try f.mapping(f.root, "the mission gazetteer")
        guard let list = top["missions"] else { throw f.error(f.root, "missing 'missions' list") }
        for item in try f.sequence(list, "missions") {
            let m = try f.mapping(item, "each mission")
            try f.checkKeys(m, allowed: ["name", "names", "place", "office", "started", "note"], in: "a mission")
            guard let nameNode = m["name"] else { throw f.error(item, "mission has no 'name'") }
            let name = try f.string(nameNode, "name")
            var office = false
            if let o = m["office"] {
                guard let b = o.bool else { throw f.error(o, "'office' must be true or false") }
                office = b
            }
            missions.append(MissionEntry(
                name: name,
                names: try m["names"].map { try f.strings($0, "names") } ?? [name],
                place: try m["place"].map { try f.string($0, "place") },
                office: office,
                started: try m["started"].map { n in
                    guard let d = DateParsing.day(try f.string(n, "started")) else { throw f.error(n, "'started' must be a date YYYY-MM-DD") }
                    return d
                }))
        }
        notNato = try top["not_nato"].map { try f.strings($0, "not_nato") } ?? []
        officeTemplates = try top["office_templates"].map { try f.strings($0, "office_templates") } ?? []
    }

    private mutating func loadCurrencies(_ url: URL) throws {
        let f = try YAMLFile(url: url)
        let top = try f.mapping(f.root, "the currency gazetteer")
        guard let list = top["currencies"] else { throw f.error(f.root, "missing 'currencies' list") }
        for item in try f.sequence(list, "currencies") {
            let m = try f.mapping(item, "each currency")
            try f.checkKeys(m, allowed: ["form", "codes", "before", "after"], in: "a currency")
            guard let formNode = m["form"], let codesNode = m["codes"] else { throw f.error(item, "currency needs 'form' and 'codes'") }
            let form = try f.string(formNode, "form")
            let codes = try f.strings(codesNode, "codes")
            for c in codes where c.count != 3 || c != c.uppercased() {
                throw f.error(codesNode, "currency code '\(c)' is not an ISO 4217 code")
            }
            let before = m["before"]?.bool ?? false
            let after = m["after"]?.bool ?? false
            if !before && !after { throw f.error(item, "currency '\(form)' must be allowed 'before' or 'after' the number") }
            let toks = Tokenizer.tokenStrings(form)
            guard !toks.isEmpty else { throw f.error(formNode, "empty currency form") }
            currencies.append(CurrencyForm(tokens: toks, codes: codes, before: before, after: after, glued: toks.count > 1 && !form.contains(" ")))
        }
        // longest forms first so that "US dollars" wins over "dollars"
        currencies.sort { $0.tokens.count > $1.tokens.count }
        for (i, c) in currencies.enumerated() { currencyByFirstToken[c.tokens[0]] = (currencyByFirstToken[c.tokens[0]] ?? []) + [i] }
        if let list = top["scales"] {
            for item in try f.sequence(list, "scales") {
                let m = try f.mapping(item, "each scale")
                try f.checkKeys(m, allowed: ["form", "factor", "name"], in: "a scale")
                guard let formNode = m["form"], let factorNode = m["factor"], let nameNode = m["name"] else {
                    throw f.error(item, "scale needs 'form', 'factor' and 'name'")
                }
                let key = TextNormalizer.phraseKey(try f.string(formNode, "form"))
                scales[key] = ScaleForm(factor: try f.double(factorNode, "factor"), name: try f.string(nameNode, "name"))
            }
        }
    }
}
