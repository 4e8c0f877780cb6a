"""Calibrated likelihood of a DCT given one dated mention: p(DCT − mention date | kind, tense).

An article is mostly written close to the events it reports, but how close depends on the
mention: a day announced ahead (「6月1日より全国公開」) lies some weeks after the DCT, a day reported
as past a few days before it, a year mentioned without tense anywhere within years of it. The
empirical distribution of the offset (days from the mention to the DCT) per :func:`key` was
measured on livedoor news (``scripts/calibrate_dct.py`` → ``models/dct/offsets.json``) as a
histogram over :data:`EDGES`; its density, smoothed, is the likelihood.

A mention is placed at the first day of its period (the day, month or year). A month-day
without a year (``month_day``) is placed at its occurrence nearest the DCT, among the years
whose calendar matches its weekday when it has one (「6月5日（土）」).
"""
from __future__ import annotations

import datetime as dt
import json
from functools import lru_cache
from typing import Dict, Iterable, List, Optional, Sequence

import numpy as np

from ..resources import models_path
from .intervals import Evidence

# bin edges of the offset DCT − mention (days); the outer bins reach TAIL days further
EDGES = [-3650, -1825, -730, -365, -180, -120, -90, -60, -45, -31, -21, -14, -10, -7, -5, -3, -2, -1,
         0, 1, 2, 3, 5, 7, 10, 14, 21, 31, 45, 60, 90, 120, 180, 365, 730, 1825, 3650]
TAIL = 36500
MIN_COUNT = 40  # fewer observations than this: back off to a coarser key
SMOOTH = 0.5  # pseudo-count per bin
DEFAULT_PENALTY = -3.0  # log of how often a hard constraint fails, when not measured
FLOAT_YEARS = 8  # a month-day is placed in the years within this many of the DCT's year


def key(ev: Evidence) -> Optional[str]:
    """The calibration key of a mention: kind, granularity and tense (most specific first)."""
    x = ev.extra
    tense = x.get("tense") or "none"
    if ev.kind == "near_date":
        gran = x.get("gran", "day")
        if gran == "day" and x.get("today"):
            return "day:today"
        lead = ":lead" if gran == "day" and x.get("lead") else ""
        return f"{gran}:{x.get('latest') or 'older'}:{tense}{lead}"
    if ev.kind == "month_day":
        sub = "wd" if x.get("weekday") and x.get("day") else "md" if x.get("day") else "m"
        return f"float-{sub}:{tense}"
    if ev.kind == "widget":
        return "widget"
    return None


def hard_key(ev: Evidence) -> str:
    """Kind of a hard constraint: 「date:past」, 「date:future」, 「office」."""
    return f"date:{ev.extra.get('tense')}" if ev.kind == "date" else ev.kind


def backoff(k: str) -> List[str]:
    """``k`` and its coarser keys: 「day:latest:past:lead」 → day:latest:past, day:latest, day."""
    out = [k]
    while ":" in k:
        k = k.rsplit(":", 1)[0]
        out.append(k)
    return out


def placements(ev: Evidence, years: Iterable[int]) -> np.ndarray:
    """Ordinals where a month(-day) without a year can fall in ``years`` (weekday respected)."""
    x = ev.extra
    m, d, wd = x["month"], x.get("day"), x.get("weekday")
    out = []
    for y in years:
        try:
            day = dt.date(y, m, d or 1)
        except (ValueError, TypeError):
            continue
        if d and wd and day.isoweekday() != wd:
            continue
        out.append(day.toordinal())
    return np.array(sorted(out), dtype=np.int64)


def offsets(ev: Evidence, days: np.ndarray) -> Optional[np.ndarray]:
    """DCT − mention (days) for each candidate DCT in ``days``; None if it cannot be placed."""
    if ev.kind != "month_day":
        return days - ev.extra.get("anchor", ev.lo)
    y0 = dt.date.fromordinal(int(days.min())).year
    y1 = dt.date.fromordinal(int(days.max())).year
    at = placements(ev, range(y0 - FLOAT_YEARS, y1 + FLOAT_YEARS + 1))
    if not len(at):
        return None
    i = np.clip(np.searchsorted(at, days), 1, len(at) - 1) if len(at) > 1 else np.zeros_like(days)
    before, after = at[np.maximum(i - 1, 0)], at[i]
    near = np.where(np.abs(days - before) <= np.abs(days - after), before, after)
    return days - near


def bin_of(off: np.ndarray) -> np.ndarray:
    """Histogram bin of each offset: 0 (below EDGES[0]) … len(EDGES) (at or above EDGES[-1])."""
    return np.searchsorted(np.array(EDGES), off, side="right")


def widths() -> np.ndarray:
    e = np.array(EDGES, dtype=float)
    return np.concatenate([[TAIL], np.diff(e), [TAIL]])


class OffsetModel:
    """Log densities per key, from the histograms of ``offsets.json``."""

    def __init__(self, hist: Dict[str, Sequence[int]], hard: Optional[Dict[str, Sequence[int]]] = None):
        self.hard = {k: float(np.log((miss + SMOOTH) / (n + 2 * SMOOTH))) for k, (miss, n) in (hard or {}).items()}
        self.hist = {k: np.asarray(v, dtype=float) for k, v in hist.items()}
        w = widths()
        self.logp = {}
        for k, c in self.hist.items():
            p = (c + SMOOTH) / (c.sum() + SMOOTH * len(c))
            self.logp[k] = np.log(p / w)

    @classmethod
    def load(cls, path=None) -> "OffsetModel":
        path = path or models_path("dct", "offsets.json")
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
        return cls(doc["histograms"], doc.get("hard"))

    def penalty(self, ev: Evidence) -> float:
        """log of how often hard evidence of this kind fails to hold the DCT (times its weight)."""
        return self.hard.get(hard_key(ev), DEFAULT_PENALTY) * ev.weight

    def table(self, k: Optional[str]) -> Optional[np.ndarray]:
        if k is None:
            return None
        for kk in backoff(k):
            if kk in self.hist and self.hist[kk].sum() >= MIN_COUNT:
                return self.logp[kk]
        return None

    def loglik(self, ev: Evidence, days: np.ndarray) -> Optional[np.ndarray]:
        """log p(DCT = day | ev) up to a constant, for each day; None if ``ev`` says nothing."""
        tab = self.table(key(ev))
        if tab is None:
            return None
        off = offsets(ev, days)
        if off is None:
            return None
        return tab[bin_of(off)]


@lru_cache(maxsize=1)
def default_model() -> OffsetModel:
    return OffsetModel.load()


def failures(samples: Iterable[tuple]) -> Dict[str, List[int]]:
    """[failures, total] per hard key from (key, holds) samples."""
    out: Dict[str, List[int]] = {}
    for k, holds in samples:
        c = out.setdefault(k, [0, 0])
        c[0] += not holds
        c[1] += 1
    return dict(sorted(out.items()))


def histograms(samples: Iterable[tuple]) -> Dict[str, List[int]]:
    """Histograms per key (and all its coarser keys) from (key, offset) samples."""
    out: Dict[str, np.ndarray] = {}
    n_bins = len(EDGES) + 1
    for k, off in samples:
        b = int(bin_of(np.array([off]))[0])
        for kk in backoff(k):
            out.setdefault(kk, np.zeros(n_bins, dtype=int))[b] += 1
    return {k: v.tolist() for k, v in sorted(out.items())}
