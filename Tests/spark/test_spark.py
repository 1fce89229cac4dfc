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

QAWL = os.path.abspath(os.environ.get("QAWL_BIN") or os.path.join(REPO, ".build", "release", "qawl"))
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
        # Each shard really read its format: every sample is in the merged manifest with records.
        manifest = json.loads(read(os.path.join(spark, "manifest.json")))
        read_by_spark = {i["path"]: i for i in manifest["inputs"]}
        formats = set()
        for name in ("ant-sample.trec.xml.gz", "ant-sample.jsonl.gz", "news-pages-sample.warc.gz",
                     "000_7c6445b88433139e.txt"):
            entry = read_by_spark.get(SAMPLES + name)
            self.assertIsNotNone(entry, f"{name} missing from the merged manifest")
            self.assertEqual(entry["status"], "ok", name)
            self.assertGreater(entry["records"], 0, name)
            formats.add(entry["format"])
        self.assertEqual(len(formats), 4, f"expected four formats, got {formats}")

    def testHadoopURIInputIsCopiedAndNamedByItsURI(self):
        """A file:// URI goes through Spark's binaryFiles and a local copy; outputs name the URI."""
        path = os.path.join(REPO, SAMPLES, "ant-sample.jsonl.gz")
        uri = "file://" + path
        single, spark = os.path.join(self.tmp, "single-uri"), os.path.join(self.tmp, "spark-uri")
        self.assertEqual(run_single(single, [path]), run_spark(spark, [uri]))
        statements = read(os.path.join(spark, "statements.jsonl")).decode()
        self.assertIn(f'"input":{json.dumps(uri)}', statements)
        self.assertNotIn("qawl-shard-", statements, "the executor's temporary path leaked")
        self.assertSameOutputs(single, spark, rename={uri: path})

    def testCrashedTaskIsRetriedAndExitOneIsNotRetried(self):
        """A worker that crashes (exit 3) is retried by Spark and the result is still complete; a
        shard that exits 1 (an input it could not fully read) is kept, not retried, and the driver
        exits 1 like `qawl run` would."""
        work = os.path.join(self.tmp, "flaky")
        os.makedirs(work)
        bad = os.path.join(work, "broken.jsonl.gz")
        with open(bad, "wb") as f:
            f.write(b"\x1f\x8b\x08\x00" + b"not really gzip" * 10)
        good = os.path.join(REPO, SAMPLES, "000_7c6445b88433139e.txt")
        attempts = os.path.join(work, "attempts.log")
        wrapper = os.path.join(work, "qawl")
        with open(wrapper, "w") as f:
            f.write(f"""#!/usr/bin/env bash
# Test double around the real qawl: the first run of the .txt shard crashes, broken.* exits 1.
last="${{@: -1}}"
echo "$1 $last" >> {attempts}
if [ "$1" = run ] && [[ "$last" == *.txt ]] && [ ! -e {work}/crashed ]; then touch {work}/crashed; exit 3; fi
{QAWL} "$@"; status=$?
if [ "$1" = run ] && [[ "$last" == *broken* ]] && [ $status -eq 0 ]; then exit 1; fi
exit $status
""")
        os.chmod(wrapper, 0o755)
        single, spark = os.path.join(self.tmp, "single-flaky"), os.path.join(self.tmp, "spark-flaky")
        run_single(single, [bad, good])
        cwd = os.getcwd()
        os.chdir(REPO)
        try:
            code = qawl_spark.main(["--master", "local[2,2]", "--qawl", wrapper, "--data", "data", "--quiet",
                                    "--spark-log-level", "OFF",
                                    "--out", spark, bad, good])
        finally:
            os.chdir(cwd)
        self.assertEqual(code, 1)
        runs = [line.split(" ", 1)[1] for line in read(attempts).decode().splitlines() if line.startswith("run ")]
        self.assertEqual(runs.count(good), 2, f"the crashed shard was not retried exactly once: {runs}")
        self.assertEqual(runs.count(bad), 1, f"the exit-1 shard was retried: {runs}")
        self.assertIn("broken.jsonl.gz", read(os.path.join(spark, "errors.jsonl")).decode())
        for name in ("statements.jsonl", "errors.jsonl", "actors.json"):
            self.assertEqual(read(os.path.join(single, name)), read(os.path.join(spark, name)), name)


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
