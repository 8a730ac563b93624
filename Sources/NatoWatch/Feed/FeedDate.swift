import Foundation

/// Date parsing exactly as feedparser 6.0.14's `_parse_date`, quirks included: W3C-DTF,
/// RFC 822, loose ISO 8601, asctime and Perforce forms, tried in that order; results in UTC.
enum FeedDate {
    /// Parses `s`; nil when no handler accepts it.
    static func parse(_ s: String) -> Date? {
        if s.isEmpty { return nil }
        if let d = w3dtf(s) { return d }
        if let d = rfc822(s) { return d }
        if let d = iso8601(s) { return d }
        if let d = asctime(s) { return d }
        if let d = perforce(s) { return d }
        return nil
    }

    // MARK: - Helpers

    /// Python's `int(str)` for ASCII input: optional surrounding whitespace, sign, `_` separators.
    static func pyInt(_ s: Substring) -> Int? {
        var u = s.utf8[...]
        while let f = u.first, f == 32 || (f >= 9 && f <= 13) { u = u.dropFirst() }
        while let l = u.last, l == 32 || (l >= 9 && l <= 13) { u = u.dropLast() }
        var neg = false
        if let f = u.first, f == 43 || f == 45 { neg = f == 45; u = u.dropFirst() }
        guard !u.isEmpty, u.count <= 18 else { return nil }
        var v = 0
        var lastUnderscore = true
        for c in u {
            if c == 95 {
                if lastUnderscore { return nil }
                lastUnderscore = true
                continue
            }
            guard c >= 48 && c <= 57 else { return nil }
            v = v * 10 + Int(c - 48)
            lastUnderscore = false
        }
        if lastUnderscore { return nil }
        return neg ? -v : v
    }

    static func pyInt(_ s: String) -> Int? { pyInt(Substring(s)) }

