"""Find the article body of a scraped page: the headline through the last article line.

Scraped pages wrap an article in navigation, paywall prompts, comment boxes and lists of other
articles. Those must yield no entities. The heuristic works on lines:

1. *Paragraph* lines (long enough, ending a sentence) that occur once in the page are article
   text; lines repeated in the page are furniture.
2. The body starts at the first paragraph and extends back over the headline block (short lines
   right above it) until a navigation line, a punctuation-only line or a repeated line.
3. It extends forward until a line with an end marker (「すべての記事が読み放題」, 「Reference(s):」,
   an e-mail address, ...), keeping a short byline name right after the last paragraph.

Markers are data (``models/lexicons/boilerplate.json``). A text with no paragraph line at all
(a sentence, a headline) is all body.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import List, Optional, Tuple

from .resources import models_path

_PARAGRAPH_MIN = 30
_HEAD_LINES_MAX = 6
_SENTENCE_END = re.compile(r"[。．！？!?」』)）]\s*$")
_PUNCT_ONLY = re.compile(r"^[\s/|｜・>＞\-–—_=＝*・…]*$")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
_URL_ONLY = re.compile(r"^\s*(https?://\S+|www\.\S+|[\w-]+\.(com|jp|net|org)(/\S*)?)\s*$")
_BYLINE_NAME = re.compile(r"^\s*[\u4e00-\u9fff\u3005\u30a0-\u30ff・]{2,8}\s*$")
DATELINE = re.compile(r"[【\[［]([^=＝】\]］\n]{1,20})[=＝]([^】\]］\n]{1,20})[】\]］]")
# news agencies, as written after the place of a wire dateline (【モスクワ共同】, 【北京＝新華社】)
AGENCIES = ("共同通信", "共同", "時事通信", "時事", "ＡＦＰ時事", "AFP時事", "ＡＦＰ", "AFP", "ロイター",
            "聯合ニュース", "聯合", "新華社", "ＡＰ", "AP", "タス", "ブルームバーグ")
AGENCY_DATELINE = re.compile(r"[【\[［]([^=＝】\]］\n]{1,12}?)(?:%s)[】\]］]" % "|".join(AGENCIES))


@dataclass(frozen=True)
class Line:
    start: int
    end: int
    text: str


@lru_cache(maxsize=1)
def _markers() -> dict:
    with open(models_path("lexicons", "boilerplate.json"), encoding="utf-8") as f:
        data = json.load(f)
    return {k: tuple(v) for k, v in data.items() if not k.startswith("_")}


def split_lines(text: str) -> List[Line]:
    lines = []
    pos = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            lines.append(Line(pos + lead, pos + lead + len(stripped), stripped))
        pos += len(raw) + 1
    return lines


@lru_cache(maxsize=None)
def _marker_pattern(kind: str) -> re.Pattern:
    """Any marker of ``kind`` (``end_markers``, ``skip_lines``), found anywhere in a line."""
    return re.compile("|".join(re.escape(m) for m in _markers()[kind]) or "(?!)")  # (?!): none


def _is_end_marker(line: str) -> bool:
    # "@" first: on a long line of word characters the e-mail pattern backtracks at each one
    if len(line) < 80 and "@" in line and _EMAIL.search(line):
        return True
    if _URL_ONLY.match(line):
        return True
    return _marker_pattern("end_markers").search(line) is not None


def _is_navigation(line: str) -> bool:
    if _PUNCT_ONLY.match(line):
        return True
    if "。" in line or len(line) > 80:
        return False
    return _marker_pattern("skip_lines").search(line) is not None


def _is_ui(line: str) -> bool:
    return line.startswith(_markers()["ui_strings"])  # a UI string, or a line starting with one


def find_body(text: str) -> Tuple[int, int]:
    """(start, end) character range of the article body in ``text``."""
    lines = split_lines(text)
    if not lines:
        return (0, len(text))
    counts = Counter(line.text for line in lines)

    def is_paragraph(i: int) -> bool:
        line = lines[i].text
        return (
            counts[line] == 1
            and len(line) >= _PARAGRAPH_MIN
            and "。" in line
            and not _is_end_marker(line)
            and not _is_navigation(line)
        )

    first = next((i for i in range(len(lines)) if is_paragraph(i)), None)
    if first is None:
        return (0, len(text))

    start_i = first
    for i in range(first - 1, max(first - 1 - _HEAD_LINES_MAX, -1), -1):
        line = lines[i].text
        if _is_ui(line):
            continue
        if counts[line] > 1 or _is_navigation(line) or _is_end_marker(line):
            break
        start_i = i

    last_para = first
    i = first + 1
    while i < len(lines):
        line = lines[i].text
        if _is_ui(line):
            i += 1
            continue
        if _is_end_marker(line) or counts[line] > 1:
            break
        if is_paragraph(i) or (not _is_ui(line) and _SENTENCE_END.search(line)):
            last_para = i
        i += 1
    end_i = last_para
    if end_i + 1 < len(lines) and _BYLINE_NAME.match(lines[end_i + 1].text):
        nxt = end_i + 2
        if nxt >= len(lines) or _is_end_marker(lines[nxt].text):
            end_i += 1
    return (lines[start_i].start, lines[end_i].end)


def find_dateline(text: str, body: Optional[Tuple[int, int]] = None):
    """The first dateline in the body: 【place=journalist】 → ((ps, pe), (js, je)); a wire
    dateline, 【モスクワ共同】 or 【北京＝新華社】, → ((ps, pe), None): an agency is no journalist."""
    lo, hi = body or (0, len(text))
    found = [m for m in (DATELINE.search(text, lo, hi), AGENCY_DATELINE.search(text, lo, hi)) if m]
    if not found:
        return None
    m = min(found, key=lambda x: x.start())
    place = (m.start(1), m.end(1))
    if m.re is AGENCY_DATELINE or m.group(2) in AGENCIES:
        return place, None
    return place, (m.start(2), m.end(2))
