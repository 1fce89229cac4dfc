/// `report.html`: one self-contained page (inline CSS and SVG, no network) that a person opens in a
/// browser. Everything that comes from the corpus goes through `escape`: an article can contain
/// `<script>`. Arabic text is marked `dir="auto"` so it renders right-to-left.
public enum ReportHTML {
    public static func escape(_ s: String) -> String {
        // on UTF-8 bytes: the five characters are ASCII, and appending scalars to a String one by
        // one cost about 300 instructions each
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count + 16)
        for b in s.utf8 {
            switch b {
            case 0x26: out += "&amp;".utf8
            case 0x3C: out += "&lt;".utf8
            case 0x3E: out += "&gt;".utf8
            case 0x22: out += "&quot;".utf8
            case 0x27: out += "&#39;".utf8
            default: out.append(b)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Only http(s) links become anchors: a `javascript:` URL from a dump must not be clickable.
    static func link(_ url: String?, text: String) -> String {
        guard let url, url.hasPrefix("http://") || url.hasPrefix("https://") else { return escape(text) }
        return "<a href=\"\(escape(url))\" rel=\"noopener noreferrer\">\(escape(text))</a>"
    }

    static func f(_ x: Double) -> String { JSONWriter.format(x, digits: 1) }

    /// Bars of counts per period (day, or ISO week when the range is long) as inline SVG.
    static func chart(_ perDay: [String: Int], width: Int = 900, height: Int = 110) -> String {
        let days = perDay.keys.sorted()
        guard let firstDay = days.first, let lastDay = days.last else { return "<p class=muted>No dated statements.</p>" }
        // Group by week when the data spans more than ~120 distinct days.
        var series: [(String, Int)]
        if days.count > 120 {
            var weeks: [String: Int] = [:]
            for d in days { weeks[weekKey(d), default: 0] += perDay[d]! }
            series = weeks.keys.sorted().map { ($0, weeks[$0]!) }
        } else {
            series = days.map { ($0, perDay[$0]!) }
        }
        let maxCount = max(1, series.map(\.1).max() ?? 1)
        let barWidth = Double(width - 40) / Double(series.count)
        var svg = "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 \(width) \(height + 22)' width='100%' role='img' class=chart>"
        svg += "<text x='0' y='10' font-size='10' fill='#777'>\(maxCount)</text>"
        for (i, (key, n)) in series.enumerated() {
            let h = max(1, Double(height - 14) * Double(n) / Double(maxCount))
            svg += "<rect x='\(f(30 + Double(i) * barWidth))' y='\(f(Double(height) - h))' width='\(f(max(barWidth - 1, 0.6)))' height='\(f(h))' fill='#3b6ea8'><title>\(escape(key)): \(n)</title></rect>"
        }
        svg += "<line x1='30' y1='\(height)' x2='\(width - 10)' y2='\(height)' stroke='#999'/>"
        svg += "<text x='30' y='\(height + 16)' font-size='11'>\(escape(firstDay))</text>"
        svg += "<text x='\(width - 10)' y='\(height + 16)' font-size='11' text-anchor='end'>\(escape(lastDay))</text></svg>"
        return svg
    }

    /// `YYYY-Www` of an ISO date (weeks start on Monday).
    static func weekKey(_ date: String) -> String {
        let parts = date.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return date }
        var (y, m, d) = (parts[0], parts[1], parts[2])
        // Days since 1970-01-01 (civil from days, Howard Hinnant's algorithm).
        y -= m <= 2 ? 1 : 0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let days = era * 146097 + doe - 719468
        let monday = days - ((days + 3) % 7 + 7) % 7  // 1970-01-01 was a Thursday
        return "week of " + civil(monday)
    }

    static func civil(_ z0: Int) -> String {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp + (mp < 10 ? 3 : -9)
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(y)-\(two(m))-\(two(d))"
    }

    static func table(_ rows: [RunReport.Count], header: String, limit: Int = 15) -> String {
        guard !rows.isEmpty else { return "<p class=muted>none</p>" }
        let maxCount = max(1, rows.map(\.count).max() ?? 1)
        var h = "<table><tr><th>\(header)</th><th class=num>statements</th><th></th></tr>"
        for r in rows.prefix(limit) {
            let w = Int(120.0 * Double(r.count) / Double(maxCount))
            h += "<tr><td dir=auto>\(escape(r.label))</td><td class=num>\(r.count)</td><td><span class=bar style='width:\(w)px'></span></td></tr>"
        }
        return h + "</table>"
    }

    public static func render(_ r: RunReport) -> String {
        let d = r.documents
        var h = """
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
        <title>qawl report</title>
        <style>
        body{font-family:"Noto Sans","Noto Naskh Arabic","DejaVu Sans",system-ui,sans-serif;margin:1.5em auto;max-width:1000px;color:#222;padding:0 1em}
        h1{margin-bottom:0}h2{border-bottom:2px solid #3b6ea8;padding-bottom:3px;margin-top:1.6em}h3{margin-bottom:.3em}
        table{border-collapse:collapse;margin:.4em 0;width:100%}td,th{border-bottom:1px solid #e3e3e3;padding:4px 8px;text-align:start;vertical-align:top}
        .num{text-align:end;white-space:nowrap;width:6em}.muted{color:#777;font-size:.9em}.bar{display:inline-block;height:10px;background:#3b6ea8}
        .grid{display:grid;grid-template-columns:1fr 1fr;gap:2em}.q{unicode-bidi:plaintext}.chart{max-height:140px}
        .cards{display:flex;gap:1em;flex-wrap:wrap}.card{border:1px solid #ddd;border-radius:6px;padding:.5em 1em;min-width:8em}
        .card b{display:block;font-size:1.5em}
        </style></head><body>
        <h1>qawl report</h1>
        """
        h += "<p class=muted>qawl \(QawlVersion.string) · \(r.inputs.count) inputs · this run processed \(r.run.processed.count) in \(f(r.run.elapsedSeconds)) s</p>"
        h += "<div class=cards>"
        for (label, value) in [("documents", d.read), ("parsed", d.parsed), ("skipped", d.skipped), ("failed", d.failed),
                               ("input errors", r.inputErrors), ("statements", r.statementsTotal),
                               ("linked actors", r.actors.filter(\.linked).count), ("syndicated copies merged", r.syndicatedMerged)] {
            h += "<div class=card><b>\(value)</b>\(label)</div>"
        }
        h += "</div>"
        let dayMap = Dictionary(uniqueKeysWithValues: r.perDay.map { ($0.date, $0.statements) })
        h += "<h2>Statements over time</h2>" + chart(dayMap)
        let top = r.top(linked: true, 20)
        h += "<div class=grid><div><h2>Top actors</h2>"
        h += table(top.map { .init(key: $0.id, label: $0.name, count: $0.statements) }, header: "actor", limit: 20)
        h += "</div><div><h2>Top unlinked speakers</h2>"
        h += table(r.top(linked: false, 15).map { .init(key: $0.id, label: $0.name, count: $0.statements) }, header: "speaker")
        h += "</div><div><h2>Top cues</h2>" + table(r.topCues, header: "cue")
        h += "</div><div><h2>Sources</h2>" + table(r.sources, header: "source") + "</div></div>"
        h += "<h2>Timelines of the top actors</h2>"
        for a in top.prefix(RunReport.detailedActors) {
            h += "<h3>\(escape(a.name)) <span class=muted>\(escape(a.id)) · \(a.statements) statements, \(a.entries) timeline entries · \(escape(a.first ?? "")) – \(escape(a.last ?? ""))</span></h3>"
            h += chart(a.perDay, height: 60)
            h += "<table>"
            for s in a.latest {
                h += "<tr><td class=num>\(escape(s.published.map { String($0.prefix(10)) } ?? "undated"))</td>"
                h += "<td class=q dir=auto>\(escape(s.content))</td>"
                h += "<td dir=auto>\(link(s.url, text: s.title ?? s.docID))<br><span class=muted>\(escape(s.source ?? ""))</span></td></tr>"
            }
            h += "</table>"
        }
        if d.failed + d.skipped + r.inputErrors > 0 {
            h += "<h2>Problems</h2><p>Listed one per line in <code>errors.jsonl</code>.</p>"
            h += table(RunReport.ranked(d.byReason, 20).map { .init(key: $0.key, label: $0.label, count: $0.count) }, header: "reason")
        }
        h += "<h2>Inputs</h2><table><tr><th>input</th><th>format</th><th>status</th><th class=num>records</th><th class=num>MB</th></tr>"
        for i in r.inputs.prefix(200) {
            h += "<tr><td>\(escape(i.path))</td><td>\(escape(i.format))</td><td>\(escape(i.status.rawValue))</td><td class=num>\(i.records)</td><td class=num>\(f(Double(i.bytesUncompressed) / 1e6))</td></tr>"
        }
        h += "</table></body></html>\n"
        return h
    }
}

/// `report.md`: a short summary for e-mail or chat.
public enum ReportMarkdown {
    static func cell(_ s: String) -> String {
        s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }

    public static func render(_ r: RunReport) -> String {
        let d = r.documents
        var m = "# qawl report\n\n"
        m += "- inputs: \(r.inputs.count) (this run processed \(r.run.processed.count))\n"
        m += "- documents: \(d.read) read, \(d.parsed) parsed, \(d.skipped) skipped, \(d.failed) failed; input errors: \(r.inputErrors)\n"
        m += "- statements: \(r.statementsTotal) (\(r.linkedStatements) linked to registry actors); syndicated copies merged: \(r.syndicatedMerged)\n\n"
        m += "| actor | statements | first | last |\n| --- | ---: | --- | --- |\n"
        for a in r.top(linked: true, 10) {
            m += "| \(cell(a.name)) | \(a.statements) | \(a.first ?? "") | \(a.last ?? "") |\n"
        }
        return m
    }
}
