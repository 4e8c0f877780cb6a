"""Small readers of dated clues around a mention, and product boxes that are not article text.

* :func:`role`: what a dated mention is to the article: a birth date (「1986年3月8日生まれ」,
  long before it), a deadline (「2015年6月30日まで」, often years ahead) or an ordinary event.
* :func:`relative_years`: a relative year named with its number (「昨年の2011年」, 「2012年（今年）」,
  「来年2013年」) fixes the year of the DCT itself.
* :func:`elapsed`: a dated origin and the time since it (「2006年12月12日にサービスを開始し、5周年を
  迎えた」, 「2003年の退任以来、8年ぶり」, 「1919年（今から93年前）」, 「1985年生まれの26歳」) give the
  DCT by addition.
* :func:`boxes`, :func:`widgets`: product boxes (the release date of a book is not article
  text) and the day their widget was made (near the DCT).
"""
from __future__ import annotations

import datetime as dt
import re
from typing import List

from ..dates.recognize import prepare
from .intervals import Evidence

_BIRTH = re.compile(r"\s*(?:[(（][^)）]{1,6}[)）])?\s*(?:生まれ|生(?![産活放中徒涯])|誕生(?!日))")
_BIRTH_LABEL = re.compile(r"(?:生年月日|誕生日|生まれ)\s*[:：]?\s*$")
# an origin or a time looked back on: mostly years before the article, however recent it reads
_HIST_AFTER = re.compile(r"[^。、\n]{0,8}?(?:当時|以来|ぶり|創刊|創業|創立|誕生|デビュー|設立|結成|発足|開業|初登場)")
_HIST_BEFORE = re.compile(r"(?:当時|かつて|年前|昔|以前)[のはに、,]?\s*$")
_UNTIL = re.compile(r"\s*(?:[(（][^)）]{1,4}[)）])?\s*(?:まで|迄|までに|を期限|が期限|が有効期限)")
# 「2012年3月10日（土）より全国ロードショー」, 「（2012年3月10日公開）」: a release, mostly weeks ahead
_RELEASE = re.compile(r"\s*(?:[(（][^)）]{1,4}[)）])?\s*(?:より|から|に)?\s*[、,]?\s*(?:[^\s。、]{0,20}ほか)?(?:全国|全米|日本|全世界)?"
                      r"(?:で)?(?:順次|一斉|拡大)?(?:公開|ロードショー|発売|販売開始|配信開始|放送開始|上映|封切)")
# 「『雑誌』（3月9日号）」, 「2012年4月号」, 「（6月20日発売号）」: the issue of a periodical, named by
# the date on its cover, which is not the day it went on sale
_ISSUE = re.compile(r"\s*(?:[(（][^)）]{1,4}[)）])?\s*(?:発売|発行)?(?:号|増刊号|臨時増刊)")
# 「10月1日（土）〜10月31日（月）」: the end of a period, mostly ahead of the article
_END_BEFORE = re.compile(r"[〜～~]\s*$")
# 「・記事の見出し（2011年02月04日）」: a list of earlier articles, each with its date
_REF = re.compile(r"\s*[)）]\s*(?:\n|$)")
_REF_LINE = re.compile(r"^\s*[・●■◆○※\-]")
_REL = {"今年": 0, "本年": 0, "ことし": 0, "昨年": -1, "去年": -1, "一昨年": -2, "来年": 1, "再来年": 2}
_RELW = "|".join(sorted(_REL, key=len, reverse=True))
_YEAR = r"((?:19|20)\d{2})\s*年(?![度代間])"
# a relative year not right after 同; the test sits after the word's first character, so that the
# regex engine can skip ahead to the first characters of the words by itself
_RELW_NOT_AFTER_DO = "|".join(w[0] + "(?<!同.)" + w[1:] for w in sorted(_REL, key=len, reverse=True))
_REL_BEFORE = re.compile(rf"({_RELW_NOT_AFTER_DO})\s*(?:の|、|，|は|\s|[(（])?\s*{_YEAR}")
_REL_AFTER = re.compile(rf"{_YEAR}\s*[(（]\s*({_RELW})\s*[)）]")
_REL_IS = re.compile(rf"({_RELW})は\s*{_YEAR}")


def role(text: str, span) -> str:
    """birth | hist | until | release | issue | end | ref | "" (an ordinary event) for the dated
    mention ``span``: a birth date, an origin or a time looked back on (「1977年創刊以来」, 「当時の
    2005年」), a deadline, a release (film, product), the cover date of a periodical's issue, the
    end of a period (「…〜10月31日」), the date of a listed earlier article."""
    if _BIRTH.match(text, span.end) or _BIRTH_LABEL.search(text[max(0, span.start - 8):span.start]):
        return "birth"
    if span.fields.get("suf_word") == "以来" or _HIST_AFTER.match(text, span.end) or _HIST_BEFORE.search(text[max(0, span.start - 8):span.start]):
        return "hist"
    if span.fields.get("suf_word") == "まで" or _UNTIL.match(text, span.end):
        return "until"
    if _ISSUE.match(text, span.end):
        return "issue"
    if _RELEASE.match(text, span.end):
        return "release"
    if _END_BEFORE.search(text[max(0, span.start - 3):span.start]):
        return "end"
    if text[span.start - 1:span.start] in "(（" and _REF.match(text, span.end):
        line = text[text.rfind("\n", 0, span.start) + 1:span.start]
        if _REF_LINE.match(line):
            return "ref"
    return ""


