"""The article's own earlier dates as context for a date with parts missing.

A bare day (「20日」) or a month without a year (「6月」) in a later sentence or paragraph takes
the month / year of the last date the text itself states: 「2012年5月14日に会議が始まった。20日には
閉幕した。」 gives 2012-05-20 with or without a document date (DCT). "Stated" means written in
the text or carried over from such a date (a chain 「5月14日 … 20日 … 22日」); a month the
anchorer chose from the DCT alone is no context (「28日に会談した。2日に発表した。」 must not
drag the 2nd into the month before the DCT).

The reading must agree with the tenses (:func:`agrees`): a past event cannot lie after an
event still ahead, nor an event ahead before a past one, since the DCT lies between them.
Where a DCT is known, the reading must also fit it the way the DCT's own readings do
(:func:`fits`: a past event not after the DCT, one ahead not well before it).
"""
from __future__ import annotations

import bisect
import datetime as dt
import re
from typing import NamedTuple, Optional

from . import lexicon
from .recognize import Span

_CFG = lexicon.load()["anchoring"]
_PARA_END = re.compile(r"\n\s*")


def safe_date(y, m, d):
    try:
        return dt.date(y, m, d)
    except (ValueError, TypeError, OverflowError):
        return None


class Mention(NamedTuple):
    """The last resolved date with a month (``Anchorer.last_month``)."""
    year: int
    month: int
    start: int
    sentence: int
    end: int
    has_day: bool
    explicit_year: bool  # the year is written in the span itself
    day_rel: bool  # 同14日, 本日25日 ...
    day: Optional[int]
    tense: Optional[str]  # past | future | None, read after the mention
    stated_month: bool  # the month is in the text (written, or from an earlier stated date)
    stated_year: bool  # the year likewise


def shift_month(y: int, m: int, n: int) -> tuple[int, int]:
    i = y * 12 + (m - 1) + n
    return i // 12, i % 12 + 1


def iso_week(d: dt.date, weeks: int = 0) -> str:
    y, w, _ = (d + dt.timedelta(weeks=weeks)).isocalendar()
    return f"{y:04d}-W{w:02d}"


def pick(cands, ref, tense, slack_past, slack_future):
    """Choose among candidate points (dates or month indices) given the tense."""
    if not cands:
        return None
    if tense == "past":
        ok = [c for c in cands if c <= ref + slack_past]
        if ok:
            return max(ok)
    elif tense == "future":
        ok = [c for c in cands if c >= ref - slack_future]
        if ok:
            return min(ok)
    return min(cands, key=lambda c: (abs(c - ref), c > ref))


def month_index(y: int, m: int) -> int:
    return y * 12 + m - 1


def agrees(point, tense: Optional[str], prev_point, prev_tense: Optional[str]) -> bool:
    """Whether ``point`` (read with ``tense``) can stand with the previous mention's point."""
    if tense == "past" and prev_tense == "future":
        return point <= prev_point
    if tense == "future" and prev_tense == "past":
        return point >= prev_point
    return True


def fits(point, ref, tense: Optional[str], slack_past, slack_future) -> bool:
    """Whether ``point`` fits the DCT ``ref`` given the tense (the slacks of :func:`pick`)."""
    if tense == "past":
        return point <= ref + slack_past
    if tense == "future":
        return point >= ref - slack_future
    return True


def stated(anchor: Optional[str]) -> bool:
    """Whether a resolved value comes from the text alone (no part from the DCT)."""
    return anchor == "explicit" or bool(anchor and anchor.startswith("previous mention"))


