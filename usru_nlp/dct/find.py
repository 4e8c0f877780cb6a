"""Publication timestamps written in the page: 「2019年5月15日 2:00」, 「2021/12/30 5:00」,
「(2021年12月30日 5:41更新)」, 「配信日：2024年3月1日」, a date alone beside the headline.

A timestamp is a full date (four-digit year) on a line of its own, with at most a weekday, a
clock time, a publication label (公開, 配信, 掲載, 投稿, 更新, 付, Published, Updated) and short
bracketed tags. A date inside a sentence, an event notice (「日時：…」) or a range (「10:00～」)
is not a timestamp. Among several, a publication label beats an update label, and the one
nearest the start of the article wins; timestamps far from the body (sidebars) are ignored.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import List, Optional, Tuple

from ..dates.recognize import prepare

_DATE = (r"(?P<y>(?:19|20)\d{2})\s*(?:年\s*(?P<m1>\d{1,2})\s*月\s*(?P<d1>\d{1,2})\s*日"
         r"|(?P<sep>[/.\-])(?P<m2>\d{1,2})(?P=sep)(?P<d2>\d{1,2}))")
_WEEKDAY = r"(?:\s*\(\s*[月火水木金土日](?:曜日?)?\s*\))?"
_TIME = r"(?:\s*(?:(?:午前|午後)?\s*(?P<h>\d{1,2})\s*(?::\s*(?P<mi>\d{2})|時\s*(?:(?P<mi2>\d{1,2})\s*分)?)))"
_PUBLISH = r"公開|配信|掲載|投稿|発行|作成|付|Published|published|Posted|posted"
_UPDATE = r"最終更新|更新|Updated|updated"
_LABEL = rf"(?:(?P<pub>{_PUBLISH})|(?P<upd>{_UPDATE}))(?:日時|日)?"
_TAG = r"(?:\s*[\[［【〔][^\]］】〕\n]{0,20}[\]］】〕])"
_LINE = re.compile(
    rf"^\s*(?:{_TAG})*\s*[(（]?\s*(?:(?P<lab1>{_PUBLISH}|{_UPDATE})(?:日時|日)?\s*[:：]?\s*)?"
    rf"{_DATE}{_WEEKDAY}(?P<time>{_TIME})?\s*(?:{_LABEL})?\s*[)）]?(?:{_TAG})*\s*$"
)
NEAR_BEFORE = 400  # characters before the body start searched for a timestamp
NEAR_AFTER = 300  # characters after the body end


@dataclass
class Timestamp:
    start: int
    end: int
    text: str
    date: dt.date
    label: str  # publish | update | none
    has_time: bool

    def to_dict(self) -> dict:
        return {"kind": "timestamp", "text": self.text, "start": self.start, "end": self.end,
                "date": self.date.isoformat(), "label": self.label, "time": self.has_time}


def _lines(text: str):
    pos = 0
    for line in text.split("\n"):
        yield pos, line
        pos += len(line) + 1


def find_timestamps(text: str, body: Optional[Tuple[int, int]] = None) -> List[Timestamp]:
    """Timestamps in the page near the article body (the whole text if no body), in order."""
    lo, hi = body or (0, len(text))
    lo, hi = max(0, lo - NEAR_BEFORE), min(len(text), hi + NEAR_AFTER)
    norm = prepare(text)
    out = []
    for start, line in _lines(norm):
        if start + len(line) < lo or start > hi or len(line) > 80 or not line.strip():
            continue
        m = _LINE.match(line)
        if m is None:
            continue
        g = m.groupdict()
        try:
            day = dt.date(int(g["y"]), int(g["m1"] or g["m2"]), int(g["d1"] or g["d2"]))
        except ValueError:
            continue
        if g["time"] and not 0 <= int(g["h"]) <= 24:
            continue
        lab = g["lab1"] or g["pub"] or g["upd"] or ""
        label = "update" if re.fullmatch(_UPDATE, lab or "-") else ("publish" if lab else "none")
        s = start + len(line) - len(line.lstrip())
        e = start + len(line.rstrip())
        out.append(Timestamp(s, e, text[s:e], day, label, bool(g["time"])))
    return out


def best_timestamp(text: str, body: Optional[Tuple[int, int]] = None) -> Optional[Timestamp]:
    """The publication timestamp of the page, or None.

    A bare date line (no time, no label) counts only beside the headline: before the body or in
    its first lines. Several different dates with times (a list of other articles) count as none.
    """
    lo = body[0] if body else 0
    cands = []
    for ts in find_timestamps(text, body):
        head = ts.start < lo + 200
        if ts.label == "none" and not ts.has_time and not head:
            continue
        cands.append(ts)
    if not cands:
        return None
    unlabeled = {ts.date for ts in cands if ts.label == "none"}
    if len(unlabeled) >= 3:  # a list of other articles' dates
        cands = [ts for ts in cands if ts.label != "none"]
        if not cands:
            return None
    rank = {"publish": 0, "none": 1, "update": 2}
    return min(cands, key=lambda ts: (rank[ts.label], abs(ts.start - lo)))
