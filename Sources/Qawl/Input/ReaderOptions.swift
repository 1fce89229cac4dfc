/// Settings every reader takes, from the run configuration.
public struct ReaderOptions: Sendable, Equatable {
    /// Records larger than this (payload bytes, or inflated bytes for a gzip payload) are skipped
    /// and reported as `record-too-large`: the decompression-bomb guard. Default 64 MiB.
    public var maxRecordBytes: Int
    /// Extra JSON field names for JSON lines dumps.
    public var fieldMapping: FieldMapping

    public static let defaultMaxRecordBytes = 64 * 1024 * 1024

    public init(maxRecordBytes: Int = ReaderOptions.defaultMaxRecordBytes, fieldMapping: FieldMapping = FieldMapping()) {
        self.maxRecordBytes = maxRecordBytes
        self.fieldMapping = fieldMapping
    }
}

/// Which JSON field holds which article field, for dumps whose names are not among the common
/// ones. Keys are qawl's field names (`id`, `url`, `title`, `date`, `text`, `html`, `lang`,
/// `source`, `abstract`); values are the dump's field names, tried before the built-in ones:
///
///     FieldMapping(["text": "article_body", "date": "crawl_time"])
///     {"article_body": "Lavrov said ...", "crawl_time": "2017-04-12"} → text, date
public struct FieldMapping: Sendable, Equatable {
    public static let fieldNames: Set<String> = ["id", "url", "title", "date", "text", "html", "lang", "source", "abstract"]

    /// Built-in candidates, in order of preference (news-please, CC-News, SaudiNewsNet, ...).
    public static let builtIn: [String: [String]] = [
        "id": ["id", "_id", "doc_id", "docid"],
        "url": ["url", "link", "source_url"],
        "title": ["title", "headline"],
        "date": ["date", "published", "date_publish", "date_published", "pubDate", "date_extracted", "date_modify"],
        "text": ["text", "maintext", "content", "body", "article"],
        "html": ["html", "raw_html"],
        "lang": ["lang", "language"],
        "source": ["source", "source_domain", "domain", "site"],
        "abstract": ["abstract", "description", "summary"],
    ]

    public private(set) var mapping: [String: String]

    /// `mapping`: qawl field name → dump field name. Unknown qawl names are ignored by readers;
    /// use `unknownFields` to warn about them.
    public init(_ mapping: [String: String] = [:]) {
        self.mapping = mapping
    }

    /// Keys of the mapping that are not qawl field names (a typo in the configuration).
    public var unknownFields: [String] { mapping.keys.filter { !FieldMapping.fieldNames.contains($0) }.sorted() }

    /// JSON keys to try for `field`, the mapped name first.
    public func candidates(for field: String) -> [String] {
        var names = FieldMapping.builtIn[field] ?? []
        if let mapped = mapping[field] {
            names.removeAll { $0 == mapped }
            names.insert(mapped, at: 0)
        }
        return names
    }
}
