"""Intersect the evidence robustly and choose the DCT, its interval and a confidence.

Evidence can conflict (a historical 「オバマ大統領」, a wrong KB link, a misread tense), so the
hard constraints are not simply intersected: a sweep over the interval end points finds the
days covered by the largest total weight of evidence (the maximum-weight consistent subset);
its intersection is [earliest, latest]. Inside it, soft evidence (dated mentions, month-days
placed in the candidate years) is swept the same way to choose the value.
"""
from __future__ import annotations

import datetime as dt
from typing import List, Optional, Sequence, Tuple

from ..schema import DocumentDate
from .evidence import place_floating
from .intervals import NEG, POS, Evidence, iso

MAX_FLOAT_YEARS = 12  # place floating month-days only when the year range is this narrow


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


def _years(lo: int, hi: int) -> range:
    return range(dt.date.fromordinal(lo).year - 1, dt.date.fromordinal(hi).year + 2)


def _soft_best(soft: Sequence[Evidence], lo: int, hi: int):
    """The best region of soft evidence inside [lo, hi], or None.

    Ties go to the region with more weight of dated mentions (not floating month-days), then
    to the latest such region: an article cites older events more than newer ones. Ties among
    floating month-days alone (the same month in several candidate years) go to the earliest.
    """
    regions = [r for r in best_regions(soft, lo, hi) if r[2] > 0]
    if not regions:
        return None

    def key(r):
        anchored = sum(soft[i].weight for i in r[3] if soft[i].kind == "near_date")
        return (r[2], anchored, r[0] if anchored else -r[0])
    return max(regions, key=key)


def _value(point: int, width: int) -> str:
    d = dt.date.fromordinal(point)
    if width <= 62:
        return d.isoformat()
    if width <= 92:
        return d.isoformat()[:7]
    return d.isoformat()[:4]


def infer(evidence: Sequence[Evidence], timestamp: Optional[Evidence] = None) -> Optional[DocumentDate]:
    """The DCT from ``evidence`` (and a timestamp found in the page, if any), or None."""
    hard = [e for e in evidence if e.hard and e.intervals]
    if timestamp is not None:
        hard.append(timestamp)
    near = [e for e in evidence if e.kind == "near_date"]
    floating = [e for e in evidence if e.kind == "month_day"]
    if not hard and not near:
        return None
    total = sum(e.weight for e in hard)
    lo, hi, agree, ties = NEG, POS, 1.0, 1
    if hard:
        regions = best_regions(hard)
        ties = len(regions)
        if ties > 1:  # conflicting evidence of equal weight: soft evidence decides
            def support(r):
                s = _soft_best(near, r[0], r[1])
                return (s[2] if s else 0.0, -(min(r[1], POS - 1) - max(r[0], NEG + 1)), r[0])
            regions.sort(key=support, reverse=True)
        lo, hi, top, members = regions[0]
        agree = top / total if total else 0.0
        for i, e in enumerate(hard):
            e.used = i in members
    # soft evidence: the dated mentions, and floating month-days placed in the candidate years
    soft = list(near)
    # floating month-days only inside a bounded interval: placed around a year merely mentioned
    # (「1977年」 of a film's first release), they would pull the value into the past
    if lo > NEG and hi < POS and len(_years(lo, hi)) <= MAX_FLOAT_YEARS:
        for f in floating:
            placed = place_floating(f, _years(lo, hi))
            if placed is not None:
                soft.append(placed)
    best = _soft_best(soft, lo, hi)
    for e in soft:
        e.used = bool(best) and e.covers(best[0])
    if timestamp is not None and timestamp.used:
        day = timestamp.lo
        return DocumentDate(value=iso(day), source="text", earliest=iso(day), latest=iso(day),
                            confidence=round(0.95 * agree, 3), evidence=_report(hard, soft))
    bounded = lo > NEG and hi < POS
    # only a day mentioned near the DCT supports an estimate: months and years mentioned in an
    # article are mostly background (see evidence.py)
    fine = best is not None and any(e.used and e.extra.get("day") for e in soft)
    if fine:
        a, b = best[0], best[1]
        value = _value((a + b) // 2, b - a)
    elif bounded and hi - lo <= 366:
        a, b = (best[0], best[1]) if best is not None else (lo, hi)
        value = _value((a + b) // 2, hi - lo)
    elif bounded:
        value = iso((lo + hi) // 2)[:4]
    elif hard:
        value = None  # an open interval and no dated mention near the DCT: no estimate
    else:
        return None
    width = hi - lo
    if not hard:
        base = 0.2
    elif width <= 31:
        base = 0.9
    elif width <= 366:
        base = 0.7
    elif lo > NEG and hi < POS:
        base = 0.5
    else:
        base = 0.35
    conf = base * agree / ties
    return DocumentDate(value=value, source="inferred", earliest=iso(lo), latest=iso(hi),
                        confidence=round(conf, 3), evidence=_report(hard, soft))


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