class ContextReader:
    """Mixin of :class:`~.anchor.Anchorer`: remembers the last date with a month
    (``last_month``) and reads bare days and months without a year from it across sentences.
    Needs ``dct``, ``grain``, ``sentence()``, ``date_tense()``, ``para_ends``, ``last_month``."""

    @staticmethod
    def paragraph_ends(text: str, start: int, end: int) -> list:
        return [m.start() for m in _PARA_END.finditer(text, start, end)]

    def _remember_month(self, span: Span, m: re.Match, anchor: str | None):
        f, y = span.fields, int(m.group(1))
        text, ok = stated(anchor), True
        wd = f.get("weekday_marker")
        if wd and m.group(3) and "day2" not in f:  # a date its own weekday contradicts is no context
            d = safe_date(y, int(m.group(2)), int(m.group(3)))
            ok = d is not None and d.isoweekday() == wd
        self.last_month = Mention(y, int(m.group(2)), span.start, self.sentence(span.start), span.end,
                                  bool(m.group(3)), "year" in f, "day_rel" in f,
                                  int(m.group(3)) if m.group(3) else None, self.date_tense(span),
                                  ok and (text or "month" in f), ok and (text or "year" in f))

    def _dct_fits(self, y: int, m: int, d, tense, bare_day: bool = False) -> bool:
        """Whether a reading from context fits the DCT as far as it is known (``grain``): within
        the reach of the DCT's own readings (the months around it for a bare day, half a year
        for a month, a year when only the year is known) and on the side its tense says."""
        dct = self.dct
        if dct is None:
            return True
        if self.grain == "year":
            return abs(y - dct.year) <= 1 and fits(y, dct.year, tense, 0, 0)
        point, ref = month_index(y, m), month_index(dct.year, dct.month)
        if abs(point - ref) > (1 if bare_day else _CFG["context_reach_months"]):
            return False
        if d is None or self.grain == "month":
            return fits(point, ref, tense, *((1, 1) if bare_day else
                                             (_CFG["past_slack_months"], _CFG["future_slack_months"])))
        slack = "" if bare_day else "md_"
        return fits(dt.date(y, m, d), dct, tense, dt.timedelta(days=_CFG[slack + "past_slack_days"]),
                    dt.timedelta(days=_CFG[slack + "future_slack_days"]))

    def _reaches(self, lm: Mention, span: Span) -> bool:
        """Whether ``lm`` is an earlier sentence of the same or the preceding paragraph (a list
        of days at the foot of an article is no continuation of its first paragraph)."""
        para = bisect.bisect_right(self.para_ends, span.start) - bisect.bisect_right(self.para_ends, lm.start)
        return lm.sentence != self.sentence(span.start) and para <= _CFG["context_reach_paragraphs"]

    def _context_day(self, span: Span, d: int, tense):
        """(y, m, desc) of a bare day from the last stated full date of an earlier sentence."""
        lm = self.last_month
        if lm is None or not (lm.has_day and lm.stated_month) or not self._reaches(lm, span):
            return None
        point, prev = safe_date(lm.year, lm.month, d), safe_date(lm.year, lm.month, lm.day)
        wd = span.fields.get("weekday_marker")
        if point is None or prev is None or (wd and point.isoweekday() != wd) \
                or not agrees(point, tense, prev, lm.tense) \
                or not self._dct_fits(lm.year, lm.month, d, tense, bare_day=True):
            return None
        return lm.year, lm.month, f"previous mention at {lm.start}"

    def _context_year(self, span: Span, m: int, d, tense):
        """(y, desc) of a month without a year from the last stated year-month of an earlier sentence."""
        lm = self.last_month
        if lm is None or not lm.stated_year or not self._reaches(lm, span):
            return None
        y = lm.year + (1 if lm.month - m > 6 else 0)
        if d is not None and safe_date(y, m, d) is None:
            return None
        point = month_index(y, m)
        if not agrees(point, tense, month_index(lm.year, lm.month), lm.tense) \
                or not self._dct_fits(y, m, d, tense):
            return None
        return y, f"previous mention at {lm.start}"

    def _nearer(self, ctx, by_dct, d: int):
        """The context reading of a bare day, unless the DCT's reading of it lies nearer the
        date the context comes from (「4月28日に会談した。2日に発表した。」 in an article of
        2019-05-03: the 2nd is May 2, four days after, not April 2)."""
        if not ctx or ctx[:2] == by_dct[:2]:
            return ctx or by_dct
        lm = self.last_month
        prev = safe_date(lm.year, lm.month, lm.day)
        a, b = safe_date(ctx[0], ctx[1], d), safe_date(by_dct[0], by_dct[1], d)
        return ctx if abs(a - prev) <= abs(b - prev) else by_dct
