/// URL resolution exactly as feedparser and Python's `urllib.parse.urljoin` do it.
enum FeedURL {
    static let acceptableSchemes: Set<String> = [
        "file", "ftp", "gopher", "h323", "hdl", "http", "https", "imap", "magnet",
        "mailto", "mms", "news", "nntp", "prospero", "rsync", "rtsp", "rtspu",
        "sftp", "shttp", "sip", "sips", "snews", "svn", "svn+ssh", "telnet",
        "wais", "aim", "callto", "cvs", "facetime", "feed", "git", "gtalk", "irc", "ircs",
        "irc6", "itms", "msnim", "skype", "ssh", "smb", "ymsg",
    ]
    private static let usesRelative: Set<String> = [
        "", "ftp", "http", "gopher", "nntp", "imap", "wais", "file", "https", "shttp", "mms",
        "prospero", "rtsp", "rtspu", "sftp", "svn", "svn+ssh", "ws", "wss",
    ]
    private static let usesNetloc: Set<String> = [
        "", "ftp", "http", "gopher", "nntp", "telnet", "imap", "wais", "file", "mms", "https", "shttp",
        "snews", "prospero", "rtsp", "rtspu", "rsync", "svn", "svn+ssh", "sftp", "nfs", "git", "git+ssh",
        "ws", "wss",
    ]

    struct Parts {
        var scheme: String
        var netloc: String
        var path: String
        var query: String
        var fragment: String
        var hasNetloc: Bool
        var hasQuery: Bool
        var hasFragment: Bool
    }

    /// The scheme of `url` as `urlsplit` finds it ("" when none).
    static func scheme(of url: String) -> String {
        var len = 0
        var hasUpper = false
        for c in url.utf8 {
            if c == 58 { break }
            let alpha = (c >= 97 && c <= 122) || (c >= 65 && c <= 90)
            if len == 0 && !alpha { return "" }
            if !(alpha || (c >= 48 && c <= 57) || c == 43 || c == 45 || c == 46) { return "" }
            if c >= 65 && c <= 90 { hasUpper = true }
            len += 1
        }
        guard len > 0, len < url.utf8.count else { return "" }
        let s = String(url.utf8.prefix(len)) ?? ""
        return hasUpper ? s.lowercased() : s
    }

    /// Python's `urlsplit`.
    static func split(_ input: String, defaultScheme: String = "") -> Parts {
        var url = Substring(input)
        // Strip leading C0 controls and spaces, drop tab/CR/LF anywhere (WHATWG-style sanitizing).
        while let f = url.unicodeScalars.first, f.value <= 0x20 { url = url.dropFirst() }
        var u = String(url)
        if u.contains(where: { $0 == "\t" || $0 == "\r" || $0 == "\n" }) {
            u.removeAll(where: { $0 == "\t" || $0 == "\r" || $0 == "\n" })
        }
        var scheme = defaultScheme
        var rest = Substring(u)
        let sch = FeedURL.scheme(of: u)
        if !sch.isEmpty, let colon = rest.firstIndex(of: ":") {
            scheme = sch
            rest = rest[rest.index(after: colon)...]
        }
        var netloc = ""
        var hasNetloc = false
        if rest.hasPrefix("//") {
            let after = rest.dropFirst(2)
            let end = after.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? after.endIndex
            netloc = String(after[..<end])
            hasNetloc = true
            rest = after[end...]
        }
        var fragment = ""
        var hasFragment = false
        if let h = rest.firstIndex(of: "#") {
            fragment = String(rest[rest.index(after: h)...])
            hasFragment = true
            rest = rest[..<h]
        }
        var query = ""
        var hasQuery = false
        if let q = rest.firstIndex(of: "?") {
            query = String(rest[rest.index(after: q)...])
            hasQuery = true
            rest = rest[..<q]
        }
        return Parts(scheme: scheme, netloc: netloc, path: String(rest), query: query, fragment: fragment,
                     hasNetloc: hasNetloc, hasQuery: hasQuery, hasFragment: hasFragment)
    }

    /// Python's `urlunsplit`.
    static func unsplit(_ p: Parts) -> String {
        var url = p.path
        if !p.netloc.isEmpty || (!p.scheme.isEmpty && usesNetloc.contains(p.scheme) && !url.hasPrefix("//")) {
            if !url.isEmpty && !url.hasPrefix("/") { url = "/" + url }
            url = "//" + p.netloc + url
        }
        if !p.scheme.isEmpty { url = p.scheme + ":" + url }
        if !p.query.isEmpty { url += "?" + p.query }
        if !p.fragment.isEmpty { url += "#" + p.fragment }
        return url
    }

