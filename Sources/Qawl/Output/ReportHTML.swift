/// `report.html`: one self-contained page (inline CSS and SVG, no network). Everything that comes
/// from the corpus goes through `escape`, since an article can contain `<script>`.
public enum ReportHTML {
    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A bar chart of counts per day as inline SVG.
    static func dayChart(_ days: [(date: String, statements: Int)], width: Int = 640, height: Int = 120) -> String {
        guard !days.isEmpty else { return "<p class=muted>No dated statements.</p>" }
        let maxCount = max(1, days.map(\.statements).max() ?? 1)
        let barWidth = max(1.0, Double(width) / Double(days.count))
        var svg = "<svg xmlns='http://www.w3.org/2000/svg' width='\(width)' height='\(height + 20)' role='img'>"
        for (i, d) in days.enumerated() {
            let h = Double(height) * Double(d.statements) / Double(maxCount)
            svg += "<rect x='\(JSONWriter.format(Double(i) * barWidth, digits: 1))' y='\(JSONWriter.format(Double(height) - h, digits: 1))' width='\(JSONWriter.format(max(barWidth - 1, 0.5), digits: 1))' height='\(JSONWriter.format(h, digits: 1))' fill='#3b6ea8'><title>\(escape(d.date)): \(d.statements)</title></rect>"
        }
        svg += "<text x='0' y='\(height + 15)' font-size='11'>\(escape(days.first!.date))</text>"
        svg += "<text x='\(width)' y='\(height + 15)' font-size='11' text-anchor='end'>\(escape(days.last!.date))</text></svg>"
        return svg
    }

    public static func render(_ r: RunReport) -> String {
        var h = """
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>qawl report</title>
        <style>
        body{font-family:system-ui,sans-serif;margin:2em auto;max-width:1000px;color:#222}
        table{border-collapse:collapse;margin:.5em 0}td,th{border-bottom:1px solid #ddd;padding:3px 8px;text-align:left}
        .num{text-align:right}.muted{color:#777}.q{unicode-bidi:plaintext}[dir=rtl]{text-align:right}
        h2{border-bottom:2px solid #3b6ea8;padding-bottom:3px}
        </style></head><body>
        <h1>qawl report</h1>
        """
        h += "<h2>Run</h2><table>"
        h += "<tr><th>inputs</th><td class=num>\(r.inputs)</td></tr>"
        h += "<tr><th>documents read / parsed / skipped / failed</th><td class=num>\(r.documents.read) / \(r.documents.parsed) / \(r.documents.skipped) / \(r.documents.failed)</td></tr>"
        h += "<tr><th>input errors</th><td class=num>\(r.inputErrors)</td></tr>"
        h += "<tr><th>statements</th><td class=num>\(r.statementsTotal)</td></tr>"
        h += "<tr><th>time</th><td class=num>\(JSONWriter.format(r.run.elapsedSeconds, digits: 2)) s</td></tr></table>"
        h += "<h2>Statements per day</h2>" + dayChart(r.perDay)
        h += "<h2>Top actors</h2><table><tr><th>actor</th><th>statements</th></tr>"
        for a in r.topActors.prefix(20) {
            h += "<tr><td>\(escape(a.label)) <span class=muted>\(escape(a.key))</span></td><td class=num>\(a.count)</td></tr>"
        }
        h += "</table><h2>Top cues</h2><table>"
        for c in r.topCues.prefix(20) { h += "<tr><td dir=auto>\(escape(c.label))</td><td class=num>\(c.count)</td></tr>" }
        h += "</table><h2>Sources</h2><table>"
        for c in r.sources.prefix(20) { h += "<tr><td>\(escape(c.label))</td><td class=num>\(c.count)</td></tr>" }
        h += "</table>"
        let byID = Dictionary(uniqueKeysWithValues: r.index.actors.map { ($0.id, $0) })
        for a in r.topActors.prefix(10) {
            guard let entry = byID[a.key] else { continue }
            h += "<h2>\(escape(entry.name))</h2>"
            var days: [String: Int] = [:]
            for s in entry.statements { if let p = s.published { days[String(p.prefix(10)), default: 0] += 1 } }
            h += dayChart(days.keys.sorted().map { ($0, days[$0]!) }, height: 60)
            h += "<table>"
            for s in entry.statements.suffix(5).reversed() {
                let link = s.url.map { "<a href=\"\(escape($0))\">\(escape(s.title ?? s.docID))</a>" } ?? escape(s.title ?? s.docID)
                h += "<tr><td>\(escape(s.published.map { String($0.prefix(10)) } ?? ""))</td><td class=q dir=auto>\(escape(s.content))</td><td dir=auto>\(link)</td></tr>"
            }
            h += "</table>"
        }
        h += "</body></html>\n"
        return h
    }
}
