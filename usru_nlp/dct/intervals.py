"""Day intervals for DCT inference: ordinals, ISO periods and the evidence record."""
from __future__ import annotations

import datetime as dt
import re
from calendar import monthrange
from dataclasses import dataclass, field
from typing import List, Optional, Tuple

NEG = dt.date(1, 1, 1).toordinal()  # open lower bound
POS = dt.date(9999, 12, 31).toordinal()  # open upper bound
Interval = Tuple[int, int]  # inclusive day ordinals

_PERIOD = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_SEASON = re.compile(r"^(\d{4})-(?:SP|SU|FA|WI|H[12]|Q[1-4])")


def iso(n: int) -> Optional[str]:
    """ISO date of an ordinal, or None for an open bound."""
    if n <= NEG or n >= POS:
        return None
    return dt.date.fromordinal(n).isoformat()


def ordinal(value) -> Optional[int]:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value.toordinal()
    lo, _ = period(str(value)) or (None, None)
    return lo


def period(value: str) -> Optional[Interval]:
    """First and last day of an ISO date, month or year (also the first half of a range)."""
    if not value:
        return None
    if "/" in value:
        a, b = value.split("/", 1)
        pa, pb = period(a), period(b)
        if pa and pb and pa[0] <= pb[1]:
            return pa[0], pb[1]
        return None
    m = _PERIOD.match(value)
    if not m or (m.end() < len(value) and not _SEASON.match(value) and value[m.end()] != "T"):
        return None
    y, mo, d = int(m.group(1)), m.group(2), m.group(3)
    try:
        if d:
            n = dt.date(y, int(mo), int(d)).toordinal()
            return n, n
        if mo and not value[5:6] in ("W",):
            last = monthrange(y, int(mo))[1]
            return dt.date(y, int(mo), 1).toordinal(), dt.date(y, int(mo), last).toordinal()
        if y == 0:
            return None
        return dt.date(y, 1, 1).toordinal(), dt.date(y, 12, 31).toordinal()
    except ValueError:
        return None


def merge(intervals: List[Interval]) -> List[Interval]:
    """Sorted, disjoint union of inclusive intervals."""
    out: List[Interval] = []
    for lo, hi in sorted(i for i in intervals if i[0] <= i[1]):
        if out and lo <= out[-1][1] + 1:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


@dataclass
class Evidence:
    """One constraint on the DCT: a union of day intervals with a weight.

    ``hard`` evidence (an office held, a dated event in the past or future) decides the interval
    [earliest, latest]; soft evidence (dates mentioned near the DCT) only chooses the value in it.
    """

    kind: str  # timestamp | date | office | month_day
    text: str
    start: int
    end: int
    intervals: List[Interval]
    weight: float = 1.0
    hard: bool = True
    reason: str = ""
    used: Optional[bool] = None
    extra: dict = field(default_factory=dict)

    def __post_init__(self):
        self.intervals = merge(self.intervals)

    @property
    def lo(self) -> int:
        return self.intervals[0][0] if self.intervals else POS

    @property
    def hi(self) -> int:
        return self.intervals[-1][1] if self.intervals else NEG

    def covers(self, n: int) -> bool:
        return any(lo <= n <= hi for lo, hi in self.intervals)

    def to_dict(self) -> dict:
        d = {"kind": self.kind, "text": self.text, "start": self.start, "end": self.end,
             "earliest": iso(self.lo), "latest": iso(self.hi), "weight": round(self.weight, 2),
             "hard": self.hard, "reason": self.reason, "used": self.used}
        if len(self.intervals) > 1:
            d["intervals"] = [[iso(lo), iso(hi)] for lo, hi in self.intervals]
        d.update(self.extra)
        return d
