import Foundation

/// Builds and writes one actor's timeline file: syndicated copies merged into one entry that lists
/// all their sources, then the file replaced atomically unless it already holds exactly these bytes.
/// Immutable, so several workers can build timelines at once, each with its own `Scratch`.
struct TimelineBuilder: @unchecked Sendable {
    /// `timelines/`, with a trailing slash.
    let directory: String
    let syndication: SyndicationClusterer
    /// File names already in `timelines/` before this run.
    let existing: Set<String>
    /// `directory` is a staging directory renamed into place at the end: files are written
    /// without a temporary each.
    var staged = false

    /// Buffers reused from one actor to the next by the same worker.
    struct Scratch {
        var file: [UInt8] = []
    }

    struct Built {
        var fileName: String
        /// Syndicated copies folded into another entry.
        var merged: Int
        var summary: RunReport.ActorSummary
    }

    /// The fields of a statement line that a timeline entry lists for each of its copies.
    static let sourceKeys = ["doc_id", "published", "source", "url", "title"]
    static let sourceKeyBytes = sourceKeys.map { Array($0.utf8) }
    /// What precedes each of `sourceKeys`' values in a copy's object: `{"doc_id":`, `,"published":`, …
    static let sourceOpeners = sourceKeys.enumerated().map { k, key in Array(((k == 0 ? "{" : ",") + "\"" + key + "\":").utf8) }
    static let null = Array("null".utf8)
    static let copiesKey = Array(",\"copies\":".utf8), sourcesKey = Array(",\"sources\":[".utf8)

    /// `details`: keep the statements per day and the latest entries in the summary (the few
    /// actors report.html may show them for: `OutputWriter.DetailCandidates`).
    func build(id: String, rows: [StatementStore.Row], details: Bool, scratch: inout Scratch) throws -> Built {
        let n = rows.count
        let clusters = syndication.clusters(signatures: rows.map(\.signature), documents: rows.map(\.docID))
        // The members of each cluster in row order: cluster c's are members[first[c]..<first[c + 1]]
        // (a counting sort, instead of an array per cluster).
        var first = [Int](repeating: 0, count: n + 1)
        for c in clusters { first[c + 1] += 1 }
        for k in 0..<n { first[k + 1] += first[k] }
        var members = [Int](repeating: 0, count: n)
        var next = first
        for (i, c) in clusters.enumerated() { members[next[c]] = i; next[c] += 1 }
        let fileName = SafeFileName.forActor(id) + ".jsonl"
        scratch.file.removeAll(keepingCapacity: true)
        var entries = 0, merged = 0
        // Statements per day are kept for the actors report.html may show (`details`); keyed by the
        // date's bytes, which are ASCII, and turned into strings once per day.
        var perDayBytes: [ByteKey: Int] = [:]
        // Raw values of the source fields, copied into the entries as they are in the lines.
        let sourceValues = rows.map { JSONRecord.valueRanges(in: $0.json, keys: Self.sourceKeyBytes) }
        // Rows are read in place, by index, here and below: a loop over the elements copies each
        // row, retaining and releasing its ten arrays (0.16 G instructions here on the full ANT
        // dump's 141,000 statements).
        for i in rows.indices {
            guard clusters[i] == i else { continue }
            let copies = members[first[i]..<first[i + 1]]
            entries += 1
            merged += copies.count - 1
            if details, let p = rows[i].publishedBytes { perDayBytes[ByteKey(RunReport.StatementFigures.prefix(p, characters: 10)), default: 0] += 1 }
            // The statement as in statements.jsonl, plus where it was carried:
            // `,"copies":2,"sources":[{"doc_id":…,"published":…,"source":…,"url":…,"title":…},{…}]}`.
            scratch.file.append(contentsOf: rows[i].json.dropLast())  // "}"
            scratch.file.append(contentsOf: Self.copiesKey)
            JSONWriter.appendDecimal(copies.count, to: &scratch.file)
            scratch.file.append(contentsOf: Self.sourcesKey)
            for c in copies {
                if c != i { scratch.file.append(UInt8(ascii: ",")) }
                for k in 0..<Self.sourceKeys.count {
                    scratch.file.append(contentsOf: Self.sourceOpeners[k])
                    if let range = sourceValues[c][k] {
                        scratch.file.append(contentsOf: rows[c].json[range])
                    } else {
                        scratch.file.append(contentsOf: Self.null)
                    }
                }
                scratch.file.append(UInt8(ascii: "}"))
            }
            scratch.file.append(UInt8(ascii: "]"))
            scratch.file.append(UInt8(ascii: "}"))
            scratch.file.append(0x0A)
        }
        // Most timelines are the same as last night's: leaving those files alone spares the
        // file system tens of thousands of replaced files.
        let path = directory + fileName
        if staged {
            try AtomicFile.writeInStagedDirectory(scratch.file, toPath: path)
        } else if !existing.contains(fileName) || !OutputWriter.file(path, holds: scratch.file) {
            try AtomicFile.write(scratch.file, toPath: path)
        }
        let days = Self.dayRange(rows)
        var summary = RunReport.ActorSummary(
            id: id, name: String(decoding: rows[0].actorName, as: UTF8.self),
            names: Self.names(rows).sorted { $0.count != $1.count ? $0.count > $1.count : $0.name < $1.name }.prefix(20).map(\.name),
            file: "timelines/" + fileName, statements: rows.count, entries: entries,
            first: days.first, last: days.last)
        // Kept for report.html's per-actor sections (a few linked actors, without the JSON lines):
        // for every linked actor, reading their latest lines again was a fifth of the timelines'
        // own work (thousands of registry actors, ten of them shown), and unlinked speakers would
        // hold memory to the end.
        if details {
            summary.perDay = Dictionary(uniqueKeysWithValues: perDayBytes.map { (String(decoding: $0.key.bytes, as: UTF8.self), $0.value) })
            summary.latest = rows.suffix(5).reversed().map(RunReport.Entry.init)
        }
        // One very large timeline should not keep its buffer for the rest of the run.
        if scratch.file.capacity > 1 << 22 { scratch.file = [] }
        return Built(fileName: fileName, merged: merged, summary: summary)
    }

