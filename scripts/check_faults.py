#!/usr/bin/env python3
"""Check a qawl run over the fault corpus: every good document present, every faulty input named in
errors.jsonl, read = parsed + skipped + failed, and no secret from /etc/passwd in any output."""
import json, os, sys
faults, out = sys.argv[1], sys.argv[2]
expect = json.load(open(faults.rstrip("/") + ".expectations.json"))
docs = set()
for line in open(os.path.join(out, "docs.jsonl"), encoding="utf-8"):
    docs.add(json.loads(line)["doc_id"])
errors = [json.loads(l) for l in open(os.path.join(out, "errors.jsonl"), encoding="utf-8")]
named = {os.path.basename(e["input"]) for e in errors}
report = json.load(open(os.path.join(out, "report.json")))
d = report["documents"]
problems = []
for name, e in sorted(expect.items()):
    missing = [g for g in e["good"] if g not in docs]
    if missing:
        problems.append(f"{name}: good documents missing: {missing} ({e['note']})")
    if e["error"] and name not in named:
        problems.append(f"{name}: fault not listed in errors.jsonl ({e['note']})")
if d["read"] != d["parsed"] + d["skipped"] + d["failed"]:
    problems.append(f"documents: read {d['read']} != parsed + skipped + failed")
for root, _, files in os.walk(out):
    for f in files:
        if f.endswith((".jsonl", ".json", ".html", ".md")):
            if "root:x:0:0" in open(os.path.join(root, f), encoding="utf-8", errors="replace").read():
                problems.append(f"{f}: contains /etc/passwd content (XXE)")
for p in problems:
    print("FAIL", p)
print(f"faults: {len(expect)} inputs, {len(errors)} errors listed, {len(docs)} documents out, {len(problems)} problems")
sys.exit(1 if problems else 0)