def relative_years(text: str, start: int, end: int) -> List[Evidence]:
    """Hard evidence from a relative year written with its number: the DCT is in that year
    shifted back (「昨年の2011年」 → 2012)."""
    norm = prepare(text)
    out = []
    for rx, wi, yi in ((_REL_BEFORE, 1, 2), (_REL_IS, 1, 2), (_REL_AFTER, 2, 1)):
        for m in rx.finditer(norm, start, end):
            rel = _REL[m.group(wi)]
            year = int(m.group(yi)) - rel
            if any(e.start <= m.start() < e.end for e in out):
                continue
            lo, hi = dt.date(year, 1, 1).toordinal(), dt.date(year, 12, 31).toordinal()
            out.append(Evidence("year_rel", text[m.start():m.end()], m.start(), m.end(), [(lo, hi)], 1.5,
                                reason=f"{m.group(wi)} is {m.group(yi)}年: DCT in {year}",
                                extra={"year": year, "rel": rel}))
    return out


_ANCHOR = re.compile(r"((?:19|20)\d{2})\s*年(?![度代間])(?:\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?)?")
# something began then (「…に登場した」, 「…を開始し」, 「…誕生から」, 「…就航して以来」); the bare noun
# (「連載25周年」) is part of the count, not a cue
_ORIGIN = re.compile(r"(?:誕生|登場|開始|創業|創刊|創立|設立|結成|デビュー|発売|開業|開設|開局|開館|オープン|スタート|"
                     r"始ま|生まれ|連載|放送|就航|上陸|発足|初演|公開|リリース)(?:っ?た|り|し|して|から|以来|され|させ)")
_SINCE = re.compile(r"以来")
_COUNT_ANNIV = re.compile(r"(\d{1,3})\s*周年|(?:没後|生誕|誕生|結成|デビュー|創業|創刊|設立|開業|発売)\s*(\d{1,3})\s*年(?:目)?(?![前代度間以])")
_COUNT_BURI = re.compile(r"(?:約|およそ)?(\d{1,4})\s*(年|日|か月|ヶ月|カ月|ケ月)\s*ぶり")
_AGO_AFTER = re.compile(r"\s*[(（]?\s*(?:今から|いまから)\s*(\d{1,3})\s*年前")
# 「1985年4月2日生まれの26歳」: an age now, not 「20歳の時」, 「18歳以下」, 「20歳でデビュー」
_AGE = re.compile(r"(?<!\d)(\d{1,3})\s*[歳才](?!\s*(?:の(?:時|とき|頃|ころ|年|夏|春|秋|冬)|当時|以下|以上|未満|から|まで|前後|で(?!す)|差|年上|年下))")
_AGE_REACH = 30
_AGO_BEFORE = re.compile(r"(?:今から|いまから)?(\d{1,3})\s*年前の\s*$")
_SHIFT = {"昨年": 1, "去年": 1, "一昨年": 2, "来年": -1, "今年": 0}
_SHIFT_RX = re.compile(r"一昨年|昨年|去年|来年|今年")
_BREAK = re.compile(r"[。！？!?\n]")
_YEAR_ANY = re.compile(r"(?:19|20)\d{2}\s*年|(?<!\d)\d{2}\s*年(?!前|間|代|度|ぶり|目)")
ELAPSED_REACH = 80  # characters from the dated origin to the count


def _shift(norm: str, a: int, b: int) -> int:
    """Years from the anniversary to the DCT: 「昨年で1周年」, 「10周年を迎えた昨年」 → 1."""
    brk = _BREAK.search(norm, b, b + 12)
    m = _SHIFT_RX.search(norm, max(0, a - 6), a) or _SHIFT_RX.search(norm, b, brk.start() if brk else b + 12)
    return _SHIFT[m.group(0)] if m else 0