    /// How often each spelling of the speaker was used, in order of first use. Counted on the
    /// stored bytes, then folded into names, so that canonically equivalent spellings count as
    /// one name, spelt as first seen (as counting on strings row by row did, without hashing a
    /// string per row).
    static func names(_ rows: [StatementStore.Row]) -> [(name: String, count: Int)] {
        // Most actors are spelt one way: one name, no string made per row and no hashing.
        if let first = rows.first?.speaker, rows.allSatisfy({ $0.speaker == first }) {
            return [(String(decoding: first, as: UTF8.self), rows.count)]
        }
        // Many of the others a few ways: those are found by comparing bytes (then strings) with
        // each one so far, and a hash table is built only past `linear` of them.
        let linear = 8
        var index: [ByteKey: Int] = [:]
        var spellings: [(bytes: [UInt8], count: Int)] = []
        for r in rows.indices {
            let speaker = rows[r].speaker
            var found: Int?
            if spellings.count <= linear {
                found = spellings.firstIndex { $0.bytes == speaker }
            } else {
                if index.isEmpty { for (i, s) in spellings.enumerated() { index[ByteKey(s.bytes)] = i } }
                found = index[ByteKey(speaker)]
            }
            if let i = found {
                spellings[i].count += 1
            } else {
                if !index.isEmpty { index[ByteKey(speaker)] = spellings.count }
                spellings.append((speaker, 1))
            }
        }
        var names: [(name: String, count: Int)] = []
        var byName: [String: Int] = [:]
        for (bytes, count) in spellings {
            let name = String(decoding: bytes, as: UTF8.self)
            let i = spellings.count <= linear ? names.firstIndex { $0.name == name } : byName[name]
            if let i {
                names[i].count += count
            } else {
                if spellings.count > linear { byName[name] = names.count }
                names.append((name, count))
            }
        }
        return names
    }

    /// The first and last day (`YYYY-MM-DD`) of the dated rows. Dates are stored as ASCII ISO
    /// 8601, whose byte order is their order.
    static func dayRange(_ rows: [StatementStore.Row]) -> (first: String?, last: String?) {
        var first: ArraySlice<UInt8>?, last: ArraySlice<UInt8>?
        for r in rows.indices {
            guard let p = rows[r].publishedBytes else { continue }
            let day = p[..<RunReport.StatementFigures.prefixEnd(p, characters: 10)]
            if first.map({ day.lexicographicallyPrecedes($0) }) ?? true { first = day }
            if last.map({ $0.lexicographicallyPrecedes(day) }) ?? true { last = day }
        }
        return (first.map { String(decoding: $0, as: UTF8.self) }, last.map { String(decoding: $0, as: UTF8.self) })
    }
}
