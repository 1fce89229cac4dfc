#!/usr/bin/env python3
"""qawl on Apache Spark: one Spark task per input file, then one `qawl merge` on the driver.

The Swift binary stays the worker. Each task runs `qawl run --partial` on one input file in a
private temporary directory and hands the shard's store (`qawl.sqlite`, compressed) back; the
driver writes every shard to a local folder and runs `qawl merge SHARD... --out OUT`, which writes
the same outputs as one `qawl run --out OUT` over all inputs (timings and manifest aside).

    python3 pipelines/spark/qawl_spark.py --master 'local[2]' --qawl .build/release/qawl \\
        --out out-spark data/samples/

Inputs are local paths, directories (walked recursively) and globs, read in place on the
executors (so on a cluster they must be on a filesystem every node mounts at the same path), or
Hadoop URIs (hdfs://, s3a://, abfs://, gs://, file://), which Spark reads with `binaryFiles` and
the task copies to a local file of the same name before running qawl. The shard's store then
records the URI, not the temporary path, so `input` in statements.jsonl is the URI as given.

Why one task per file and not byte ranges: gzip streams (and whole-file gzip WARCs) cannot be
entered in the middle, and a record-aligned split would need an index per format. A corpus is
usually many files (CC-News ships ~1 GB WARCs), which is plenty of parallelism.

Failure handling: exit 0 and 1 are success (1 means some input could not be read; its errors are
in errors.jsonl like on one machine). Any other exit, a crash, or a missing store raises, and
Spark retries the task (spark.task.maxFailures; `local[N,F]` in local mode).

Exit status: 0 when every shard exited 0, 1 when some shard exited 1, 2 for bad usage, 3 when the
Spark job or the merge failed.
"""

from __future__ import annotations

import argparse
import glob
import os
import re
import shutil
import sqlite3
import stat
import subprocess
import sys
import tarfile
import tempfile
import time
import zlib

URI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]+:/")  # hdfs://nn/x, s3a://b/x, file:///x, file:/x
REPO = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
DATA_ARCHIVE = "qawl-data.tar.gz"


# ----------------------------------------------------------------------------- inputs (driver)

def is_uri(path: str) -> bool:
    return bool(URI.match(path))


def expand_local(arg: str) -> list[str]:
    """A file, a directory or a glob, expanded exactly as qawl's InputExpander does, keeping the
    path string as given: `data/samples/` → `data/samples/ant-sample.jsonl.gz`, the same string a
    single-machine `qawl run data/samples/` records as `input`. Directories are walked recursively
    (hidden entries skipped, links to folders not followed, links to files read); a glob is only
    a glob when no file has that exact name."""
    def walk(d: str, out: list[str]) -> None:
        try:
            names = sorted(os.listdir(d))
        except OSError as e:
            raise OSError(f"cannot read folder {d}: {e.strerror}") from e
        for name in names:
            if name.startswith("."):
                continue
            path = d + name if d.endswith("/") else d + "/" + name
            try:
                mode = os.lstat(path).st_mode
            except OSError:
                continue
            if stat.S_ISDIR(mode):
                walk(path, out)
            elif stat.S_ISREG(mode):
                out.append(path)
            elif stat.S_ISLNK(mode) and os.path.isfile(path):
                out.append(path)

    def add(path: str, out: list[str]) -> None:
        if os.path.isdir(path):
            walk(path, out)
        else:
            out.append(path)

    found: list[str] = []
    if os.path.exists(arg):
        add(arg, found)
    elif any(c in arg for c in "*?["):
        matches = sorted(glob.glob(arg, recursive=False))
        if not matches:
            raise FileNotFoundError(f"no file matches {arg}")
        for match in matches:
            add(match, found)
    else:
        raise FileNotFoundError(f"no such input: {arg}")
    return found


def normalised(path: str) -> str:
    """`./a//b.gz` and `a/b.gz` are the same file (as in InputExpander)."""
    parts = [p for p in path.split("/") if p and p != "."]
    return ("/" if path.startswith("/") else "") + "/".join(parts)


