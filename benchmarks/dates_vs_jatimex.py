"""usru_nlp.dates vs ja-timex on the weekday-dates-dev protocol of the dates issue.

    /work/venv/bin/python benchmarks/dates_vs_jatimex.py [--input body|sentence] [--limit N]
                                                        [--speed-chars N]

Protocol (see ../shared/data/README.md and ``tests/dates/evalutil.weekday_items``): for each
record of ``weekday-dates-dev.jsonl`` the input is, with ``--input body`` (the default,
the issue's protocol), the ``body`` of its article in ``ldcc-dev.jsonl`` (record ``doc_id``
= article ``id``; the title is not fed) from the start up to the end of the record's
sentence, or with ``--input sentence`` the sentence alone. In either input the weekday
marker right after the item (and only that one) is removed, the item span is re-based
onto the input, and dct = the article's date. We take the mention that covers the item
span and compare its calendar date with ``gold``; for a range mention (「6月5日~6日」) the
endpoint at the item span counts, for date+clock the date part. Records whose sentence is
not found in their article's body fall back to the sentence alone and are counted.

Both layers get exactly the same inputs. Speed: each layer's chars/s on those inputs
(best of 3 passes); when the ja-timex accuracy pass shows 3 full passes of both layers
would take too long, speed is timed on the first inputs up to ``--speed-chars``
characters, and the output says so. ja-timex is a benchmark-only dependency
(``pip install ja-timex``).
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data" / "ldcc" / "weekday-dates-dev.jsonl"
ARTICLES = DATA.parent / "ldcc-dev.jsonl"
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests" / "dates"))

try:
    from usru_nlp.dates import find_dates
except Exception:  # the rest of the package may not import (e.g. spaCy missing)
    import types

    for _n in [n for n in sys.modules if n == "usru_nlp" or n.startswith("usru_nlp.")]:
        del sys.modules[_n]
    _pkg = types.ModuleType("usru_nlp")
    _pkg.__path__ = [str(REPO / "usru_nlp")]
    sys.modules["usru_nlp"] = _pkg
    from usru_nlp.dates import find_dates

from evalutil import WEEKDAY_INPUTS, _endpoint, weekday_items  # noqa: E402


SPEED_BUDGET_S = 120.0  # 3 timed passes of both layers; beyond it time a fixed subset
SPEED_SUBSET_CHARS = 200_000


def ours_value(text, dct, s, e):
    for m in find_dates(text, dct=dct):
        if m.start <= s and e <= m.end:
            return _endpoint(m, s, e)
    return None


def jatimex_value(parser_for, text, dct, s, e, date_text, drift):
    timexes = parser_for(dct).parse(text)
    best = None
    for t in timexes:
        ts, te = t.span
        if ts <= s and e <= te and date_text in t.raw_text:
            best = t
            break
    # ja-timex spans drift from the input's offsets on longer texts (in a body prefix the
    # span at the item can be another mention, e.g. an earlier weekday marker that stays):
    # fall back to the mention with the item's text nearest to the item
    if best is None:
        cands = [t for t in timexes if date_text in t.raw_text]
        best = min(cands, key=lambda t: abs(t.span[0] - s), default=None)
        drift[0] += best is not None
    if best is None or best.type != "DATE":
        return None
    try:
        return best.to_datetime().date().isoformat()
    except Exception:  # noqa: BLE001
        return best.value


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--input", choices=WEEKDAY_INPUTS, default="body",
                    help="body: article body up to the end of the item's sentence (default, "
                         "the issue's protocol); sentence: the sentence alone")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--speed-chars", type=int, default=SPEED_SUBSET_CHARS,
                    help="size of the fixed speed subset when the full set would take too long")
    args = ap.parse_args()
    if not DATA.is_file() or (args.input == "body" and not ARTICLES.is_file()):
        print(f"data absent: {DATA if not DATA.is_file() else ARTICLES}")
        return 0
    items, info = weekday_items(DATA, args.input, ARTICLES)
    if args.limit:
        items = items[: args.limit]
    import pendulum
    from ja_timex import TimexParser

    parsers: dict = {}

    def parser_for(dct):
        if dct not in parsers:
            parsers[dct] = TimexParser(reference=pendulum.datetime(dct.year, dct.month, dct.day, tz="Asia/Tokyo"))
        return parsers[dct]

    if args.input == "body":
        print("protocol: --input body = article body (ldcc-dev `body`, no title) from its start to the end "
              "of the item's sentence, weekday marker after the item removed, dct = article date")
        print(f"  records (all of the file) whose sentence is located in its article body: {info['located']}/{info['items']}; "
              f"not located (fed the sentence alone): {info['not_located']}"
              + (f" {sorted(set(info['not_located_ids']))}" if info["not_located"] else "")
              + f"; placed among repeats of the same sentence: {info['ambiguous']}")
    else:
        print("protocol: --input sentence = the item's sentence alone, weekday marker after the item "
              "removed, dct = article date")

    results = {"ours": {"all": [0, 0], "D": [0, 0]}, "ja-timex": {"all": [0, 0], "D": [0, 0]}}
    drift = [0]
    t_ours = t_theirs = 0.0
    for text, dct, (s, e), gold, kind in items:
        t0 = time.perf_counter()
        v_ours = ours_value(text, dct, s, e)
        t1 = time.perf_counter()
        v_theirs = jatimex_value(parser_for, text, dct, s, e, text[s:e], drift)
        t2 = time.perf_counter()
        t_ours += t1 - t0
        t_theirs += t2 - t1
        for name, value in (("ours", v_ours), ("ja-timex", v_theirs)):
            for key in ("all", "D") if kind == "D" else ("all",):
                results[name][key][0] += value == gold
                results[name][key][1] += 1
    chars = sum(len(t) for t, *_ in items)
    print(f"weekday-dates-dev, {len(items)} items, {chars:,} input chars (weekday marker removed)")
    for name, r in results.items():
        (a, n), (d, nd) = r["all"], r["D"]
        print(f"  {name:9s} overall {a}/{n} = {a / n:.4f}   day-only {d}/{nd} = {d / max(nd, 1):.4f}")
    print(f"  (ja-timex: {drift[0]} items matched by text, nearest to the item, because its spans drifted off it)")

    texts = [(t, dct) for t, dct, *_ in items]
    subset = ""
    if 3 * (t_ours + t_theirs) > SPEED_BUDGET_S:
        sub, n_chars = [], 0
        for t, dct in texts:
            if n_chars >= args.speed_chars:
                break
            sub.append((t, dct))
            n_chars += len(t)
        subset = (f" -- a fixed subset, the first {len(sub)} of {len(texts)} inputs: the full set would "
                  f"take ~{3 * (t_ours + t_theirs):.0f} s for 3 passes")
        texts = sub
    chars = sum(len(t) for t, _ in texts)
    for dct in {d for _, d in texts}:
        parser_for(dct)  # build parsers outside the timing

    def timed(fn):
        best = float("inf")
        for _ in range(3):
            t0 = time.perf_counter()
            for t, dct in texts:
                fn(t, dct)
            best = min(best, time.perf_counter() - t0)
        return chars / best

    ours = timed(lambda t, d: find_dates(t, dct=d))
    theirs = timed(lambda t, d: parser_for(d).parse(t))
    print(f"speed (best of 3) on the same {len(texts)} {args.input} inputs ({chars:,} chars){subset}:")
    print(f"  ours     {ours:12,.0f} chars/s")
    print(f"  ja-timex {theirs:12,.0f} chars/s")
    print(f"  ratio ours/ja-timex: {ours / theirs:.1f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
