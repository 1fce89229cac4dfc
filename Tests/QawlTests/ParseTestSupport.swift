import Foundation
import Glibc
@testable import Qawl

/// Shared fixtures for the parse-stage tests: the repository's data folder and byte encoders.
enum ParseFixtures {
    static let dataDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("data")

    static let builder: DocumentBuilder = try! DocumentBuilder(dataDirectory: dataDirectory)

    /// `text` encoded with glibc's iconv (e.g. "WINDOWS-1256", "ISO-8859-6").
    static func encode(_ text: String, as charset: String) -> [UInt8] {
        let cd = iconv_open(charset, "UTF-8")
        precondition(cd != iconv_t(bitPattern: -1), "iconv cannot encode \(charset)")
        defer { iconv_close(cd) }
        var input = Array(text.utf8).map { CChar(bitPattern: $0) }
        var output = [CChar](repeating: 0, count: input.count * 2 + 16)
        var inLeft = input.count
        var outLeft = output.count
        input.withUnsafeMutableBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                var inPtr: UnsafeMutablePointer<CChar>? = inBuf.baseAddress
                var outPtr: UnsafeMutablePointer<CChar>? = outBuf.baseAddress
                let r = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                precondition(r != -1, "iconv failed for \(charset)")
            }
        }
        return output.prefix(output.count - outLeft).map { UInt8(bitPattern: $0) }
    }

    static func html(_ page: String, url: String? = "https://www.example.com/news/story",
                     contentType: String? = "text/html; charset=utf-8", containerDate: String? = nil,
                     id: String? = nil) -> RawRecord {
        RawRecord(input: "pages.warc.gz", index: 3, kind: .html, body: Array(page.utf8), id: id, url: url,
                  containerDate: containerDate, contentType: contentType)
    }

    /// Four ordinary news paragraphs (well over readability's 500-character threshold).
    static let paragraphs = [
        "Foreign ministers met in Geneva on Tuesday, officials said, to discuss a ceasefire that has held, with some breaks, since the spring.",
        "The talks, which lasted more than six hours, ended without a joint statement, although both delegations described them as useful and frank.",
        "Diplomats said the next round would take place in Vienna, where technical teams are expected to work on monitoring, prisoner exchanges and aid corridors.",
        "Neither side commented on reports, published earlier in the week, that a draft agreement had already been circulated among the mediators.",
    ]

    /// A news page with every kind of furniture around `paragraphs`.
    static func newsPage(head: String = "", body: [String] = paragraphs, extraArticle: String = "") -> String {
        """
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Ceasefire talks end | Example News</title>\(head)
        <script>var tracking = "SCRIPT-TEXT";</script><style>.x{color:red} STYLE-TEXT</style></head>
        <body>
        <div class="cookie-banner">We use cookies COOKIE-TEXT to improve your experience. Accept all cookies and continue reading.</div>
        <header class="site-header"><a href="/">Example News</a> HEADER-TEXT</header>
        <nav class="main-menu"><ul><li><a href="/world">World</a></li><li><a href="/sport">Sport NAV-TEXT</a></li></ul></nav>
        <div id="main"><article class="story">
        <h1>Ceasefire talks end without statement</h1>
        \(body.map { "<p>\($0)</p>" }.joined(separator: "\n"))
        \(extraArticle)
        <div class="share-bar"><a href="#">Facebook</a> <a href="#">Twitter</a> SHARE-TEXT, share this story with your friends</div>
        </article>
        <aside class="most-read"><h2>Most read</h2><ol><li><a href="/a">Another story about something that happened, MOSTREAD-TEXT</a></li>
        <li><a href="/b">A second story with a long headline, elsewhere in the world today</a></li></ol></aside>
        <section class="comments"><p>Great article, thanks for writing it, I agree with everything, COMMENT-TEXT.</p></section>
        </div>
        <footer><p>Copyright 2017 Example News, all rights reserved, FOOTER-TEXT. Contact us, privacy policy.</p></footer>
        </body></html>
        """
    }
}
