#!/usr/bin/env python3
"""The Python peer of `make bench`: what a user would otherwise assemble to find quotes in a WARC.

    peer.py resiliparse|trafilatura NEWS.warc.gz

reads the WARC with FastWARC (response records, HTTP parsed), decodes each payload with
Resiliparse's encoding detection, takes the main text with Resiliparse (`extract_plain_text`,
main_content=True) or trafilatura (fast mode), and finds reporting statements with regular
expressions (quoted spans, and English/Arabic reporting verbs). Prints one JSON line with the
counts, so the run does the same work whatever is measured around it.
"""
import json, re, sys

from fastwarc.warc import ArchiveIterator, WarcRecordType
from resiliparse.parse.encoding import bytes_to_str, detect_encoding

QUOTES = re.compile(r"[\"“«]([^\"”»]{8,400})[\"”»]")
CUES = re.compile(r"\b(?:said|says|told|added|stated|according to)\b|(?:قال|أضاف|أكد|أوضح|أشار)", re.IGNORECASE)


def main():
    mode, path = sys.argv[1], sys.argv[2]
    if mode == "resiliparse":
        from resiliparse.extract.html2text import extract_plain_text

        def main_text(html):
            return extract_plain_text(html, main_content=True)
    elif mode == "trafilatura":
        import trafilatura

        def main_text(html):
            return trafilatura.extract(html, fast=True) or ""
    else:
        sys.exit(f"unknown mode {mode}")
    pages = payload = quotes = cues = 0
    with open(path, "rb") as f:
        for record in ArchiveIterator(f, record_types=WarcRecordType.response, parse_http=True):
            body = record.reader.read()
            payload += len(body)
            text = main_text(bytes_to_str(body, detect_encoding(body)))
            pages += 1
            for sentence in text.split("\n"):
                if CUES.search(sentence):
                    cues += 1
                    quotes += len(QUOTES.findall(sentence))
    print(json.dumps({"pages": pages, "payload_bytes": payload, "cue_lines": cues, "quotes": quotes}))


if __name__ == "__main__":
    main()
