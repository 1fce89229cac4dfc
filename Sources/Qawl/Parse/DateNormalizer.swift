import Foundation

/// Turns a date as a dump or a page writes it into ISO 8601: `YYYY-MM-DD`, or
/// `YYYY-MM-DDTHH:MM:SS±HH:MM` when the time and its offset are known.
///
///     "Thu, 17 May 2018 13:02:49 +0400"  → 2018-05-17T13:02:49+04:00
///     "2017-04-12 10:00:00"              → 2017-04-12   (no offset: the day only)
///     "20170412" / "1492000000"          → 2017-04-12 / 2017-04-12T12:26:40+00:00
///     "نشر في 01/06/2017"                → 2017-06-01   (day first, as Arabic sites write it)
///     "12 أبريل 2017", "April 12, 2017"  → 2017-04-12
struct DateNormalizer: Sendable {
    /// The regular expressions of the general path, compiled on first need by whichever worker
    /// needs them: compiling them (ICU, with every month name case-insensitively) cost 17 M
    /// instructions, on the main thread before the reader started, and a dump whose dates are all
    /// RFC 2822 or ISO values (`rfc2822`, `isoWhole`) never needs them.
    private let patterns: BuildOnce<Patterns>
    private let months: [String: Int]

    private struct Patterns {
        let iso: NSRegularExpression
        let dayMonthYear: NSRegularExpression
        let monthDayYear: NSRegularExpression
        let numeric: NSRegularExpression
        let time: NSRegularExpression

        init(months: [String: Int]) throws {
            let names = months.keys.sorted { $0.count > $1.count }
                .map { NSRegularExpression.escapedPattern(for: $0) }.joined(separator: "|")
            iso = try NSRegularExpression(pattern:
                #"(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:(?:T|\s+)(\d{1,2}):(\d{2})(?::(\d{2}))?(?:[.,]\d+)?\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?)?"#)
            dayMonthYear = try NSRegularExpression(pattern:
                #"(?<![\d\p{L}])(\d{1,2})(?:st|nd|rd|th)?[\s.\-/]+(?:of\s+)?("# + names + #")(?:\s*/\s*(?:"# + names + #"))?\.?,?[\s\-/]+(\d{4})"#,
                options: [.caseInsensitive])
            monthDayYear = try NSRegularExpression(pattern:
                #"(?<!\p{L})("# + names + #")\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})"#,
                options: [.caseInsensitive])
            numeric = try NSRegularExpression(pattern: #"(?<!\d)(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})(?!\d)"#)
            time = try NSRegularExpression(pattern:
                #"^[\s,@at-]*(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(am|pm)?\s*(Z|UT|UTC|GMT|[+-]\d{2}:?\d{2}|EST|EDT|CST|CDT|MST|MDT|PST|PDT)?"#,
                options: [.caseInsensitive])
        }
    }

    init(months: [String: Int]) {
        self.months = months
        patterns = BuildOnce { try Patterns(months: months) }
    }

    /// Normalises a date that is the whole value (a meta tag, a dump field, a header).
    func normalize(_ raw: String) -> String? {
        if let fast = rfc2822(raw) { return fast }
        let s = Self.asciiDigits(raw).trimmingCharacters(in: .whitespacesAndNewlines)
        if s.isEmpty { return nil }
        if s.allSatisfy(\.isASCII), s.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            return compactNumber(s)
        }
        return isoWhole(s) ?? find(in: s)
    }

