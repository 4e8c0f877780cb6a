"""usru_nlp.dates vs ja-timex on the weekday-dates-dev protocol.

    /work/venv/bin/python benchmarks/dates_vs_jatimex.py [--limit N]

Protocol (see ../shared/data/README.md): remove the weekday marker right after the date
from the sentence, feed the sentence with dct = the record's date, take the mention that
covers the item span and compare its calendar date with ``gold``. For a range mention
(「6月5日~6日」) the endpoint at the item span counts; for date+clock the date part.
Speed: each layer's chars/s on the same inputs (best of 3 passes). ja-timex is a
benchmark-only dependency (``pip install ja-timex``).
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data" / "ldcc" / "weekday-dates-dev.jsonl"
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

from evalutil import _endpoint, weekday_items  # noqa: E402


def ours_value(text, dct, s, e):
    for m in find_dates(text, dct=dct):
        if m.start <= s and e <= m.end:
            return _endpoint(m, s, e)
    return None


def jatimex_value(parser_for, text, dct, s, e, date_text):
    timexes = parser_for(dct).parse(text)
    best = None
    for t in timexes:
        ts, te = t.span
        if ts <= s and e <= te:
            best = t
            break
    if best is None:  # ja-timex spans can drift: fall back to the nearest same text
        cands = [t for t in timexes if date_text in t.raw_text]
        best = min(cands, key=lambda t: abs(t.span[0] - s), default=None)
    if best is None or best.type != "DATE":
        return None
    try:
        return best.to_datetime().date().isoformat()
    except Exception:  # noqa: BLE001
        return best.value


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args()
    if not DATA.is_file():
        print(f"data absent: {DATA}")
        return 0
    items = list(weekday_items(DATA))
    if args.limit:
        items = items[: args.limit]
    import pendulum
    from ja_timex import TimexParser

    parsers: dict = {}

    def parser_for(dct):
        if dct not in parsers:
            parsers[dct] = TimexParser(reference=pendulum.datetime(dct.year, dct.month, dct.day, tz="Asia/Tokyo"))
        return parsers[dct]

    results = {"ours": {"all": [0, 0], "D": [0, 0]}, "ja-timex": {"all": [0, 0], "D": [0, 0]}}
    for text, dct, (s, e), gold, kind in items:
        for name, value in (("ours", ours_value(text, dct, s, e)),
                            ("ja-timex", jatimex_value(parser_for, text, dct, s, e, text[s:e]))):
            for key in ("all", "D") if kind == "D" else ("all",):
                results[name][key][0] += value == gold
                results[name][key][1] += 1
    print(f"weekday-dates-dev, {len(items)} items (weekday marker removed)")
    for name, r in results.items():
        (a, n), (d, nd) = r["all"], r["D"]
        print(f"  {name:9s} overall {a}/{n} = {a / n:.4f}   day-only {d}/{nd} = {d / max(nd, 1):.4f}")

    texts = [(t, dct) for t, dct, *_ in items]
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
    print(f"speed on the same {len(texts)} sentences ({chars} chars):")
    print(f"  ours     {ours:12,.0f} chars/s")
    print(f"  ja-timex {theirs:12,.0f} chars/s")
    print(f"  ratio ours/ja-timex: {ours / theirs:.1f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
