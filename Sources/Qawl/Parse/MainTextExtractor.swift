/// Finds an article's main text in a walked page, readability-style: paragraphs vote for the
/// containers above them (more for long, comma-rich prose), link-heavy containers lose, class/id
/// patterns (`data/boilerplate/class-patterns.txt`) drop furniture and weigh candidates, the best
/// container and its worthy siblings are kept, and link lists, forms and image strips inside them
/// are cleaned away.
///
///     <nav>Home · World · Sport</nav>
///     <div class="story"><p>Lavrov said talks failed, adding that ...</p><p>He added ...</p>
///       <ul class="share"><li>Facebook</li></ul></div>
///     <aside class="most-read">...</aside>
///       → "Lavrov said talks failed, adding that ...\nHe added ..."
struct MainTextExtractor: Sendable {
    let patterns: BoilerplatePatterns
    /// Below this many characters an attempt is retried with fewer filters (readability: 500).
    var minimumChars = 500

    struct Result: Sendable {
        var paragraphs: [String]
        /// Indices into `tree.blocks` of the kept paragraphs.
        var blocks: [Int]
        /// The chosen container element, when one was found.
        var container: Int32?
        var chars: Int
    }

    private struct Flags: OptionSet {
        let rawValue: Int
        static let stripUnlikely = Flags(rawValue: 1)
        static let weightClasses = Flags(rawValue: 2)
        static let cleanConditionally = Flags(rawValue: 4)
        static let all: Flags = [.stripUnlikely, .weightClasses, .cleanConditionally]
    }

    func extract(_ tree: HTMLTree) -> Result {
        // No elements (libxml2 gave up on `<NUL<?xml version="1.0"?><!!DOCTYPE `, found by fuzzing): no
        // block can have an owner to keep, and the attempts would index an empty element list.
        if tree.blocks.isEmpty || tree.elements.isEmpty { return Result(paragraphs: [], blocks: [], container: nil, chars: 0) }
        let facts = ElementFacts(tree: tree, patterns: patterns)
        let first = attempt(tree, facts, .all)
        if first.chars >= minimumChars { return first }
        // A short first result is either a news brief (keep it: the relaxed attempts would add the
        // furniture around it) or a miss (the text sits in a "footer" or "sidebar"-named box): only
        // a much longer relaxed result replaces it.
        var best = first
        for flags: Flags in [[.weightClasses, .cleanConditionally], [.cleanConditionally], []] {
            let r = attempt(tree, facts, flags)
            let muchLonger = first.chars == 0 || r.chars >= 3 * first.chars + minimumChars
            if r.chars >= minimumChars && muchLonger { return r }
            if r.chars > best.chars && muchLonger { best = r }
        }
        return best
    }

    // MARK: one attempt

