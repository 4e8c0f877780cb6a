"""Corpus data for :mod:`usru_nlp.plot`: dated references and officials per article or sentence.

Input is a list of :class:`~usru_nlp.schema.Result` or the mention frame of
:func:`usru_nlp.frames.corpus_frame`. Needs only the standard library.
"""
from __future__ import annotations

import datetime
import math
import re
from collections import Counter, defaultdict
from itertools import combinations
from typing import Any, Callable, Dict, Iterable, List, Optional, Tuple

DATE_VALUE = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?")
_NON_LATIN = re.compile(r"[^\x00-\u024f\u2000-\u206f]")
_SENTENCE_END = re.compile(r"[。！？!?\n]")

Unit = Tuple[List[str], List[Tuple[str, str, Optional[str]]]]  # (date values, (key, canonical, name_en))


def documents(data: Any, scope: str = "document") -> List[List[Unit]]:
    """Per document, its units (the whole document, or each sentence): (date values, officials).

    An official's key is its KB id, else its canonical name; mentions of one cluster (the same
    person within an article, e.g. 「ラブロフ外相」 … 「ラブロフ氏」) share the cluster's key.
    """
    if scope not in ("document", "sentence"):
        raise ValueError(f"scope must be 'document' or 'sentence', not {scope!r}")
    if hasattr(data, "columns"):  # a pandas DataFrame of mention rows
        if scope == "sentence":
            raise ValueError("scope='sentence' needs Results (a mention frame has no sentences)")
        docs = []
        for _, group in data.groupby("doc_id", sort=False, dropna=False):
            rows = group.to_dict("records")
            officials = [r for r in rows if r["kind"] == "official"]
            docs.append([(_dates(r for r in rows if r["kind"] == "date"), _officials(officials))])
        return docs
    docs = []
    for result in data:
        if getattr(result, "error", None):
            continue
        dates = [_row(m) for m in result.dates]
        rows = [_row(m) for m in result.officials]
        officials = _officials(rows)
        if scope == "document":
            docs.append([(_dates(dates), officials)])
            continue
        units = []
        for a, b in _sentences(result.text):
            units.append((_dates(r for r in dates if a <= r["start"] < b),
                          [o for o, r in zip(officials, rows) if a <= r["start"] < b]))
        docs.append(units)
    return docs


def _row(m) -> dict:
    row = m.to_dict()
    row["date_type"] = row.get("type")
    return row


def _sentences(text: str) -> List[Tuple[int, int]]:
    cuts = [0, *(m.end() for m in _SENTENCE_END.finditer(text)), len(text)]
    return [(a, b) for a, b in zip(cuts, cuts[1:]) if b > a]


def _dates(rows: Iterable[dict]) -> List[str]:
    return [str(r["value"]) for r in rows if r.get("date_type") in ("DATE", "TIME") and _clean(r.get("value"))
            and DATE_VALUE.match(str(r["value"]))]


def _officials(rows: List[dict]) -> List[Tuple[str, str, Optional[str]]]:
    """(key, canonical, name_en) per official row of one document."""
    own = []
    for r in rows:
        canonical = _clean(r.get("canonical")) or _clean(r.get("text")) or "?"
        own.append((_clean(r.get("kb_id")) or canonical, canonical, _clean(r.get("name_en"))))
    best: Dict[Any, Tuple[str, str, Optional[str]]] = {}
    for r, o in zip(rows, own):
        cluster = _clean(r.get("cluster"))
        if cluster is not None:  # prefer a KB-linked mention, then the longest name
            rank = (o[0] != o[1], len(o[1]))
            if cluster not in best or rank > (best[cluster][0] != best[cluster][1], len(best[cluster][1])):
                best[cluster] = o
    return [best.get(_clean(r.get("cluster")), o) for r, o in zip(rows, own)]


def _clean(value) -> Optional[str]:
    if value is None or (isinstance(value, float) and math.isnan(value)) or type(value).__name__ == "NAType":
        return None
    return str(value) or None


def labeller(docs: List[List[Unit]], japanese: bool) -> Callable[[str], str]:
    """key -> label: the canonical (Japanese) name when ``japanese``, else a Latin one (the
    English name, else the key when it is Latin, else ``?``)."""
    seen: Dict[str, Counter] = defaultdict(Counter)
    for units in docs:
        for _, officials in units:
            for key, canonical, name_en in officials:
                seen[key][(canonical, name_en)] += 1

    def label(key: str) -> str:
        canonical, name_en = seen[key].most_common(1)[0][0] if seen[key] else (key, None)
        if japanese:
            return canonical
        if name_en:
            return name_en
        for text in (canonical, key):
            if not _NON_LATIN.search(text):
                return text
        return "?"

    return label


# -- periods ---------------------------------------------------------------------------------
def period(value: str, freq: str) -> Optional[int]:
    """A month number (``freq="M"``: year * 12 + month - 1) or a day ordinal (``"D"``)."""
    y, m, d = DATE_VALUE.match(value).groups()
    if not 1 <= int(m) <= 12:
        return None
    if freq == "M":
        return int(y) * 12 + int(m) - 1
    try:
        return datetime.date(int(y), int(m), int(d)).toordinal() if d else None
    except ValueError:
        return None


def period_label(p: int, freq: str) -> str:
    return f"{p // 12:04d}-{p % 12 + 1:02d}" if freq == "M" else datetime.date.fromordinal(p).isoformat()


def date_counts(docs: List[List[Unit]], freq: str) -> Tuple[Counter, Dict[int, Counter]]:
    """References per period (distinct periods per document) and, per period, how many units
    referring to it name each official."""
    counts: Counter = Counter()
    who: Dict[int, Counter] = defaultdict(Counter)
    for units in docs:
        refs = set()
        for dates, officials in units:
            for p in {period(v, freq) for v in dates} - {None}:
                refs.add(p)
                who[p].update({key for key, _, _ in officials})
        counts.update(refs)
    return counts, who


def window(counts: Counter, max_bins: int) -> Tuple[int, int]:
    """The first and last period of the densest run of at most ``max_bins`` periods."""
    lo, hi = min(counts), max(counts)
    if hi - lo < max_bins:
        return lo, hi
    keys = sorted(counts)
    best, best_total, j, total = (lo, lo + max_bins - 1), -1, 0, 0
    for start in keys:
        while j < len(keys) and keys[j] < start + max_bins:
            total += counts[keys[j]]
            j += 1
        if total > best_total:
            best, best_total = (start, start + max_bins - 1), total
        total -= counts[start]
    return best


def pair_counts(docs: List[List[Unit]], top: int) -> Tuple[List[str], Counter, Counter]:
    """The ``top`` officials by number of units naming them, units per official, and units per
    pair of keys (a sorted tuple) naming both."""
    n: Counter = Counter()
    pairs: Counter = Counter()
    for units in docs:
        for _, officials in units:
            keys = sorted({key for key, _, _ in officials})
            n.update(keys)
            pairs.update(combinations(keys, 2))
    keys = [k for k, _ in sorted(n.items(), key=lambda kv: (-kv[1], kv[0]))[:top]]
    return keys, n, pairs
