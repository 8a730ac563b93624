import Foundation

/// Turns XML tokens into a ``WireFeed`` following feedparser 6's element handlers
/// (`_FeedParserMixin`), quirks included, so that the result agrees with feedparser.
///
/// The builder never recurses: nesting is an explicit stack bounded by ``maxDepth``.
struct FeedBuilder {
    /// Deepest element nesting accepted before the document is rejected.
    /// Parsing is iterative (no recursion), so depth only costs memory; feedparser accepts any
    /// depth, and lenient reading never closes stray tags, so the bound is generous.
    static let maxDepth = 100_000

    private struct StackItem {
        var element: String
        var expectingText: Bool
        var pieces: [String]
    }

    private let documentBase: String
    var version = ""
    private var feed = WireContext()
    private var entries: [WireContext] = []
    private var source = WireContext()

    private var infeed = false
    private var inentry = false
    private var incontent = 0
    private var intextinput = false
    private var inimage = false
    private var inauthor = false
    private var incontributor = false
    private var inpublisher = false
    private var insource = false
    private var hasContent = false
    private var guidislink = false
    private var summaryKey: String?
    private var contentType: String?
    private var contentBase64 = false
    private var titleDepth = -1
    private var depth = 0
    private var svgOK = 0

    private var elementstack: [StackItem] = []
    private var baseuri: String
    private var basestack: [String] = []
    /// prefix → feedparser's standard prefix (`namespacemap`).
    private var namespacemap: [String: String] = [:]
    /// declared prefix ("" for the default) → URI, document-wide like feedparser's.
    private var declared: [String: String] = [:]
    /// Per open element, the declarations it made (prefix, previous URI) to undo at its end.
    private var scopes: [[(String, String?)]] = []
    /// Open element names (raw), for sgmllib-style recovery of mismatched end tags.
    private var open: [String] = []
    /// The resolved info of each open element (strict pass), reused at its end tag.
    private var openInfo: [ElementInfo] = []
    private(set) var bozoReason: String?
    var ttl: String?

    /// Lenient mode: feedparser's SGML fallback (no namespace scoping, end tags passed through).
    private let loose: Bool

    init(baseURI: String, loose: Bool = false) {
        self.loose = loose
        documentBase = baseURI
        baseuri = baseURI
    }

    private mutating func flag(_ why: String) {
        if bozoReason == nil { bozoReason = why }
    }

    // MARK: - Driving

    /// Feeds every token of `tokenizer` through the handlers. In strict mode it stops at the
    /// first well-formedness error and returns false (the caller then re-parses leniently).
    @discardableResult
    mutating func run(_ tokenizer: inout XMLTokenizer) throws(FeedError) -> Bool {
        if loose {
            while let tok = try tokenizer.next() {
                switch tok {
                case .text(let s), .cdata(let s): handleData(s, escape: false)
                case .start(let name, let attrs, let selfClosing):
                    // The lenient pass never closes unbalanced tags (like sgmllib), so `depth` counts
                    // every stray `<br>`; there is no recursion, so only a sanity bound applies.
                    if depth >= FeedBuilder.maxDepth {
                        throw FeedError(kind: .tooDeep, message: "more than \(FeedBuilder.maxDepth) unclosed elements")
                    }
                    let el = startElement(name, attrs)
                    if selfClosing { endElement(name, el) }
                case .end(let name): endElement(name)
                }
            }
            return true
        }
        var rootClosed = false
        var sawRoot = false
        while let tok = try tokenizer.next() {
            if !tokenizer.wellFormed || bozoReason != nil { return false }
            switch tok {
            case .text(let s):
                if open.isEmpty {
                    if s.contains(where: { !$0.isWhitespace }) { flag("text outside the root element") }
                    continue
                }
                handleData(s, escape: true)
            case .cdata(let s):
                if open.isEmpty { flag("CDATA outside the root element"); continue }
                handleData(s, escape: true)
            case .start(let name, let attrs, let selfClosing):
                if open.isEmpty {
                    if sawRoot && rootClosed { flag("more than one root element") }
                    sawRoot = true
                }
                if open.count >= FeedBuilder.maxDepth {
                    throw FeedError(kind: .tooDeep, message: "elements nest deeper than \(FeedBuilder.maxDepth) levels")
                }
                var seen = Set<String>()
                for a in attrs where !seen.insert(a.name).inserted { flag("duplicate attribute \(a.name)") }
                open.append(name)
                let el = startElement(name, attrs)
                openInfo.append(el)
                if selfClosing {
                    open.removeLast()
                    openInfo.removeLast()
                    endElement(name, el)
                    if open.isEmpty { rootClosed = true }
                }
            case .end(let name):
                if let top = open.last, top == name {
                    open.removeLast()
                    endElement(name, openInfo.removeLast())
                } else if let idx = open.lastIndex(of: name) {
                    flag("mismatched end tag </\(name)>")
                    while open.count > idx {
                        let t = open.removeLast()
                        endElement(t, openInfo.removeLast())
                    }
                } else {
                    flag("end tag </\(name)> without start tag")
                    endElement(name)
                }
                if open.isEmpty { rootClosed = true }
            }
        }
        if !open.isEmpty { flag("unclosed element <\(open.last ?? "")>") }
        if !sawRoot { flag("no root element") }
        return tokenizer.wellFormed && bozoReason == nil
    }