def expand_uri(sc, arg: str) -> list[str]:
    """Lists a Hadoop URI (file, directory recursively, or glob) with the Hadoop FileSystem API of
    the driver's JVM, so whatever filesystem the cluster is configured for works. A file or a
    directory keeps the spelling given (`file:///d/` → `file:///d/a.gz`, not Hadoop's `file:/d/a.gz`);
    glob matches are spelled as Hadoop prints them."""
    jvm = sc._jvm
    path = jvm.org.apache.hadoop.fs.Path(arg)
    fs = path.getFileSystem(sc._jsc.hadoopConfiguration())
    statuses = fs.globStatus(path)
    if statuses is None or len(statuses) == 0:
        raise FileNotFoundError(f"no such input: {arg}")
    verbatim = not glob.has_magic(arg)
    out = []
    for st in statuses:
        if not st.isDirectory():
            out.append(arg if verbatim else st.getPath().toString())
            continue
        root = st.getPath().toUri().getPath().rstrip("/") + "/"
        prefix = (arg.rstrip("/") + "/") if verbatim else (st.getPath().toString().rstrip("/") + "/")
        it = fs.listFiles(st.getPath(), True)
        while it.hasNext():
            child = it.next().getPath().toUri().getPath()
            rel = child[len(root):] if child.startswith(root) else child.rsplit("/", 1)[-1]
            if not any(part.startswith((".", "_")) for part in rel.split("/")):
                out.append(prefix + rel)
    return sorted(out)


def list_inputs(sc, args: list[str]) -> tuple[list[str], list[str]]:
    """(local paths, Hadoop URIs), each sorted and without duplicates."""
    local, remote = [], set()
    for arg in args:
        if is_uri(arg):
            remote.update(expand_uri(sc, arg))
        else:
            local += expand_local(arg)
    seen, unique = set(), []
    for path in sorted(local):
        if normalised(path) not in seen:
            seen.add(normalised(path))
            unique.append(path)
    return unique, sorted(remote)


# ----------------------------------------------------------------------------- one shard (executor)

