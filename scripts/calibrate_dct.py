"""Fit ``models/dct/offsets.json``: how far the DCT lies from each kind of dated mention.

    /work/venv/bin/python scripts/calibrate_dct.py [--data ldcc-dev.jsonl] [--cache /tmp/ev.pkl]

Every article of livedoor news (ldcc-dev, title + body, its ``date`` the truth) is read as the
pipeline reads it without ``published`` (``usru_nlp.dct.collect``); each dated mention gives a
sample (key, DCT − mention in days) (:mod:`usru_nlp.dct.likelihood`). The histograms per key are
written to ``models/dct/offsets.json``.

To check for overfitting the script also fits on one half of the articles (by a hash of the id)
and scores the inference on the other half, next to the score on all articles with the model
fitted on all. ``--cache`` keeps the pipeline's bodies and officials (the pipeline takes a minute).
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import pickle
import sys
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data" / "ldcc" / "ldcc-dev.jsonl"
OUT = REPO / "models" / "dct" / "offsets.json"
sys.path.insert(0, str(REPO))

from usru_nlp import Extractor  # noqa: E402
from usru_nlp.dct import collect, infer, tier  # noqa: E402
from usru_nlp.dct.likelihood import (EDGES, TAIL, OffsetModel, failures, hard_key, histograms,  # noqa: E402
                                     key, offsets)


def half(rid: str) -> int:
    """0 (fit) or 1 (held out): a stable split by the hash of the article id."""
    return int(hashlib.sha1(rid.encode("utf-8")).hexdigest(), 16) % 2


def gather(data: str, cache: str = None) -> list:
    """[(id, category, truth ordinal, evidence, timestamp)] for every article of ``data``.

    The pipeline's body and officials are cached in ``cache``; the evidence is collected afresh.
    """
    rows = [json.loads(line) for line in open(data, encoding="utf-8")]
    texts = [r["title"] + "\n" + r["body"] for r in rows]
    if cache and os.path.exists(cache):
        with open(cache, "rb") as f:
            parsed = pickle.load(f)
    else:
        parsed = [(res.body, res.officials) for res in Extractor(model="none").pipe(texts)]
        if cache:
            with open(cache, "wb") as f:
                pickle.dump(parsed, f)
    out = []
    for r, text, (body, officials) in zip(rows, texts, parsed):
        ev, stamp = collect(text, body, officials)
        truth = dt.date.fromisoformat(r["date"][:10]).toordinal()
        out.append((r["id"], r["category"], truth, ev, stamp))
    return out


def hard_samples(articles) -> list:
    """(kind, holds the true date) for each hard constraint."""
    return [(hard_key(e), e.covers(truth)) for _, _, truth, ev, _ in articles for e in ev if e.hard]


def fit(articles) -> OffsetModel:
    return OffsetModel(histograms(samples(articles)), failures(hard_samples(articles)))


def samples(articles) -> list:
    """(key, DCT − mention) for each dated mention."""
    out = []
    for _, _, truth, ev, _ in articles:
        for e in ev:
            k = key(e)
            if k is None or e.hard:
                continue
            off = offsets(e, np.array([truth]))
            if off is not None:
                out.append((k, int(off[0])))
    return out


def score(articles, model: OffsetModel) -> dict:
    n = any_ = valued = within = year = inside = day_n = day_w = 0
    for _, _, truth, ev, stamp in articles:
        n += 1
        d = infer(ev, stamp, model)
        if d is None:
            continue
        any_ += 1
        fine = tier(d) == "day"
        day_n += fine
        if not d.value:
            continue
        valued += 1
        v = d.value + ("-16" if len(d.value) == 7 else "-07-02" if len(d.value) == 4 else "")
        guess = dt.date.fromisoformat(v[:10]).toordinal()
        within += abs(guess - truth) <= 31
        day_w += fine and abs(guess - truth) <= 31
        year += dt.date.fromordinal(guess).year == dt.date.fromordinal(truth).year
        lo = dt.date.fromisoformat(d.earliest).toordinal() if d.earliest else -1
        hi = dt.date.fromisoformat(d.latest).toordinal() if d.latest else 10 ** 7
        inside += lo <= truth <= hi
    pct = lambda a, b: round(100 * a / b, 1) if b else None  # noqa: E731
    return {"articles": n, "evidence": any_, "value": valued, "within31_of_evidence": pct(within, any_),
            "within31_of_value": pct(within, valued), "same_year": pct(year, valued),
            "interval_holds": pct(inside, valued), "day_tier": day_n, "within31_of_day_tier": pct(day_w, day_n)}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=str(DATA))
    ap.add_argument("--cache", default=None, help="pickle of the pipeline's bodies and officials (read if present)")
    ap.add_argument("--out", default=str(OUT))
    args = ap.parse_args(argv)
    articles = gather(args.data, args.cache)
    first = [a for a in articles if half(a[0]) == 0]
    held = [a for a in articles if half(a[0]) == 1]
    m_all, m_fit = fit(articles), fit(first)
    print("held-out half (fitted on the other half):", score(held, m_fit))
    print("fitting half (in-sample):               ", score(first, m_fit))
    print("all (fitted on all):                    ", score(articles, m_all))
    h_all = histograms(samples(articles))
    doc = {"about": "p(DCT - mention date) per kind of dated mention; fit by scripts/calibrate_dct.py "
                    f"on {Path(args.data).name} ({len(articles)} articles)",
           "edges": EDGES, "tail": TAIL, "histograms": h_all,
           "hard": failures(hard_samples(articles))}
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=0)
        f.write("\n")
    print(f"wrote {args.out}: {len(h_all)} keys")
    for k, c in h_all.items():
        print(f"  {k:24s} n={sum(c):5d}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