    func result() -> (feed: WireContext, entries: [WireContext]) { (feed, entries) }

    // MARK: - Names

    /// What a raw element name resolves to under the current namespace declarations.
    private struct ElementInfo {
        let tag: String
        let method: String
        let handler: FeedHandler?
        let isSVG: Bool
        let isDiv: Bool
        /// Unprefixed and not one of the names that keep `intextinput` / `inimage` set.
        let resetsTextinput: Bool
        let resetsImage: Bool
        /// The namespace prefix the resolution depended on, and the URI it had.
        let nsKey: String
        let nsURI: String?
    }

    /// Element infos by raw name; cleared whenever namespace declarations change.
    private var nameCache: [String: ElementInfo] = [:]

    private mutating func info(_ raw: String) -> ElementInfo {
        if let cached = nameCache[raw], loose || (declared.isEmpty && cached.nsURI == nil) || declared[cached.nsKey] == cached.nsURI {
            return cached
        }
        let tag = resolveElementName(raw)
        var nsKey = ""
        if let colon = raw.utf8.firstIndex(of: 58) { nsKey = String(raw[..<colon]).lowercased() }
        let (prefix, suffix) = splitTag(tag)
        let method = prefix.isEmpty ? suffix : prefix + "_" + suffix
        let i = ElementInfo(
            tag: tag, method: method, handler: FeedHandler.byName[method], isSVG: suffix == "svg",
            isDiv: tag == "xhtml:div" || tag == "div",
            resetsTextinput: prefix.isEmpty && !FeedBuilder.textinputNames.contains(tag),
            resetsImage: prefix.isEmpty && !FeedBuilder.imageNames.contains(tag),
            nsKey: nsKey, nsURI: declared[nsKey])
        nameCache[raw] = i
        return i
    }

    private static let textinputNames: Set<String> = ["title", "link", "description", "name"]
    private static let imageNames: Set<String> = ["title", "link", "description", "url", "href", "width", "height"]

    private mutating func elementName(_ raw: String) -> String { info(raw).tag }

    private mutating func resolveElementName(_ raw: String) -> String {
        let lower = raw.lowercased()
        if loose { return lower }
        if let colon = lower.firstIndex(of: ":") {
            let p = String(lower[..<colon])
            let local = String(lower[lower.index(after: colon)...])
            if let uri = declared[p] {
                let mapped = FeedNamespaces.prefix(forURI: uri) ?? p
                return mapped.isEmpty ? local : mapped + ":" + local
            }
            if p != "xml" && p != "xmlns" { flag("undeclared namespace prefix \(p)") }
            return lower
        }
        if let uri = declared[""], let mapped = FeedNamespaces.prefix(forURI: uri), !mapped.isEmpty {
            return mapped + ":" + lower
        }
        return lower
    }

    private mutating func attributeDict(_ attrs: [(name: String, value: String)]) -> ([String: String], [(String, String)]) {
        if attrs.isEmpty { return ([:], []) }
        var d: [String: String] = [:]
        var list: [(String, String)] = []
        for (rawName, rawValue) in attrs {
            let lname = rawName.lowercased()
            var key = lname
            if loose {
                var v = rawValue
                if key == "rel" || key == "type" { v = v.lowercased() }
                if FeedText.has(v, 38) { v = FeedText.replaceAll(v, [("&amp;", "&")]) }
                d[key] = v
                list.append((key, v))
                continue
            }
            if lname == "xmlns" || lname.hasPrefix("xmlns:") { continue }
            if let colon = lname.firstIndex(of: ":") {
                let p = String(lname[..<colon])
                let local = String(lname[lname.index(after: colon)...])
                if p == "xml" {
                    key = "xml:" + local
                } else if let uri = declared[p] {
                    if let mapped = FeedNamespaces.prefix(forURI: uri), !mapped.isEmpty { key = mapped + ":" + local } else { key = local }
                } else {
                    key = lname
                }
            }
            var v = rawValue
            if key == "rel" || key == "type" { v = v.lowercased() }
            if FeedText.has(v, 38) { v = FeedText.replaceAll(v, [("&amp;", "&")]) }
            d[key] = v
            list.append((key, v))
        }
        return (d, list)
    }

