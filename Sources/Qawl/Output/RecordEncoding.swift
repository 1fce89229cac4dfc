/// JSON shapes of the output records, field order fixed by `spec/OUTPUT.md`.
extension JSONWriter {
    public mutating func statement(_ s: Statement) {
        let k = StatementKeys.shared
        object { w in
            w.field(k.statementID, s.statementID)
            w.field(k.docID, s.docID)
            w.field(k.actorID, s.actorID)
            w.field(k.actorName, s.actorName)
            w.field(k.speaker, s.speaker)
            w.field(k.resolution, s.resolution.rawValue)
            w.field(k.cue, s.cue)
            w.field(k.cueLemma, s.cueLemma)
            w.field(k.kind, s.kind.rawValue)
            w.field(k.content, s.content)
            w.field(k.sentence, s.sentence)
            w.field(k.lang, s.lang)
            w.field(k.published, s.published)
            w.field(k.dateSource, s.dateSource)
            w.field(k.url, s.url)
            w.field(k.source, s.source)
            w.field(k.title, s.title)
            w.field(k.input, s.input)
            w.field(k.record, s.record)
            w.field(k.part, s.part)
            w.field(k.contentStart, s.contentStart)
            w.field(k.contentEnd, s.contentEnd)
            w.field(k.confidence, s.confidence)
        }
    }

    public mutating func document(_ d: Document) {
        object { w in
            w.field("doc_id", d.docID)
            w.field("url", d.url)
            w.field("title", d.title)
            w.field("published", d.published)
            w.field("date_source", d.dateSource?.rawValue)
            w.field("lang", d.lang)
            w.field("source", d.source)
            w.field("input", d.input)
            w.field("record", d.record)
            w.field("text", d.text)
        }
    }

    public mutating func error(_ e: RecordError) {
        object { w in
            w.field("input", e.input)
            w.field("record", e.record)
            w.field("offset", e.offset)
            w.field("stage", e.stage)
            w.field("reason", e.reason)
            w.field("status", e.skipped ? "skipped" : "failed")
            w.field("message", e.message)
        }
    }
}

/// The keys of a statement line, escaped once (every statement is written with them).
private final class StatementKeys: Sendable {
    static let shared = StatementKeys()
    let statementID = JSONWriter.Key("statement_id"), docID = JSONWriter.Key("doc_id")
    let actorID = JSONWriter.Key("actor_id"), actorName = JSONWriter.Key("actor_name")
    let speaker = JSONWriter.Key("speaker"), resolution = JSONWriter.Key("resolution")
    let cue = JSONWriter.Key("cue"), cueLemma = JSONWriter.Key("cue_lemma"), kind = JSONWriter.Key("kind")
    let content = JSONWriter.Key("content"), sentence = JSONWriter.Key("sentence"), lang = JSONWriter.Key("lang")
    let published = JSONWriter.Key("published"), dateSource = JSONWriter.Key("date_source")
    let url = JSONWriter.Key("url"), source = JSONWriter.Key("source"), title = JSONWriter.Key("title")
    let input = JSONWriter.Key("input"), record = JSONWriter.Key("record"), part = JSONWriter.Key("part")
    let contentStart = JSONWriter.Key("content_start"), contentEnd = JSONWriter.Key("content_end")
    let confidence = JSONWriter.Key("confidence")
}
