#!/usr/bin/env python3
"""Build a corpus of broken and hostile inputs (make faults).

Each file mixes good documents with one kind of fault. expectations.json says, per input, which
good document ids must come out and whether errors.jsonl must name the input. check_faults.py
then verifies a qawl run over the folder.
"""
import gzip, io, json, os, sys, tarfile, zlib, struct

out = sys.argv[1] if len(sys.argv) > 1 else "out/faults"
os.makedirs(out, exist_ok=True)
expect = {}

AR = "قال وزير الخارجية الروسي سيرجي لافروف إن العلاقات تمر بمرحلة صعبة."
EN = "Foreign Minister Sergei Lavrov said relations were going through a difficult stage."

def html(title, body, charset="utf-8", extra_head=""):
    return (f'<!DOCTYPE html><html><head><meta charset="{charset}"><title>{title}</title>{extra_head}</head>'
            f'<body><article><h1>{title}</h1><p>{body}</p><p>{body}</p></article></body></html>')

def path(name):
    return os.path.join(out, name)

def put(name, data, good=(), error=True, note=""):
    with open(path(name), "wb") as f:
        f.write(data)
    expect[name] = {"good": list(good), "error": error, "note": note}

def sgml(docno, text):
    return f"<DOC>\n<DOCNO>{docno}</DOCNO>\n<TITLE>t {docno}</TITLE>\n<TIME>Thu, 13 Apr 2017 10:00:00 +0000</TIME>\n<TEXT>\n{text}\n</TEXT>\n</DOC>\n".encode()

