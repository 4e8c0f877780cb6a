"""Intersect the evidence robustly and choose the DCT, its interval and a confidence.

Evidence can conflict (a historical 「オバマ大統領」, a wrong KB link, a misread tense), so the
hard constraints are not simply intersected: a sweep over the interval end points finds the
days covered by the largest total weight of evidence (the maximum-weight consistent subset);
its intersection is [earliest, latest]. Inside it, the value is the most likely day given the
dated mentions, each with the distribution of (DCT − mention) measured per kind and tense
(:mod:`.likelihood`).
"""
from __future__ import annotations

import collections
import datetime as dt
from typing import List, Optional, Sequence, Tuple

import numpy as np

from ..schema import DocumentDate
from .intervals import NEG, POS, Evidence, iso, merge
from .likelihood import OffsetModel, default_model, key, offsets

MAX_FLOAT_YEARS = 12  # month-days alone (no dated mention) place the DCT only in a range this narrow
MENTIONS = ("near_date", "month_day", "widget")
WINDOW = 31  # the value is the day whose ±WINDOW days hold the most posterior mass
REPEAT = 0.5  # n mentions of the same kind naming the same period count as n ** (1 - REPEAT)
REACH = 3650  # candidate DCTs lie within this many days of a dated mention
FIRST, LAST = dt.date(1000, 1, 1).toordinal(), dt.date(2999, 12, 31).toordinal()


def sweep(items: Sequence[Evidence], lo: int = NEG, hi: int = POS) -> List[Tuple[int, int, float]]:
    """Segments (start, end, weight) of [lo, hi] with the total weight of evidence covering them."""
    points = {lo, hi + 1}
    for e in items:
        for a, b in e.intervals:
            if a <= hi and b >= lo:
                points.add(max(a, lo))
                points.add(min(b, hi) + 1)
    points = sorted(p for p in points if lo <= p <= hi + 1)
    out = []
    for a, b in zip(points, points[1:]):
        w = sum(e.weight for e in items if e.covers(a))
        out.append((a, b - 1, w))
    return out


def best_regions(items: Sequence[Evidence], lo: int = NEG, hi: int = POS):
    """The maximal regions of greatest weight: [(start, end, weight, members)]."""
    segs = sweep(items, lo, hi)
    if not segs:
        return []
    top = max(w for _, _, w in segs)
    out = []
    for a, b, w in segs:
        if w < top - 1e-9:
            continue
        members = frozenset(i for i, e in enumerate(items) if e.covers(a))
        if out and out[-1][1] + 1 == a and out[-1][3] == members:
            out[-1] = (out[-1][0], b, w, members)
        else:
            out.append((a, b, w, members))
    return out


def _value(point: int, width: int) -> str:
    d = dt.date.fromordinal(point)
    if width <= 62:
        return d.isoformat()
    if width <= 92:
        return d.isoformat()[:7]
    return d.isoformat()[:4]


def _days(anchored: Sequence[Evidence], lo: int, hi: int, era=None) -> np.ndarray:
    """Candidate DCTs: the days within REACH of an anchored mention, the first and last
    REACH days of a bounded [lo, hi] (the region the hard evidence agrees on), and the days of
    the prior's ``era`` within [lo, hi] when mentions without a year may fall there."""
    spans = [(e.lo - REACH, e.hi + REACH) for e in anchored]
    if era is not None:
        spans.append((max(lo, era[0]), min(hi, era[1])))
    if lo > NEG and hi < POS:
        spans += [(lo, min(hi, lo + REACH)), (max(lo, hi - REACH), hi)]
    spans = merge([(max(a, FIRST), min(b, LAST)) for a, b in spans])
    if not spans:
        return np.zeros(0, dtype=np.int64)
    return np.concatenate([np.arange(a, b + 1, dtype=np.int64) for a, b in spans])


