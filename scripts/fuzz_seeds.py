#!/usr/bin/env python3
"""Seed corpus for the fuzz targets (scripts/fuzz.sh): a few small, valid inputs per target, plus
the small files of the fault corpus (scripts/make_faults.py) sorted to the target that reads them.

    python3 scripts/fuzz_seeds.py out/fuzz/seeds   # → out/fuzz/seeds/{gzip,warc,tar,...}/
"""
import gzip, io, json, os, subprocess, sys, tarfile

out = sys.argv[1] if len(sys.argv) > 1 else "out/fuzz/seeds"
AR = "قال وزير الخارجية الروسي سيرجي لافروف إن العلاقات تمر بمرحلة صعبة."
EN = 'Foreign Minister Sergei Lavrov said relations were "going through a difficult stage".'

def put(target, name, data):
    os.makedirs(os.path.join(out, target), exist_ok=True)
    with open(os.path.join(out, target, name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode())

def page(title, body, charset="utf-8"):
    return (f'<!DOCTYPE html><html><head><meta charset="{charset}"><title>{title}</title></head><body>'
            f'<nav class="menu">Home | World</nav><article><h1>{title}</h1><time datetime="2017-04-13">13 April 2017</time>'
            f'<p>{body}</p><p>{body}</p></article><footer>© x.test</footer></body></html>')

def sgml(docno, text):
    return (f"<DOC id=\"{docno}\" type=\"story\">\n<DOCNO>{docno}</DOCNO>\n<HEADLINE>t {docno}</HEADLINE>\n"
            f"<DATELINE>MOSCOW, April 13</DATELINE>\n<TEXT>\n<P>\n{text}\n</P>\n</TEXT>\n</DOC>\n")

def warc(uri, payload, rtype="response"):
    return (f"WARC/1.0\r\nWARC-Type: {rtype}\r\nWARC-Record-ID: <urn:uuid:{uri[-3:]}>\r\nWARC-Date: 2017-04-12T10:00:00Z\r\n"
            f"WARC-Target-URI: {uri}\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {len(payload)}\r\n\r\n"
            ).encode() + payload + b"\r\n\r\n"

def http(body, extra=b""):
    return b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n" + extra + b"\r\n" + body

ar_page, en_page = page("لافروف", AR).encode(), page("Lavrov", EN).encode()

put("gzip", "two-members.gz", gzip.compress(sgml("g-1", AR).encode()) + gzip.compress(sgml("g-2", EN).encode()))
put("gzip", "one.gz", gzip.compress(en_page))

chunked = b"".join(b"%x\r\n%s\r\n" % (len(c), c) for c in [en_page[:90], en_page[90:]]) + b"0\r\n\r\n"
put("warc", "plain.warc", warc("http://x.test/w-1", http(ar_page)) + warc("http://x.test/w-2", b"GET / HTTP/1.1\r\n\r\n", "request"))
put("warc", "encodings.warc", warc("http://x.test/w-3", http(chunked, b"Transfer-Encoding: chunked\r\n"))
    + warc("http://x.test/w-4", http(gzip.compress(en_page), b"Content-Encoding: gzip\r\n")))
put("warc", "members.warc.gz", gzip.compress(warc("http://x.test/w-5", http(en_page))) + gzip.compress(warc("http://x.test/w-6", EN.encode(), "conversion")))

def tar(entries):
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.GNU_FORMAT) as t:
        for name, data in entries:
            info = tarfile.TarInfo(name); info.size = len(data); t.addfile(info, io.BytesIO(data))
    return buf.getvalue()
put("tar", "pages.tar", tar([("2017/a.html", ar_page), ("2017/b.txt", EN.encode())]))
put("tar", "sgml.tar", tar([("afp/doc.sgml", sgml("t-1", AR).encode())]))

put("sgml", "trec.sgml", sgml("s-1", AR) + sgml("s-2", EN))
put("sgml", "gigaword.xml", f'<?xml version="1.0" encoding="UTF-8"?>\n<GWENG>\n{sgml("AFP_1", EN)}</GWENG>\n')

put("jsonl", "lines.jsonl", json.dumps({"id": "j-1", "url": "http://x.test/j-1", "title": "لافروف", "date": "2017-04-13", "text": AR}, ensure_ascii=False)
    + "\n" + json.dumps({"id": "j-2", "html": en_page.decode(), "lang": "en"}) + "\n")

put("feed", "rss.xml", f'<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
    f'<item><title>Lavrov</title><link>http://x.test/f-1</link><pubDate>Thu, 13 Apr 2017 10:00:00 +0000</pubDate>'
    f'<description>{EN}</description><content:encoded><![CDATA[{en_page.decode()}]]></content:encoded></item></channel></rss>')
put("feed", "atom.xml", f'<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>f-2</id><title>لافروف</title>'
    f'<updated>2017-04-13T10:00:00Z</updated><content type="html">{AR}</content></entry></feed>')

# html target: first byte picks the record kind (0 html, 1 html in windows-1256, 2 text, 3 article fields)
put("html", "ar.html", b"\x00" + ar_page)
put("html", "en.html", b"\x00" + en_page)
put("html", "cp1256.html", b"\x01" + page("x", AR, "windows-1256").encode("cp1256", errors="replace"))
put("html", "text.txt", b"\x02" + (AR + "\n\n" + EN).encode())
put("html", "fields", b"\x03" + "لافروف".encode() + b"\x00" + (AR + "\n" + EN).encode())

# The fault corpus's small files, each to the target that reads it.
faults = os.path.join(out, "..", "faults-seed")
if subprocess.run([sys.executable, os.path.join(os.path.dirname(__file__), "make_faults.py"), faults],
                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode == 0:
    for name in sorted(os.listdir(faults)):
        p = os.path.join(faults, name)
        if not os.path.isfile(p) or os.path.getsize(p) > 65536:
            continue
        data = open(p, "rb").read()
        lower = name.lower()
        target = ("gzip" if data[:2] == b"\x1f\x8b" and "warc" not in lower else
                  "warc" if "warc" in lower else "tar" if "tar" in lower or lower.endswith(".tgz") else
                  "jsonl" if "json" in lower else "feed" if "rss" in lower or "atom" in lower or "feed" in lower else
                  "sgml" if "trec" in lower or "sgml" in lower else "html" if "htm" in lower else None)
        if target == "html":
            data = b"\x00" + data
        if target:
            put(target, "fault-" + name, data)
print(out)
