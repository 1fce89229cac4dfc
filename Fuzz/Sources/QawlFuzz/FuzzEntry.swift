import Foundation
import Qawl

/// One libFuzzer binary, several targets: `QAWL_FUZZ_TARGET` picks what each input is fed to.
///
///     QAWL_FUZZ_TARGET=warc .build-fuzz/debug/QawlFuzz -max_total_time=60 corpus/warc
///
/// Targets: gzip, warc, tar, sgml, jsonl, feed, html. Reader targets write the input to a temp file
/// and open it with `InputOpener` exactly as a run does, so gzip framing and format sniffing are
/// exercised too; `html` goes through `DocumentBuilder` and both extractors with the real registry.
enum FuzzTarget: String, CaseIterable {
    case gzip, warc, tar, sgml, jsonl, feed, html

    static let current: FuzzTarget = {
        let name = ProcessInfo.processInfo.environment["QAWL_FUZZ_TARGET"] ?? ""
        guard let target = FuzzTarget(rawValue: name) else {
            let known = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")
            FileHandle.standardError.write("set QAWL_FUZZ_TARGET to one of: \(known)\n".data(using: .utf8)!)
            exit(2)
        }
        return target
    }()
}

/// Caps that keep one input cheap: libFuzzer flags anything slower than its timeout or bigger than
/// its RSS limit, so readers run with a small record cap, exactly what a run with
/// `max_record_mb: 1` would do.
enum FuzzLimits {
    static let maxRecordBytes = 1 << 20
    static let maxItems = 20_000
    static let maxGzipOutput = 8 << 20
}

/// A temp file per process (libFuzzer runs inputs one after another in one process).
enum ScratchFile {
    static let path: String = {
        let dir = ProcessInfo.processInfo.environment["TMPDIR"] ?? "/tmp"
        return "\(dir)/qawl-fuzz-\(getpid())"
    }()

    static func write(_ bytes: [UInt8], suffix: String) -> String {
        let file = path + suffix
        FileManager.default.createFile(atPath: file, contents: Data(bytes))
        return file
    }
}

/// Opens the bytes as an input file and drains every item, the way the pipeline's read stage does.
func drainReader(_ bytes: [UInt8], suffix: String) {
    let file = ScratchFile.write(bytes, suffix: suffix)
    defer { unlink(file) }
    guard var opened = try? InputOpener.open(path: file, options: ReaderOptions(maxRecordBytes: FuzzLimits.maxRecordBytes)) else { return }
    var items = 0
    var lastProduced: Int64 = -1
    var stalled = 0
    while items < FuzzLimits.maxItems {
        let item: ReadItem?
        do { item = try opened.reader.next() } catch { break }
        guard let item else { break }
        items += 1
        if case .record(let record) = item {
            precondition(record.body.count <= FuzzLimits.maxRecordBytes + 65_536, "record over the cap: \(record.body.count)")
        }
        // A reader that keeps yielding without consuming input loops forever on real data.
        let produced = opened.uncompressedBytes
        if produced == lastProduced { stalled += 1 } else { stalled = 0; lastProduced = produced }
    }
    precondition(items < FuzzLimits.maxItems || stalled < 5_000, "reader yields without consuming input")
}

/// Inflates through both gzip paths: the streaming `GzipSource` (multi-member, resync on damage)
/// and the one-shot `GzipCodec.inflate` with a cap (bombs).
func fuzzGzip(_ bytes: [UInt8]) {
    var input = bytes
    if !GzipCodec.isGzip(input) { input = [0x1f, 0x8b, 0x08, 0x00] + input }
    _ = try? GzipCodec.inflate(input, limit: 1 << 20)
    let file = ScratchFile.write(input, suffix: ".gz")
    defer { unlink(file) }
    guard let source = try? GzipSource(path: file) else { return }
    var buffer: [UInt8] = []
    buffer.reserveCapacity(1 << 16)
    var total = 0
    var resyncs = 0
    while total < FuzzLimits.maxGzipOutput {
        buffer.removeAll(keepingCapacity: true)
        do {
            let n = try source.read(into: &buffer, maxCount: 1 << 16)
            if n == 0 { break }
            total += n
        } catch {
            resyncs += 1
            guard resyncs < 1_000, (try? source.resync()) != nil else { break }
        }
    }
}