    private mutating func trackNamespace(_ prefix: String?, _ uri: String) {
        let lower = uri.lowercased()
        if version.isEmpty {
            if prefix == nil && lower == "http://my.netscape.com/rdf/simple/0.9/" { version = "rss090" }
            else if lower == "http://purl.org/rss/1.0/" { version = "rss10" }
            else if lower == "http://www.w3.org/2005/atom" { version = "atom10" }
        }
        let key = prefix ?? ""
        if !scopes.isEmpty { scopes[scopes.count - 1].append((key, declared[key])) }
        declared[key] = uri
        if let mapped = FeedNamespaces.prefix(forURI: uri), namespacemap[key] != mapped {
            namespacemap[key] = mapped
            nameCache.removeAll(keepingCapacity: true)
        }
    }

    // MARK: - Start / end

    @discardableResult
    private mutating func startElement(_ rawName: String, _ rawAttrs: [(name: String, value: String)]) -> ElementInfo {
        depth += 1
        scopes.append([])
        for (n, v) in rawAttrs where n.utf8.first == 120 || n.utf8.first == 88 {
            let ln = n.lowercased()
            if ln == "xmlns" { trackNamespace(nil, v) } else if ln.hasPrefix("xmlns:") { trackNamespace(String(ln.dropFirst(6)), v) }
        }
        let el = info(rawName)
        var tag = el.tag
        var (attrs, attrList) = attributeDict(rawAttrs)

        if let b = attrs["xml:base"] ?? attrs["base"], !b.isEmpty {
            baseuri = FeedURL.makeSafeAbsolute(base: baseuri, rel: b) ?? baseuri
        }
        basestack.append(baseuri)

        if incontent > 0, !(contentType ?? "xml").hasSuffix("xml") {
            if el.isDiv { return el }
            contentType = "application/xhtml+xml"
        }
        if incontent > 0, contentType == "application/xhtml+xml" {
            if let colon = tag.firstIndex(of: ":") {
                let p = String(tag[..<colon])
                tag = String(tag[tag.index(after: colon)...])
                let ns = declared[p] ?? ""
                if tag == "math" && ns == "http://www.w3.org/1998/Math/MathML" { attrList.append(("xmlns", ns)) }
                if tag == "svg" && ns == "http://www.w3.org/2000/svg" { attrList.append(("xmlns", ns)) }
            }
            if tag == "svg" { svgOK += 1 }
            var s = "<" + tag
            for (k, v) in attrList { s += " \(k)=\"\(FeedBuilder.xmlEscape(v, quote: true))\"" }
            s += ">"
            handleData(s, escape: false)
            return el
        }

        if el.resetsTextinput { intextinput = false }
        if el.resetsImage { inimage = false }
        if el.handler.map({ startHandler($0, &attrs) }) != true {
            if attrs.isEmpty { push(el.method, true) }
        }
        return el
    }

    private mutating func splitTag(_ tag: String) -> (String, String) {
        if let colon = tag.firstIndex(of: ":") {
            let p = String(tag[..<colon])
            return (namespacemap[p] ?? p, String(tag[tag.index(after: colon)...]))
        }
        return ("", tag)
    }

    private mutating func endElement(_ rawName: String, _ known: ElementInfo? = nil) {
        let el = known ?? info(rawName)
        var tag = el.tag
        if el.isSVG && svgOK > 0 { svgOK -= 1 }
        if svgOK > 0 || el.handler.map({ endHandler($0) }) != true {
            _ = pop(el.method)
        }
        if incontent > 0, !(contentType ?? "xml").hasSuffix("xml") {
            if el.isDiv { finishEnd(); return }
            contentType = "application/xhtml+xml"
        }
        if incontent > 0, contentType == "application/xhtml+xml" {
            if let colon = tag.lastIndex(of: ":") { tag = String(tag[tag.index(after: colon)...]) }
            handleData("</\(tag)>", escape: false)
        }
        finishEnd()
    }

