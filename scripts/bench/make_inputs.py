#!/usr/bin/env python3
"""Builds the inputs `make bench` needs, streaming (never a whole dump in memory).

    make_inputs.py ANT.trec.xml.gz NEWS.warc.gz OUTDIR

writes into OUTDIR (skipping files that already exist and are newer than their source):
  ant-1x.trec.xml.gz, ant-4x.trec.xml.gz  the first 1/16 and 1/4 of the ANT dump's documents
                                          (distinct real articles; the whole dump is the 16x point)
  news-4x.warc.gz, news-16x.warc.gz       the WARC repeated 4 and 16 times, every copy with its own
                                          WARC-Record-ID and WARC-Target-URI, one gzip member per record
  news.html.bin                           the HTML payloads of the WARC's response records, each as a
                                          4-byte little-endian length and the bytes: the input of the
                                          libxml2 parse-only reference (html_parse.c)
"""
import gzip, os, re, struct, sys, uuid


def fresh(path, source):
    return os.path.exists(path) and os.path.getmtime(path) >= os.path.getmtime(source)


def ant_prefixes(src, outdir):
    targets = [(os.path.join(outdir, "ant-1x.trec.xml.gz"), 16), (os.path.join(outdir, "ant-4x.trec.xml.gz"), 4)]
    if all(fresh(p, src) for p, _ in targets):
        return
    with gzip.open(src, "rb") as f:
        total = sum(line.count(b"</DOC>") for line in f)
    for path, div in targets:
        keep = total // div
        tmp = path + ".tmp"
        with gzip.open(src, "rb") as f, gzip.open(tmp, "wb", compresslevel=6) as out:
            done = 0
            for line in f:
                out.write(line)
                done += line.count(b"</DOC>")
                if done >= keep:
                    break
        os.replace(tmp, path)


def warc_records(src):
    """Yields (header bytes, block bytes) per WARC record."""
    with gzip.open(src, "rb") as f:
        while True:
            line = f.readline()
            if not line:
                return
            if not line.strip():
                continue
            header = [line]
            while True:
                line = f.readline()
                header.append(line)
                if not line.strip():
                    break
            head = b"".join(header)
            m = re.search(rb"(?im)^Content-Length:\s*(\d+)", head)
            block = f.read(int(m.group(1))) if m else b""
            yield head, block


def warc_copies(src, outdir):
    for n in (4, 16):
        path = os.path.join(outdir, f"news-{n}x.warc.gz")
        if fresh(path, src):
            continue
        tmp = path + ".tmp"
        with open(tmp, "wb") as out:
            for copy in range(n):
                for head, block in warc_records(src):
                    if copy:
                        head = re.sub(rb"(?im)^(WARC-Record-ID:\s*<urn:uuid:)([0-9a-f-]+)>",
                                      lambda m: m.group(1) + str(uuid.uuid5(uuid.UUID(m.group(2).decode()), str(copy))).encode() + b">",
                                      head)
                        head = re.sub(rb"(?im)^(WARC-Target-URI:\s*)(\S+)",
                                      lambda m: m.group(1) + m.group(2) + (b"&" if b"?" in m.group(2) else b"?") + b"copy=%d" % copy,
                                      head)
                    out.write(gzip.compress(head + block + b"\r\n\r\n", compresslevel=6))
        os.replace(tmp, path)


def html_payloads(src, outdir):
    path = os.path.join(outdir, "news.html.bin")
    if fresh(path, src):
        return
    tmp = path + ".tmp"
    with open(tmp, "wb") as out:
        for head, block in warc_records(src):
            if not re.search(rb"(?im)^WARC-Type:\s*response", head):
                continue
            sep = block.find(b"\r\n\r\n")
            if sep < 0:
                continue
            http, body = block[:sep], block[sep + 4:]
            if not re.search(rb"(?im)^Content-Type:\s*text/html", http):
                continue
            out.write(struct.pack("<I", len(body)))
            out.write(body)
    os.replace(tmp, path)


def main():
    ant, warc, outdir = sys.argv[1:4]
    os.makedirs(outdir, exist_ok=True)
    if os.path.exists(ant):
        ant_prefixes(ant, outdir)
    if os.path.exists(warc):
        warc_copies(warc, outdir)
        html_payloads(warc, outdir)


if __name__ == "__main__":
    main()
