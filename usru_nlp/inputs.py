"""Validation of what users pass in: texts and publication dates."""
from __future__ import annotations

import datetime as dt
import re
from typing import Any, Optional

_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_COMPACT = re.compile(r"^(\d{4})[/.年](\d{1,2})[/.月](\d{1,2})日?$")


def check_text(text: Any) -> str:
    """``text`` itself if it is a ``str``; otherwise a TypeError naming the type."""
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    return text


def parse_published(value: Any) -> Optional[str]:
    """ISO date string (YYYY-MM-DD) of a publication date given as str, date or datetime.

    Strings may be ISO dates or datetimes (``2019-05-15``, ``2010-05-31T16:00:00+0900``: the
    date as written, in the article's own time zone) or ``2019/5/15``, ``2019年5月15日``.
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if not isinstance(value, str):
        raise TypeError(f"published must be str, datetime.date or None, not {type(value).__name__}")
    s = value.strip()
    if not s:
        return None
    m = _ISO_DATE.match(s) or _COMPACT.match(s)
    if m:
        try:
            day = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            raise ValueError(f"published={value!r} is not a valid date") from None
        rest = s[m.end():]
        if rest and not re.match(r"^([T ]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$", rest):
            raise ValueError(f"published={value!r} is not a valid date")
        return day.isoformat()
    raise ValueError(f"published={value!r} is not a valid date (expected YYYY-MM-DD)")
