"""Corpus annotation speed with 1 and more workers, and peak memory per process.

Runs ``usru-nlp annotate`` as a subprocess on the livedoor news corpus (dev split, beside the
repository in ../shared) once per worker count, and reports articles/s and characters/s (from the
run's own summary: the annotation loop, pipeline loading included), the peak resident set size
(VmHWM, from /proc) of the main process and of each worker process, and their CPU time (sampled
every 0.1 s, so the last tenth of a second may be missing). On a shared machine the speed-up is
bounded by the idle cores: compare the CPU times too.

    python benchmarks/corpus.py --limit 1500                # 1 and 2 workers, model none
    python benchmarks/corpus.py --workers 1,2,4 --model ginza --limit 50
"""
from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from usru_nlp.corpus.workers import peak_rss_kib  # noqa: E402  (the repository's own code)

DATA = ROOT.parent / "shared" / "data" / "ldcc" / "ldcc-dev.jsonl"
SUMMARY = re.compile(r"annotated (\d+) records \((\d+) errors\) in ([\d.]+) s: ([\d.]+) records/s, ([\d,]+) chars/s")


def cpu_seconds(pid: int):
    """User + system CPU time of ``pid`` so far, or None once the process is gone."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as f:
            fields = f.read().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def children(pid: int) -> list:
    try:
        with open(f"/proc/{pid}/task/{pid}/children", encoding="ascii") as f:
            return [int(p) for p in f.read().split()]
    except OSError:
        return []


def run(data: Path, workers: int, limit: int, model: str, batch_size: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        cmd = [sys.executable, "-m", "usru_nlp.cli", "annotate", str(data), "-o", os.path.join(tmp, "out.jsonl"),
               "--text-field", "title,body", "--date-field", "date", "--id-field", "id", "--model", model,
               "--workers", str(workers), "--batch-size", str(batch_size), "--limit", str(limit), "--no-progress"]
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        peaks, cpu = {}, {}  # pid -> highest VmHWM seen, last CPU time seen
        while proc.poll() is None:
            for pid in [proc.pid, *children(proc.pid)]:
                rss, used = peak_rss_kib(pid), cpu_seconds(pid)
                if rss is not None:
                    peaks[pid] = max(rss, peaks.get(pid, 0))
                if used is not None:
                    cpu[pid] = used
            time.sleep(0.1)
        stderr = proc.stderr.read()
        if proc.returncode not in (0, 3):
            raise SystemExit(f"run failed ({proc.returncode}):\n{stderr}")
    m = SUMMARY.search(stderr)
    if not m:
        raise SystemExit(f"no summary in:\n{stderr}")
    main_rss = peaks.pop(proc.pid, None)
    main_cpu = cpu.pop(proc.pid, 0.0)
    return {
        "workers": workers,
        "records": int(m.group(1)),
        "errors": int(m.group(2)),
        "seconds": float(m.group(3)),
        "per_s": float(m.group(4)),
        "chars_per_s": int(m.group(5).replace(",", "")),
        "main_mib": main_rss / 1024 if main_rss else float("nan"),
        "worker_mib": [v / 1024 for v in peaks.values()],
        "main_cpu": main_cpu,
        "worker_cpu": sum(cpu.values()),
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--limit", type=int, default=1500, help="articles per run (default 1500)")
    ap.add_argument("--workers", default="1,2", help="worker counts, comma-separated (default 1,2)")
    ap.add_argument("--model", default="none", help="model layer (default none; ginza is ~70x slower)")
    ap.add_argument("--batch-size", type=int, default=16)
    args = ap.parse_args(argv)
    if not args.data.exists():
        print(f"skipped: {args.data} not found", file=sys.stderr)
        return 0
    counts = [int(w) for w in args.workers.split(",")]
    print(f"{args.data.name}: {args.limit} articles, model {args.model}, batch size {args.batch_size}, "
          f"{os.cpu_count()} CPUs")
    print(f"{'workers':>7} {'articles':>8} {'seconds':>8} {'articles/s':>10} {'chars/s':>10} {'main MiB':>9} "
          f"{'peak MiB per worker':>22} {'CPU s main+workers':>19} {'art/CPU-s':>9}")
    rows = []
    for n in counts:
        row = run(args.data, n, args.limit, args.model, args.batch_size)
        rows.append(row)
        workers = ", ".join(f"{v:.0f}" for v in row["worker_mib"]) or f"(in main) {row['main_mib']:.0f}"
        print(f"{n:>7} {row['records']:>8} {row['seconds']:>8.1f} {row['per_s']:>10.1f} {row['chars_per_s']:>10,} "
              f"{row['main_mib']:>9.0f} {workers:>22} {row['main_cpu']:>9.1f}+{row['worker_cpu']:<9.1f} "
              f"{row['records'] / (row['main_cpu'] + row['worker_cpu']):>9.1f}")
    base = rows[0]
    for row in rows[1:]:
        ratio = row["per_s"] / base["per_s"]
        print(f"speed-up {row['workers']} vs {base['workers']} workers: {ratio:.2f}x (wall clock; "
              f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
