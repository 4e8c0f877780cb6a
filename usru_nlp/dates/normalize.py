"""Step 2: TIMEX3 type, value and mod for a recognised span, without a document date.

Parts that need a document date or context stay unknown (``X``): 「14日」 ->
``XXXX-XX-14``, 「18年4月」 -> ``XX18-04``, 「先週」 -> ``XXXX-WXX``. The value builders
here are shared with :mod:`.anchor`, which fills in the unknown parts.
"""
from __future__ import annotations

import re

from .recognize import Span

# --- TIMEX3 value validator -------------------------------------------------------
_Y = r"[0-9X]{4}"
_DATE = (
    rf"(?:{_Y}(?:-(?:[0-9X]{{2}}(?:-[0-9X]{{2}})?|W[0-9X]{{2}}(?:-(?:[1-7X]|WE))?|SP|SU|FA|WI|H[12X]|Q[1-4X]))?"
    r"|[0-9X]{3}|[0-9X]{2})"
)
_TIME = r"T(?:[0-9X]{2}(?::[0-9X]{2}(?::[0-9X]{2})?)?|MO|AF|EV|NI|DT)"
_POINT = rf"{_DATE}(?:{_TIME})?"
_NUM = r"(?:[0-9]+(?:\.[0-9]+)?|X)"
_DUR = rf"P(?:(?:{_NUM}[YMWD])+(?:T(?:{_NUM}[HMS])+)?|T(?:{_NUM}[HMS])+)"
VALUE_RX = re.compile(rf"^(?:{_POINT}(?:/{_POINT})?|{_DUR}|PRESENT_REF|PAST_REF|FUTURE_REF)$")
TYPES = frozenset({"DATE", "TIME", "DURATION", "SET"})
MODS = frozenset({"BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER", "LESS_THAN", "MORE_THAN",
                  "EQUAL_OR_LESS", "EQUAL_OR_MORE", "START", "MID", "END", "APPROX"})


def is_valid_value(value) -> bool:
    """True if ``value`` is a well-formed TIMEX3 value string."""
    return isinstance(value, str) and VALUE_RX.match(value) is not None


# --- formatting helpers ------------------------------------------------------------
def fmt_year(y) -> str:
    if isinstance(y, int) and 0 <= y <= 9999:
        return f"{y:04d}"
    if isinstance(y, str):
        return y
    return "XXXX"


def fmt_ymd(y, m=None, d=None, gran: str = "d") -> str:
    """YYYY[-MM[-DD]] with X for unknown parts; ``gran`` is y, m or d."""
    out = fmt_year(y)
    if gran in ("m", "d"):
        out += f"-{m:02d}" if isinstance(m, int) else "-XX"
    if gran == "d":
        out += f"-{d:02d}" if isinstance(d, int) else "-XX"
    return out


def two_digit_year(yy: int) -> str:
    return f"XX{yy:02d}"


def fmt_time(f: dict) -> str:
    h = f["hour"]
    if f.get("ampm") == "午後" and h < 12:
        h += 12
    return f"T{h:02d}:{f.get('minute', 0):02d}"


def date_value(f: dict, y, m=None, d=None, y2=None, m2=None) -> str:
    """Value of a calendar date given (possibly resolved) year/month/day."""
    if f.get("era_range"):
        first, last = f["era_range"]
        return fmt_year(first) + (f"/{fmt_year(last)}" if last else "")
    if f.get("decade"):
        ys = fmt_year(y)
        return ys[:3]
    if f.get("fy") and "month" not in f:
        if isinstance(y, int):
            return f"{y:04d}-04/{y + 1:04d}-03"
        return "XXXX-04/XXXX-03"
    if f.get("part") == "期" and "month" in f and "day" not in f and "month2" not in f:
        # 2011年3月期: the fiscal year ending in that month; a range of months with 期 is that
        # range (1~3月期, the first quarter), below
        mm = f["month"]
        if isinstance(y, int):
            sy, sm = (y, mm + 1) if mm < 12 else (y + 1, 1)
            return f"{sy - 1:04d}-{sm:02d}/{y:04d}-{mm:02d}"
        return f"XXXX-XX/XXXX-{mm:02d}"
    if "day" in f:
        v = fmt_ymd(y, m, d, "d")
        if "day2" in f:
            v += "/" + fmt_ymd(y2 if y2 is not None else y, m2 if m2 is not None else m, f["day2"], "d")
        elif "hour" in f:
            v += fmt_time(f)
        return v
    if "month" in f or "month_rel" in f:
        v = fmt_ymd(y, m, None, "m")
        if "month2" in f:
            v += "/" + fmt_ymd(y2 if y2 is not None else y, f["month2"], None, "m")
        return v
    v = fmt_year(y)
    if "year2" in f:
        v += "/" + fmt_year(y2 if y2 is not None else f["year2"])
    return v


