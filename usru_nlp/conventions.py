"""Mapping our mentions to another annotation scheme before scoring against it.

Our date spans follow the seed guidelines (modifiers such as 約, 以降, ごろ belong to the span;
sets and clock durations are dates). UD Japanese GSD's NE layer (OntoNotes-style) differs:

- modifiers are outside the span (「約2時間」 → 「2時間」, 「3月以降」 → 「3月」);
- clock times and hour/minute durations are TIME, not DATE; sets (毎週) are not annotated;
- a clock time after a date is not part of the DATE (「8月3日午前11時」 → 「8月3日」);
- part-of-period words 初頭/序盤/中盤/終盤 stay outside the span;
- bare deictic words (今日, 昨年, 同年, 前日) are marked only now and then (今日: 1 of 11 in
  gsd-ne train), so they are not counted.

:func:`gsd_date_span` gives the GSD view of one DateMention (or None when GSD would not mark
it); :mod:`usru_nlp.evaluate` applies it to gold files in the GSD format.

Places: the seed guidelines mark the state inside 「ロシア軍」, 「米議会」, 「米政府」 as a place; GSD
marks the whole as an ORG and not the place inside (gsd-ne train, our places right before 軍:
22 of 24 inside a gold ORG and never a GPE; 政府 10 of 11; 陸軍/海軍/空軍/艦隊/警察 all). So
:func:`gsd_place_span` drops a place written right before such an organisation head. The
evaluation prints the place score without this mapping beside it.

Elections: the seed guidelines mark 東京都 in 「東京都知事選」; GSD marks 「沖縄県知事選」 as an EVENT
and not the place inside (沖縄県知事選 2 of 2, 区議選 in gsd-ne train), so a place right before
知事選/市長選/市議選 and the like (GSD_ELECTION_HEADS) is dropped too.

Places in event names: GSD marks 「真珠湾攻撃」, 「ハイチ大地震」, 「三方ヶ原の戦い」, 「全米オープン」 as one
EVENT and not the place inside (gsd-ne train: 63 EVENT/MOVEMENT spans contain one of
GSD_EVENT_HEADS; a GPE/LOC right before such a head only 2 times; our places right before one:
13 of 14 inside a gold EVENT or MOVEMENT). :func:`gsd_place_span` drops them too.

Coordinate compounds of country abbreviations (日米, 仏独, 英豪): GSD never marks the members
alone but the compound, as a place (仏独, 英豪, 欧米 twice) or as NORP (日中, 日米, 日独); the
members separately once (英仏米蘭). :func:`gsd_place_spans` scores such a compound as one span.

Persons: GSD puts the diminutive ちゃん inside the PERSON span (「ケンちゃん」: all 7 persons
followed by ちゃん in gsd-ne train), while our spans stop before honorifics as they do before
さん and 氏 (which GSD leaves outside: さん 35 of 37, 氏 120 of 121). :func:`gsd_person_span`
adds ちゃん.
"""
from __future__ import annotations

import re
from typing import List, Optional, Tuple

from .dates.recognize import recognize
from .matching import is_kanji
from .schema import DateMention

GSD_UNMARKED_PARTS = ("初頭", "序盤", "中盤", "終盤")
# organisation heads after which GSD marks an ORG instead of the place: ロシア軍, 米政府, 米議会
GSD_ORG_HEADS = ("軍", "陸軍", "海軍", "空軍", "艦隊", "政府", "議会", "警察")
# election heads after which GSD marks an EVENT instead of the place: 沖縄県知事選
GSD_ELECTION_HEADS = re.compile("[都道府県市区町村]?(?:知事|長|議)選")


# event heads after which GSD marks an EVENT instead of the place: 真珠湾攻撃, ハイチ大地震
GSD_EVENT_HEADS = ("の戦い", "の役", "の乱", "攻撃", "空襲", "大空襲", "地震", "大地震", "海戦", "航空戦", "会戦",
                   "戦争", "事件", "革命", "大会", "オリンピック", "五輪", "オープン")


def gsd_place_span(text: str, start: int, end: int) -> Optional[Tuple[int, int]]:
    """(start, end) of a place under GSD conventions, or None where GSD marks an ORG or an
    EVENT around it (an event or an election)."""
    if text.startswith(GSD_ORG_HEADS, end) or text.startswith(GSD_EVENT_HEADS, end) \
            or GSD_ELECTION_HEADS.match(text, end):
        return None
    return (start, end)


def gsd_place_spans(text: str, spans: List[Tuple[int, int]]) -> List[Tuple[int, int]]:
    """The GSD view of the places of one text: :func:`gsd_place_span` on each, and adjacent
    one-character country abbreviations (日|米, 仏|独) joined into one compound span."""
    out: List[Tuple[int, int]] = []
    compound = False  # the last span is made of one-character places only
    for s, e in sorted(spans):
        single = e - s == 1 and is_kanji(text[s])
        if out and compound and single and out[-1][1] == s:
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
            compound = single
    return [sp for sp in (gsd_place_span(text, s, e) for s, e in out) if sp]


GSD_INNER_HONORIFICS = ("ちゃん",)


def gsd_person_span(text: str, start: int, end: int) -> Tuple[int, int]:
    """(start, end) of a person under GSD conventions: with ちゃん, without さん or 氏."""
    for h in GSD_INNER_HONORIFICS:
        if text.startswith(h, end):
            return (start, end + len(h))
    return (start, end)


def gsd_date_span(text: str, m: DateMention) -> Optional[Tuple[int, int]]:
    """(start, end) of ``m`` under GSD conventions, or None if GSD would not mark it."""
    if m.type == "SET" or (m.type == "DURATION" and "T" in (m.value or "")):
        return None
    spans = [sp for sp in recognize(text, m.start, m.end) if sp.start == m.start]
    if not spans:
        return None if m.type == "TIME" else (m.start, m.end)
    sp = spans[0]
    fields = sp.fields
    if m.type == "TIME" and "date_end" not in fields:
        return None
    if sp.kind == "word" and "weekday" not in fields:
        return None
    if sp.kind == "date" and "year_rel" in fields and not {"month", "day", "month_rel"} & set(fields):
        return None
    s, e = sp.core_start, fields.get("date_end", sp.core_end)
    for part in GSD_UNMARKED_PARTS:
        if text.endswith(part, s, e):
            e -= len(part)
    return (s, e) if e > s else None