# --- gzip
good1, good2 = sgml("g-1", AR), sgml("g-2", AR)
m1, m2 = gzip.compress(good1), gzip.compress(good2)
put("gzip-truncated.trec.gz", m1 + m2[: len(m2) // 2], good=["g-1"], note="second member cut in half")
bad = bytearray(m2); bad[-8] ^= 0xFF
put("gzip-bad-crc.trec.gz", m1 + bytes(bad), good=["g-1"], note="CRC of the second member wrong")
bad = bytearray(m2); bad[-1] ^= 0x01
put("gzip-bad-length.trec.gz", m1 + bytes(bad), good=["g-1"], note="ISIZE of the second member wrong")
put("gzip-trailing-garbage.trec.gz", m1 + m2 + b"this is not gzip at all" * 10, good=["g-1", "g-2"], note="garbage after the last member")
put("gzip-empty.gz", b"", good=[], error=True, note="zero-length file")
put("not-really.gz", good1 + sgml("g-3", AR), good=["g-1", "g-3"], error=False, note="plain SGML named .gz: recognised by content")
# gzip bomb: a few hundred KB inflating to 1 GiB of spaces inside one text document
comp = zlib.compressobj(9, zlib.DEFLATED, 31)
bomb = io.BytesIO()
bomb.write(comp.compress(b"<DOC>\n<DOCNO>bomb-1</DOCNO>\n<TEXT>\n"))
chunk = b" " * (1 << 20)
for _ in range(1024):
    bomb.write(comp.compress(chunk))
bomb.write(comp.compress(b"\n</TEXT>\n</DOC>\n"))
bomb.write(comp.flush())
put("gzip-bomb.trec.gz", bomb.getvalue() + gzip.compress(sgml("after-bomb", AR)), good=["after-bomb"],
    note="one document inflating to 1 GiB; capped and reported, the next member still read")

# --- WARC
def warc_record(uri, payload, rtype="response", length=None, headers=True, rid=None):
    rid = rid or uri.rsplit("/", 1)[-1]
    head = f"WARC/1.0\r\nWARC-Type: {rtype}\r\nWARC-Record-ID: <urn:uuid:{rid}>\r\nWARC-Date: 2017-04-12T10:00:00Z\r\nWARC-Target-URI: {uri}\r\nContent-Type: application/http; msgtype=response\r\n"
    n = len(payload) if length is None else length
    return (head + f"Content-Length: {n}\r\n\r\n").encode() + payload + b"\r\n\r\n"

def http(body, extra=b""):
    return b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n" + extra + b"\r\n" + body

page = html("Lavrov", EN).encode()
w = warc_record("http://x.test/w-1", http(page)) + warc_record("http://x.test/w-2", http(page), length=len(http(page)) + 5000) + warc_record("http://x.test/w-3", http(page))
put("warc-wrong-length.warc", w, good=["w-1", "w-3"], note="record w-2 claims 5000 bytes too many")
w = warc_record("http://x.test/w-4", http(page)) + b"WARC/1.0\r\nWARC-Type: response\r\n\r\n" + warc_record("http://x.test/w-5", http(page))
put("warc-missing-headers.warc", w, good=["w-4", "w-5"], note="a record without Content-Length")
w = warc_record("http://x.test/w-6", b"\x00\x01binary payload, not HTTP", rtype="resource") + warc_record("http://x.test/w-7", http(page))
put("warc-non-http.warc", w, good=["w-7"], note="a resource record with a binary payload")
chunked = b"".join(b"%x\r\n%s\r\n" % (len(c), c) for c in [page[:100], page[100:]]) + b"0\r\n\r\n"
gz = gzip.compress(page)
w = (warc_record("http://x.test/w-8", http(chunked, b"Transfer-Encoding: chunked\r\n"))
     + warc_record("http://x.test/w-9", http(gz, b"Content-Encoding: gzip\r\n")))
put("warc-encodings.warc.gz", gzip.compress(w), good=["w-8", "w-9"], error=False, note="chunked and gzip content-encoding")
members = [gzip.compress(warc_record(f"http://x.test/w-1{i}", http(page))) for i in range(3)]
broken = bytearray(members[1]); broken[30:60] = b"\xff" * 30
put("warc-corrupt-member.warc.gz", members[0] + bytes(broken) + members[2], good=["w-10", "w-12"], note="middle member corrupt; reading resumes at the next member")

# --- tar
def tar_bytes(entries, truncate=None):
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.GNU_FORMAT) as t:
        for name, data, kind in entries:
            info = tarfile.TarInfo(name)
            if kind == "file":
                info.size = len(data); t.addfile(info, io.BytesIO(data))
            elif kind == "symlink":
                info.type = tarfile.SYMTYPE; info.linkname = data.decode(); t.addfile(info)
            elif kind == "hardlink":
                info.type = tarfile.LNKTYPE; info.linkname = data.decode(); t.addfile(info)
    b = buf.getvalue()
    return b[:truncate] if truncate else b

art = html("Lavrov", AR).encode()
put("tar-traversal.tar", tar_bytes([("../../escape.html", art, "file"), ("/etc/absolute.html", art, "file"),
                                     ("evil-link.html", b"/etc/passwd", "symlink"), ("hard.html", b"/etc/shadow", "hardlink"),
                                     ("ok/t-1.html", art, "file")]),
    good=["escape", "absolute", "t-1"], error=False, note="names with ../ and / are names only; links are not followed")
put("tar-truncated.tar", tar_bytes([("t-2.txt", AR.encode() * 3, "file"), ("t-3.txt", AR.encode() * 50, "file")], truncate=512 * 3 + 100),
    good=["t-2"], note="archive cut inside the second member")

# --- JSON lines
lines = [json.dumps({"id": "j-1", "text": AR}, ensure_ascii=False).encode(),
         b'{"id": "j-broken", "text": "unterminated',
         json.dumps({"id": "j-2", "text": EN}).encode(),
         b'{"id": "j-bad-utf8", "text": "caf\xe9 \xff\xfe invalid"}',
         b'{"id": "j-nul", "text": "nul\x00byte inside"}',
         json.dumps({"id": "j-3", "text": AR}, ensure_ascii=False).encode()]
put("jsonl-mixed.jsonl", b"\n".join(lines) + b"\n", good=["j-1", "j-2", "j-3"], note="a broken line, invalid UTF-8, a NUL byte")
big = b'{"id": "j-huge", "text": "' + b"x" * (50 << 20) + b'"}'
put("jsonl-huge-line.jsonl", json.dumps({"id": "j-4", "text": EN}).encode() + b"\n" + big + b"\n" + json.dumps({"id": "j-5", "text": EN}).encode() + b"\n",
    good=["j-4", "j-5"], note="a 50 MB line: over the per-document cap (16 MB by default), skipped and reported")

# --- HTML
put("html-unclosed.html", b"<html><body><div><p>" + EN.encode() + b"<p>" + EN.encode() + b"<div><span>", good=["html-unclosed"], error=False, note="unclosed tags")
put("html-deep.html", b"<html><body>" + b"<div>" * 100000 + EN.encode() + b"</div>" * 100000 + b"<p>" + EN.encode() + b"</p></body></html>",
    good=["html-deep"], error=False, note="100k levels of nesting")
xxe = b'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><html><body><p>' + EN.encode() + b' &xxe;</p></body></html>'
put("html-xxe.html", xxe, good=["html-xxe"], error=False, note="external entity must not be read")
lol = b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">' + b"".join(
    b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10) for i in range(1, 10)) + b']><html><body><p>' + EN.encode() + b' &lol9;</p></body></html>'
put("html-billion-laughs.html", lol, good=["html-billion-laughs"], error=False, note="entity expansion must not explode")
put("html-lying-charset.html", html("Lavrov", AR, charset="iso-8859-1").encode("utf-8"), good=["html-lying-charset"], error=False, note="declares latin-1, is UTF-8")
put("html-windows-1256.html", html("لافروف", AR, charset="windows-1256").encode("cp1256"), good=["html-windows-1256"], error=False, note="legacy Arabic charset")
put("html-invalid-utf8.html", html("x", EN).encode() + b"\xff\xfe\xc3\x28 more text", good=["html-invalid-utf8"], error=False, note="invalid UTF-8 bytes")
put("html-bidi.html", html("bidi", "\u202e" + AR + "\u202c \u2066" + EN + "\u2069").encode(), good=["html-bidi"], error=False, note="bidi control characters")

with open(out.rstrip("/") + ".expectations.json", "w") as f:
    json.dump(expect, f, indent=1, ensure_ascii=False)
print(f"{len(expect)} fault inputs in {out}")
