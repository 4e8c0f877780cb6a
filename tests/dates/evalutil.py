"""Scoring helpers for the dates tests (seeds gold, weekday-dates protocol)."""
from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

WEEKDAY_MARKER = re.compile(r"^[\s]?[（(][月火水木金土日](?:曜日?)?(?:・?祝)?[)）]")


def seeds_score(shared: Path, find_dates):
    """(hits, total, misses): gold dates found with exact span, value and mod."""
    hits, total, misses = 0, 0, []
    for gold_path in sorted((shared / "seeds" / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = (shared / "seeds" / (gold_path.stem + ".txt")).read_text(encoding="utf-8")
        dct = dt.date.fromisoformat(gold["dct"][:10]) if gold.get("dct") else None
        body = tuple(gold["body"]) if gold.get("body") else None
        found = {(m.start, m.end): m for m in find_dates(text, dct=dct, region=body)}
        for g in gold["dates"]:
            total += 1
            m = found.get((g["start"], g["end"]))
            if m is not None and m.value == g["value"] and m.mod == g.get("mod"):
                hits += 1
            else:
                misses.append((gold_path.stem[:3], g["text"], g["value"], g.get("mod"),
                               None if m is None else (m.value, m.mod)))
    return hits, total, misses


def weekday_items(path: Path):
    """Yield (text, dct, (start, end), gold, kind) with the weekday marker removed."""
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            s, e = r["date_span_in_sentence"]
            sent = r["sentence"]
            m = WEEKDAY_MARKER.match(sent[e:])
            if m:
                sent = sent[:e] + sent[e + m.end():]
            yield sent, dt.date.fromisoformat(r["dct"][:10]), (s, e), r["gold"], r["kind"]


def weekday_score(path: Path, find_dates):
    """{'all': (right, n), 'D': (right, n), ...} and the list of errors."""
    stats: dict = {}
    errors = []
    for text, dct, (s, e), gold, kind in weekday_items(path):
        ms = find_dates(text, dct=dct)
        value = next((_endpoint(m, s, e) for m in ms if m.start <= s and e <= m.end), None)
        ok = value == gold
        for key in ("all", kind):
            r, n = stats.get(key, (0, 0))
            stats[key] = (r + ok, n + 1)
        if not ok:
            errors.append((kind, str(dct), text[s:e], gold, value, text))
    return stats, errors


def _endpoint(m, s, e):
    """The calendar date a mention gives for the item span [s, e).

    A range mention (``6月5日~6日``) gives its first or last endpoint when the item is
    that part of it; a date+clock mention (``8月3日午前11時``) gives its date part.
    """
    value = m.value or ""
    if "/" in value:
        first, last = value.split("/", 1)
        value = first if m.start == s else last if m.end == e else value
    return value.split("T", 1)[0]


GSD_UNMARKED_PARTS = ("初頭", "序盤", "中盤", "終盤")


def gsd_date_spans(text: str, deictic: bool = False):
    """Our DATE spans mapped to the GSD-NE (OntoNotes-style) convention.

    Core spans (without 約/以降/ごろ ...); clock times, hour/minute/second durations
    (GSD: TIME) and sets (毎週, 毎日: GSD leaves them out) are dropped; a clock time
    after a date is cut off. GSD marks bare deictic words (今日, 昨年, 同年, 前日 ...)
    only now and then (今日 1 of 11 in train), so they count only with ``deictic=True``.
    """
    from usru_nlp.dates.normalize import normalize
    from usru_nlp.dates.recognize import recognize

    out = set()
    for sp in recognize(text):
        typ, value, _ = normalize(sp)
        f = sp.fields
        if typ == "SET" or (typ == "TIME" and "date_end" not in f) or (typ == "DURATION" and "T" in value):
            continue
        if not deictic and ((sp.kind == "word" and "weekday" not in f) or (sp.kind == "date" and set(f) & {"year_rel"}
                                                   and not set(f) & {"month", "day", "month_rel"})):
            continue
        s, e = sp.core_start, f.get("date_end", sp.core_end)
        for part in GSD_UNMARKED_PARTS:
            if text.endswith(part, s, e):
                e -= len(part)
        out.add((s, e))
    return out


def gsd_f1(path: Path, deictic: bool = False):
    """(precision, recall, f1, false positives, false negatives) for DATE on a gsd-ne file."""
    tp = fp = fn = 0
    fps, fns = [], []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            gold = {(e["start"], e["end"]) for e in r["entities"] if e["label"] == "DATE"}
            ours = gsd_date_spans(r["text"], deictic)
            tp += len(gold & ours)
            fp += len(ours - gold)
            fn += len(gold - ours)
            fps += [(r["text"][s:e], r["text"][max(0, s - 10):e + 10]) for s, e in ours - gold]
            fns += [(r["text"][s:e], r["text"][max(0, s - 10):e + 10]) for s, e in gold - ours]
    p = tp / (tp + fp) if tp + fp else 0.0
    rc = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * rc / (p + rc) if p + rc else 0.0
    return p, rc, f1, fps, fns