    /// A value that is an ISO date and nothing else («2017-04-12», «2017-04-12T10:00:00.000Z»,
    /// «2017-04-12 10:00:00+03:00»: most pages' meta tags) read from the bytes, as the `iso`
    /// pattern would read it; anything else, or a date that does not build, is nil and takes the
    /// general path. The three regular expressions `find` runs cost about 120,000 instructions a
    /// value on the WARC's pages.
    func isoWhole(_ s: String) -> String? {
        let b = Array(s.utf8)
        var i = 0
        func number(_ least: Int, _ most: Int) -> Int? {
            let start = i
            var n = 0
            while i < b.count, i - start < most, b[i] >= 0x30, b[i] <= 0x39 { n = n * 10 + Int(b[i] - 0x30); i += 1 }
            return i - start >= least && (i == b.count || b[i] < 0x30 || b[i] > 0x39) ? n : nil
        }
        func separator() -> Bool {
            guard i < b.count, b[i] == 0x2D || b[i] == 0x2F || b[i] == 0x2E else { return false }
            i += 1
            return true
        }
        func skipSpaces() -> Int { let start = i; while i < b.count, b[i] == 0x20 || b[i] == 0x09 { i += 1 }; return i - start }
        guard let year = number(4, 4), separator(), let month = number(1, 2), separator(), let day = number(1, 2) else { return nil }
        if i == b.count { return build(year: year, month: month, day: day, hour: nil, minute: nil, second: nil, zone: nil) }
        if b[i] == 0x54 { i += 1 } else if skipSpaces() == 0 { return nil }
        guard let hour = number(1, 2), i < b.count, b[i] == 0x3A else { return nil }
        i += 1
        guard let minute = number(2, 2) else { return nil }
        var second: Int?
        if i < b.count, b[i] == 0x3A {
            i += 1
            guard let sec = number(2, 2) else { return nil }
            second = sec
        }
        if i < b.count, b[i] == 0x2E || b[i] == 0x2C {
            i += 1
            guard number(1, Int.max) != nil else { return nil }
        }
        _ = skipSpaces()
        var zone: String?
        if i < b.count {
            // the pattern's zones only, and nothing after: Z, UTC, GMT or [+-]\d{2}:?\d{2}
            let z = b[i...]
            let named = z.elementsEqual("Z".utf8) || z.elementsEqual("UTC".utf8) || z.elementsEqual("GMT".utf8)
            let signed = (b[i] == 0x2B || b[i] == 0x2D) && (z.count == 5 || z.count == 6 && b[i + 3] == 0x3A)
            let digits = signed ? z.dropFirst().filter { $0 != 0x3A } : []
            guard named || digits.count == 4 && digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
            zone = String(decoding: z, as: UTF8.self)
        }
        return build(year: year, month: month, day: day, hour: hour, minute: minute, second: second, zone: zone)
    }

    /// The common dump format «Thu, 17 May 2018 13:02:49 +0400» (RFC 2822, as in TREC `TIME` and RSS
    /// `pubDate`) read directly from the bytes: the regular expressions below cost more than the rest
    /// of parsing a TREC article. Anything else returns nil and takes the general path.
    func rfc2822(_ raw: String) -> String? {
        var b = Array(raw.utf8)
        while let last = b.last, last == 0x20 || last == 0x0A || last == 0x0D || last == 0x09 { b.removeLast() }
        var i = 0
        while i < b.count, b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x0D || b[i] == 0x09 { i += 1 }
        func letters() -> String? {
            let start = i
            while i < b.count, (b[i] | 0x20) >= 0x61, (b[i] | 0x20) <= 0x7A { i += 1 }
            return i > start ? String(decoding: b[start..<i], as: UTF8.self) : nil
        }
        func number(_ maxDigits: Int) -> Int? {
            let start = i
            var n = 0
            while i < b.count, i - start < maxDigits, b[i] >= 0x30, b[i] <= 0x39 { n = n * 10 + Int(b[i] - 0x30); i += 1 }
            return i > start ? n : nil
        }
        func skip(_ c: UInt8) -> Bool { if i < b.count, b[i] == c { i += 1; return true }; return false }
        // Optional weekday and comma.
        let save = i
        if letters() != nil { guard skip(0x2C) else { return nil }; _ = skip(0x20) } else { i = save }
        guard let day = number(2), skip(0x20), let mon = letters().flatMap({ month($0) }), skip(0x20),
              let year = number(4), skip(0x20), let hour = number(2), skip(0x3A), let minute = number(2) else { return nil }
        var second = 0
        if skip(0x3A) { guard let sec = number(2) else { return nil }; second = sec }
        guard skip(0x20), i < b.count else { return nil }
        let zone = String(decoding: b[i...], as: UTF8.self)
        guard zone.utf8.count <= 5, !zone.contains(" ") else { return nil }
        return build(year: year, month: mon, day: day, hour: hour, minute: minute, second: second, zone: zone)
    }

