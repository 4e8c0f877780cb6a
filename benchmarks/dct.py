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
  day-level accuracy can be expected; the all-evidence figure is printed beside it;
* a ceiling (:func:`reachable`): the share of articles with evidence that are within 31 days
  now, or where some date the page writes can be read as a day within 31 days of the truth
  (yearless dates in any nearby year, bare days with their weekday). No better choice among
  the dates a page writes gets past it; the rest needs knowledge of the world's events.

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
import re
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data" / "ldcc" / "ldcc-dev.jsonl"
sys.path.insert(0, str(REPO))

from usru_nlp import Extractor  # noqa: E402
from usru_nlp.dates import find_dates  # noqa: E402
from usru_nlp.dct import TIERS, tier  # noqa: E402


def point(value: str) -> dt.date:
    """A day standing for a value of day, month or year precision (its middle)."""
    if len(value) >= 10:
        return dt.date.fromisoformat(value[:10])
    if len(value) == 7:
        return dt.date.fromisoformat(value + "-16")
    return dt.date(int(value[:4]), 7, 2)


_DATE_VALUE = re.compile(r"(?<![\dX])(\d{4}|XXXX)-(\d\d)(?:-(\d\d))?(?![\d-])")
_DAY_VALUE = re.compile(r"^XXXX-XX-(\d\d)$")
_WEEKDAY_AFTER = re.compile(r"^\s*[（(]([月火水木金土日])")
_YEAR_WRITTEN = re.compile(r"[年/／.]")


def _near(truth: dt.date, year: int, month: int, day) -> bool:
    """Is the day (or any day of the month, when ``day`` is None) within 31 days of ``truth``?"""
    try:
        lo = dt.date(year, month, int(day) if day else 1)
    except ValueError:
        return False
    hi = lo if day else dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
    return lo - dt.timedelta(days=31) <= truth <= hi + dt.timedelta(days=31)


def reachable(res, truth: dt.date) -> bool:
    """Could any reading of the dates the page writes land within 31 days of ``truth``?

    A generous upper bound for inferring the date from the text's own dates, whatever rule
    picks among them: a month-day or a month counts if it is within 31 days of the truth in
    any year near it when the mention writes no year (「10月19日」 in 2011 or 2012); a bare day
    counts only with its weekday (「14日(火)」: some 14th within 31 days falls on a Tuesday); an
    interval of evidence (offices, tense) counts if it holds the truth and spans 62 days or less.
    Relative dates (今日, 昨日, 今月4日) are not evidence: they need the date being sought.
    """
    years = (truth.year - 1, truth.year, truth.year + 1)
    for m in find_dates(res.text):  # the whole page, not just the body: related links count
        value = m.value or ""
        day = _DAY_VALUE.match(value)
        weekday = _WEEKDAY_AFTER.match(res.text[m.end : m.end + 4])
        if day and weekday:
            for k in range(-31, 32):
                c = truth + dt.timedelta(days=k)
                if c.day == int(day[1]) and "月火水木金土日"[c.weekday()] == weekday[1]:
                    return True
            continue
        for full in _DATE_VALUE.finditer(value):  # both ends of a range (2012-04-09/2012-04-15)
            written = full[1] != "XXXX" and _YEAR_WRITTEN.search(m.text)
            for year in ((int(full[1]),) if written else years):
                if _near(truth, year, int(full[2]), full[3]):
                    return True
    d = res.dct
    if d is not None and d.earliest and d.latest:
        lo, hi = dt.date.fromisoformat(d.earliest[:10]), dt.date.fromisoformat(d.latest[:10])
        return (hi - lo).days <= 62 and lo <= truth <= hi
    return False


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
    covered = within = same_year = inside = text_src = any_dct = ceiling = 0
    by_cat = collections.defaultdict(lambda: [0, 0, 0, 0, 0])
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
        if (d.value and abs((point(d.value) - truth).days) <= 31) or reachable(res, truth):
            ceiling += 1
            cat[4] += 1
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
    print(f"ceiling: within 31 days now, or some date the page writes can be read so (of those with evidence): "
          f"{ceiling}/{any_dct} = {pct(ceiling, any_dct)}")
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
    print("by category (articles, with evidence, covered, within 31 days of evidence / of covered, ceiling):")
    for cat, (a, c, w, e, r) in sorted(by_cat.items()):
        print(f"  {cat:16s} {a:5d} {e:5d} {c:5d} {pct(w, e):>7s} {pct(w, c):>7s} {pct(r, e):>7s}")
    for rid, truth, d in misses:
        ev = [(e["kind"], e["text"], e.get("earliest"), e.get("latest"), e.get("used")) for e in d.evidence][:6]
        print(f"MISS {rid} truth={truth} value={d.value} [{d.earliest}, {d.latest}] conf={d.confidence} {ev}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
