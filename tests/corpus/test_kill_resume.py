"""A real `usru-nlp annotate` process killed with SIGKILL mid-run, then resumed: every input
record ends up in the output exactly once, and no half-written line survives."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from .conftest import cli_command, cli_env, records, run_cli, write_jsonl

N = 3000

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")


def count_lines(path: Path) -> int:
    try:
        with open(path, "rb") as f:
            return f.read().count(b"\n")
    except FileNotFoundError:
        return 0


def parquet_parts(root: Path) -> int:
    return len(list((root / "articles").glob("part-*.parquet"))) if (root / "articles").is_dir() else 0


def kill_when(args, ready, timeout=60.0) -> int:
    """Start the CLI, SIGKILL it once ``ready()`` is true; returns its child pids (workers)."""
    proc = subprocess.Popen(cli_command(*args), env=cli_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + timeout
    while not ready():
        assert proc.poll() is None, f"the run ended before it could be killed: {proc.stderr.read()!r}"
        assert time.monotonic() < deadline, "no output in time"
        time.sleep(0.01)
    children = _children(proc.pid)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=10)
    proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL
    return children


def _children(pid: int) -> list:
    try:
        with open(f"/proc/{pid}/task/{pid}/children", encoding="ascii") as f:
            return [int(p) for p in f.read().split()]
    except OSError:
        return []


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as f:
            return f.read().split(")")[-1].split()[0] != "Z"
    except OSError:
        return False


def test_jsonl_killed_twice_then_resumed_has_every_record_once(tmp_path):
    src = write_jsonl(tmp_path / "in.jsonl", records(N))
    out = tmp_path / "out.jsonl"
    args = [src, "-o", out, "--model", "none", "--workers", "2", "--batch-size", "16"]

    workers = kill_when([*args, "--overwrite"], lambda: count_lines(out) >= 200)
    first = count_lines(out)
    assert 0 < first < N
    deadline = time.monotonic() + 5  # orphaned workers notice their parent is gone and exit
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(_alive(pid) for pid in workers), "worker processes outlived the killed run"

    kill_when([*args, "--resume"], lambda: count_lines(out) >= first + 400)
    with open(out, "ab") as f:  # as if the kill had cut a write in the middle of a line
        f.write('{"_pos": 2999, "id": "doc-02999", "meta": {"id": "doc-0'.encode("utf-8"))

    done = run_cli(*args, "--resume")
    assert done.returncode == 0, done.stderr
    assert "already done" in done.stderr and "annotated" in done.stderr

    lines = out.read_bytes().split(b"\n")
    assert lines[-1] == b""  # ends with a whole line
    recs = [json.loads(line) for line in lines[:-1]]
    ids = [r["id"] for r in recs]
    assert len(ids) == N and set(ids) == {f"doc-{i:05d}" for i in range(N)}
    assert [r["_pos"] for r in recs] == list(range(N))  # exactly once, in input order
    assert all(r["error"] is None and r["result"]["text"] for r in recs)


def test_parquet_killed_then_resumed_has_every_record_once(tmp_path):
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    n = 2000
    src = write_jsonl(tmp_path / "in.jsonl", records(n))
    out = tmp_path / "out"
    args = [src, "-o", out, "--format", "parquet", "--model", "none", "--batch-size", "25", "--part-rows", "100"]

    kill_when([*args, "--overwrite"], lambda: parquet_parts(out) >= 3)
    assert 3 <= parquet_parts(out) < n // 100
    (out / "mentions" / "part-000000999999.parquet.tmp").write_bytes(b"PAR1 cut short")  # a torn write

    done = run_cli(*args, "--resume")
    assert done.returncode == 0, done.stderr
    assert not list(out.rglob("*.tmp"))
    articles = pd.read_parquet(out / "articles")
    assert sorted(articles["_pos"]) == list(range(n))
    assert sorted(articles["doc_id"]) == [f"doc-{i:05d}" for i in range(n)]
    mentions = pd.read_parquet(out / "mentions")
    assert set(mentions["_pos"]) <= set(range(n))
    expected = articles.set_index("_pos")[["n_officials", "n_persons", "n_places", "n_dates"]].sum(axis=1)
    assert mentions.groupby("_pos").size().to_dict() == expected[expected > 0].to_dict()
    dup = mentions.duplicated(["_pos", "kind", "start", "end"])
    assert not dup.any()
