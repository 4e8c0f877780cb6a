"""Step 1: find temporal expressions and parse their fields (no calendar arithmetic).

One precompiled regex, assembled from the lexicons in ``models/dates/``, is run over a
length-preserving normalisation of the text (full-width digits and punctuation mapped to
ASCII, so offsets stay valid). Each hit becomes a :class:`Span` whose ``fields`` hold the
parsed numbers and words; :mod:`.normalize` and :mod:`.anchor` turn them into TIMEX3.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from . import lexicon

# Length-preserving character mapping (one char -> one char keeps offsets exact).
_FW_DIGITS = "０１２３４５６７８９"
_TRANS = str.maketrans(
    {**{c: str(i) for i, c in enumerate(_FW_DIGITS)},
     "～": "~", "〜": "~", "～": "~", "－": "-", "‐": "-", "−": "-", "–": "-",
     "／": "/", "（": "(", "）": ")", "．": ".", "，": ",", "：": ":", "　": " "}
)

_KDIGIT = {"〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_KUNIT = {"十": 10, "百": 100, "千": 1000}
_KANJI_NUM = "〇一二三四五六七八九十百千"


def parse_number(s: str | None):
    """Integer value of ASCII or kanji numerals; 'X' for vague 数-numbers; None if empty."""
    if not s:
        return None
    if "数" in s:
        return "X"
    if s.isascii():
        try:
            return float(s) if "." in s else int(s)
        except ValueError:
            return None
    if all(c in _KDIGIT for c in s):  # positional: 二〇一九
        return int("".join(str(_KDIGIT[c]) for c in s))
    total, cur = 0, 0
    for c in s:
        if c in _KDIGIT:
            cur = _KDIGIT[c]
        elif c in _KUNIT:
            total += (cur or 1) * _KUNIT[c]
            cur = 0
        else:
            return None
    return total + cur


@dataclass
class Span:
    """A recognised expression: offsets into the text, its kind and parsed fields."""

    start: int
    end: int
    text: str
    kind: str  # date | duration | reloff | set | time | word | period | century
    fields: dict = field(default_factory=dict)
    core_start: int = 0  # span without prefix/suffix modifiers (GSD-style span)
    core_end: int = 0


def _build():
    lex = lexicon.load()
    alt = lexicon.alternation
    N = r"(?:\d{1,4}|[〇一二三四五六七八九十百千]{1,6})"
    NQ = r"(?:数十|十数|数|\d+(?:\.\d+)?|[〇一二三四五六七八九十百千]{1,5})"
    ND = r"(?:\d{1,2}|[〇一二三四五六七八九十]{1,3})"
    MDUR = "カ月|ヶ月|か月|ケ月|ヵ月|箇月"
    na = lex["not_after_number"].get("年")
    na_year = f"(?!{'|'.join(na)})" if na else ""
    parts = []
    for w in sorted(lex["parts"], key=len, reverse=True):
        parts.append(re.escape(w) + ("(?!て)" if w.endswith("め") else ""))
    PARTS = "|".join(parts) + "|期"
    ERA = alt(lex["eras"])
    SOLO = "|".join(lex["standalone_eras"])
    # time elapsed since something: 「事故から40年」, 「戦後80年」, 「結婚して10年」, 「14年が経つ」
    # (not a year: 「15年から18年」 is one, so から must not follow a date, and 「その後18年に」 is one)
    elapsed = (
        r"(?:(?<=から)(?<![年月日]から)|(?<=後)(?<!その後)|(?<=して)|(?<=以来))\d{1,3}年"
        r"(?![月度代\d~\-]|に|まで|から|以[降前])"
        r"|\d{1,3}年(?=が経|経|を迎え|余り|が過ぎ)"
    )
    dur_part = (
        rf"(?:{elapsed}"
        rf"|(?:\d+(?:\.\d+)?|数十|十数|数)(?:分間?|秒間?)"
        rf"|{NQ}(?:{MDUR}|週間|時間|周年)"
        rf"|{NQ}(?:年|日)(?=[間半目]|\d{{1,2}}(?:{MDUR}))"
        rf"|(?:数十|十数|数)(?:年|日)"
        rf"|(?<![\d.])[1-9一二三四五六七八九]年(?![月度代\d~\-]){na_year})半?"
    )
    sfx = alt(lex["suffix_mods"])
    pfx = alt(lex["prefix_mods"])
    pattern = rf"""
    (?P<pre>{pfx})?
    (?:
      (?P<iso>(?P<sy>\d{{4}})(?P<ssep>[/.\-])(?P<sm>\d{{1,2}})(?P=ssep)(?P<sd>\d{{1,2}})(?![\d.]))
     |(?P<md>(?P<qm>\d{{1,2}})/(?P<qd>\d{{1,2}})(?![\d/.,%]))
     |(?P<ro>(?P<ron>{NQ}|半)(?P<rou>年|{MDUR}|週間|週|日|時間|分)(?P<roh>半)?間?(?P<rod>前(?!後)|後)(?!半))
     |(?P<du>(?:{dur_part})+|半年|半日)(?P<dk>間|目)?
     |(?P<clock>(?P<cap>午前|午後)?(?P<ch>\d{{1,2}})(?:時(?!間)(?:(?P<cm>\d{{1,2}})分|(?P<chalf>半))?|:(?P<cm2>\d{{2}})(?![\d:])))
     |(?P<cen>{N})世紀(?P<cpart>{PARTS})?
     |(?P<period>{alt(lex['periods'])})(?P<ppart>{PARTS})?
     |(?P<word>{alt(lex['words'])})(?!\d{{1,2}}日)
     |(?P<date>
        (?:(?P<dy>{alt(lex['year_words'])})
          |(?P<era>{ERA})(?:(?P<ey>{N}|元)(?:[~\-](?P<ey2>{N}))?年(?P<edec>代)?|(?P<eper>初期|中期|末期|後期|前期|期|年間)|(?<={SOLO})(?![\u4e00-\u9fff\u30a0-\u30ffー]))
          |(?P<y>\d{{4}}|\d{{2,3}}|[〇一二三四五六七八九]{{4}})(?:[~\-](?P<y2>\d{{2,4}}))?年(?P<dec>代)?{na_year}
        )?
        (?P<fy>度)?
        (?P<dm>{alt(lex['month_words'])})?
        (?:(?P<m>{ND})(?:(?P<mr>[~\-・])(?P<m2>{ND}))?月(?!曜))?
        (?:(?P<dp>{alt(lex['day_prefixes'])})?(?P<d>{ND})日(?![曜間])(?:[~\-](?:(?P<m3>{ND})月)?(?P<d2>{ND})日)?)?
        (?P<part>{PARTS})?
        (?:(?P<ap>午前|午後|朝|夜|夕方)?(?P<hh>\d{{1,2}})時(?!間)(?:(?P<mi>\d{{1,2}})分|(?P<hhalf>半))?)?
      )
    )
    (?P<suf>{sfx})?
    """
    return re.compile(pattern, re.VERBOSE), lex


_RX, _LEX = _build()
_WEEKDAY_RX = re.compile(r"\s?\((?P<w>[%s])(?:曜日?)?(?:・?祝)?\)" % _LEX["weekday_marker"])
_MD_OK_AFTER = re.compile(r"(?:$|[\s(~\-、。,.)」』]|に|から|まで|は|より|付|〜)")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_KANJI_OK_BEFORE = set("年月同今昨来翌前先本約")
_DURATION_ONLY = set(_LEX["duration_only_suffixes"])


# Characters after which the pattern goes on by itself: digits, kanji numerals, 数 and 半.
_NUMERAL_STARTS = "0123456789" + _KANJI_NUM + "数半"


def _candidates() -> re.Pattern:
    """Where a span can start: a numeral (:data:`_NUMERAL_STARTS`) or a word of the lexicons
    (or 午前, 午後) begins. Elsewhere the pattern may still match (「度」, a part like 「上旬」, a
    time, a suffix), but never as a span: those need a date, a year or a number before them.

    One alternative per first character (the character, then the rest of its words), so that
    the regex engine skips to the possible first characters by itself."""
    words: dict = {}
    for key in ("words", "year_words", "month_words", "day_prefixes", "prefix_mods", "eras", "periods"):
        for w in _LEX[key]:
            words.setdefault(w[0], set()).add(w[1:])
    words.setdefault("午", set()).update(("前", "後"))
    alts = list(_NUMERAL_STARTS)
    for c, rests in sorted(words.items()):
        if c in _NUMERAL_STARTS:
            continue
        alts.append(re.escape(c) + ("" if "" in rests else "(?:%s)" % lexicon.alternation(rests)))
    return re.compile("|".join(alts))


_CANDIDATE = _candidates()


_TO_MAP = re.compile("[%s]" % re.escape("".join(chr(c) for c in _TRANS)))
_MAPPED = {chr(c): to for c, to in _TRANS.items()}


def _mapped(m: re.Match) -> str:
    return _MAPPED[m.group()]


@lru_cache(maxsize=16)
def prepare(text: str) -> str:
    """Length-preserving normalisation used for matching (cached: the date recogniser, the
    document-date evidence and the scorer each read the same text). The few characters to map
    are replaced where they occur: ``str.translate`` would look every character of the text up."""
    return _TO_MAP.sub(_mapped, text)


def recognize(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """All temporal expressions in ``text[start:end]``, in order, offsets into ``text``.

    Cached for the last few texts: the document-date evidence and the date component read the
    same text and region. The spans are shared between calls; they are not to be changed.
    """
    return list(_recognize(text, start, len(text) if end is None else end))


@lru_cache(maxsize=16)
def _recognize(text: str, start: int, end: int) -> tuple:
    norm = prepare(text)
    out: list[Span] = []
    pos = start
    rx, candidate = _RX, _CANDIDATE
    while True:
        p = candidate.search(norm, pos, end)
        if p is None:
            break
        i = p.start()
        if _inside_number(norm, i):  # no span starts inside a number
            pos = i + 1
            continue
        m = rx.match(norm, i, end)
        if m is None or m.end() == i:
            pos = i + 1
            continue
        span = _to_span(text, norm, m, end)
        if span is None:
            pos = i + 1
            continue
        out.append(span)
        pos = span.end
    return tuple(out)


def _inside_number(norm: str, s: int) -> bool:
    """Does ``s`` follow a digit (or a digit and a decimal point or comma)? No expression
    starts inside a number."""
    if s == 0:
        return False
    prev = norm[s - 1]
    return prev.isdigit() or (prev in ".," and s > 1 and norm[s - 2].isdigit())


def _to_span(text: str, norm: str, m: re.Match, limit: int) -> Span | None:
    g = m.groupdict()
    s, e = m.start(), m.end()
    if _inside_number(norm, s):
        return None
    prev = norm[s - 1] if s > 0 else ""
    core_s = m.end("pre") if g["pre"] else s
    core_e = m.start("suf") if g["suf"] else e
    if core_e <= core_s:
        return None
    first = norm[core_s]
    if first in _KANJI_NUM and core_s == s and prev and _CJK.match(prev) and prev not in _KANJI_OK_BEFORE:
        return None
    if prev == "第":
        return None
    f: dict = {"pre": _LEX["prefix_mods"].get(g["pre"]) if g["pre"] else None, "pre_word": g["pre"]}
    kind = None
    if g["iso"]:
        kind = "date"
        f.update(year=int(g["sy"]), month=int(g["sm"]), day=int(g["sd"]))
    elif g["md"]:
        after = norm[core_e:core_e + 2]
        if not _MD_OK_AFTER.match(after) and not _WEEKDAY_RX.match(norm, core_e):
            return None
        kind = "date"
        f.update(month=int(g["qm"]), day=int(g["qd"]))
    elif g["ro"]:
        kind = "reloff"
        n = 0.5 if g["ron"] == "半" else parse_number(g["ron"])
        if g["roh"] and n != "X":
            n = n + 0.5
        f.update(n=n, unit=_LEX["duration_units"].get(g["rou"], "W" if g["rou"] == "週" else None),
                 sign=-1 if g["rod"] == "前" else 1)
    elif g["du"]:
        kind = "duration"
        f["parts"] = _duration_parts(g["du"])
        f["ordinal"] = g["dk"] == "目"
        if not f["parts"]:
            return None
    elif g["clock"]:
        kind = "time"
        f.update(hour=int(g["ch"]), minute=int(g["cm"] or g["cm2"] or (30 if g["chalf"] else 0)), ampm=g["cap"])
        if f["hour"] > 24 or f["minute"] > 59:
            return None
    elif g["cen"]:
        kind = "century"
        f.update(century=parse_number(g["cen"]), part=g["cpart"])
    elif g["period"]:
        kind = "period"
        f.update(period=g["period"], part=g["ppart"])
    elif g["word"]:
        kind = "word"
        f.update(word=g["word"], **_LEX["words"][g["word"]])
    elif g["date"]:
        kind = "date"
        if not _date_fields(g, f, m):
            return None
    if kind is None:
        return None
    suf = g["suf"]
    if suf and suf in _DURATION_ONLY and kind != "duration":
        e = core_e
        suf = None
    f["suf"] = _LEX["suffix_mods"].get(suf) if suf else None
    f["suf_word"] = suf
    if kind == "date":
        w = _WEEKDAY_RX.match(norm, e)
        if w:
            f["weekday_marker"] = "月火水木金土日".index(w.group("w")) + 1
    return Span(s, e, text[s:e], kind, f, core_s, core_e)


_DUR_PART = re.compile(
    r"(?P<n>数十|十数|数|\d+(?:\.\d+)?|[〇一二三四五六七八九十百千]+)?(?P<u>カ月|ヶ月|か月|ケ月|ヵ月|箇月|週間|時間|周年|年|日|分|秒)(?P<h>半)?"
)


def _duration_parts(s: str) -> list:
    if s in ("半年", "半日"):
        return [(6, "M")] if s == "半年" else [(12, "H")]
    units = _LEX["duration_units"]
    out = []
    for m in _DUR_PART.finditer(s):
        n = parse_number(m.group("n")) if m.group("n") else 1
        u = units.get(m.group("u"))
        if u is None or n is None:
            continue
        out.append((n, u))
        if m.group("h"):
            out.append(("half", u))
    return out


def _date_fields(g: dict, f: dict, m: re.Match) -> bool:
    """Fill fields of the calendar-date branch; False if the match is empty or invalid."""
    lex = _LEX
    has = False
    if g["dy"]:
        f["year_rel"] = lex["year_words"][g["dy"]]
        has = True
    elif g["era"]:
        first, last = lex["eras"][g["era"]]
        has = True
        if g["ey"]:
            n = 1 if g["ey"] == "元" else parse_number(g["ey"])
            if not isinstance(n, int) or n < 1:
                return False
            f["year"] = first + n - 1
            if g["ey2"]:
                f["year2"] = first + parse_number(g["ey2"]) - 1
            if g["edec"]:
                f["year2"] = f["year"] + 9
        else:
            f["era_range"] = (first, last)
            f["era_part"] = g["eper"]
    elif g["y"]:
        y = parse_number(g["y"])
        has = True
        if len(g["y"]) == 2 and g["y"].isdigit():
            f["yy"] = y
        else:
            f["year"] = y
        if g["y2"]:
            y2 = int(g["y2"])
            f["year2"] = y2 if len(g["y2"]) == 4 else (y // 100) * 100 + y2 if len(g["y"]) == 4 else y2
        if g["dec"]:
            f["decade"] = True
    if g["fy"]:
        if not has:
            return False
        f["fy"] = True
    if g["dm"]:
        f["month_rel"] = lex["month_words"][g["dm"]]
        has = True
    if g["m"]:
        f["month"] = parse_number(g["m"])
        if not isinstance(f["month"], int) or not 1 <= f["month"] <= 12:
            return False
        if g["m2"]:
            f["month2"] = parse_number(g["m2"])
            if not isinstance(f["month2"], int) or not 1 <= f["month2"] <= 12:
                return False
        has = True
    if g["d"]:
        f["day"] = parse_number(g["d"])
        if not isinstance(f["day"], int) or not 1 <= f["day"] <= 31:
            return False
        if g["dp"]:
            f["day_rel"] = lex["day_prefixes"][g["dp"]]
        if g["d2"]:
            f["day2"] = parse_number(g["d2"])
            if g["m3"]:
                f["month2"] = parse_number(g["m3"])
        has = True
    if not has:
        return False
    if g["part"]:
        f["part"] = g["part"]
    if g["hh"]:
        f["date_end"] = m.start("ap") if g["ap"] else m.start("hh")
        f.update(hour=int(g["hh"]), minute=int(g["mi"] or (30 if g["hhalf"] else 0)), ampm=g["ap"])
    return True