def estimate(mentions: Sequence[Evidence], hard: Sequence[Evidence], lo: int, hi: int,
             model: Optional[OffsetModel] = None):
    """(day, probability within 31 days) of the most likely DCT, or None; marks the mentions
    near it ``used``.

    Each dated mention adds its calibrated log-likelihood (:mod:`.likelihood`), times its
    reliability (a two-digit year counts less); each hard constraint the day breaks adds the
    log of how often such constraints fail (``OffsetModel.penalty``), so that many dated
    mentions can overrule one misread tense. Without a dated mention with a year, only days in
    [lo, hi] (bounded, at most MAX_FLOAT_YEARS long) are candidates. The value is the mode; the
    confidence is the posterior mass within 31 days of it (a uniform prior over the candidates).
    """
    model = model or default_model()
    anchored = [e for e in mentions if e.kind != "month_day"]
    if not anchored and not (lo > NEG and hi < POS and hi - lo <= 366 * MAX_FLOAT_YEARS):
        return None
    floating = len(anchored) < len(mentions)
    days = _days(anchored, lo, hi, model.era if floating else None) if anchored else \
        np.arange(lo, hi + 1, dtype=np.int64)
    if not len(days):
        return None
    score = model.prior(days)
    parts = []
    same = _repeats(mentions)
    for e in mentions:
        ll = model.loglik(e, days)
        if ll is not None:
            score += ll * (e.weight if e.kind == "near_date" else 1.0) / same[id(e)] ** REPEAT
            parts.append(e)
    if not parts:
        return None
    for e in hard:
        inside = np.zeros(len(days), dtype=bool)
        for a, b in e.intervals:
            inside |= (days >= a) & (days <= b)
        score[~inside] += model.penalty(e)
    best, conf = _window_mode(days, score)
    one = np.array([best])
    for e in parts:
        off = offsets(e, one)
        e.used = off is not None and abs(int(off[0])) <= 365
    return best, conf


def _repeats(mentions: Sequence[Evidence]) -> dict:
    """How many mentions of the same kind name the same period (id → count)."""
    def sig(e):
        x = e.extra
        return (e.kind, key(e), e.lo, e.hi, x.get("month"), x.get("day"), x.get("weekday"))
    n = collections.Counter(sig(e) for e in mentions)
    return {id(e): n[sig(e)] for e in mentions}


