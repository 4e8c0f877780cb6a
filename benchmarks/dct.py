"""Document-date inference on livedoor news (ldcc-dev): the date is hidden, then compared.

    /work/venv/bin/python benchmarks/dct.py [--limit N] [--category topic-news] [--show 10]

Each article is given as title + "\\n" + body without ``published``; the record's ``date`` is
the truth. Reported:

* coverage: share of articles with any evidence (a DCT at all), and with a value;
* among those: share whose value is within 31 days of the truth, and in the same year;
  a coarse value counts at its middle (「2012-05」 → 2012-05-16, 「2012」 → 2012-07-02);
* share of articles whose interval [earliest, latest] holds the true date;
* share with ``source="text"`` (a timestamp in the page);
* within 31 days among all articles with evidence (the target of issue 8), by confidence, and
  by the tier of the evidence used (:func:`usru_nlp.dct.tier`, definitions printed): the
  "day" tier (a full explicit date, or a weekday date with a year) is the population on which
  day-level accuracy can be expected; the all-evidence figure is printed beside it.

``--half held`` keeps only the articles of the held-out half of ``scripts/calibrate_dct.py``
(by a hash of the id); the model in ``models/dct/`` is fitted on all of ldcc-dev, so the honest
held-out score is the one ``scripts/calibrate_dct.py`` prints (fitted on the other half).
"""
from __future__ import annotations

import argparse
import collections
import datetime as dt
import hashlib
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data" / "ldcc" / "ldcc-dev.jsonl"
sys.path.insert(0, str(REPO))

from usru_nlp import Extractor  # noqa: E402
from usru_nlp.dct import TIERS, tier  # noqa: E402


def point(value: str) -> dt.date:
    """A day standing for a value of day, month or year precision (its middle)."""
    if len(value) >= 10:
        return dt.date.fromisoformat(value[:10])
    if len(value) == 7:
        return dt.date.fromisoformat(value + "-16")
    return dt.date(int(value[:4]), 7, 2)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=0, help="first N articles only")
    ap.add_argument("--category", default=None, help="only this category (e.g. topic-news)")
    ap.add_argument("--show", type=int, default=0, help="print N misses")
    ap.add_argument("--data", default=str(DATA))
    ap.add_argument("--half", choices=("fit", "held"), default=None,
                    help="only one half of the articles (as split by scripts/calibrate_dct.py)")
    args = ap.parse_args(argv)
    if not Path(args.data).is_file():
        print(f"no data at {args.data}", file=sys.stderr)
        return 1
    rows = [json.loads(line) for line in open(args.data, encoding="utf-8")]
    if args.category:
        rows = [r for r in rows if r["category"] == args.category]
    if args.half:
        want = 0 if args.half == "fit" else 1
        rows = [r for r in rows if int(hashlib.sha1(r["id"].encode("utf-8")).hexdigest(), 16) % 2 == want]
    if args.limit:
        rows = rows[: args.limit]
    ex = Extractor(model="none")
    t0 = time.perf_counter()
    results = list(ex.pipe(r["title"] + "\n" + r["body"] for r in rows))
    secs = time.perf_counter() - t0
    n = len(rows)
    covered = within = same_year = inside = text_src = any_dct = 0
    by_cat = collections.defaultdict(lambda: [0, 0, 0, 0])
    by_conf = collections.defaultdict(lambda: [0, 0])
    by_tier = collections.defaultdict(lambda: [0, 0, 0])
    misses = []
    for row, res in zip(rows, results):
        truth = dt.date.fromisoformat(row["date"][:10])
        cat = by_cat[row["category"]]
        cat[0] += 1
        d = res.dct
        if d is None:
            continue
        any_dct += 1
        cat[3] += 1
        band = by_conf[min(int(d.confidence * 5), 4)]
        band[0] += 1
        tb = by_tier[tier(d)]
        tb[0] += 1
        if not d.value:
            continue
        covered += 1
        cat[1] += 1
        text_src += d.source == "text"
        guess = point(d.value)
        if abs((guess - truth).days) <= 31:
            within += 1
            cat[2] += 1
            band[1] += 1
            tb[1] += 1
        elif len(misses) < args.show:
            misses.append((row["id"], row["date"][:10], d))
        same_year += guess.year == truth.year
        tb[2] += guess.year == truth.year
        lo = dt.date.fromisoformat(d.earliest) if d.earliest else dt.date.min
        hi = dt.date.fromisoformat(d.latest) if d.latest else dt.date.max
        inside += lo <= truth <= hi
    pct = lambda a, b: f"{100 * a / b:.1f}%" if b else "n/a"  # noqa: E731
    print(f"articles: {n}   time: {secs:.1f}s ({sum(len(r['title']) + len(r['body']) + 1 for r in rows) / secs:,.0f} chars/s)")
    print(f"any evidence (a DCT or an interval): {any_dct}/{n} = {pct(any_dct, n)}")
    print(f"coverage (a value): {covered}/{n} = {pct(covered, n)}")
    print(f"within 31 days (of covered): {within}/{covered} = {pct(within, covered)}")
    print(f"same year (of covered): {same_year}/{covered} = {pct(same_year, covered)}")
    print(f"interval holds the true date (of covered): {inside}/{covered} = {pct(inside, covered)}")
    print(f"source=text: {text_src}/{n} = {pct(text_src, n)}")
    print(f"within 31 days (of those with evidence): {within}/{any_dct} = {pct(within, any_dct)}")
    print(f"within 31 days (of all): {pct(within, n)}")
    print("by confidence (with evidence, within 31 days):")
    for b, (a, w) in sorted(by_conf.items()):
        print(f"  {b / 5:.1f}-{(b + 1) / 5:.1f}  {a:5d} {pct(w, a):>7s}")
    print("by tier of the evidence used (with evidence: articles, within 31 days, same year):")
    for t in ("day", "month", "year", "text"):
        if t in by_tier:
            a, w, y = by_tier[t]
            print(f"  {t:6s} {a:5d} {pct(w, a):>7s} {pct(y, a):>7s}   {TIERS.get(t, 'timestamp in the page')}")
    a, w, _ = by_tier["day"]
    print(f"within 31 days, day tier: {w}/{a} = {pct(w, a)}   (all with evidence: {within}/{any_dct} = "
          f"{pct(within, any_dct)})")
    print("by category (articles, with evidence, covered, within 31 days of evidence / of covered):")
    for cat, (a, c, w, e) in sorted(by_cat.items()):
        print(f"  {cat:16s} {a:5d} {e:5d} {c:5d} {pct(w, e):>7s} {pct(w, c):>7s}")
    for rid, truth, d in misses:
        ev = [(e["kind"], e["text"], e.get("earliest"), e.get("latest"), e.get("used")) for e in d.evidence][:6]
        print(f"MISS {rid} truth={truth} value={d.value} [{d.earliest}, {d.latest}] conf={d.confidence} {ev}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