    /// Finds the first date written anywhere in `text` (ISO, textual month, or numeric day first).
    func find(in text: String) -> String? {
        let s = Self.asciiDigits(text)
        // Every pattern below needs a year, `\d{4}`: a text without four digits in a row (most
        // short blocks a page offers) has no date, and the regular expressions need not run.
        guard Self.hasFourDigits(s) else { return nil }
        // the patterns are fixed text and escaped month names: they compile (a test compiles them)
        guard case .success(let p) = patterns.get() else { return nil }
        let (iso, dayMonthYear, monthDayYear, numeric) = (p.iso, p.dayMonthYear, p.monthDayYear, p.numeric)
        let ns = s as NSString
        let whole = NSRange(location: 0, length: ns.length)
        var best: (location: Int, value: String)?
        func consider(_ location: Int, _ value: String?) {
            guard let value else { return }
            if best == nil || location < best!.location { best = (location, value) }
        }
        if let m = iso.firstMatch(in: s, range: whole) {
            consider(m.range.location, build(year: int(ns, m, 1), month: int(ns, m, 2), day: int(ns, m, 3),
                                              hour: int(ns, m, 4), minute: int(ns, m, 5), second: int(ns, m, 6),
                                              zone: str(ns, m, 7)))
        }
        if let m = dayMonthYear.firstMatch(in: s, range: whole) {
            let after = timeAfter(ns, m.range)
            consider(m.range.location, build(year: int(ns, m, 3), month: month(str(ns, m, 2)), day: int(ns, m, 1),
                                              hour: after.h, minute: after.m, second: after.s, zone: after.zone))
        }
        if let m = monthDayYear.firstMatch(in: s, range: whole) {
            let after = timeAfter(ns, m.range)
            consider(m.range.location, build(year: int(ns, m, 3), month: month(str(ns, m, 1)), day: int(ns, m, 2),
                                              hour: after.h, minute: after.m, second: after.s, zone: after.zone))
        }
        if best == nil, let m = numeric.firstMatch(in: s, range: whole),
           let a = int(ns, m, 1), let b = int(ns, m, 2) {
            // Day first unless that cannot be (US month-first "04/25/2017").
            let (day, mon) = (b > 12 && a <= 12) ? (b, a) : (a, b)
            consider(m.range.location, build(year: int(ns, m, 3), month: mon, day: day,
                                              hour: nil, minute: nil, second: nil, zone: nil))
        }
        return best?.value
    }

    // MARK: pieces

    private func compactNumber(_ s: String) -> String? {
        if s.count == 8, let y = Int(s.prefix(4)), let m = Int(s.dropFirst(4).prefix(2)), let d = Int(s.suffix(2)) {
            return build(year: y, month: m, day: d, hour: nil, minute: nil, second: nil, zone: nil)
        }
        guard var seconds = Int64(s), s.count >= 9, s.count <= 13 else { return nil }
        if s.count >= 12 { seconds /= 1000 }
        let days = Int(seconds / 86400)
        let rest = Int(seconds % 86400)
        let (y, m, d) = Self.civil(fromDays: days)
        return build(year: y, month: m, day: d, hour: rest / 3600, minute: rest / 60 % 60, second: rest % 60, zone: "Z")
    }

    private func timeAfter(_ ns: NSString, _ r: NSRange) -> (h: Int?, m: Int?, s: Int?, zone: String?) {
        let start = r.location + r.length
        let rest = ns.substring(from: start)
        let rns = rest as NSString
        guard case .success(let p) = patterns.get(), let m = p.time.firstMatch(in: rest, range: NSRange(location: 0, length: min(rns.length, 40))) else {
            return (nil, nil, nil, nil)
        }
        guard var h = int(rns, m, 1) else { return (nil, nil, nil, nil) }
        if let ampm = str(rns, m, 4)?.lowercased() {
            if ampm == "pm" && h < 12 { h += 12 }
            if ampm == "am" && h == 12 { h = 0 }
        }
        return (h, int(rns, m, 2), int(rns, m, 3), str(rns, m, 5))
    }

