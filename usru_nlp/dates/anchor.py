"""Step 3: resolve recognised expressions against the document date (dct) and context.

:class:`Anchorer` walks the spans of one text in order, remembering the last resolved
day / month / year (for 同日, 前日, 翌日, 同年, bare days after 「8月22日から」 ...) and
reading the tense of the sentence after each mention to choose between past and future
readings (a start 「3日から」 of a state that still holds, ている, is past). An explicit
year that the date's own weekday marker contradicts can be a stale one (:meth:`_stale_year`).
A bare day or a month without a year in a later sentence takes its month / year from the last
date the text states (:mod:`.context`), with or without a dct; where a dct is known, only as
far as the reading fits it. It never looks at the machine clock: with ``dct=None`` what
neither the text nor the dct gives stays X.
"""
from __future__ import annotations

import bisect
import datetime as dt
import re

from . import lexicon
from .context import ContextReader, iso_week as _iso_week, pick as _pick, safe_date, shift_month as _shift_month
from .normalize import date_value, fmt_time, fmt_year, normalize
from .recognize import Span

_LEX = lexicon.load()
_CFG = _LEX["anchoring"]
_TENSE_RX = re.compile(
    "(?P<present>%s)|(?P<past>%s)|(?P<future>%s)"
    % tuple("|".join(_LEX["tense"][k]) for k in ("present", "past", "future"))
)
# A present cue of an ongoing state (ている, 開催中) after a period's start point (「3日から」,
# 「3日以降」) or end point (「3日まで」): the start is past, the end is still ahead.
_ONGOING = set(_LEX["tense"]["ongoing"])
_BOUNDS = {w: k for k in ("since", "until") for w in _LEX["tense"][k]}
_BOUND_AFTER = re.compile(r"\s?(?:[(（][月火水木金土日](?:曜日?)?(?:・?祝)?[)）])?(%s)"
                          % "|".join(map(re.escape, _BOUNDS)))
_SENT_END = re.compile(r"[。！？!?\n]")
_VALUE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?![\d])")
# Text between two items of a list or range of days: 「30日（水）｜1日」, 「30日から2日」.
_LIST_GAP = re.compile(r"\s*(?:[(（][月火水木金土日](?:曜日?)?[)）])?\s*(?:[、・｜|,~〜～\-－]|から|より)?\s*$")


_safe_date = safe_date