def _window_mode(days: np.ndarray, score: np.ndarray, half: int = WINDOW) -> Tuple[int, float]:
    """The day whose window of ±``half`` days holds the most posterior mass, and that mass
    (the probability that the DCT lies within ``half`` days of it); ties: the middle one.
    ``days`` are increasing."""
    post = np.exp(score - score.max())
    cum = np.concatenate([[0.0], np.cumsum(post)])
    n = len(days)
    if days[-1] - days[0] == n - 1:  # consecutive days (the usual case): where windows end by arithmetic
        i = np.arange(n)
        right, left = np.minimum(i + (half + 1), n), np.maximum(i - half, 0)
    else:
        right, left = np.searchsorted(days, days + half, side="right"), np.searchsorted(days, days - half)
    mass = cum[right] - cum[left]
    top = np.flatnonzero(mass >= mass.max() * (1 - 1e-9))
    i = top[len(top) // 2]
    if score[i] < score.max() - 1e-9:  # inside the best window, the likeliest day
        near = np.flatnonzero(np.abs(days - days[i]) <= half)
        i = near[np.argmax(score[near])]
    return int(days[i]), float(mass.max() / cum[-1])


def _around(hard: Sequence[Evidence], day: int) -> Tuple[int, int]:
    """[lo, hi]: the intersection of the intervals of ``hard`` that hold ``day``."""
    lo, hi = NEG, POS
    for e in hard:
        for a, b in e.intervals:
            if a <= day <= b:
                lo, hi = max(lo, a), min(hi, b)
    return lo, hi


def infer(evidence: Sequence[Evidence], timestamp: Optional[Evidence] = None,
          model: Optional[OffsetModel] = None) -> Optional[DocumentDate]:
    """The DCT from ``evidence`` (and a timestamp found in the page, if any), or None."""
    hard = [e for e in evidence if e.hard and e.intervals]
    if timestamp is not None:
        hard.append(timestamp)
    mentions = [e for e in evidence if not e.hard and e.kind in MENTIONS]
    if not hard and not any(e.kind != "month_day" for e in mentions):
        return None
    total = sum(e.weight for e in hard)
    lo, hi, agree, ties = NEG, POS, 1.0, 1
    if hard:
        regions = best_regions(hard)
        ties = len(regions)
        regions.sort(key=lambda r: (-(min(r[1], POS - 1) - max(r[0], NEG + 1)), r[0]), reverse=True)
        lo, hi, top, members = regions[0]
        agree = top / total if total else 0.0
        for i, e in enumerate(hard):
            e.used = i in members
    if timestamp is not None and timestamp.used:
        day = timestamp.lo
        return DocumentDate(value=iso(day), source="text", earliest=iso(day), latest=iso(day),
                            confidence=round(0.95 * agree, 3), evidence=_report(hard, mentions))
    est = estimate(mentions, [e for e in hard if e is not timestamp], lo, hi, model)
    if est is not None:
        best, conf = est
        held = [e for e in hard if e.covers(best)]
        for e in hard:
            e.used = e in held
        lo, hi = _around(held, best)
        agree = sum(e.weight for e in held) / total if total else 1.0
        fine = any(e.used and e.extra.get("day") for e in mentions)
        value = iso(best) if fine or hi - lo <= 62 else iso(best)[:7]
        conf *= agree
    elif lo > NEG and hi < POS:
        value = _value((lo + hi) // 2, hi - lo)
        conf = (0.9 if hi - lo <= 31 else 0.5 if hi - lo <= 366 else 0.2) * agree / ties
    else:  # an open interval and no dated mention: no estimate
        value, conf = None, 0.35 * agree / ties
    return DocumentDate(value=value, source="inferred", earliest=iso(lo), latest=iso(hi),
                        confidence=round(conf, 3), evidence=_report(hard, mentions))


TIERS = {
    "day": "a full date with a four-digit year (2012年5月14日, 2012/5/14), or a month-day or day written "
           "with its weekday (5月14日(月), 14日(火)) together with a year (a dated mention, 昨年の2011年, an "
           "office), among the evidence used",
    "month": "else a year-month (2012年5月) or a month-day without a year among the evidence used",
    "year": "else only years, offices or other coarse evidence",
}


def tier(dct: Optional[DocumentDate]) -> Optional[str]:
    """How fine the evidence behind an inferred DCT is: day | month | year (see :data:`TIERS`),
    "text" for a timestamp found in the page, "given", or None without a DCT."""
    if dct is None:
        return None
    if dct.source != "inferred":
        return dct.source
    best = "year"
    used = [e for e in dct.evidence if e.get("used") and e.get("role") not in ("birth", "until")]
    year = any(e["kind"] in ("near_date", "year_rel", "elapsed", "office", "widget") for e in used)
    for e in used:
        if e["kind"] == "near_date" and e.get("gran") == "day" and e.get("four") and e.get("role") != "inh" \
                or e["kind"] == "month_day" and e.get("day") and e.get("weekday") and year:
            return "day"
        if e["kind"] == "near_date" and e.get("gran") in ("day", "month") or e["kind"] == "month_day" and e.get("day"):
            best = "month"
    return best


def _report(hard: Sequence[Evidence], soft: Sequence[Evidence]) -> list:
    items = sorted([*hard, *soft], key=lambda e: (e.start, e.kind))
    return [e.to_dict() for e in items]


def precision(dct: Optional[DocumentDate]) -> Tuple[Optional[dt.date], str]:
    """(date, precision) the relative dates may be anchored to: day, month, year, or (None, "day").

    A given or found DCT is known to the day; an inferred one only as far as its interval
    allows: the month when [earliest, latest] is at most 31 days, the year when it lies within
    one calendar year.
    """
    if dct is None or not dct.value:
        return None, "day"
    if dct.source != "inferred":
        if len(dct.value) >= 10:
            return dt.date.fromisoformat(dct.value[:10]), "day"
        return None, "day"
    if not dct.earliest or not dct.latest:
        return None, "day"
    lo, hi = dt.date.fromisoformat(dct.earliest), dt.date.fromisoformat(dct.latest)
    if lo == hi:
        return lo, "day"
    if (hi - lo).days <= 31:
        mid = lo + (hi - lo) / 2
        guess = dt.date.fromisoformat(dct.value) if len(dct.value) >= 10 else mid
        if not lo <= guess <= hi:
            guess = mid
        return guess, "month"
    if lo.year == hi.year:
        return dt.date(lo.year, 7, 1), "year"
    return None, "day"