    /// Python's `int(float(str))`, nil for ValueError/OverflowError.
    static func pyIntFloat(_ s: Substring) -> Int? {
        if let i = pyInt(s) { return i }
        let t = s.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "_", with: "")
        guard !t.isEmpty, t.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "e" || $0 == "E" || $0 == "+" || $0 == "-") }),
              let d = Double(t), d.isFinite, abs(d) < 1e15 else { return nil }
        return Int(d)
    }

    /// Python `str.split()` (whitespace).
    static func pySplit(_ s: String) -> [String] {
        var s = s
        return s.withUTF8 { b -> [String] in
            var parts: [String] = []
            var i = 0
            var start = -1
            let n = b.count
            while i < n {
                let l = FeedText.pySpaceLength(b, i)
                if l > 0 {
                    if start >= 0, let base = b.baseAddress {
                        parts.append(String(decoding: UnsafeBufferPointer(start: base + start, count: i - start), as: UTF8.self))
                        start = -1
                    }
                    i += l
                    continue
                }
                if start < 0 { start = i }
                i += 1
            }
            if start >= 0, let base = b.baseAddress {
                parts.append(String(decoding: UnsafeBufferPointer(start: base + start, count: n - start), as: UTF8.self))
            }
            return parts
        }
    }

    private static func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (m + 9) % 12
        let doy = (153 * mp + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    private static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    private static func daysIn(_ y: Int, _ m: Int) -> Int {
        switch m {
        case 2: return isLeap(y) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// `datetime.datetime(...) - timedelta(minutes:, hours:)`, validated like Python.
    static func makeUTC(_ y: Int, _ mo: Int, _ d: Int, _ h: Int, _ mi: Int, _ s: Int, offsetMinutes: Int = 0) -> Date? {
        guard (1...9999).contains(y), (1...12).contains(mo), d >= 1, d <= daysIn(y, mo),
              (0...23).contains(h), (0...59).contains(mi), (0...59).contains(s) else { return nil }
        let secs = daysFromCivil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s - offsetMinutes * 60
        // utctimetuple must stay within years 1...9999.
        let minSecs = daysFromCivil(1, 1, 1) * 86400
        let maxSecs = daysFromCivil(9999, 12, 31) * 86400 + 86399
        guard secs >= minSecs, secs <= maxSecs else { return nil }
        return Date(timeIntervalSince1970: TimeInterval(secs))
    }

    /// `time.mktime` in UTC: normalizes out-of-range fields.
    private static func normalizedUTC(_ y: Int, _ mo: Int, _ d: Int, _ h: Int, _ mi: Int, _ s: Int) -> Date? {
        var year = y
        var month = mo - 1
        year += month >= 0 ? month / 12 : (month - 11) / 12
        month = ((month % 12) + 12) % 12
        let days = daysFromCivil(year, month + 1, 1) + (d - 1)
        let secs = days * 86400 + h * 3600 + mi * 60 + s
        guard abs(secs) < 253_402_300_800 else { return nil }
        return Date(timeIntervalSince1970: TimeInterval(secs))
    }

    // MARK: - W3C-DTF

    private static let w3Zones: [String: Int] = [
        "ut": 0, "gmt": 0, "z": 0, "adt": -3, "ast": -4, "at": -4, "edt": -4, "est": -5, "et": -5,
        "cdt": -5, "cst": -6, "ct": -6, "mdt": -6, "mst": -7, "mt": -7, "pdt": -7, "pst": -8, "pt": -8,
        "a": -1, "n": 1, "m": -12, "y": 12,
    ]

    static func w3dtf(_ datestr: String) -> Date? {
        // The year token must be int()-able: a leading letter can never parse.
        if let f = datestr.utf8.first, (f | 0x20) >= 97, (f | 0x20) <= 122 { return nil }
        if FeedText.pyStrip(datestr).isEmpty { return nil }
        var parts = datestr.lowercased().split(separator: "t", omittingEmptySubsequences: false).map(String.init)
        if parts.count == 1 {
            parts = pySplit(parts[0])
            if parts.count == 1 { parts.append("00:00:00z") }
        } else if parts.count > 2 {
            return nil
        }
        guard !parts.isEmpty else { return nil }
        var date = parts[0].split(separator: "-", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
        guard date[0].count == 4 else { return nil }
        while date.count < 3 { date.append("1") }
        guard let year = pyInt(date[0]), let month = pyInt(date[1]), let day = pyInt(date[2]) else { return nil }
        guard parts.count >= 2 else { return nil }
        if parts[1].hasSuffix("z") {
            parts[1].removeLast()
            parts.append("z")
        }
        let p1 = parts[1]
        var loc: Int
        if let i = p1.firstIndex(of: "-") { loc = p1.distance(from: p1.startIndex, to: i) }
        else if let i = p1.firstIndex(of: "+") { loc = p1.distance(from: p1.startIndex, to: i) }
        else { loc = p1.count }
        let locIdx = p1.index(p1.startIndex, offsetBy: loc)
        parts.append(String(p1[locIdx...]))
        parts[1] = String(p1[..<locIdx])
        var time = parts[1].split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
        while time.count < 3 { time.append("0") }
        let tz = parts[2]
        var tzh = 0, tzm = 0
        if tz.hasPrefix("-") || tz.hasPrefix("+") {
            let chars = Array(tz)
            let hPart = String(chars[1..<min(3, chars.count)])
            let mPart = chars.count > 4 ? String(chars[4...]) : ""
            guard let h = pyInt(hPart), let m = pyInt(mPart) else { return nil }
            tzh = tz.hasPrefix("-") ? -h : h
            tzm = tz.hasPrefix("-") ? -m : m
        } else {
            tzh = w3Zones[tz] ?? 0
        }
        guard let hour = pyIntFloat(time[0]), let minute = pyIntFloat(time[1]), let second = pyIntFloat(time[2]) else { return nil }
        return makeUTC(year, month, day, hour, minute, second, offsetMinutes: tzh * 60 + tzm)
    }

    // MARK: - RFC 822

    private static let rfcZones: [String: Int] = [
        "ut": 0, "gmt": 0, "z": 0, "adt": -3, "ast": -4, "at": -4, "edt": -4, "est": -5, "et": -5,
        "cdt": -5, "cst": -6, "ct": -6, "mdt": -6, "mst": -7, "mt": -7, "pdt": -7, "pst": -8, "pt": -8,
        "a": -1, "n": 1, "m": -12, "y": 12, "met": 1, "mest": 2,
    ]
    private static let dayNames: Set<String> = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    private static let months: [String: Int] = [
        "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
    ]

    static func rfc822(_ date: String) -> Date? {
        var parts = pySplit(date.lowercased())
        if parts.count < 5 { parts.append(contentsOf: ["00:00:00", "0000"]) }
        if dayNames.contains(String(parts[0].prefix(3))) { parts.removeFirst() }
        guard parts.count >= 5 else { return nil }
        var month = months[String(parts[1].prefix(3))]
        var day: Int
        if let d = pyInt(parts[0]) {
            day = d
        } else if let m = months[String(parts[0].prefix(3))] {
            guard let d = pyInt(parts[1]) else { return nil }
            day = d
            month = m
        } else {
            return nil
        }
        guard let month, month != 0 else { return nil }
        guard var year = pyInt(parts[2]) else { return nil }
        if parts[2].count <= 2 { year += year < 90 ? 2000 : 1900 }
        var tp = parts[3].split(separator: ":", omittingEmptySubsequences: false)
        while tp.count < 3 { tp.append("0") }
        guard tp.count == 3, let hour = pyInt(tp[0]), let minute = pyInt(tp[1]), let second = pyInt(tp[2]) else { return nil }
        var z = parts[4]
        if z.hasPrefix("etc/") { z = String(z.dropFirst(4)) }
        if z.hasPrefix("gmt") {
            let r = z.dropFirst(3).split(separator: ":", omittingEmptySubsequences: false).joined()
            z = r.isEmpty ? "gmt" : r
        }
        var tzh = 0, tzm = 0
        if z.hasPrefix("-") || z.hasPrefix("+") {
            let chars = Array(z)
            let hPart = String(chars[1..<min(3, chars.count)])
            let mPart: String
            if z.contains(":") { mPart = chars.count > 4 ? String(chars[4...]) : "" } else { mPart = chars.count > 3 ? String(chars[3...]) : "" }
            guard let h = pyInt(hPart), let m = pyInt(mPart) else { return nil }
            tzh = z.hasPrefix("-") ? -h : h
            tzm = z.hasPrefix("-") ? -m : m
        } else {
            tzh = rfcZones[z] ?? 0
        }
        return makeUTC(year, month, day, hour, minute, second, offsetMinutes: tzh * 60 + tzm)
    }

    // MARK: - asctime

    static func asctime(_ dt: String) -> Date? {
        var parts = pySplit(dt)
        if parts.count == 5 { parts.insert("+0000", at: 4) }
        guard parts.count == 6 else { return nil }
        return rfc822([parts[0], parts[2], parts[1], parts[5], parts[3], parts[4]].joined(separator: " "))
    }

    // MARK: - ISO 8601 (loose)

    private static let isoTemplates = [
        "YYYY-?MM-?DD", "YYYY-0MM?-?DD", "YYYY-MM", "YYYY-?OOO", "YY-?MM-?DD", "YY-?OOO", "YYYY",
        "-YY-?MM", "-OOO", "-YY", "--MM-?DD", "--MM", "---DD", "CC", "",
    ]

    private static let isoRegexes: [NSRegularExpression] = isoTemplates.compactMap { t in
        let p = t.replacingOccurrences(of: "YYYY", with: #"(?<year>\d{4})"#)
            .replacingOccurrences(of: "YY", with: #"(?<year>\d\d)"#)
            .replacingOccurrences(of: "MM", with: #"(?<month>[01]\d)"#)
            .replacingOccurrences(of: "DD", with: #"(?<day>[0123]\d)"#)
            .replacingOccurrences(of: "OOO", with: #"(?<ordinal>[0123]\d\d)"#)
            .replacingOccurrences(of: "CC", with: #"(?<century>\d\d$)"#)
            + #"(T?(?<hour>\d{2}):(?<minute>\d{2})"#
            + #"(:(?<second>\d{2}))?"#
            + #"(\.(?<fracsecond>\d+))?"#
            + #"(?<tz>[+-](?<tzhour>\d{2})(:(?<tzmin>\d{2}))?|Z)?)?"#
        return try? NSRegularExpression(pattern: p)
    }

    static func iso8601(_ s: String) -> Date? {
        let ns = s as NSString
        let range = NSRange(location: 0, length: ns.length)
        for (idx, re) in isoRegexes.enumerated() {
            guard let m = re.firstMatch(in: s, options: [.anchored], range: range) else { continue }
            if m.range.length == 0 { return nil }
            let tmpl = isoTemplates[idx]
            func g(_ name: String) -> String? {
                let r = m.range(withName: name)
                guard r.location != NSNotFound else { return nil }
                return ns.substring(with: r)
            }
            let hasYear = tmpl.contains("YY"), hasMonth = tmpl.contains("MM"), hasDay = tmpl.contains("DD")
            let hasOrdinal = tmpl.contains("OOO"), hasCentury = tmpl.contains("CC")
            let now = Date()
            var cal = Calendar(identifier: .gregorian)
            cal.timeZone = TimeZone(identifier: "UTC") ?? cal.timeZone
            let nowC = cal.dateComponents([.year, .month, .day], from: now)
            let ordinal = hasOrdinal ? (g("ordinal").flatMap { pyInt($0) } ?? 0) : 0
            var year: Int
            let ys = hasYear ? g("year") : nil
            if let ys, !ys.isEmpty {
                year = ys.count == 2 ? 100 * ((nowC.year ?? 2000) / 100) + (pyInt(ys) ?? 0) : (pyInt(ys) ?? 0)
            } else {
                year = nowC.year ?? 2000
            }
            var month: Int
            if let ms = hasMonth ? g("month") : nil, !ms.isEmpty { month = pyInt(ms) ?? 0 }
            else { month = ordinal != 0 ? 1 : (nowC.month ?? 1) }
            var day: Int
            if let ds = hasDay ? g("day") : nil, !ds.isEmpty {
                day = pyInt(ds) ?? 0
            } else if ordinal != 0 {
                day = ordinal
            } else if (hasCentury && !(g("century") ?? "").isEmpty) || !(ys ?? "").isEmpty || (hasMonth && !(g("month") ?? "").isEmpty) {
                day = 1
            } else {
                day = nowC.day ?? 1
            }
            if hasCentury { year = ((g("century").flatMap { pyInt($0) } ?? 0) - 1) * 100 + 1 }
            var hour = g("hour").flatMap { pyInt($0) } ?? 0
            var minute = g("minute").flatMap { pyInt($0) } ?? 0
            let second = g("second").flatMap { pyInt($0) } ?? 0
            if let tz = g("tz"), !tz.isEmpty, tz != "Z" {
                let th = g("tzhour").flatMap { pyInt($0) } ?? 0
                let tm = g("tzmin").flatMap { pyInt($0) } ?? 0
                if tz.hasPrefix("-") { hour += th; minute += tm } else { hour -= th; minute -= tm }
            }
            return normalizedUTC(year, month, day, hour, minute, second)
        }
        return nil
    }

    // MARK: - Perforce

    private static let perforceRegex = try? NSRegularExpression(
        pattern: #"(\w{0,3}), (\d{0,4})/(\d{0,2})/(\d{2}) (\d{0,2}):(\d{2}):(\d{2}) (\w{0,3})"#)

    /// Zones Python's `email._parseaddr` knows (hhmm).
    private static let emailZones: [String: Int] = [
        "UT": 0, "UTC": 0, "GMT": 0, "Z": 0, "AST": -400, "ADT": -300, "EST": -500, "EDT": -400,
        "CST": -600, "CDT": -500, "MST": -700, "MDT": -600, "PST": -800, "PDT": -700,
    ]

    /// `yyyy/mm/dd hh:mm:ss TTT`, re-read through `email.utils.parsedate_tz` + `mktime_tz`
    /// (no range checks: out-of-range fields roll over; unknown zones are UTC).
    static func perforce(_ s: String) -> Date? {
        guard FeedText.has(s, 47), let re = perforceRegex else { return nil }
        let ns = s as NSString
        guard let m = re.firstMatch(in: s, range: NSRange(location: 0, length: ns.length)) else { return nil }
        func g(_ i: Int) -> String { ns.substring(with: m.range(at: i)) }
        // Python indexes months[int(month) - 1]: month 0 is December (index -1).
        guard let mo = pyInt(g(3)), (0...12).contains(mo) else { return nil }
        guard var yy = pyInt(g(2)), let dd = pyInt(g(4)), let hh = pyInt(g(5)), let mi = pyInt(g(6)), let ss = pyInt(g(7)) else { return nil }
        if yy < 100 { yy += yy > 68 ? 1900 : 2000 }
        guard (1...9999).contains(yy) else { return nil }
        let tz = g(8).uppercased()
        var offset = emailZones[tz] ?? pyInt(tz) ?? 0
        if offset != 0 {
            let sign = offset < 0 ? -1 : 1
            offset = abs(offset)
            offset = sign * ((offset / 100) * 3600 + (offset % 100) * 60)
        }
        guard let d = normalizedUTC(yy, (mo + 11) % 12 + 1, dd, hh, mi, ss) else { return nil }
        return d.addingTimeInterval(TimeInterval(-offset))
    }
}