    private mutating func finishEnd() {
        if let undo = scopes.popLast(), !undo.isEmpty {
            for (k, old) in undo.reversed() { declared[k] = old }
        }
        if !basestack.isEmpty {
            basestack.removeLast()
            if let last = basestack.last, !last.isEmpty { baseuri = last }
        }
        depth -= 1
    }

    // MARK: - Data

    static func xmlEscape(_ s: String, quote: Bool = false) -> String {
        var needs = false
        for u in s.utf8 where u == 38 || u == 60 || u == 62 || (quote && u == 34) { needs = true; break }
        guard needs else { return s }
        var out = [UInt8]()
        out.reserveCapacity(s.utf8.count + 16)
        // Byte by byte: an array literal per escaped character would be a heap allocation.
        for u in s.utf8 {
            switch u {
            case 38: out.append(38); out.append(97); out.append(109); out.append(112); out.append(59)  // &amp;
            case 60: out.append(38); out.append(108); out.append(116); out.append(59)  // &lt;
            case 62: out.append(38); out.append(103); out.append(116); out.append(59)  // &gt;
            case 34 where quote: out.append(38); out.append(113); out.append(117); out.append(111); out.append(116); out.append(59)  // &quot;
            default: out.append(u)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private mutating func handleData(_ text: String, escape: Bool) {
        guard !elementstack.isEmpty else { return }
        if escape && contentType == "application/xhtml+xml" {
            elementstack[elementstack.count - 1].pieces.append(FeedBuilder.xmlEscape(text))
        } else {
            elementstack[elementstack.count - 1].pieces.append(text)
        }
    }

    private mutating func push(_ element: String, _ expectingText: Bool) {
        elementstack.append(StackItem(element: element, expectingText: expectingText, pieces: []))
    }

    private var context: WireContext {
        if insource { return source }
        if inimage, let img = feed.image { return img }
        if intextinput, let ti = feed.textinput { return ti }
        if inentry, let e = entries.last { return e }
        return feed
    }

    private mutating func mapContentType(_ t: String) -> String {
        let l = t.lowercased()
        switch l {
        case "text", "plain": return "text/plain"
        case "html": return "text/html"
        case "xhtml": return "application/xhtml+xml"
        default: return l
        }
    }

    private static let htmlTypes: Set<String> = ["text/html", "application/xhtml+xml"]
    private static let canBeRelativeURI: Set<String> = ["comments", "docs", "href", "icon", "id", "link", "logo", "url", "wfw_comment", "wfw_commentrss"]

    @discardableResult
    private mutating func pop(_ element: String, stripWhitespace: Bool = true) -> String? {
        guard let top = elementstack.last, top.element == element else { return nil }
        elementstack.removeLast()
        var pieces = top.pieces
        if version == "atom10" && (contentType ?? "text") == "application/xhtml+xml" {
            while pieces.count > 1, let l = pieces.last, FeedText.pyStrip(l).isEmpty { pieces.removeLast() }
            while pieces.count > 1, let f = pieces.first, FeedText.pyStrip(f).isEmpty { pieces.removeFirst() }
            if let f = pieces.first, f == "<div>" || f.hasPrefix("<div "), pieces.last == "</div>" {
                var d = 0
                var broke = false
                for piece in pieces.dropLast() {
                    if piece.hasPrefix("</") {
                        d -= 1
                        if d == 0 { broke = true; break }
                    } else if piece.hasPrefix("<") && !piece.hasSuffix("/>") {
                        d += 1
                    }
                }
                if !broke { pieces = Array(pieces.dropFirst().dropLast()) }
            }
        }
        var output = pieces.count == 1 ? pieces[0] : pieces.joined()
        if stripWhitespace { output = FeedText.pyStrip(output) }
        guard top.expectingText else { return output }

        if contentBase64 {
            if let d = FeedText.base64Decode(output) { output = d }
        }
        if FeedBuilder.canBeRelativeURI.contains(element), !output.isEmpty {
            if element != "id" || guidislink { output = FeedURL.urljoinFP(baseuri, output) }
        }
        if loose && !contentBase64 { output = FeedBuilder.looseDecodeEntities(output, type: contentType ?? "xml") }
        if !version.hasPrefix("atom"), contentType == "text/plain", FeedText.looksLikeHTML(output) {
            contentType = "text/html"
        }
        contentBase64 = false
        output = FeedText.repair(output)

        if element == "category" || element == "tags" || element == "itunes_keywords" { return output }
        if element == "title", titleDepth > -1, titleDepth <= depth { return output }

        if inentry && !insource, let entry = entries.last {
            if element == "content" {
                entry.content.append((contentType ?? "", output))
            } else if element == "link" {
                if !inimage {
                    var o = FeedText.has(output, 38) ? FeedText.replaceAll(output, [("&amp;", "&")]) : output
                    o = FeedText.fixQueryRefs(o)
                    entry.values["link"] = o
                    if !o.isEmpty, let l = entry.links.last { l.attributes["href"] = o }
                }
            } else {
                let key = element == "description" ? "summary" : element
                let old = entry.depths[key]
                if old == nil || depth <= old ?? 0 {
                    entry.depths[key] = depth
                    entry.values[key] = output
                }
                if incontent > 0 { entry.detailTypes[key] = contentType ?? "" }
            }
        } else if infeed || insource {
            let ctx = context
            let key = element == "description" ? "subtitle" : element
            ctx.values[key] = output
            if key == "link" {
                let o = FeedText.fixQueryRefs(output)
                ctx.values[key] = o
                if let l = ctx.links.last { l.attributes["href"] = o }
            } else if incontent > 0 {
                ctx.detailTypes[key] = contentType ?? ""
            }
        }
        return output
    }

    /// feedparser's `_LooseFeedParser.decode_entities`.
    static func looseDecodeEntities(_ s: String, type: String) -> String {
        guard FeedText.has(s, 38) else { return s }
        var hasCharRef = false
        var prevAmp = false
        for c in s.utf8 {
            if prevAmp && c == 35 { hasCharRef = true; break }
            prevAmp = c == 38
        }
        var d = hasCharRef ? FeedText.replaceAll(s, looseNumeric) : s
        if !type.hasSuffix("xml") { d = FeedText.replaceAll(d, looseNamed) }
        return d
    }

    private static let looseNumeric: [(String, String)] = [
        ("&#60;", "&lt;"), ("&#x3c;", "&lt;"), ("&#x3C;", "&lt;"), ("&#62;", "&gt;"), ("&#x3e;", "&gt;"), ("&#x3E;", "&gt;"),
        ("&#38;", "&amp;"), ("&#x26;", "&amp;"), ("&#34;", "&quot;"), ("&#x22;", "&quot;"), ("&#39;", "&apos;"), ("&#x27;", "&apos;"),
    ]
    private static let looseNamed: [(String, String)] = [
        ("&lt;", "<"), ("&gt;", ">"), ("&amp;", "&"), ("&quot;", "\""), ("&apos;", "'"), ("&#x2f;", "/"), ("&#x2F;", "/"),
    ]

    private mutating func pushContent(_ tag: String, _ attrs: [String: String], _ defaultType: String, _ expectingText: Bool) {
        incontent += 1
        let t = mapContentType(attrs["type"] ?? defaultType)
        contentType = t
        if attrs["mode"] == "base64" { contentBase64 = true }
        else if t.hasPrefix("text/") || t.hasSuffix("+xml") || t.hasSuffix("/xml") { contentBase64 = false }
        else { contentBase64 = true }
        push(tag, expectingText)
    }

    @discardableResult
    private mutating func popContent(_ tag: String) -> String? {
        let v = pop(tag)
        incontent -= 1
        contentType = nil
        contentBase64 = false
        return v
    }

    private mutating func save(_ key: String, _ value: String) {
        context.setDefault(key, value)
    }

    // MARK: - Handlers

    private var expectingText: Bool { infeed || inentry || insource }

    // swiftlint:disable:next cyclomatic_complexity function_body_length
    private mutating func startHandler(_ m: FeedHandler, _ a: inout [String: String]) -> Bool {
        switch m {
        case .rss:
            if version.isEmpty || !version.hasPrefix("rss") {
                let v = a["version"] ?? ""
                switch v {
                case "0.91": version = "rss091u"
                case "0.92": version = "rss092"
                case "0.93": version = "rss093"
                case "0.94": version = "rss094"
                default: version = v.hasPrefix("2.") ? "rss20" : "rss"
                }
            }
        case .channel:
            infeed = true
            cdfCommon(a)
        case .feed:
            infeed = true
            if version.isEmpty {
                switch a["version"] {
                case "0.1": version = "atom01"
                case "0.2": version = "atom02"
                case "0.3": version = "atom03"
                default: version = "atom"
                }
            }
        case .image:
            let ctx = context
            if !inentry, ctx.image == nil { ctx.image = WireContext() }
            inimage = true
            titleDepth = -1
            push("image", false)
        case .textinput:
            let ctx = context
            if ctx.textinput == nil { ctx.textinput = WireContext() }
            intextinput = true
            titleDepth = -1
            push("textinput", false)
        case .author, .managingeditor, .dc_author, .dc_creator, .itunes_author:
            inauthor = true
            push("author", true)
            context.authors.append(WirePerson())
        case .contributor:
            incontributor = true
            push("contributor", false)
        case .name, .itunes_name: push("name", false)
        case .width: push("width", false)
        case .height: push("height", false)
        case .url, .homepage, .uri: push("href", true)
        case .email, .itunes_email: push("email", false)
        case .subtitle, .tagline, .itunes_subtitle: pushContent("subtitle", a, "text/plain", true)
        case .rights, .copyright, .dc_rights: pushContent("rights", a, "text/plain", true)
        case .item, .entry:
            entries.append(WireContext())
            push("item", false)
            inentry = true
            guidislink = false
            titleDepth = -1
            if let id = a["rdf:about"], !id.isEmpty { context.values["id"] = id }
            cdfCommon(a)
        case .language, .dc_language: push("language", true)
        case .webmaster, .dc_publisher: push("publisher", true)
        case .itunes_owner:
            inpublisher = true
            push("publisher", false)
        case .published, .issued, .pubdate, .dcterms_issued: push("published", true)
        case .updated, .modified, .lastbuilddate, .dc_date, .dcterms_modified: push("updated", true)
        case .created, .dcterms_created: push("created", true)
        case .category, .keywords, .dc_subject, .media_category:
            if m == .media_category, a["scheme"] == nil { a["scheme"] = "http://search.yahoo.com/mrss/category_schema" }
            addTag(a["term"], a["scheme"] ?? a["domain"], a["label"])
            push("category", true)
        case .itunes_category:
            addTag(a["text"], "http://www.itunes.com/", nil)
            push("category", true)
        case .tags: push("tags", true)
        case .link:
            if a["rel"] == nil { a["rel"] = "alternate" }
            if a["rel"] == "self" { if a["type"] == nil { a["type"] = "application/atom+xml" } }
            else if a["type"] == nil { a["type"] = "text/html" }
            let ctx = context
            enforceHref(&a)
            if let h = a["href"] { a["href"] = FeedURL.urljoinFP(baseuri, h) }
            if !(inentry && inimage) { ctx.links.append(WireLink(a)) }
            if let h = a["href"] {
                if a["rel"] == "alternate", FeedBuilder.htmlTypes.contains(mapContentType(a["type"] ?? "")) {
                    ctx.values["link"] = h
                }
            } else {
                push("link", expectingText)
            }
        case .guid, .id:
            guidislink = (a["ispermalink"] ?? "true") == "true"
            push("id", true)
        case .title, .dc_title, .media_title:
            if svgOK > 0 { return false }
            pushContent("title", a, "text/plain", expectingText)
        case .description, .dc_description, .media_description:
            if context.hasSummary && !hasContent {
                summaryKey = "content"
                startContent(a)
            } else {
                pushContent("description", a, "text/html", expectingText)
            }
        case .abstract: pushContent("description", a, "text/plain", expectingText)
        case .info, .feedburner_browserfriendly: pushContent("info", a, "text/plain", true)
        case .summary, .itunes_summary:
            if context.hasSummary && !hasContent {
                summaryKey = "content"
                startContent(a)
            } else {
                summaryKey = "summary"
                pushContent("summary", a, "text/plain", true)
            }
        case .enclosure:
            enforceHref(&a)
            a["rel"] = "enclosure"
            context.links.append(WireLink(a))
        case .source:
            if let u = a["url"] { source.values["href"] = u }
            push("source", true)
            insource = true
            titleDepth = -1
        case .content: startContent(a)
        case .body, .xhtml_body: pushContent("content", a, "application/xhtml+xml", true)
        case .content_encoded, .fullitem:
            hasContent = true
            pushContent("content", a, "text/html", true)
        case .media_content, .media_group: break
        case .media_rating: push("rating", true)
        case .media_restriction: push("restriction", true)
        case .media_license: push("license", true)
        case .media_credit: push("credit", true)
        case .media_player: push("media_player", false)
        case .media_thumbnail: push("url", true)
        case .itunes_image, .itunes_link: push("itunes_image", false)
        case .generator: push("generator", true)
        case .newlocation: push("newlocation", true)
        case .expirationdate: push("expired", true)
        default:
            return false
        }
        return true
    }

    private mutating func startContent(_ a: [String: String]) {
        hasContent = true
        pushContent("content", a, "text/plain", true)
        push("content", true)
    }

    private mutating func enforceHref(_ a: inout [String: String]) {
        if let h = a["url"] ?? a["uri"] ?? a["href"], !h.isEmpty {
            a["url"] = nil
            a["uri"] = nil
            a["href"] = h
        }
    }

    private mutating func cdfCommon(_ a: [String: String]) {
        if let lm = a["lastmod"] {
            push("updated", true)
            elementstack[elementstack.count - 1].pieces = [lm]
            endUpdated()
        }
        if let h = a["href"] {
            var empty: [String: String] = [:]
            _ = startHandler(.link, &empty)
            if !elementstack.isEmpty { elementstack[elementstack.count - 1].pieces = [h] }
            pop("link")
        }
    }

    private mutating func addTag(_ term: String?, _ scheme: String?, _ label: String?) {
        let ctx = context
        if (term ?? "").isEmpty && (scheme ?? "").isEmpty && (label ?? "").isEmpty { return }
        let t = WireTag(term: term, scheme: scheme, label: label)
        if !ctx.tags.contains(t) { ctx.tags.append(t) }
    }

    private mutating func endUpdated() {
        let v = pop("updated")
        context.updatedParsed = .some(v.flatMap { FeedDate.parse($0) })
    }

    // swiftlint:disable:next cyclomatic_complexity function_body_length
    private mutating func endHandler(_ m: FeedHandler) -> Bool {
        switch m {
        case .channel, .feed: infeed = false
        case .image:
            pop("image")
            inimage = false
        case .textinput:
            pop("textinput")
            intextinput = false
        case .author, .managingeditor, .dc_author, .dc_creator, .itunes_author:
            pop("author")
            inauthor = false
            syncAuthorDetail()
        case .contributor:
            pop("contributor")
            incontributor = false
        case .name, .itunes_name:
            let v = pop("name")
            if inpublisher { saveAuthor(\.name, v, publisher: true) }
            else if inauthor { saveAuthor(\.name, v) }
            else if intextinput { context.values["name"] = v }
        case .width: pop("width")
        case .height: pop("height")
        case .url, .homepage, .uri:
            let v = pop("href")
            if inauthor { saveAuthor(\.href, v) }
        case .email, .itunes_email:
            let v = pop("email")
            if inpublisher { saveAuthor(\.email, v, publisher: true) } else if inauthor { saveAuthor(\.email, v) }
        case .subtitle, .tagline, .itunes_subtitle: popContent("subtitle")
        case .rights, .copyright, .dc_rights: popContent("rights")
        case .item, .entry:
            pop("item")
            inentry = false
            hasContent = false
        case .language, .dc_language: pop("language")
        case .webmaster, .dc_publisher: pop("publisher")
        case .itunes_owner:
            pop("publisher")
            inpublisher = false
        case .published, .issued, .pubdate, .dcterms_issued:
            let v = pop("published")
            context.publishedParsed = .some(v.flatMap { FeedDate.parse($0) })
        case .updated, .modified, .lastbuilddate, .dc_date, .dcterms_modified:
            endUpdated()
        case .created, .dcterms_created: pop("created")
        case .category, .keywords, .dc_subject, .media_category, .itunes_category:
            guard let v = pop("category"), !v.isEmpty else { return true }
            let ctx = context
            if let last = ctx.tags.last, (last.term ?? "").isEmpty {
                ctx.tags[ctx.tags.count - 1].term = v
            } else {
                addTag(v, nil, nil)
            }
        case .tags:
            guard let tg = pop("tags") else { return true }
            for t in tg.split(separator: ",", omittingEmptySubsequences: false) {
                addTag(FeedText.pyStrip(String(t)), nil, nil)
            }
        case .itunes_keywords:
            // No start handler: with attributes (xmlns in the lenient pass) nothing was pushed,
            // feedparser's handler then fails and the keywords are lost.
            guard let kw = pop("itunes_keywords") else { return true }
            for t in kw.split(separator: ",", omittingEmptySubsequences: false) {
                let s = FeedText.pyStrip(String(t))
                if !s.isEmpty { addTag(s, "http://www.itunes.com/", nil) }
            }
        case .media_keywords:
            guard let kw = pop("media_keywords") else { return true }
            for t in kw.split(separator: ",", omittingEmptySubsequences: false) {
                let s = FeedText.pyStrip(String(t))
                if !s.isEmpty { addTag(s, nil, nil) }
            }
        case .link: pop("link")
        case .guid, .id:
            let v = pop("id")
            let ctx = context
            if ctx.values["guidislink"] == nil { ctx.values["guidislink"] = (guidislink && ctx.values["link"] == nil) ? "1" : "0" }
            if guidislink, let v { save("link", v) }
        case .title, .dc_title, .media_title:
            if svgOK > 0 { return true }
            let saved = titleDepth
            let v = popContent("title")
            if let v, !v.isEmpty { titleDepth = depth }
            if m == .media_title { titleDepth = saved }
        case .description, .dc_description, .media_description, .abstract:
            if summaryKey == "content" { endContent() } else { popContent("description") }
            summaryKey = nil
        case .info, .feedburner_browserfriendly: popContent("info")
        case .summary, .itunes_summary:
            if summaryKey == "content" { endContent() } else { popContent(summaryKey ?? "summary") }
            summaryKey = nil
        case .source:
            insource = false
            let v = pop("source")
            if let v, !v.isEmpty { source.values["title"] = v }
            source = WireContext()
        case .content, .body, .xhtml_body, .content_encoded, .fullitem: endContent()
        case .media_thumbnail: pop("url")
        case .media_rating: pop("rating")
        case .media_restriction: pop("restriction")
        case .media_license: pop("license")
        case .media_credit: pop("credit")
        case .media_player: pop("media_player")
        case .itunes_image, .itunes_link: pop("itunes_image")
        case .ttl:
            let v = pop("ttl")
            if infeed && !inentry { ttl = v }
        case .generator: pop("generator")
        case .newlocation: pop("newlocation")
        case .expirationdate: pop("expired")
        default: return false
        }
        return true
    }

    private mutating func endContent() {
        let t = mapContentType(contentType ?? "")
        let copy = t == "text/plain" || FeedBuilder.htmlTypes.contains(t)
        let v = popContent("content")
        if copy, let v { save("summary", v) }
    }

    /// feedparser's `_save_author`: sets `<prefix>_detail[key]` (which may alias an entry of
    /// `authors`, see ``syncAuthorDetail()``), syncs, then sets the last author's `key`.
    private mutating func saveAuthor(_ key: ReferenceWritableKeyPath<WirePerson, String?>, _ value: String?, publisher: Bool = false) {
        let ctx = context
        if publisher {
            if ctx.publisherDetail == nil { ctx.publisherDetail = WirePerson() }
            ctx.publisherDetail?[keyPath: key] = value
        } else {
            if ctx.authorDetail == nil { ctx.authorDetail = WirePerson() }
            ctx.authorDetail?[keyPath: key] = value
        }
        syncAuthorDetail()
        if ctx.authors.isEmpty { ctx.authors.append(WirePerson()) }
        ctx.authors[ctx.authors.count - 1][keyPath: key] = value
    }

    private mutating func syncAuthorDetail() {
        let ctx = context
        guard let detail = ctx.authors.last else { return }
        if !detail.isEmpty {
            let name = detail.name ?? "", email = detail.email ?? ""
            if !name.isEmpty && !email.isEmpty { ctx.values["author"] = "\(name) (\(email))" }
            else if !name.isEmpty { ctx.values["author"] = name }
            else if !email.isEmpty { ctx.values["author"] = email }
            return
        }
        guard var author = ctx.values["author"], !author.isEmpty else { return }
        var email: String?
        if let r = FeedText.findEmail(author) {
            let e = String(author[r])
            email = e
            author = author.replacingOccurrences(of: e, with: "")
            author = author.replacingOccurrences(of: "()", with: "")
            author = author.replacingOccurrences(of: "<>", with: "")
            author = author.replacingOccurrences(of: "&lt;&gt;", with: "")
            author = FeedText.pyStrip(author)
            if author.hasPrefix("(") { author.removeFirst() }
            if author.hasSuffix(")") { author.removeLast() }
            author = FeedText.pyStrip(author)
        }
        // `context.setdefault('author_detail', detail)`: the detail dict becomes an alias of
        // the last author, so a later <name>/<email> also rewrites that author.
        if (!author.isEmpty || !(email ?? "").isEmpty), ctx.authorDetail == nil { ctx.authorDetail = detail }
        if !author.isEmpty { detail.name = author }
        if let email, !email.isEmpty { detail.email = email }
    }
}