def _count(norm: str, a: int, b: int):
    """(unit, number, years to shift, end) of the time since a dated origin ending at ``a``."""
    ago = _AGO_AFTER.match(norm, b) or _AGO_BEFORE.search(norm[max(0, a - 14):a])
    if ago:
        return "年", int(ago.group(1)), 0, ago.end() if ago.re is _AGO_AFTER else b
    if _BIRTH.match(norm, b):
        brk = _BREAK.search(norm, b, b + _AGE_REACH)
        age = _AGE.search(norm, b, brk.start() if brk else min(len(norm), b + _AGE_REACH))
        if age and not _YEAR_ANY.search(norm, b, age.start()):
            return "歳", int(age.group(1)), 0, age.end()
        return None
    brk = _BREAK.search(norm, b, b + ELAPSED_REACH)
    stop = brk.start() if brk else min(len(norm), b + ELAPSED_REACH)
    for rx, since in ((_COUNT_BURI, True), (_COUNT_ANNIV, False)):
        c = rx.search(norm, b, stop)
        if c is None or _YEAR_ANY.search(norm, b, c.start()):
            continue
        between = norm[b:c.start()]
        if not (_SINCE.search(between) or not since and _ORIGIN.search(between)):
            continue
        if since:
            return c.group(2), int(c.group(1)), 0, c.end()
        return "年", int(c.group(1) or c.group(2)), _shift(norm, c.start(), c.end()), c.end()
    return None


def elapsed(text: str, start: int, end: int) -> List[Evidence]:
    """Hard evidence from a dated origin and the time since it, in one sentence: the DCT lies
    that long after the origin (an anniversary, 「…以来N年ぶり」, 「今からN年前」, an age after a
    birth date 「1985年生まれの26歳」)."""
    norm = prepare(text)
    out = []
    for m in _ANCHOR.finditer(norm, start, end):
        found = _count(norm, m.start(), m.end())
        if not found:
            continue
        unit, n, shift, stop = found
        y, mo, d = int(m.group(1)), m.group(2), m.group(3)
        try:
            base = dt.date(y, int(mo) if mo else 1, int(d) if d else 1)
            at = base.replace(year=y + n + shift) if unit in ("年", "歳") else \
                base + dt.timedelta(days=n * (1 if unit == "日" else 30))
        except ValueError:  # 29 February, a month or day out of range
            continue
        a = at.toordinal()
        if unit == "歳":  # from the birthday of that age to the day before the next one
            lo = a if d else dt.date(at.year, 1, 1).toordinal()
            hi = (dt.date(at.year + 1, at.month, at.day).toordinal() - 1) if d else dt.date(at.year + 1, 12, 31).toordinal()
        elif unit == "日":
            lo, hi = a - 1, a + 31
        elif unit != "年":
            lo, hi = a - 31, a + 62
        elif mo and not shift:
            lo, hi = a - 183, a + 365
        else:  # the year of the anniversary, or the year it is looked back on from
            lo, hi = dt.date(at.year, 1, 1).toordinal(), dt.date(at.year, 12, 31).toordinal()
        out.append(Evidence("elapsed", text[m.start():stop], m.start(), stop, [(lo, hi)], 1.0,
                            reason=f"{n}{unit} after {m.group(0)}", extra={"year": at.year}))
    return out


_PRODUCT_DATE = re.compile(r"\((?:19|20)\d{2}-\d{2}-\d{2}\)(?=[\s\S]{0,40}?(?:販売元|売り上げランキング|Amazon))")
_BOX_END = re.compile(r"Amazon\.co\.jp\s*で詳細を見る|売り上げランキング\s*:\s*\d+")
_WIDGET = re.compile(r"posted with (?:amazlet|ヨメレバ|カエレバ|あまなつ)\s+at\s+(\d{2})\.(\d{1,2})\.(\d{1,2})")


def boxes(text: str, start: int, end: int):
    """Product boxes (「[DVD]posted with amazlet at 11.09.29バップ (2011-09-28)\n売り上げランキング: 3007
    Amazon.co.jp で詳細を見る」): (start, end, widget match) from the line of the widget stamp to
    the shop link, and product dates 「翔泳社(2012-01-18)\n販売元：Amazon.co.jp」 (widget None).
    The product's release date is not article text. The shop link may lie past ``end`` (the
    body often stops before it)."""
    out = []
    for m in _WIDGET.finditer(text, start, end):
        e = _BOX_END.search(text, m.end(), m.end() + 300)
        a = text.rfind("\n", start, m.start()) + 1
        b = e.end() if e else text.find("\n", m.end(), end)
        out.append((max(a, start), min(b, end) if b > 0 else end, m))
    out += [(m.start(), m.end(), None) for m in _PRODUCT_DATE.finditer(text, start)
            if m.start() < end]
    return out


def widgets(text: str, cut) -> List[Evidence]:
    """The day a product widget was made (「posted with amazlet at 11.09.29」): near the DCT."""
    out = []
    for _, _, m in cut:
        if m is None:
            continue
        try:
            day = dt.date(2000 + int(m.group(1)), int(m.group(2)), int(m.group(3))).toordinal()
        except ValueError:
            continue
        out.append(Evidence("widget", m.group(0), m.start(), m.end(), [(day, day)], 1.0, hard=False,
                            reason="day the product box was made", extra={"day": True}))
    return out