    private func build(year: Int?, month: Int?, day: Int?, hour: Int?, minute: Int?, second: Int?,
                       zone: String?) -> String? {
        guard let year, let month, let day, (1900...2100).contains(year), (1...12).contains(month),
              (1...31).contains(day) else { return nil }
        let date = Self.padded(year, 4) + "-" + Self.padded(month, 2) + "-" + Self.padded(day, 2)
        guard let hour, let minute, hour < 24, minute < 60, let zone, let offset = Self.offset(zone) else {
            return date
        }
        return date + "T" + Self.padded(hour, 2) + ":" + Self.padded(minute, 2) + ":"
            + Self.padded(min(second ?? 0, 59), 2) + offset
    }

    /// `String(format: "%0*d")` without Foundation's formatter, which cost more per document than
    /// the rest of date parsing (values here are small and non-negative).
    static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    private func month(_ name: String?) -> Int? {
        guard let name else { return nil }
        return months[name.lowercased()]
    }

    private func int(_ ns: NSString, _ m: NSTextCheckingResult, _ i: Int) -> Int? {
        str(ns, m, i).flatMap { Int($0) }
    }

    private func str(_ ns: NSString, _ m: NSTextCheckingResult, _ i: Int) -> String? {
        let r = m.range(at: i)
        return r.location == NSNotFound ? nil : ns.substring(with: r)
    }

    /// "+0400" → "+04:00", "GMT" → "+00:00"; nil for zone names it does not know.
    static func offset(_ zone: String) -> String? {
        switch zone.uppercased() {
        case "Z", "UT", "UTC", "GMT": return "+00:00"
        case "EST": return "-05:00"
        case "EDT", "AST": return "-04:00"
        case "CST": return "-06:00"
        case "CDT": return "-05:00"
        case "MST": return "-07:00"
        case "MDT": return "-06:00"
        case "PST": return "-08:00"
        case "PDT": return "-07:00"
        default: break
        }
        let digits = zone.filter(\.isNumber)
        guard let sign = zone.first, sign == "+" || sign == "-", digits.count == 4,
              let hh = Int(digits.prefix(2)), let mm = Int(digits.suffix(2)), hh <= 14, mm < 60 else { return nil }
        return "\(sign)" + padded(hh, 2) + ":" + padded(mm, 2)
    }

    /// Arabic-Indic and Persian digits → ASCII (٢٠١٧ → 2017).
    /// Whether `s` holds four decimal digits in a row, as the patterns' `\d{4}` sees them (ICU's
    /// `\d` is any character of category Nd, in any script).
    static func hasFourDigits(_ s: String) -> Bool {
        var run = 0
        for u in s.unicodeScalars {
            let digit = u.value < 0x80 ? (u.value >= 0x30 && u.value <= 0x39) : u.properties.generalCategory == .decimalNumber
            if !digit { run = 0; continue }
            run += 1
            if run == 4 { return true }
        }
        return false
    }

    static func asciiDigits(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: { (0x660...0x669).contains($0.value) || (0x6F0...0x6F9).contains($0.value) })
        else { return s }
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            if (0x660...0x669).contains(u.value) { out.append(Unicode.Scalar(u.value - 0x660 + 0x30)!) }
            else if (0x6F0...0x6F9).contains(u.value) { out.append(Unicode.Scalar(u.value - 0x6F0 + 0x30)!) }
            else { out.append(u) }
        }
        return String(out)
    }

    /// Days since 1970-01-01 → (year, month, day), proleptic Gregorian (H. Hinnant's algorithm).
    static func civil(fromDays z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? y + 1 : y, m, d)
    }
}
