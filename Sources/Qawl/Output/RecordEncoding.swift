/// JSON shapes of the output records, field order fixed by `spec/OUTPUT.md`.
extension JSONWriter {
    public mutating func statement(_ s: Statement) {
        object { w in
            w.field("statement_id", s.statementID)
            w.field("doc_id", s.docID)
            w.field("actor_id", s.actorID)
            w.field("actor_name", s.actorName)
            w.field("speaker", s.speaker)
            w.field("resolution", s.resolution.rawValue)
            w.field("cue", s.cue)
            w.field("cue_lemma", s.cueLemma)
            w.field("kind", s.kind.rawValue)
            w.field("content", s.content)
            w.field("sentence", s.sentence)
            w.field("lang", s.lang)
            w.field("published", s.published)
            w.field("date_source", s.dateSource)
            w.field("url", s.url)
            w.field("source", s.source)
            w.field("title", s.title)
            w.field("input", s.input)
            w.field("record", s.record)
            w.field("part", s.part)
            w.field("content_start", s.contentStart)
            w.field("content_end", s.contentEnd)
            w.field("confidence", s.confidence)
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
