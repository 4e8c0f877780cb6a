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


WEEKDAY_INPUTS = ("body", "sentence")
# What may precede a record sentence that stands as a whole sentence in the body.
_SENT_BEFORE = "\n。．！？!?"


def _articles(path: Path) -> dict:
    arts = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            a = json.loads(line)
            arts[a["id"]] = a
    return arts


def _sentence_at(body: str, sent: str, nth: int):
    """(offset of ``sent`` in ``body``, number of candidate places) or (None, 0).

    Occurrences that start at the body's start, a line start or after 。！？ come first (a
    record's sentence, e.g. a line like 「…から…まで」, can also occur inside a longer one);
    ``nth`` picks among them (the nth record with the same doc, sentence and item span
    is the nth occurrence of that sentence in the article), clamped to the last one.
    """
    occ = []
    i = body.find(sent)
    while i >= 0:
        occ.append(i)
        i = body.find(sent, i + 1)
    if not occ:
        return None, 0
    bounded = [i for i in occ if i == 0 or body[i - 1] in _SENT_BEFORE]
    cands = bounded or occ
    return cands[min(nth, len(cands) - 1)], len(cands)


def weekday_items(path: Path, input: str = "body", articles: Path | None = None):
    """Items of weekday-dates-dev with the weekday marker after the item removed.

    Returns ``(items, info)``; each item is ``(text, dct, (start, end), gold, kind)`` with
    ``text[start:end]`` the item (``date_text``) and ``dct`` the article's date.

    ``input="body"`` (the dates issue's protocol, default): ``text`` is the article's
    ``body`` field of ``ldcc-dev.jsonl`` (record ``doc_id`` = article ``id``; ``articles``
    defaults to ``ldcc-dev.jsonl`` next to ``path``) from its start up to the end of the
    record's sentence. The title is not fed: it is a separate field, no record sentence
    is in it, and every record sentence is in the body. ``input="sentence"``: ``text`` is
    the record's sentence alone. Either way only the one weekday marker right after the
    item is removed (others in the text stay) and the span is re-based onto ``text``.

    ``info``: ``input``, ``items``, ``located`` (body prefixes), ``not_located`` (records
    whose sentence is not in their article's body, or whose article is missing: they
    fall back to the sentence alone and are listed in ``not_located_ids``) and
    ``ambiguous`` (located records whose sentence occurs more than once as a whole
    sentence in the body, placed by the order of the records).
    """
    if input not in WEEKDAY_INPUTS:
        raise ValueError(f"input must be one of {WEEKDAY_INPUTS}, not {input!r}")
    arts = None
    if input == "body":
        arts = _articles(articles or path.parent / "ldcc-dev.jsonl")
    items = []
    info = {"input": input, "items": 0, "located": 0, "not_located": 0, "not_located_ids": [],
            "ambiguous": 0}
    seen: dict = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            s, e = r["date_span_in_sentence"]
            sent = r["sentence"]
            assert sent[s:e] == r["date_text"], r
            offset = 0
            if arts is not None:
                key = (r["doc_id"], sent, s, e)
                nth = seen.get(key, 0)
                seen[key] = nth + 1
                art = arts.get(r["doc_id"])
                at, n_cands = _sentence_at(art["body"], sent, nth) if art else (None, 0)
                if at is None:
                    info["not_located"] += 1
                    info["not_located_ids"].append(r["doc_id"])
                else:
                    info["located"] += 1
                    info["ambiguous"] += n_cands > 1
                    body = art["body"]
                    sent = body[: at + len(sent)]
                    offset = at
            s, e = s + offset, e + offset
            m = WEEKDAY_MARKER.match(sent[e:])
            if m:
                sent = sent[:e] + sent[e + m.end():]
            assert sent[s:e] == r["date_text"], r
            items.append((sent, dt.date.fromisoformat(r["dct"][:10]), (s, e), r["gold"], r["kind"]))
    info["items"] = len(items)
    return items, info


def weekday_score(path: Path, find_dates, input: str = "body"):
    """({'all': (right, n), 'D': (right, n), ...}, errors, info) on :func:`weekday_items`.

    An item is right when the mention covering its span gives ``gold`` (see
    :func:`_endpoint`). Each error is ``(kind, dct, item, gold, ours, context)`` with up
    to 60 characters of the fed text before the item as context.
    """
    stats: dict = {}
    errors = []
    items, info = weekday_items(path, input)
    for text, dct, (s, e), gold, kind in items:
        ms = find_dates(text, dct=dct)
        value = next((_endpoint(m, s, e) for m in ms if m.start <= s and e <= m.end), None)
        ok = value == gold
        for key in ("all", kind):
            r, n = stats.get(key, (0, 0))
            stats[key] = (r + ok, n + 1)
        if not ok:
            errors.append((kind, str(dct), text[s:e], gold, value, text[max(0, s - 60):]))
    return stats, errors, info


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