/// Forces the container format by a leading marker when the mutated input lost it, so each
/// target keeps exercising its own reader.
func withPrefix(_ bytes: [UInt8], _ marker: String, whenNotStartingWith start: String? = nil) -> [UInt8] {
    if bytes.starts(with: Array((start ?? marker).utf8)) { return bytes }
    return Array(marker.utf8) + bytes
}

/// The parse + extraction path on one page: the first byte picks the record kind, the rest is
/// the payload.
enum HTMLFuzz {
    static let builder: DocumentBuilder = {
        guard let data = locateData() else { fatalError("cannot find data/: set QAWL_DATA") }
        do { return try DocumentBuilder(dataDirectory: data) } catch { fatalError("data/: \(error)") }
    }()
    static let extractor: LanguageRouter = {
        guard let data = locateData() else { fatalError("cannot find data/: set QAWL_DATA") }
        do {
            let registry = try ActorRegistry.load(directory: data.appendingPathComponent("actors"))
            return LanguageRouter(extractors: [
                "ar": try ArabicExtractor(dataDirectory: data, actors: registry.actors, roles: registry.roles),
                "en": try EnglishExtractor(dataDirectory: data, actors: registry.actors, roles: registry.roles),
            ])
        } catch { fatalError("registry: \(error)") }
    }()

    static func locateData() -> URL? {
        DataDirectory.locate() ?? {
            let here = URL(fileURLWithPath: #filePath)
            let data = here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("data")
            return FileManager.default.fileExists(atPath: data.path) ? data : nil
        }()
    }

    static func run(_ bytes: [UInt8]) {
        guard let selector = bytes.first else { return }
        let payload = Array(bytes.dropFirst())
        var record: RawRecord
        switch selector % 4 {
        case 0: record = RawRecord(input: "fuzz.html", index: 0, kind: .html, body: payload)
        case 1: record = RawRecord(input: "fuzz.html", index: 0, kind: .html, body: payload,
                                   contentType: "text/html; charset=windows-1256")
        case 2: record = RawRecord(input: "fuzz.txt", index: 0, kind: .text, body: payload)
        default:
            let text = String(decoding: payload, as: UTF8.self)
            let halves = text.split(separator: "\u{0}", maxSplits: 1, omittingEmptySubsequences: false)
            record = RawRecord(input: "fuzz.jsonl", index: 0, kind: .article,
                               fields: ArticleFields(title: halves.count > 1 ? String(halves[0]) : nil,
                                                     text: String(halves.last ?? ""),
                                                     html: selector & 0x10 != 0 ? text : nil,
                                                     date: "2024-03-01"))
        }
        guard let document = try? builder.parse(record) else { return }
        for statement in extractor.extract(from: document) {
            precondition(statement.docID == document.docID, "statement from another document")
        }
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = size > 0 && data != nil ? Array(UnsafeBufferPointer(start: data, count: size)) : []
    switch FuzzTarget.current {
    case .gzip: fuzzGzip(bytes)
    case .warc: drainReader(withPrefix(bytes, "WARC/1.0\r\n", whenNotStartingWith: "WARC/1."), suffix: ".warc")
    case .tar: drainReader(bytes, suffix: ".tar")
    case .sgml: drainReader(withPrefix(bytes, "<DOC", whenNotStartingWith: "<"), suffix: ".sgml")
    case .jsonl: drainReader(withPrefix(bytes, "{"), suffix: ".jsonl")
    case .feed: drainReader(withPrefix(bytes, "<rss>", whenNotStartingWith: "<"), suffix: ".xml")
    case .html: HTMLFuzz.run(bytes)
    }
    return 0
}

/// libFuzzer's driver, called from our own entry point: SwiftPM links every executable target with
/// `main` renamed to `<Target>_main`, so libFuzzer's `main` would never be reached.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

@_cdecl("QawlFuzz_main")
public func qawlFuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { data, size in fuzzOneInput(data, size) }
}
