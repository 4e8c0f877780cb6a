"""Speed, memory, cold start and GSD accuracy of extract() for each model layer.

    OMP_NUM_THREADS=1 /work/venv/bin/python benchmarks/speed.py [--articles 1000] \\
        [--ginza-articles 300] [--models none,usru,ginza]

For each model, in fresh subprocesses (one core, one process):

- cold start: wall time of ``python -c "from usru_nlp import Extractor;
  Extractor(model=M).extract(TEXT)"`` (interpreter start, imports, model load, first extract);
- throughput: ``Extractor.extract()`` over livedoor news articles from
  ``../shared/data/ldcc/ldcc-dev.jsonl`` (text = title + "\\n" + body; the first N articles;
  GiNZA gets a smaller sample because it runs at about 2,000 chars/s);
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


def worker(model: str, articles: int) -> dict:
    """Runs in a fresh process: throughput, GSD scores and peak RSS of one model layer."""
    sys.path.insert(0, str(REPO))
    from usru_nlp import Extractor
    from usru_nlp.evaluate import evaluate, load_gold

    ex = Extractor(model=model)
    ex.extract(COLD_TEXT)
    texts = _texts(articles)
    chars = sum(map(len, texts))
    t0 = time.perf_counter()
    for text in texts:
        ex.extract(text)
    seconds = time.perf_counter() - t0
    scores = evaluate(list(load_gold(GSD_DEV)), ex).span if GSD_DEV.is_file() else {}
    return {
        "model": model, "articles": len(texts), "chars": chars, "seconds": seconds,
        "chars_per_s": chars / seconds,
        "gsd": {c: [p.precision, p.recall, p.f1] for c, p in scores.items()},
        "peak_rss_mb": _vmhwm_mb(),
    }


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
    ap.add_argument("--articles", type=int, default=1000, help="ldcc articles for none/usru")
    ap.add_argument("--ginza-articles", type=int, default=300, help="ldcc articles for ginza")
    ap.add_argument("--models", default="none,usru,ginza")
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        print(json.dumps(worker(args.worker, args.articles)))
        return 0
    if not LDCC.is_file():
        print(f"{LDCC} not found", file=sys.stderr)
        return 1
    rows = []
    for model in args.models.split(","):
        n = args.ginza_articles if model == "ginza" else args.articles
        cold = min(cold_start(model) for _ in range(2))
        out = subprocess.run([sys.executable, __file__, "--worker", model, "--articles", str(n)],
                             check=True, capture_output=True, text=True, env=_env())
        row = json.loads(out.stdout.strip().splitlines()[-1])
        row["cold_start_s"] = cold
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
