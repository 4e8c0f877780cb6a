"""Anchoring against a partially known document date (only its year, or year and month).

A DCT inferred from the text is often certain only to the year or the month. The
:class:`PartialAnchorer` resolves each expression against the DCT only when the parts it needs
are known, and otherwise leaves them X (context from earlier mentions still applies):

* ``"year"``: 今年, 昨年, 3年前, 「16年」, a bare 「5月」 (taken to be in the DCT year) resolve;
  「14日」, 今月, 先週, 昨日 stay unknown.
* ``"month"``: also 今月, 先月, 2カ月前 and bare days (taken to be in the DCT month);
  昨日, 先週, weekdays, clock times stay unknown.
* ``"day"``: everything (the plain :class:`~.anchor.Anchorer`).
"""
from __future__ import annotations

import datetime as dt

from .anchor import Anchorer
from .context import safe_date
from .recognize import Span

PRECISIONS = ("day", "month", "year")
_RANK = {"year": 1, "month": 2, "day": 3}


def needed_precision(span: Span) -> int:
    """How much of the DCT (0 none, 1 year, 2 month, 3 day) resolving ``span`` relies on."""
    k, f = span.kind, span.fields
    if k == "date":
        if f.get("weekday_marker") and "day" in f and "month" not in f:
            return 3
        need = 0
        if "yy" in f or "year_rel" in f:
            need = 1
        if "month_rel" in f or ("day_rel" in f and "month" not in f):
            need = 2
        if "day" in f and "month" not in f and "year" not in f:
            need = max(need, 2)
        elif "month" in f and "year" not in f and "year_rel" not in f:
            need = max(need, 1)
        return need
    if k == "word":
        if any(key in f for key in ("day", "week", "weekend", "weekday")):
            return 3
        if "month" in f or "fy" in f or f.get("year") == "new_year":
            return 2
        if "year" in f or "season" in f or "same_period" in f:
            return 1
        return 0
    if k == "reloff":
        if f.get("n") == "X":
            return 0
        n, u = f.get("n"), f.get("unit")
        integral = isinstance(n, int) or (isinstance(n, float) and n.is_integer())
        if u == "Y" and integral:
            return 1
        if u == "M" and integral:
            return 2
        return 3
    if k == "time":
        return 3
    return 0


class PartialAnchorer(Anchorer):
    """An :class:`Anchorer` whose DCT is known only to ``precision`` (day, month or year)."""

    def __init__(self, text: str, dct: dt.date | None, start: int = 0, end: int | None = None,
                 precision: str = "day"):
        if precision not in PRECISIONS:
            raise ValueError(f"dct_precision must be one of {PRECISIONS}, not {precision!r}")
        super().__init__(text, dct, start, end)
        self.precision = self.grain = precision
        self.label = "dct" if precision == "day" else f"dct ({precision} only)"

    def add_hints(self, spans):
        if self.precision == "day":
            super().add_hints(spans)

    def resolve(self, span: Span):
        if self.precision == "day" or self.dct is None:
            return super().resolve(span)
        saved = self.dct
        if needed_precision(span) > _RANK[self.precision]:
            self.dct = None  # resolve from context only: unknown parts stay X
        try:
            typ, value, mod, anchor = super().resolve(span)
        finally:
            self.dct = saved
        if anchor == "dct":
            anchor = self.label
        return typ, value, mod, anchor

    def _stale_year(self, span: Span):
        # Judging "far from the dct" needs the dct to the day.
        return super()._stale_year(span) if self.precision == "day" else None

    # Without the finer parts, a bare month falls in the DCT year and a bare day in the DCT month,
    # unless the text's own earlier dates say otherwise (:mod:`.context`, checked against the
    # DCT as far as it is known).
    def _year_for_month(self, span: Span, m: int, d):
        if self.precision == "day" or self.dct is None:
            return super()._year_for_month(span, m, d)
        lm = self._same_sentence_month(span, need_day=False)
        if lm and lm[6]:
            return super()._year_for_month(span, m, d)
        return self._context_year(span, m, d, self.date_tense(span)) or (self.dct.year, "dct")

    def _month_for_day(self, span: Span, d: int, tense: str | None = "?", use_prev: bool = True,
                       context: bool = True):
        if self.precision != "month" or self.dct is None:
            return super()._month_for_day(span, d, tense, use_prev, context)
        lm = self._same_sentence_month(span, need_day=True) if use_prev else None
        if lm:
            return super()._month_for_day(span, d, tense, use_prev, context)
        ctx = self._context_day(span, d, self.date_tense(span) if tense == "?" else tense) if context else None
        if safe_date(self.dct.year, self.dct.month, d) is None:
            return ctx or (self.dct.year, self.dct.month, "dct")
        return self._nearer(ctx, (self.dct.year, self.dct.month, "dct"), d)