def _executable(path: str) -> str:
    mode = os.stat(path).st_mode
    if not mode & stat.S_IXUSR:
        try:
            os.chmod(path, mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
        except PermissionError:  # a read-only SparkFiles copy: use a private executable copy
            private = os.path.join(tempfile.mkdtemp(prefix="qawl-bin-"), os.path.basename(path))
            shutil.copy(path, private)
            os.chmod(private, 0o755)
            return private
    return path


def _rename_input(store: str, local: str, uri: str) -> None:
    """The shard ran qawl on a local copy; make the store say the URI everywhere it names the
    input (keys, error texts and the JSON records), so the merged outputs name the URI."""
    def quoted(s: str) -> str:  # the JSON string body, as qawl's writer escapes it
        return (s.replace("\\", "\\\\").replace('"', '\\"'))
    db = sqlite3.connect(store)
    try:
        old, new = quoted(local), quoted(uri)
        db.execute("UPDATE inputs SET path=?, error=replace(error, ?, ?) WHERE path=?", (uri, local, uri, local))
        db.execute("UPDATE tallies SET input=? WHERE input=?", (uri, local))
        for table in ("errors", "statements"):
            db.execute(f"UPDATE {table} SET input=?, json=CAST(replace(CAST(json AS TEXT), ?, ?) AS BLOB) "
                       f"WHERE input=?", (uri, old, new, local))
        db.commit()
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        db.close()


def _compress_file(path: str) -> bytes:
    """zlib level 1 in 1 MiB chunks: SQLite stores shrink 3-5x, and the raw file is never held whole."""
    z, parts = zlib.compressobj(1), []
    with open(path, "rb") as f:
        while chunk := f.read(1 << 20):
            parts.append(z.compress(chunk))
    parts.append(z.flush())
    return b"".join(parts)


def _decompress_to(data: bytes, path: str) -> None:
    z = zlib.decompressobj()
    with open(path, "wb") as f:
        for i in range(0, len(data), 1 << 20):
            f.write(z.decompress(data[i:i + (1 << 20)]))
        f.write(z.flush())


def run_shard(task: dict, input_path: str, content: bytes | None) -> dict:
    """Runs `qawl run --partial` on one input and returns the shard's store (zlib-compressed).
    `content` is the file's bytes for a Hadoop URI (written to a local file of the same name),
    None for a local path (read in place, from the driver's working directory when the path is
    relative and that directory exists here)."""
    from pyspark import SparkFiles

    qawl = task["qawl_on_nodes"] or _executable(SparkFiles.get(task["qawl_name"]))
    env = dict(os.environ)
    if task["data_on_nodes"]:
        env["QAWL_DATA"] = task["data_on_nodes"]
    elif task["data_shipped"]:
        env["QAWL_DATA"] = os.path.join(SparkFiles.get(DATA_ARCHIVE), "data")
    work = tempfile.mkdtemp(prefix="qawl-shard-")
    try:
        target = input_path
        staged = content is not None
        if staged:
            name = os.path.basename(input_path.rstrip("/")) or "input"
            os.makedirs(os.path.join(work, "in"))
            target = os.path.join(work, "in", name)
            with open(target, "wb") as f:
                f.write(content)
        out = os.path.join(work, "out")
        cmd = [qawl, "run", "--partial", "--out", out]
        if task["jobs"]:
            cmd += ["--jobs", str(task["jobs"])]
        if task["config_name"]:
            cmd += ["--config", SparkFiles.get(task["config_name"])]
        cmd += [target]
        cwd = task["cwd"] if os.path.isdir(task["cwd"]) else None
        if not staged and not os.path.isfile(os.path.join(cwd or os.getcwd(), target)):
            # The driver saw this file; a node that does not is misconfigured (not a bad input):
            # fail the task so Spark retries it elsewhere and the job says why.
            raise RuntimeError(f"input {input_path} is not visible on {os.uname().nodename} "
                               f"(local inputs must be on a filesystem every node mounts at the same path)")
        started = time.monotonic()
        proc = subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        seconds = time.monotonic() - started
        stderr = proc.stderr.decode("utf-8", "replace")[-4000:]
        store = os.path.join(out, "qawl.sqlite")
        if proc.returncode not in (0, 1):
            # Raising fails the task; Spark retries it on another attempt (spark.task.maxFailures).
            raise RuntimeError(f"qawl run --partial {input_path}: exit {proc.returncode}\n{stderr}")
        if not os.path.isfile(store):
            raise RuntimeError(f"qawl run --partial {input_path}: exit {proc.returncode} but no {store}\n{stderr}")
        if target != input_path:
            _rename_input(store, target, input_path)
        db = sqlite3.connect(store)  # fold any write-ahead log into the file we ship
        try:
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            db.close()
        data = _compress_file(store)
        return {"input": input_path, "exit": proc.returncode, "store": data, "stderr": stderr,
                "seconds": seconds, "host": os.uname().nodename}
    finally:
        shutil.rmtree(work, ignore_errors=True)


# ----------------------------------------------------------------------------- driver

def job_failure(error: Exception) -> str:
    """The executor's own message (`RuntimeError: qawl run --partial x.gz: exit 139 ...`) out of
    the Py4J wrapping, else the wrapper's first line."""
    text = str(error)
    lines = text.splitlines()
    for i, line in enumerate(lines):
        if re.match(r"^(RuntimeError|OSError|FileNotFoundError|PermissionError): ", line):
            return "\n".join(lines[i:i + 3])
    match = re.search(r"Task \S+ in stage \S+ failed \d+ times[^:]*", text)
    return match.group(0) if match else (lines[0] if lines else repr(error))


def build_data_archive(data_dir: str, dest: str) -> str:
    path = os.path.join(dest, DATA_ARCHIVE)
    with tarfile.open(path, "w:gz") as tar:
        tar.add(data_dir, arcname="data", filter=lambda t: None if os.path.basename(t.name) == "samples" else t)
    return path


def parse_args(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(
        prog="qawl_spark.py",
        description="Run qawl over many inputs on Apache Spark: one task per input file, then qawl merge.")
    p.add_argument("inputs", nargs="+", metavar="INPUT",
                   help="file, directory, glob, or Hadoop URI (hdfs://, s3a://, file://...)")
    p.add_argument("--out", required=True, help="output directory (on the driver)")
    binary = p.add_mutually_exclusive_group()
    binary.add_argument("--qawl", help="qawl binary on the driver, shipped to executors (default: .build/release/qawl)")
    binary.add_argument("--qawl-on-nodes", help="path of the qawl binary present on every node (and the driver)")
    data = p.add_mutually_exclusive_group()
    data.add_argument("--data", help="data/ folder on the driver, shipped to executors as an archive (default: the repository's)")
    data.add_argument("--data-on-nodes", help="path of the data/ folder present on every node (and the driver)")
    p.add_argument("--config", help="run configuration (field mappings, registry); shipped to executors; its inputs are ignored")
    p.add_argument("--master", help="Spark master, e.g. local[2] (default: what spark-submit sets, else local[*])")
    p.add_argument("--jobs", type=int, default=0, help="qawl --jobs per task (default: spark.task.cpus)")
    p.add_argument("--full", action="store_true",
                   help="start a fresh store in OUT (default: fold the shards into OUT's existing store, like qawl run)")
    p.add_argument("--keep-shards", action="store_true", help="keep OUT/.spark-shards/ after the merge")
    p.add_argument("--quiet", action="store_true", help="no per-shard lines")
    p.add_argument("--spark-log-level", default="WARN", help="Spark's log level (default WARN; ERROR hides retried tasks)")
    return p.parse_args(argv)


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    from pyspark import SparkConf, StorageLevel
    from pyspark.sql import SparkSession

    qawl_driver = args.qawl_on_nodes or args.qawl or os.path.join(REPO, ".build", "release", "qawl")
    if not os.path.isfile(qawl_driver):
        print(f"qawl_spark: no qawl binary at {qawl_driver} (build with `swift build -c release --product qawl`)", file=sys.stderr)
        return 2
    data_driver = args.data_on_nodes or args.data or os.path.join(REPO, "data")
    if not os.path.isdir(os.path.join(data_driver, "lexicons")):
        print(f"qawl_spark: {data_driver} is not a qawl data folder (no lexicons/)", file=sys.stderr)
        return 2

    t_start = time.monotonic()
    phases: dict[str, float] = {}

    def phase(name: str, since: float) -> float:
        now = time.monotonic()
        phases[name] = now - since
        return now

    conf = SparkConf().setAppName("qawl")
    if args.master:
        conf.setMaster(args.master)
    elif not conf.contains("spark.master"):
        conf.setMaster("local[*]")
    conf.setIfMissing("spark.ui.showConsoleProgress", "false")
    if conf.get("spark.master", "").startswith("local"):
        conf.setIfMissing("spark.ui.enabled", "false")  # no web UI for a local run: faster start
    spark = SparkSession.builder.config(conf=conf).getOrCreate()
    sc = spark.sparkContext
    sc.setLogLevel(args.spark_log_level)
    t0 = phase("spark start", t_start)
    staging = tempfile.mkdtemp(prefix="qawl-spark-")
    try:
        try:
            local, remote = list_inputs(sc, args.inputs)
            inputs = local + remote
        except (FileNotFoundError, OSError) as e:
            print(f"qawl_spark: {e}", file=sys.stderr)
            return 2
        if not inputs:
            print("qawl_spark: no input files", file=sys.stderr)
            return 2
        t0 = phase("list inputs", t0)

        task = {"qawl_on_nodes": args.qawl_on_nodes, "qawl_name": None, "data_on_nodes": args.data_on_nodes,
                "data_shipped": False, "config_name": None, "cwd": os.getcwd(),
                "jobs": args.jobs or int(sc.getConf().get("spark.task.cpus", "1"))}
        if __name__ != "__main__":  # imported (tests): executors need the module to unpickle run_shard
            sc.addPyFile(os.path.abspath(__file__))
        if not args.qawl_on_nodes:
            sc.addFile(os.path.abspath(qawl_driver))
            task["qawl_name"] = os.path.basename(qawl_driver)
        if not args.data_on_nodes:
            sc.addArchive(build_data_archive(os.path.abspath(data_driver), staging))
            task["data_shipped"] = True
        if args.config:
            sc.addFile(os.path.abspath(args.config))
            task["config_name"] = os.path.basename(args.config)

        # One partition per input file: local paths in one parallelize (numSlices = their count),
        # each Hadoop URI as its own binaryFiles RDD (one file, one partition).
        rdds = []
        if local:
            rdds.append(sc.parallelize(local, numSlices=len(local)).map(lambda p: run_shard(task, p, None)))
        for uri in remote:
            rdds.append(sc.binaryFiles(uri, minPartitions=1)
                        .map(lambda kv, u=uri: run_shard(task, u, kv[1])))
        shards = rdds[0] if len(rdds) == 1 else sc.union(rdds)
        # Run every shard in parallel first (kept on executor disk), then stream the stores to the
        # driver one partition at a time: the driver never holds more than one store in memory and
        # spark.driver.maxResultSize does not cap the corpus size.
        shards = shards.persist(StorageLevel.DISK_ONLY)
        print(f"qawl_spark: {len(inputs)} inputs, {shards.getNumPartitions()} tasks on {sc.master}", file=sys.stderr)
        try:
            shards.count()
        except Exception as e:  # noqa: BLE001 — Py4J wraps the executor's exception
            print(f"qawl_spark: Spark job failed: {job_failure(e)}", file=sys.stderr)
            return 3
        t0 = phase("shard tasks", t0)

        parts_root = os.path.join(args.out, ".spark-shards")
        shutil.rmtree(parts_root, ignore_errors=True)
        os.makedirs(parts_root)
        parts, worst = [], 0
        for n, shard in enumerate(shards.toLocalIterator(prefetchPartitions=True)):
            part = os.path.join(parts_root, f"shard-{n:06d}")
            os.makedirs(part)
            _decompress_to(shard["store"], os.path.join(part, "qawl.sqlite"))
            parts.append(part)
            worst = max(worst, shard["exit"])
            if not args.quiet:
                print(f"qawl_spark: shard {n} {shard['input']}: exit {shard['exit']}, "
                      f"{shard['seconds']:.2f} s on {shard['host']}", file=sys.stderr)
            if shard["exit"] == 1 and shard["stderr"].strip():
                print(shard["stderr"].rstrip(), file=sys.stderr)
        shards.unpersist()
        t0 = phase("fetch stores", t0)

        if args.full:
            for suffix in ("", "-wal", "-shm"):
                path = os.path.join(args.out, "qawl.sqlite" + suffix)
                if os.path.exists(path):
                    os.remove(path)
        env = dict(os.environ, QAWL_DATA=os.path.abspath(data_driver))
        merge = subprocess.run([qawl_driver, "merge", *parts, "--out", args.out], env=env)
        if merge.returncode != 0:
            print(f"qawl_spark: qawl merge exited {merge.returncode}; shards kept in {parts_root}", file=sys.stderr)
            return 3
        if not args.keep_shards:
            shutil.rmtree(parts_root, ignore_errors=True)
        phase("merge", t0)
        timing = ", ".join(f"{k} {v:.2f} s" for k, v in phases.items())
        print(f"qawl_spark: {len(parts)} shards merged into {args.out} in {time.monotonic() - t_start:.2f} s "
              f"({timing})", file=sys.stderr)
        return worst
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        spark.stop()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
