/// Levenshtein distance between two short words: how many letters one must insert, delete or
/// change to turn one into the other. Used to tell a spelling of a name («هيربيرت», «هربرت») from
/// another name; words are compared as Unicode scalars of their normalised forms.
enum EditDistance {
    /// The distance between `x` and `y`, or `atMost + 1` as soon as it is known to be larger (rows
    /// stop early, so a long word against a short one costs little).
    static func between(_ x: [Unicode.Scalar], _ y: [Unicode.Scalar], atMost: Int) -> Int {
        if abs(x.count - y.count) > atMost { return atMost + 1 }
        var row = Array(0...y.count)
        for (i, a) in x.enumerated() {
            var prev = row[0], best = i + 1
            row[0] = i + 1
            for (j, b) in y.enumerated() {
                let cur = row[j + 1]
                row[j + 1] = min(cur + 1, row[j] + 1, prev + (a == b ? 0 : 1))
                prev = cur
                best = min(best, row[j + 1])
            }
            if best > atMost { return atMost + 1 }
        }
        return row[y.count]
    }
}
