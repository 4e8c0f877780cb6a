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
from calendar import monthrange
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
MIN_ROOT = 10  # the coarsest key of a kind (no coarser one to back off to) counts from this many
SMOOTH = 0.5  # pseudo-count per bin
DEFAULT_PENALTY = -3.0  # log of how often a hard constraint fails, when not measured
FLOAT_YEARS = 8  # a month-day is placed in the years within this many of the DCT's year


def key(ev: Evidence) -> Optional[str]:
    """The calibration key of a mention: kind, granularity and tense (most specific first)."""
    x = ev.extra
    tense = x.get("tense") or "none"
    if ev.kind == "near_date":
        gran = x.get("gran", "day")
        if x.get("role"):  # birth | until | release | issue | end | ref | hist | inh (a bare day taking the month before)
            return f"{x['role']}:{gran}:{x.get('latest') or 'older'}"
        if gran == "day" and x.get("today"):
            return "day:today"
        lead = ":lead" if gran == "day" and x.get("lead") else ""
        return f"{gran}:{x.get('latest') or 'older'}:{tense}{lead}"
    if ev.kind == "month_day":
        if x.get("today") and x.get("day"):
            return "float-today"
        if x.get("role") in ("release", "until", "issue", "end", "out"):
            return f"float-{x['role']}:{tense}"
        if x.get("month") is None:
            return f"float-dwd:{tense}"
        sub = "wd" if x.get("weekday") and x.get("day") else "md" if x.get("day") else "m"
        rel = x.get("year_rel")
        return f"float-{sub}:{'free' if rel is None else 'rel' if rel else 'now'}:{tense}"
    if ev.kind == "widget":
        return "widget"
    return None


def hard_key(ev: Evidence) -> str:
    """Kind of a hard constraint: 「date:past」, 「date:future」, 「office」, 「year_rel」."""
    return f"date:{ev.extra.get('tense')}" if ev.kind == "date" else ev.kind


def backoff(k: str) -> List[str]:
    """``k`` and its coarser keys: 「day:latest:past:lead」 → day:latest:past, day:latest, day."""
    out = [k]
    while ":" in k:
        k = k.rsplit(":", 1)[0]
        out.append(k)
    return out


def placements(ev: Evidence, years: Iterable[int]) -> np.ndarray:
    """Ordinals where a month(-day) without a year can fall in ``years`` (weekday respected);
    a day with a weekday but no month (「14日(火)」) in any month."""
    x = ev.extra
    m, d, wd = x["month"], x.get("day"), x.get("weekday")
    out = []
    for y in years:
        for mm in ([m] if m else range(1, 13)):
            try:
                day = dt.date(y, mm, d or 1)
            except (ValueError, TypeError):
                continue
            if d and wd and day.isoweekday() != wd:
                continue
            out.append(day.toordinal())
    return np.array(sorted(out), dtype=np.int64)


def _year_of(days: np.ndarray) -> np.ndarray:
    y0 = dt.date.fromordinal(int(days.min())).year
    y1 = dt.date.fromordinal(int(days.max())).year
    starts = np.array([dt.date(y, 1, 1).toordinal() for y in range(y0, y1 + 2)])
    return y0 + np.searchsorted(starts, days, side="right") - 1


def offsets(ev: Evidence, days: np.ndarray) -> Optional[np.ndarray]:
    """DCT − mention (days) for each candidate DCT in ``days``; None if it cannot be placed.

    A month(-day) with a relative year (「今年4月」, 「昨年12月」) lies in the DCT's year shifted
    by it; one without a year at its occurrence nearest the DCT."""
    if ev.kind != "month_day":
        return days - ev.extra.get("anchor", ev.lo)
    rel = ev.extra.get("year_rel")
    if rel is not None and ev.extra.get("month"):
        years = _year_of(days) + rel
        m, d, wd = ev.extra["month"], ev.extra.get("day") or 1, ev.extra.get("weekday")
        uniq, inv = np.unique(years, return_inverse=True)
        at = []
        for y in uniq.tolist():
            day = dt.date(y, m, min(d, monthrange(y, m)[1]))
            if wd and ev.extra.get("day") and day.isoweekday() != wd:  # 「今年5月14日（月）」 in a year
                near = placements(ev, range(y - FLOAT_YEARS, y + FLOAT_YEARS + 1))  # where it is no Monday
                day = dt.date.fromordinal(int(near[np.argmin(np.abs(near - day.toordinal()))])) if len(near) else day
            at.append(day.toordinal())
        place = np.array(at)[inv]
        return days - place
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
    """Log densities per key, from the histograms of ``offsets.json``, and the prior over the
    DCT of ``prior.json`` (a span of likely years, set by hand)."""

    def __init__(self, hist: Dict[str, Sequence[int]], hard: Optional[Dict[str, Sequence[int]]] = None,
                 prior: Optional[dict] = None):
        prior = prior if prior is not None else _load_prior()
        self.era = (dt.date.fromisoformat(prior["first"]).toordinal(),
                    dt.date.fromisoformat(prior["last"]).toordinal()) if prior else None
        self.outside = float(prior.get("log_outside", 0.0)) if prior else 0.0
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

    def prior(self, days: np.ndarray) -> np.ndarray:
        """log prior of each candidate DCT (0 inside the era, ``outside`` beyond it)."""
        if self.era is None:
            return np.zeros(len(days))
        return np.where((days >= self.era[0]) & (days <= self.era[1]), 0.0, self.outside)

    def penalty(self, ev: Evidence) -> float:
        """log of how often hard evidence of this kind fails to hold the DCT (times its weight)."""
        return self.hard.get(hard_key(ev), DEFAULT_PENALTY) * ev.weight

    def table(self, k: Optional[str]) -> Optional[np.ndarray]:
        if k is None:
            return None
        chain = backoff(k)
        for kk in chain:
            if kk in self.hist and self.hist[kk].sum() >= MIN_COUNT:
                return self.logp[kk]
        root = chain[-1]  # a rare but sharp kind (「本日5月3日」, a widget's day): its own few samples
        if root in self.hist and self.hist[root].sum() >= MIN_ROOT:
            return self.logp[root]
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


def _load_prior() -> dict:
    try:
        with open(models_path("dct", "prior.json"), encoding="utf-8") as f:
            return json.load(f)
    except OSError:
        return {}


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