    private func attempt(_ tree: HTMLTree, _ f: ElementFacts, _ flags: Flags) -> Result {
        let elements = tree.elements
        let n = elements.count

        // 1. furniture: boilerplate elements and unlikely class/id, inherited downwards
        var excluded = [Bool](repeating: false, count: n)
        for i in 0..<n {
            let e = elements[i]
            if e.parent >= 0 && excluded[Int(e.parent)] { excluded[i] = true; continue }
            switch e.tag {
            case .head, .nav, .menu, .dialog:
                excluded[i] = true
                continue
            case .html, .body, .main, .article:
                continue
            default: break
            }
            guard flags.contains(.stripUnlikely) else { continue }
            if f.unlikely[i] || (e.tag.isBoilerplateContainer && e.tag != .form) { excluded[i] = true }
        }

        // 2. text statistics: own (blocks owned directly) and subtree, furniture not counted
        var own = [TextStats](repeating: TextStats(), count: n)
        var sub = [TextStats](repeating: TextStats(), count: n)
        for b in tree.blocks where b.owner >= 0 && !excluded[Int(b.owner)] {
            own[Int(b.owner)].add(b)
            if elements[Int(b.owner)].tag.isHeading { own[Int(b.owner)].headingChars += b.chars }
        }
        for i in 0..<n { sub[i] = own[i] }
        var i = n - 1
        while i >= 0 {
            let p = Int(elements[i].parent)
            if p >= 0 { sub[p].merge(sub[i]) }
            i -= 1
        }

        // 3. paragraphs vote for their ancestors
        var score = [Float](repeating: 0, count: n)
        var scored = [Bool](repeating: false, count: n)
        var candidates: [Int] = []
        for i in 0..<n where !excluded[i] && own[i].chars >= 25 && Self.votes(elements[i].tag)
                                && own[i].linkDensity <= 0.5 {
            let content = (1 + Float(own[i].commas) + min(Float(own[i].chars / 100), 3)) * (1 - own[i].linkDensity)
            var a = Int(elements[i].parent)
            var level = 0
            while a >= 0 && level < 5 && elements[a].tag != .html {
                if !scored[a] {
                    scored[a] = true
                    score[a] = Self.baseScore(elements[a].tag)
                        + (flags.contains(.weightClasses) ? Float(f.weight[a]) : 0)
                    candidates.append(a)
                }
                let divider: Float = level == 0 ? 1 : level == 1 ? 2 : Float(level * 3)
                score[a] += content / divider
                a = Int(elements[a].parent)
                level += 1
            }
        }
        for c in candidates { score[c] *= 1 - sub[c].linkDensity }

        // 4. top candidate, possibly moved up to a shared ancestor
        let ranked = candidates.sorted { score[$0] > score[$1] || (score[$0] == score[$1] && $0 < $1) }
        var top: Int
        if let first = ranked.first {
            top = first
        } else if let body = elements.firstIndex(where: { $0.tag == .body }) {
            top = body
        } else {
            top = 0
        }
        if ranked.count > 1 {
            let topScore = score[top]
            let alternatives = ranked.dropFirst().prefix(4).filter { score[$0] / max(topScore, 0.001) >= 0.75 }
            if alternatives.count >= 3 {
                var p = Int(elements[top].parent)
                while p >= 0 && elements[p].tag != .body {
                    let contained = alternatives.filter { $0 > p && $0 <= f.end[p] }.count
                    if contained >= 3 { top = p; break }
                    p = Int(elements[p].parent)
                }
            }
        }
        if !scored[top] {
            scored[top] = true
            score[top] = Self.baseScore(elements[top].tag)
        }
        var lastScore = score[top]
        let threshold = lastScore / 3
        var p = Int(elements[top].parent)
        while p >= 0 && elements[p].tag != .body && elements[p].tag != .html {
            if !scored[p] { p = Int(elements[p].parent); continue }
            if score[p] < threshold { break }
            if score[p] > lastScore { top = p; break }
            lastScore = score[p]
            p = Int(elements[p].parent)
        }
        while case let q = Int(elements[top].parent), q >= 0, elements[q].tag != .body,
              elements[q].tag != .html, f.elementChildren[q] == 1 {
            top = q
        }

        // 5. siblings worth keeping
        var selected: [Int] = [top]
        let parent = Int(elements[top].parent)
        if parent >= 0 && elements[top].tag != .body {
            selected = []
            let topScore = score[top]
            let siblingThreshold = max(10, topScore * 0.2)
            var j = parent + 1
            while j <= f.end[parent] {
                defer { j = f.end[j] + 1 }
                if j == top { selected.append(j); continue }
                if excluded[j] { continue }
                var bonus: Float = 0
                if tree.sameSignature(top, j) { bonus = topScore * 0.2 }
                if scored[j] && score[j] + bonus >= siblingThreshold { selected.append(j); continue }
                if elements[j].tag == .p {
                    let ld = sub[j].linkDensity
                    let len = sub[j].chars
                    if len > 80 && ld < 0.25 { selected.append(j) }
                    else if len < 80 && len > 0 && ld == 0 && endsSentence(tree, f, j) { selected.append(j) }
                }
            }
        }

        // 6. clean inside the kept containers and collect their blocks
        var removed = [Bool](repeating: false, count: n)
        var keepOwner = [Bool](repeating: false, count: n)
        for s in selected {
            keepOwner[s] = !excluded[s]
            var k = s + 1
            while k <= f.end[s] {
                let par = Int(elements[k].parent)
                if excluded[k] || removed[par] || (par != s && !keepOwner[par] && par > s) {
                    removed[k] = true
                } else if flags.contains(.cleanConditionally)
                            && shouldClean(k, elements[k], f, sub[k], score: scored[k] ? score[k] : 0,
                                           weight: flags.contains(.weightClasses) ? f.weight[k] : 0) {
                    removed[k] = true
                } else if elements[k].tag.isHeading && f.weight[k] < 0 && flags.contains(.weightClasses) {
                    removed[k] = true
                } else if elements[k].tag == .h1 {
                    removed[k] = true
                } else {
                    keepOwner[k] = true
                }
                k += 1
            }
        }
        var paragraphs: [String] = []
        var kept: [Int] = []
        var chars = 0
        for (bi, b) in tree.blocks.enumerated() where b.owner >= 0 && keepOwner[Int(b.owner)] {
            paragraphs.append(b.text)
            kept.append(bi)
            chars += Int(b.chars)
        }
        return Result(paragraphs: paragraphs, blocks: kept, container: Int32(top), chars: chars)
    }

    /// readability's `_cleanConditionally`: lists of links, image strips, forms and embeds with
    /// little prose in them go.
    private func shouldClean(_ i: Int, _ e: HTMLTree.Element, _ f: ElementFacts, _ s: TextStats,
                             score: Float, weight: Int) -> Bool {
        switch e.tag {
        case .form, .fieldset, .table, .ul, .ol, .div, .section, .aside: break
        default: return false
        }
        if Float(weight) + max(score, 0) < 0 { return true }
        if s.commas >= 10 { return false }
        let isList = e.tag == .ul || e.tag == .ol
        let p = Float(f.paragraphs[i])
        let img = Float(f.images[i])
        let li = Float(f.listItems[i]) - 100
        let input = Float(f.inputs[i])
        let embeds = f.embeds[i]
        let len = Int(s.chars)
        let ld = s.linkDensity
        let headingDensity = s.chars > 0 ? Float(s.headingChars) / Float(s.chars) : 0
        if img > 1 && p / img < 0.5 { return true }
        if !isList && li > p { return true }
        if input > (p / 3).rounded(.down) { return true }
        if !isList && headingDensity < 0.9 && len < 25 && (img == 0 || img > 2) { return true }
        if !isList && weight < 25 && ld > 0.2 { return true }
        if weight >= 25 && ld > 0.5 { return true }
        if (embeds == 1 && len < 75) || embeds > 1 { return true }
        return false
    }