class Anchorer(ContextReader):
    """Resolves spans of one text in order; keeps the context between them."""

    grain = "day"  # how much of the dct is known (see :mod:`.partial`)

    def __init__(self, text: str, dct: dt.date | None, start: int = 0, end: int | None = None):
        if isinstance(dct, dt.datetime):
            dct = dct.date()
        self.dct = dct
        self.text = text
        self.end = len(text) if end is None else end
        self.sent_ends = [m.start() for m in _SENT_END.finditer(text, start, self.end)]
        self.para_ends = self.paragraph_ends(text, start, self.end)
        self.last_day = None  # (date, start)
        self.last_month = None  # context.Mention: the last resolved date with a month
        self.last_year = None  # (y, start)
        self.last_value = None  # (value, start)
        self.hints: dict = {}  # sentence -> (y, m, pos): month fixed by a weekday marker

    def add_hints(self, spans):
        """Months fixed by weekday markers on bare days (「3日（金）」), per sentence."""
        if self.dct is None:
            return
        for sp in spans:
            f = sp.fields
            if sp.kind != "date" or not f.get("weekday_marker") or "day" not in f or "month" in f \
                    or "month_rel" in f or "day_rel" in f or "day2" in f:
                continue
            cands = []
            for n in (-1, 0, 1):
                yy, mm = _shift_month(self.dct.year, self.dct.month, n)
                c = _safe_date(yy, mm, f["day"])
                if c and c.isoweekday() == f["weekday_marker"]:
                    cands.append(c)
            if len(cands) == 1:
                self.hints.setdefault(self.sentence(sp.start), (cands[0].year, cands[0].month, sp.start))

    # -- context helpers ------------------------------------------------------------
    def sentence(self, pos: int) -> int:
        return bisect.bisect_right(self.sent_ends, pos)

    def tense(self, pos: int, bound: str | None = None) -> str | None:
        """Tense of the first cue after ``pos`` in its sentence; ``bound`` = since/until."""
        i = self.sentence(pos)
        stop = self.sent_ends[i] + 1 if i < len(self.sent_ends) else self.end
        m = _TENSE_RX.search(self.text, pos, stop)
        if m is None:
            return None
        if m.group("present"):
            if bound and m.group("present") in _ONGOING:
                return "past" if bound == "since" else "future"
            return None
        return "past" if m.group("past") else "future"

    def date_tense(self, span: Span) -> str | None:
        """:meth:`tense` after a date, knowing whether it starts or ends a period."""
        w = span.fields.get("suf_word")
        m = None if w in _BOUNDS else _BOUND_AFTER.match(self.text, span.end)
        return self.tense(span.end, _BOUNDS.get(m.group(1) if m else w))

    def _dct_desc(self):
        return "dct" if self.dct else None

    # -- main entry -------------------------------------------------------------------
    def resolve(self, span: Span) -> tuple[str, str, str | None, str | None]:
        """(type, value, mod, anchor) for ``span``; updates the context."""
        typ, value, mod = normalize(span)
        k = span.kind
        anchor = "explicit" if "X" not in value else None
        try:
            if k == "date":
                value, anchor = self._date(span, value, anchor)
            elif k == "word":
                value, anchor = self._word(span, value, anchor)
            elif k == "reloff":
                value, anchor = self._reloff(span, value)
            elif k == "time":
                value, anchor = self._time(span, value)
        except (ValueError, OverflowError, TypeError):
            pass
        if anchor is None and "X" in value and typ in ("DATE", "TIME"):
            anchor = "unresolved"
        if typ in ("DURATION", "SET"):
            anchor = None
        self._remember(span, value, anchor)
        return typ, value, mod, anchor

    def _remember(self, span: Span, value: str, anchor: str | None = None):
        m = _VALUE.match(value)
        if not m or span.kind not in ("date", "word", "reloff"):
            return
        y = int(m.group(1))
        self.last_year = (y, span.start)
        self.last_value = (value, span.start)
        if m.group(2) and not value[4:6] == "-W":
            end = _VALUE.match(value.split("/")[-1]) if "/" in value else None
            if end and end.group(3):  # 「5月27日〜6月9日」: what follows continues from the end
                self._remember_month(span, end, anchor)
            else:
                self._remember_month(span, m, anchor)
            if m.group(3) and span.fields.get("base") != "prev":  # 前日 does not re-anchor 翌日
                d = _safe_date(y, int(m.group(2)), int(m.group(3)))
                if d:
                    self.last_day = (d, span.start)

    # -- dates ------------------------------------------------------------------------
    def _date(self, span: Span, value: str, anchor):
        f = span.fields
        if "X" not in value:
            return self._stale_year(span) or (value, "explicit")
        dct = self.dct
        y, m, d = f.get("year"), f.get("month"), f.get("day")
        y2 = f.get("year2")
        desc = None
        if "yy" in f:
            if dct is None:
                return value, None
            cands = [c * 100 + f["yy"] for c in (dct.year // 100 - 1, dct.year // 100, dct.year // 100 + 1)]
            y = min(cands, key=lambda c: abs(c - dct.year))
            desc = "dct"
        elif "year_rel" in f:
            n, base = f["year_rel"]
            if base == "prev" and self.last_year:
                y, desc = self.last_year[0] + n, f"previous mention at {self.last_year[1]}"
            elif dct:
                y, desc = dct.year + n, "dct"
        if "month_rel" in f:
            n, base = f["month_rel"]
            if base == "prev" and self.last_month:
                y, m = _shift_month(self.last_month[0], self.last_month[1], n)
                desc = f"previous mention at {self.last_month[2]}"
            elif dct:
                yy, m = _shift_month(dct.year, dct.month, n)
                y = y if isinstance(y, int) else yy
                desc = desc or "dct"
        if "day_rel" in f and d is not None and m is None:
            n, base, lean = f["day_rel"]
            if base == "prev" and self.last_month:
                y, m = self.last_month[0], self.last_month[1]
                desc = f"previous mention at {self.last_month[2]}"
                if n > 0 and self.last_day and d < self.last_day[0].day:
                    y, m = _shift_month(y, m, 1)
            elif dct:
                lm = self._same_sentence_month(span, need_day=True)
                y, m, desc = self._month_for_day(span, d, None if lean == "near" else lean,
                                                 use_prev=bool(lm and lm[7]), context=False)
        if d is not None and m is None and y is None:
            y, m, desc = self._month_for_day(span, d)
        elif m is not None and not isinstance(y, int):
            y, desc = self._year_for_month(span, m, d)
        if not isinstance(y, int):
            return value, desc
        m2 = None
        if "month2" in f and "day2" in f:
            m2 = f["month2"]
        if y2 is None and "month2" in f and isinstance(m, int) and f["month2"] < m:
            y2 = y + 1
        return date_value(f, y, m, d, y2, m2), desc

    def _stale_year(self, span: Span):
        """An explicit year one off, given away by the date's own weekday marker.

        「2011年6月9日（土）」 in an article of 2012-05-28: 2011-06-09 was a Thursday, the
        2012 date a Saturday. Notices are often copied from last year's with the year left
        unchanged. When the stated date is far from the dct (outside the window) and exactly
        one date a year off is inside it and fits the weekday, that one is meant. Near the
        dct the stated date stays: there the weekday is the likelier typo.
        """
        f, dct = span.fields, self.dct
        wd = f.get("weekday_marker")
        if not wd or dct is None or set(f) & {"day2", "month2", "year2", "era_range", "fy", "part"}:
            return None
        y, m, d = f.get("year"), f.get("month"), f.get("day")
        stated = _safe_date(y, m, d) if isinstance(y, int) and isinstance(m, int) else None
        window = dt.timedelta(days=_CFG["stale_year_window_days"])
        if stated is None or stated.isoweekday() == wd or abs(stated - dct) <= window:
            return None
        alts = [c for c in (_safe_date(y + k, m, d) for k in (-1, 1))
                if c and c.isoweekday() == wd and abs(c - dct) <= window]
        if len(alts) != 1:
            return None
        return date_value(f, alts[0].year, m, d), "dct and weekday marker"

    def _same_sentence_month(self, span: Span, need_day: bool):
        """The last resolved month if mentioned earlier in the same sentence."""
        lm = self.last_month
        if lm and lm[3] == self.sentence(span.start) and (lm[5] or not need_day):
            return lm
        return None

    def _month_for_day(self, span: Span, d: int, tense: str | None = "?", use_prev: bool = True,
                       context: bool = True):
        lm = self._same_sentence_month(span, need_day=True) if use_prev else None
        if lm:
            y, m = lm[0], lm[1]
            if self.last_day and self.last_day[1] == lm[2] and d < self.last_day[0].day - 7 \
                    and _LIST_GAP.match(self.text, lm[4], span.start):
                y, m = _shift_month(y, m, 1)  # 「30日から2日」: the next month
            return y, m, f"previous mention at {lm[2]}"
        if tense == "?":
            tense = self.date_tense(span)
        hint = self.hints.get(self.sentence(span.start))
        if hint and not span.fields.get("weekday_marker"):
            return hint[0], hint[1], f"weekday at {hint[2]}"
        ctx = self._context_day(span, d, tense) if context else None
        dct = self.dct
        if dct is None:
            return ctx or (None, None, None)
        cands = []
        for n in (-1, 0, 1):
            yy, mm = _shift_month(dct.year, dct.month, n)
            c = _safe_date(yy, mm, d)
            if c:
                cands.append(c)
        cands = self._by_weekday(span, cands)
        c = _pick(cands, dct, tense, dt.timedelta(days=_CFG["past_slack_days"]),
                  dt.timedelta(days=_CFG["future_slack_days"]))
        if c is None:
            return ctx or (None, None, None)
        return self._nearer(ctx, (c.year, c.month, "dct"), d)

    def _year_for_month(self, span: Span, m: int, d):
        lm = self._same_sentence_month(span, need_day=False)
        if lm and lm[6]:
            y = lm[0] + (1 if lm[1] - m > 6 else 0)
            return y, f"previous mention at {lm[2]}"
        tense = self.date_tense(span)
        ctx = self._context_year(span, m, d, tense)
        if ctx:
            return ctx
        dct = self.dct
        if dct is None:
            return None, None
        years = (dct.year - 1, dct.year, dct.year + 1)
        if d is not None:
            cands = [c for c in (_safe_date(y, m, d) for y in years) if c]
            cands = self._by_weekday(span, cands)
            c = _pick(cands, dct, tense, dt.timedelta(days=_CFG["md_past_slack_days"]),
                      dt.timedelta(days=_CFG["md_future_slack_days"]))
            return (c.year if c else dct.year), "dct"
        ref = dct.year * 12 + dct.month - 1
        cands = [y * 12 + m - 1 for y in years]
        c = _pick(cands, ref, tense, _CFG["past_slack_months"], _CFG["future_slack_months"])
        return c // 12, "dct"

    def _by_weekday(self, span: Span, cands):
        f = span.fields
        wd = f.get("weekday_marker")
        if wd:
            if "day2" in f:  # the marker follows the end of a range
                ends = [_safe_date(c.year, f.get("month2", c.month), f["day2"]) for c in cands]
                if "month2" in f and f["month2"] < cands[0].month:
                    ends = [_safe_date(c.year + 1, f["month2"], f["day2"]) for c in cands]
                ok = [c for c, e in zip(cands, ends) if e and e.isoweekday() == wd]
            else:
                ok = [c for c in cands if c.isoweekday() == wd]
            if ok:
                return ok
        return cands

    # -- relative words -----------------------------------------------------------------
    def _word(self, span: Span, value: str, anchor):
        f, dct = span.fields, self.dct
        if "set" in f or "duration" in f:
            return value, None
        if "same_period" in f:
            if self.last_value:
                v, pos = self.last_value
                return re.sub(r"\d{4}", lambda m: f"{int(m.group()) + f['same_period']:04d}", v), \
                    f"previous mention at {pos}"
            return (fmt_year(dct.year - 1), "dct") if dct else (value, None)
        if "day" in f:
            base = f.get("base", "dct")
            if base == "prev" and self.last_day:
                ref, desc = self.last_day[0], f"previous mention at {self.last_day[1]}"
            elif dct:
                ref, desc = dct, "dct"
            else:
                return value, None
            d = ref + dt.timedelta(days=f["day"])
            return d.isoformat() + (f"T{f['tod']}" if "tod" in f else ""), desc
        if "month" in f and f.get("base") == "prev" and self.last_month:
            lm = self.last_month
            return f"{lm[0]:04d}-{lm[1]:02d}", f"previous mention at {lm[2]}"
        if dct is None:
            return value, None
        if "week" in f:
            w = f["week"]
            if w == "next_start":
                w = 1 if dct.isoweekday() >= 4 else 0
            return _iso_week(dct, w), "dct"
        if "weekend" in f:
            return _iso_week(dct, f["weekend"]) + "-WE", "dct"
        if "weekday" in f:
            delta = f["weekday"] - dct.isoweekday()
            tense = self.tense(span.end)
            if tense == "past" and delta > 0:
                delta -= 7
            elif tense == "future" and delta < 0:
                delta += 7
            return (dct + dt.timedelta(days=delta)).isoformat(), "dct"
        if "month" in f:
            return f"{dct.year:04d}-{dct.month:02d}", "dct"
        if "year" in f:
            n = f["year"]
            if n == "new_year":
                n = 0 if dct.month <= 2 else 1
            return fmt_year(dct.year + n), "dct"
        if "fy" in f:
            fy = (dct.year if dct.month >= 4 else dct.year - 1) + f["fy"]
            return f"{fy:04d}-04/{fy + 1:04d}-03", "dct"
        if "season" in f:
            n, s = f["season"]
            return f"{dct.year + n:04d}-{s}", "dct"
        return value, None

    # -- offsets and clock times ------------------------------------------------------
    def _reloff(self, span: Span, value: str):
        f, dct = span.fields, self.dct
        n, u, sign = f["n"], f["unit"], f["sign"]
        if n == "X":
            return ("PAST_REF" if sign < 0 else "FUTURE_REF"), ("dct" if dct else None)
        if dct is None:
            return value, None
        if u == "Y" and float(n).is_integer():
            return fmt_year(dct.year + sign * int(n)), "dct"
        if u == "M" and float(n).is_integer():
            y, m = _shift_month(dct.year, dct.month, sign * int(n))
            return f"{y:04d}-{m:02d}", "dct"
        days = {"Y": 365, "M": 30, "W": 7, "D": 1}.get(u, 0) * n
        return (dct + dt.timedelta(days=sign * round(days))).isoformat(), "dct"

    def _time(self, span: Span, value: str):
        f = span.fields
        if self.last_day and self.sentence(self.last_day[1]) == self.sentence(span.start):
            return self.last_day[0].isoformat() + fmt_time(f), f"previous mention at {self.last_day[1]}"
        if self.dct:
            return self.dct.isoformat() + fmt_time(f), "dct"
        return value, None
