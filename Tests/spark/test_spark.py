#!/usr/bin/env python3
"""The Spark driver gives the same outputs as one machine.

Runs pipelines/spark/qawl_spark.py in local mode (one Spark task per input file, then `qawl
merge`) and a plain `qawl run` over the same inputs, and compares what a user reads:
statements.jsonl, every timeline, actors.json, errors.jsonl and report.json without its timing
fields. Run by scripts/spark_test.sh with the venv's python and QAWL_BIN set; ends with one line
`spark: N passed, M failed`.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

REPO = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
sys.path.insert(0, os.path.join(REPO, "pipelines", "spark"))
import qawl_spark  # noqa: E402

QAWL = os.environ.get("QAWL_BIN") or os.path.join(REPO, ".build", "release", "qawl")
SAMPLES = "data/samples/"
TIMING_FIELDS = {"stages", "throughput", "elapsed_seconds"}
MASTER = os.environ.get("SPARK_TEST_MASTER", "local[2]")


def read(path: str) -> bytes:
    with open(path, "rb") as f:
        return f.read()


def without_timings(value):
    if isinstance(value, dict):
        return {k: without_timings(v) for k, v in value.items() if k not in TIMING_FIELDS}
    if isinstance(value, list):
        return [without_timings(v) for v in value]
    return value


def run_single(out: str, inputs: list[str]) -> int:
    """One machine: `qawl run --out OUT INPUT...` from the repository root."""
    proc = subprocess.run([QAWL, "run", "--out", out, *inputs], cwd=REPO,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if proc.returncode not in (0, 1):
        raise AssertionError(f"qawl run exited {proc.returncode}: {proc.stderr.decode()[-2000:]}")
    return proc.returncode


def run_spark(out: str, inputs: list[str]) -> int:
    cwd = os.getcwd()
    os.chdir(REPO)
    try:
        return qawl_spark.main(["--master", MASTER, "--qawl", QAWL, "--data", "data", "--quiet",
                                "--out", out, *inputs])
    finally:
        os.chdir(cwd)


class SparkRunEqualsSingleMachineRun(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="qawl-spark-test-")

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def assertSameOutputs(self, single: str, spark: str, rename=None):
        """Every user-facing output file equal; `rename` maps the Spark side's `input` strings
        (a URI) to the single run's (a path) before comparing."""
        def text(root, name):
            data = read(os.path.join(root, name)).decode()
            if rename and root == spark:
                for a, b in rename.items():
                    data = data.replace(json.dumps(a)[1:-1], json.dumps(b)[1:-1])
            return data

        for name in ("statements.jsonl", "errors.jsonl", "actors.json"):
            with self.subTest(file=name):
                self.assertEqual(text(single, name), text(spark, name), f"{name} differs")
        statements = text(single, "statements.jsonl").splitlines()
        self.assertGreater(len(statements), 100, "too few statements for a meaningful comparison")

        t_single = sorted(os.listdir(os.path.join(single, "timelines")))
        t_spark = sorted(os.listdir(os.path.join(spark, "timelines")))
        self.assertEqual(t_single, t_spark, "timeline files differ")
        self.assertGreater(len(t_single), 10)
        for name in t_single:
            self.assertEqual(text(single, f"timelines/{name}"), text(spark, f"timelines/{name}"),
                             f"timelines/{name} differs")

        r_single = without_timings(json.loads(text(single, "report.json")))
        r_spark = without_timings(json.loads(text(spark, "report.json")))
        self.assertEqual(r_single, r_spark, "report.json figures differ")
        self.assertEqual(r_single["statements"]["total"], len(statements))

    def testSamplesDirectoryFourFormatsGiveSameOutputs(self):
        """data/samples/: a TREC .gz, a JSON lines .gz, a WARC .gz and a .txt, one task each."""
        single, spark = os.path.join(self.tmp, "single"), os.path.join(self.tmp, "spark")
        code_single = run_single(single, [SAMPLES])
        code_spark = run_spark(spark, [SAMPLES])
        self.assertEqual(code_single, code_spark, "exit status differs")
        self.assertSameOutputs(single, spark)
        # Every format contributed statements, so each shard really ran the reader it needs.
        by_input = {}
        for line in read(os.path.join(spark, "statements.jsonl")).decode().splitlines():
            record = json.loads(line)
            by_input[record["input"]] = by_input.get(record["input"], 0) + 1
        for name in ("ant-sample.trec.xml.gz", "ant-sample.jsonl.gz", "news-pages-sample.warc.gz",
                     "000_7c6445b88433139e.txt"):
            self.assertGreater(by_input.get(SAMPLES + name, 0), 0, f"no statements from {name}: {by_input}")

    def testHadoopURIInputIsCopiedAndNamedByItsURI(self):
        """A file:// URI goes through Spark's binaryFiles and a local copy; outputs name the URI."""
        path = os.path.join(REPO, SAMPLES, "ant-sample.trec.xml.gz")
        uri = "file://" + path
        single, spark = os.path.join(self.tmp, "single-uri"), os.path.join(self.tmp, "spark-uri")
        self.assertEqual(run_single(single, [path]), run_spark(spark, [uri]))
        statements = read(os.path.join(spark, "statements.jsonl")).decode()
        self.assertIn(json.dumps(uri), statements)
        self.assertNotIn("qawl-shard-", statements, "the executor's temporary path leaked")
        self.assertSameOutputs(single, spark, rename={uri: path})

    def testUnreadableInputIsReportedNotAFailedJob(self):
        """A corrupt gzip exits 1 on one machine (errors.jsonl names it); on Spark too, no retry storm."""
        bad_dir = os.path.join(self.tmp, "bad")
        os.makedirs(bad_dir)
        bad = os.path.join(bad_dir, "broken.jsonl.gz")
        good = os.path.join(REPO, SAMPLES, "000_7c6445b88433139e.txt")
        with open(bad, "wb") as f:
            f.write(b"\x1f\x8b\x08\x00" + b"not really gzip" * 10)
        single, spark = os.path.join(self.tmp, "single-bad"), os.path.join(self.tmp, "spark-bad")
        code_single = run_single(single, [bad, good])
        code_spark = run_spark(spark, [bad, good])
        self.assertEqual(code_single, code_spark)
        errors = read(os.path.join(spark, "errors.jsonl")).decode()
        self.assertIn("broken.jsonl.gz", errors)
        self.assertEqual(read(os.path.join(single, "errors.jsonl")), read(os.path.join(spark, "errors.jsonl")))
        self.assertEqual(read(os.path.join(single, "statements.jsonl")), read(os.path.join(spark, "statements.jsonl")))