    private func endsSentence(_ tree: HTMLTree, _ f: ElementFacts, _ j: Int) -> Bool {
        for b in tree.blocks[f.firstBlock[j]..<f.blockEnd[j]] where b.owner == Int32(j) {
            if b.text.hasSuffix(".") || b.text.contains(". ") { return true }
        }
        return false
    }

    /// Elements whose own text counts as a paragraph vote.
    private static func votes(_ tag: HTMLTag) -> Bool {
        switch tag {
        case .p, .pre, .td, .div, .section, .article, .main, .blockquote, .center, .dd, .li, .font, .span, .other:
            return true
        default: return false
        }
    }

    private static func baseScore(_ tag: HTMLTag) -> Float {
        switch tag {
        case .div: return 5
        case .pre, .td, .blockquote: return 3
        case .address, .ol, .ul, .dl, .dd, .dt, .li, .form: return -3
        case .h1, .h2, .h3, .h4, .h5, .h6, .th: return -5
        default: return 0
        }
    }
}

/// Text figures of one element (own text or whole subtree).
struct TextStats {
    var chars: Int32 = 0
    var linkChars: Int32 = 0
    var commas: Int32 = 0
    var headingChars: Int32 = 0

    mutating func add(_ b: HTMLTree.Block) {
        chars += b.chars
        linkChars += b.linkChars
        commas += b.commas
    }

    mutating func merge(_ o: TextStats) {
        chars += o.chars
        linkChars += o.linkChars
        commas += o.commas
        headingChars += o.headingChars
    }

    var linkDensity: Float { chars > 0 ? Float(linkChars) / Float(chars) : 0 }
}

/// Per-element facts that do not depend on the attempt's flags: class verdicts, subtree ranges,
/// counts of paragraphs, images, list items, inputs and embeds below each element.
struct ElementFacts {
    var unlikely: [Bool]
    var weight: [Int]
    /// Last element index inside the subtree (elements are in document order).
    var end: [Int]
    var elementChildren: [Int32]
    var paragraphs: [Int32]
    var images: [Int32]
    var listItems: [Int32]
    var inputs: [Int32]
    var embeds: [Int32]
    /// Range of blocks owned by the subtree: `firstBlock[i] ..< blockEnd[i]`.
    var firstBlock: [Int]
    var blockEnd: [Int]

    init(tree: HTMLTree, patterns: BoilerplatePatterns) {
        let elements = tree.elements
        let n = elements.count
        unlikely = [Bool](repeating: false, count: n)
        weight = [Int](repeating: 0, count: n)
        end = Array(0..<n)
        elementChildren = [Int32](repeating: 0, count: n)
        paragraphs = [Int32](repeating: 0, count: n)
        images = [Int32](repeating: 0, count: n)
        listItems = [Int32](repeating: 0, count: n)
        inputs = [Int32](repeating: 0, count: n)
        embeds = [Int32](repeating: 0, count: n)
        firstBlock = [Int](repeating: tree.blocks.count, count: n)
        blockEnd = [Int](repeating: 0, count: n)
        tree.signatureBytes.withUnsafeBufferPointer { signatures in
            for i in 0..<n where elements[i].signatureCount > 0 {
                let start = Int(elements[i].signatureStart)
                let v = patterns.cachedVerdict(for: UnsafeBufferPointer(rebasing: signatures[start..<(start + Int(elements[i].signatureCount))]))
                unlikely[i] = v.unlikely
                weight[i] = v.weight
            }
        }
        for i in 0..<n {
            let e = elements[i]
            switch e.tag {
            case .p: paragraphs[i] = 1
            case .img: images[i] = 1
            case .li: listItems[i] = 1
            case .input, .select, .textarea, .button: inputs[i] = 1
            case .embed, .object, .iframe: embeds[i] = 1
            default: break
            }
        }
        for (bi, b) in tree.blocks.enumerated() where b.owner >= 0 {
            let o = Int(b.owner)
            if firstBlock[o] > bi { firstBlock[o] = bi }
            blockEnd[o] = bi + 1
        }
        var i = n - 1
        while i >= 0 {
            let p = Int(elements[i].parent)
            if p >= 0 {
                end[p] = max(end[p], end[i])
                elementChildren[p] += 1
                paragraphs[p] += paragraphs[i]
                images[p] += images[i]
                listItems[p] += listItems[i]
                inputs[p] += inputs[i]
                embeds[p] += embeds[i]
                firstBlock[p] = min(firstBlock[p], firstBlock[i])
                blockEnd[p] = max(blockEnd[p], blockEnd[i])
            }
            i -= 1
        }
    }
}