    /// True when `urlunsplit(urlsplit(url)) == url` and `url` is absolute with an authority:
    /// a lowercase scheme, `://`, a non-empty host, no `?`/`#`, controls or spaces.
    static func isPlainAbsolute(_ url: String) -> Bool {
        var sawColon = false
        var i = 0
        var schemeLen = 0
        var afterAuthority = -1
        for c in url.utf8 {
            if c <= 32 || c == 63 || c == 35 || c == 127 { return false }
            if !sawColon {
                if c == 58 {
                    guard i > 0 else { return false }
                    sawColon = true
                    schemeLen = i
                } else if !((c >= 97 && c <= 122) || (i > 0 && ((c >= 48 && c <= 57) || c == 43 || c == 45 || c == 46))) {
                    return false
                }
            } else if i == schemeLen + 1 || i == schemeLen + 2 {
                if c != 47 { return false }
                if i == schemeLen + 2 { afterAuthority = i + 1 }
            } else if i == afterAuthority, c == 47 {
                return false  // empty host
            }
            i += 1
        }
        return sawColon && afterAuthority > 0 && i > afterAuthority
    }

    /// Python's `urllib.parse.urljoin(base, url)`.
    static func urljoin(_ base: String, _ url: String) -> String {
        if base.isEmpty { return url }
        if url.isEmpty { return base }
        let urlScheme = scheme(of: url)
        if !urlScheme.isEmpty {
            // A different scheme, or one without relative resolution, returns `url` untouched.
            if urlScheme != scheme(of: base) || !usesRelative.contains(urlScheme) { return url }
            if isPlainAbsolute(url), usesNetloc.contains(urlScheme) { return url }
        }
        let b = split(base)
        var r = split(url, defaultScheme: b.scheme)
        if r.scheme != b.scheme || !usesRelative.contains(r.scheme) { return url }
        if usesNetloc.contains(r.scheme) {
            if !r.netloc.isEmpty { return unsplit(r) }
            r.netloc = b.netloc
        }
        if r.path.isEmpty {
            r.path = b.path
            if !r.hasQuery || r.query.isEmpty { r.query = b.query }
            return unsplit(r)
        }
        var baseParts = b.path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        if baseParts.last != "" { baseParts.removeLast() }
        var segments: [String]
        if r.path.hasPrefix("/") {
            segments = r.path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        } else {
            segments = baseParts + r.path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            if segments.count > 2 {
                let middle = segments[1..<(segments.count - 1)].filter { !$0.isEmpty }
                segments = [segments[0]] + middle + [segments[segments.count - 1]]
            }
        }
        var resolved: [String] = []
        for seg in segments {
            if seg == ".." {
                if !resolved.isEmpty { resolved.removeLast() }
            } else if seg == "." {
                continue
            } else {
                resolved.append(seg)
            }
        }
        if let last = segments.last, last == "." || last == ".." { resolved.append("") }
        let joined = resolved.joined(separator: "/")
        r.path = joined.isEmpty ? "/" : joined
        return unsplit(r)
    }

    /// feedparser's `_urljoin`: collapses extra slashes after `scheme://`, then joins.
    static func urljoinFP(_ base: String, _ uri: String) -> String {
        var u = uri
        let sch = scheme(of: u)
        if !sch.isEmpty, u.dropFirst(sch.utf8.count).hasPrefix("://") {
            let prefixLen = sch.utf8.count + 3
            var rest = Substring(u).dropFirst(prefixLen)
            while rest.hasPrefix("/") { rest = rest.dropFirst() }
            u = String(u.prefix(prefixLen)) + rest
        }
        return urljoin(base, u)
    }

    /// feedparser's `make_safe_absolute_uri`; nil stands for its empty result.
    static func makeSafeAbsolute(base: String, rel: String?) -> String? {
        if base.isEmpty { return rel ?? "" }
        guard let rel, !rel.isEmpty else {
            let s = split(base).scheme
            if s.isEmpty || acceptableSchemes.contains(s) { return base }
            return nil
        }
        let uri = urljoinFP(base, rel)
        let trimmed = FeedText.pyStrip(uri)
        let s = trimmed.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        if !acceptableSchemes.contains(s) { return nil }
        return uri
    }

    /// feedref's `norm_link`: trim, then resolve against the document base unless it has a scheme.
    static func normLink(_ value: String?, base: String) -> String? {
        guard let value else { return nil }
        let v = FeedText.pyStrip(value)
        if v.isEmpty { return nil }
        if isPlainAbsolute(v) { return v }
        if split(v).scheme.isEmpty { return urljoin(base, v) }
        return v
    }
}