class ListingKeepsPathsAsGiven(unittest.TestCase):
    def testDirectoryWalkKeepsTheGivenPrefixAndSkipsHiddenFiles(self):
        with tempfile.TemporaryDirectory() as tmp:
            os.makedirs(os.path.join(tmp, "d", "sub"))
            os.makedirs(os.path.join(tmp, "d", ".git"))
            for name in ("d/b.txt", "d/a.warc.gz", "d/sub/c.jsonl", "d/.hidden", "d/.git/x"):
                open(os.path.join(tmp, name), "w").close()
            cwd = os.getcwd()
            os.chdir(tmp)
            try:
                self.assertEqual(qawl_spark.expand_local("d"), ["d/a.warc.gz", "d/b.txt", "d/sub/c.jsonl"])
                self.assertEqual(qawl_spark.expand_local("d/"), ["d/a.warc.gz", "d/b.txt", "d/sub/c.jsonl"])
                self.assertEqual(qawl_spark.expand_local("d/*.txt"), ["d/b.txt"])
            finally:
                os.chdir(cwd)

    def testURIsAreRecognisedByScheme(self):
        for uri in ("hdfs://nn:8020/news/a.warc.gz", "s3a://bucket/x.gz", "file:///tmp/a", "file:/tmp/a"):
            self.assertTrue(qawl_spark.is_uri(uri), uri)
        for path in ("/tmp/a.gz", "data/samples/", "a:b.txt"):
            self.assertFalse(qawl_spark.is_uri(path), path)


if __name__ == "__main__":
    result = unittest.main(exit=False, verbosity=2).result
    failed = len(result.failures) + len(result.errors)
    print(f"spark: {result.testsRun - failed} passed, {failed} failed")
    sys.exit(1 if failed or not result.wasSuccessful() else 0)