_HALF = {"Y": (6, "M"), "M": (15, "D"), "W": (84, "H"), "D": (12, "H"), "H": (30, "MIN"), "MIN": (30, "S")}
_ORDER = ["Y", "M", "W", "D", "H", "MIN", "S"]


def duration_value(parts) -> str:
    acc: dict = {}
    for n, u in parts:
        if n == "half":
            n, u = _HALF.get(u, (0, u))
        if n == "X" or acc.get(u) == "X":
            acc[u] = "X"
        else:
            acc[u] = acc.get(u, 0) + n
    date = "".join(f"{_num(acc[u])}{u}" for u in ("Y", "M", "W", "D") if u in acc)
    time = "".join(f"{_num(acc[u])}{u[0]}" for u in ("H", "MIN", "S") if u in acc)
    return "P" + date + (("T" + time) if time else "") if (date or time) else "PXD"


def _num(n) -> str:
    if n == "X":
        return "X"
    if isinstance(n, float):
        return str(int(n)) if n.is_integer() else f"{n:g}"
    return str(n)


# --- type and mod ------------------------------------------------------------------
_PART_MODS = None


def part_mod(part) -> str | None:
    global _PART_MODS
    if _PART_MODS is None:
        from . import lexicon
        _PART_MODS = dict(lexicon.load()["parts"])
        _PART_MODS.update({"初期": "START", "前期": "START", "中期": "MID", "後期": "END", "末期": "END"})
    return _PART_MODS.get(part) if part else None


def type_and_mod(span: Span) -> tuple[str, str | None]:
    f, k = span.fields, span.kind
    if k == "duration":
        typ = "DURATION"
    elif k == "time" or (k == "date" and "hour" in f) or (k == "word" and "tod" in f):
        typ = "TIME"
    elif k == "word" and "set" in f:
        typ = "SET"
    elif k == "word" and "duration" in f:
        typ = "DURATION"
    else:
        typ = "DATE"
    mod = f.get("suf") or f.get("pre") or f.get("mod") or part_mod(f.get("part")) or part_mod(f.get("era_part"))
    return typ, mod


def normalize(span: Span) -> tuple[str, str, str | None]:
    """(type, value, mod) using only what the span itself says."""
    typ, mod = type_and_mod(span)
    f, k = span.fields, span.kind
    if k == "duration":
        return typ, duration_value(f["parts"]), mod
    if k == "time":
        return typ, "XXXX-XX-XX" + fmt_time(f), mod
    if k == "century":
        c = f["century"]
        return typ, (f"{c - 1:02d}" if isinstance(c, int) and 1 <= c <= 100 else "XX"), mod
    if k == "period":
        from . import lexicon
        first, last = lexicon.load()["periods"][f["period"]]
        return typ, fmt_year(first) + (f"/{fmt_year(last)}" if last else ""), mod
    if k == "reloff":
        return typ, _reloff_template(f), mod
    if k == "word":
        return typ, word_template(f), mod
    y = f.get("year")
    if y is None and "yy" in f:
        y = two_digit_year(f["yy"])
    return typ, date_value(f, y, f.get("month"), f.get("day"), f.get("year2"), f.get("month2")), mod


def _reloff_template(f: dict) -> str:
    u = f.get("unit")
    return {"Y": "XXXX", "M": "XXXX-XX", "W": "XXXX-XX-XX"}.get(u, "XXXX-XX-XX")


def word_template(f: dict) -> str:
    if "set" in f:
        return f["set"]
    if "duration" in f:
        return f["duration"]
    if "day" in f:
        return "XXXX-XX-XX" + (f"T{f['tod']}" if "tod" in f else "")
    if "week" in f:
        return "XXXX-WXX"
    if "weekend" in f:
        return "XXXX-WXX-WE"
    if "weekday" in f:
        return f"XXXX-WXX-{f['weekday']}"
    if "month" in f:
        return "XXXX-XX"
    if "fy" in f:
        return "XXXX-04/XXXX-03"
    if "season" in f:
        return "XXXX-" + f["season"][1]
    return "XXXX"
