"""Speed, memory, cold start and GSD accuracy of extract() for each model layer.

    OMP_NUM_THREADS=1 /work/venv/bin/python benchmarks/speed.py [--articles 600] \\
        [--rounds 12] [--models none,usru,ginza]

For each model, in fresh subprocesses (one core, one process):

- cold start: wall time of ``python -c "from usru_nlp import Extractor;
  Extractor(model=M).extract(TEXT)"`` (interpreter start, imports, model load, first extract);
- throughput: ``Extractor.extract()`` over the same livedoor news articles for every model,
  from ``../shared/data/ldcc/ldcc-dev.jsonl`` (text = title + "\\n" + body; the first N
  articles, each read once). One worker process per model loads its model, then the articles
  are given out in ``--rounds`` chunks, each chunk to every model in turn: the models take
  turns on a shared machine whose speed drifts, so the ratio is not skewed by when a model ran;
- peak RSS: ``VmHWM`` of that process after the throughput run and the GSD run;
- accuracy: exact-span P/R/F1 of PERSON, PLACE (GPE ∪ LOC) and DATE on
  ``../shared/data/gsd-ne/dev.jsonl`` through extract(), as ``python -m usru_nlp.evaluate``.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data"
LDCC = DATA / "ldcc" / "ldcc-dev.jsonl"
GSD_DEV = DATA / "gsd-ne" / "dev.jsonl"
COLD_TEXT = "ロシアのラブロフ外相は14日、ソチでポンペオ米国務長官と会談した。"


def _texts(n: int) -> list:
    out = []
    with open(LDCC, encoding="utf-8") as fh:
        for line in fh:
            if len(out) >= n:
                break
            a = json.loads(line)
            out.append(a["title"] + "\n" + a["body"])
    return out


def _vmhwm_mb() -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def worker(model: str, articles: int) -> None:
    """Runs in a fresh process: loads one model layer, then answers commands on stdin, one JSON
    line each: ``run A B`` (extract() on articles A..B-1, answers the seconds) and ``finish``
    (GSD scores and peak RSS)."""
    sys.path.insert(0, str(REPO))
    from usru_nlp import Extractor
    from usru_nlp.evaluate import evaluate, load_gold

    ex = Extractor(model=model)
    ex.extract(COLD_TEXT)
    texts = _texts(articles)
    print(json.dumps({"ready": len(texts)}), flush=True)
    for line in sys.stdin:
        cmd = line.split()
        if cmd[0] == "run":
            chunk = texts[int(cmd[1]) : int(cmd[2])]
            t0 = time.perf_counter()
            for text in chunk:
                ex.extract(text)
            seconds = time.perf_counter() - t0
            print(json.dumps({"seconds": seconds, "chars": sum(map(len, chunk))}), flush=True)
        elif cmd[0] == "finish":
            scores = evaluate(list(load_gold(GSD_DEV)), ex).span if GSD_DEV.is_file() else {}
            print(json.dumps({"gsd": {c: [p.precision, p.recall, p.f1] for c, p in scores.items()},
                              "peak_rss_mb": _vmhwm_mb()}), flush=True)
            return


class Worker:
    """A worker process of one model, driven through its stdin and stdout."""

    def __init__(self, model: str, articles: int):
        self.model = model
        self.proc = subprocess.Popen([sys.executable, __file__, "--worker", model, "--articles", str(articles)],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=_env())
        self.ask(None)  # waits until the model is loaded
        self.seconds = 0.0
        self.chars = 0

    def ask(self, command) -> dict:
        if command is not None:
            self.proc.stdin.write(command + "\n")
            self.proc.stdin.flush()
        line = self.proc.stdout.readline()
        if not line:
            raise RuntimeError(f"the {self.model} worker stopped (exit code {self.proc.wait()})")
        return json.loads(line)

    def run(self, a: int, b: int) -> None:
        answer = self.ask(f"run {a} {b}")
        self.seconds += answer["seconds"]
        self.chars += answer["chars"]

    def finish(self, articles: int) -> dict:
        row = {"model": self.model, "articles": articles, "chars": self.chars, "seconds": self.seconds,
               "chars_per_s": self.chars / self.seconds}
        row.update(self.ask("finish"))
        self.proc.wait()
        return row


def cold_start(model: str) -> float:
    code = ("import sys; sys.path.insert(0, %r); from usru_nlp import Extractor; "
            "Extractor(model=%r).extract(%r)" % (str(REPO), model, COLD_TEXT))
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, env=_env())
    return time.perf_counter() - t0


def _env() -> dict:
    env = dict(os.environ)
    env.setdefault("OMP_NUM_THREADS", "1")
    return env


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=600, help="ldcc articles, the same for every model")
    ap.add_argument("--rounds", type=int, default=12, help="chunks the articles are given out in")
    ap.add_argument("--models", default="none,usru,ginza")
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        worker(args.worker, args.articles)
        return 0
    if not LDCC.is_file():
        print(f"{LDCC} not found", file=sys.stderr)
        return 1
    models = args.models.split(",")
    cold = {m: min(cold_start(m) for _ in range(2)) for m in models}
    workers = [Worker(m, args.articles) for m in models]
    n = len(_texts(args.articles))
    bounds = [n * i // args.rounds for i in range(args.rounds + 1)]
    for a, b in zip(bounds, bounds[1:]):
        for w in workers:  # every chunk to every model in turn
            w.run(a, b)
    rows = []
    for w in workers:
        row = w.finish(n)
        row["cold_start_s"] = cold[w.model]
        rows.append(row)
        print(json.dumps(row, ensure_ascii=False), file=sys.stderr)
    ginza = next((r for r in rows if r["model"] == "ginza"), None)
    print("model   articles      chars   chars/s   ×GiNZA  peak RSS MB  cold s | "
          "GSD dev F1 (P/R): PERSON  PLACE  DATE")
    for r in rows:
        ratio = r["chars_per_s"] / ginza["chars_per_s"] if ginza else float("nan")
        gsd = "  ".join(f"{c} {v[2]:.3f} ({v[0]:.2f}/{v[1]:.2f})" for c, v in r["gsd"].items())
        print(f"{r['model']:<7} {r['articles']:>8} {r['chars']:>10} {r['chars_per_s']:>9.0f} "
              f"{ratio:>8.1f} {r['peak_rss_mb']:>12.0f} {r['cold_start_s']:>7.2f} | {gsd}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
