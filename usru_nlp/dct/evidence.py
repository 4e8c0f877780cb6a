"""Collect constraints on the document date from the text and the knowledge base.

* **dates**: expressions with a known year, read with ``dct=None``. Their tense bounds the DCT:
  「2018年7月以来」 and 「14年に実施した」 happened before it (DCT ≥ start), 「2022年1月10日には…
  予定」 and 「24年の次期大統領選に向け…する」 lie ahead (DCT ≤ end). Every dated mention is also
  soft evidence that the DCT is near it. Month-days without a year (「5月20日(日)」) are kept
  as *floating* evidence, placed in candidate years once the year range is known.
* **offices**: an official with a title held in the KB (「ルビオ国務長官」) bounds the DCT by the
  term; 「前」 (「トランプ前大統領」, 「バイデン前米政権」) puts it after the term and before the
  next term of the same person or the end of the successor's term; 「元」 only after the term.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Iterable, List, Optional

from ..dates import Anchorer, lexicon, recognize
from ..kb import KnowledgeBase, normalize_title
from .clues import boxes, elapsed, relative_years, role, widgets
from .intervals import NEG, POS, Evidence, period

# How near the DCT each dated mention lies is measured, not set here: see likelihood.py.
INHERIT = 200  # characters after a mention with a month within which a bare day takes its month
LEAD = 300  # characters of the headline and lead, where dates are nearer the DCT
YY_PIVOT = 50  # two-digit years below this are 20YY, others 19YY

_SENT_BREAK = re.compile(r"[。！？!?\n]")
_PAST_AFTER_FUTURE = re.compile(r"(?:していた|した|されていた|された|だった|でした)")
_PLAN_NOUN = ("予定", "方針", "見通し", "見込み", "計画")
_ADMIN = re.compile(r"^(?P<former>前|元)?(?:米|露|ロ|中|英|仏|独|日|韓|朝|ロシア|アメリカ|中国)?"
                    r"政権(?P<past>下|期|時代|当時)?")
_TOJI = re.compile(r"当時")
# a two-digit year is a year (「16年大統領選」, 「14年に実施」), not a length of time (「結婚して30年」,
# 「10年ぶり」), only with a month or before these words
_YY_AFTER = re.compile(r"(?:初め|初頭|末|春|夏|秋|冬|前半|後半|度|の?(?:大統領選|米大統領選|選挙|総選挙|中間選挙|"
                       r"党大会|五輪|W杯|サミット|首脳会談|会談|侵攻|併合|合意|以降|以来)|に(?!一度|1度|わた|一回|1回|も)"
                       r"[^。]{0,12}?(?:た|る|始|開|行|発))")
_YY_BEFORE = set("歴約もてで後前から")
_HEAD_CATEGORIES = ("head_of_state", "head_of_government")


_LEX_TENSE = lexicon.load()["tense"]
# Only clear markers of what lies ahead: a bare 「…る」 is as often a relative clause or a habit.
_FUTURE = (r"(?<=る)(?:こと|事)[をにがも](?:決定|発表|決め|決ま|明らか|正式決定|判明)|予定|方針|見通し|見込み|計画|にも|目指す|控え|迫る|へ(?=[。、」]|$)|を控え|始まる(?=[。、])|迎える(?=[。、])"
           r"|(?:する|される|開く|行う|開かれる|行われる)(?=[。]|と(?:発表|明らか|伝え|報じ))")
# a past relative clause: 「14年に実施した経済制裁」, 「2008年に発売された「婚活時代」」
_PAST_CLAUSE = r"(?:した|された|れた|った|いた|えた|きた|けた|めた|じた|んだ)(?=[\u4e00-\u9fff\u30a0-\u30ff「『])"
_TENSE = re.compile("(?P<present>%s)|(?P<past>%s)|(?P<future>%s)" % (
    "|".join(_LEX_TENSE["present"]), "|".join(_LEX_TENSE["past"]) + "|" + _PAST_CLAUSE, _FUTURE))
# 「2012年2月4日公開の」, 「(1980年公開)」, 「2007年のミス・ユニバース」: the date qualifies a noun
_ATTRIBUTIVE = re.compile(r"\s*(?:[\u4e00-\u9fff]{1,4})?(?:の(?![でにはがも])|[)）])")
# 「6月1日より全国公開」, 「2012年3月31日から発売」: a release, mostly announced ahead of it
_RELEASE = re.compile(r"\s*(?:[(（][^)）]{1,4}[)）])?\s*(?:より|から|に)?\s*(?:全国|全世界)?(?:順次|一斉)?"
                      r"(?:公開|ロードショー|発売|販売開始|配信開始|放送開始|放送|上映)(?![さし中の)）])")
_TODAY = re.compile(r"(?:本日|今日|きょう)[はも]?[、,\s(（]*$")
_PERIOD_EDGE = re.compile(r"\s*(?:[(（][^)）]{1,4}[)）])?\s*(?:から|より|まで|～|~|-|－|の間|の期間)")


def _tense(anchorer: Anchorer, text: str, span) -> Optional[str]:
    """past | future | None for the clause after a dated mention.

    「以来」 is past; a mention opening or closing a period (「3月1日から」, 「…まで」) says nothing
    on its own. 「予定していた」 and 「計画だった」 are past.
    """
    if span.fields.get("suf_word") == "以来":
        return "past"
    if _RELEASE.match(text, span.end):
        return "future"
    if span.fields.get("suf") or _PERIOD_EDGE.match(text, span.end) or _ATTRIBUTIVE.match(text, span.end):
        return None
    i = anchorer.sentence(span.end)
    stop = anchorer.sent_ends[i] + 1 if i < len(anchorer.sent_ends) else anchorer.end
    m = _TENSE.search(text, span.end, stop)
    if m is None or m.group("present"):
        return None
    if m.group("future") in _PLAN_NOUN and _PAST_AFTER_FUTURE.match(text, m.end()):
        return "past"
    return "past" if m.group("past") else "future"


def _yy_is_year(text: str, span) -> bool:
    s, e = span.start, span.end
    if s > 0 and text[s - 1] in _YY_BEFORE or span.fields.get("pre") or span.fields.get("suf") not in (
            None, "ON_OR_AFTER"):
        return False
    return _YY_AFTER.match(text, e) is not None


def _year_period(text: str, span, value: str):
    """(first day, last day, year known from 4 digits) of a mention with a known year."""
    f = span.fields
    if "yy" in f and value.startswith("XX") and len(value) >= 4:
        if "month" not in f and not _yy_is_year(text, span):
            return None, False
        yy = f["yy"]
        year = (2000 if yy < YY_PIVOT else 1900) + yy
        value = f"{year:04d}" + value[4:]
        return period(value), False
    if value[:4].isdigit() and "X" not in value.split("T")[0]:
        if f.get("decade") or len(value) < 4 or f.get("era_range"):
            return None, True
        return period(value), True
    return None, True


def _float_info(f: dict) -> Optional[dict]:
    """Month(-day) fields of a mention without a year, or None: 「5月20日(日)」, 「今年4月」, 「昨年12月」
    (year_rel: the year relative to the DCT's), 「14日(火)」 (no month, a weekday)."""
    rel = f.get("year_rel")
    if rel is not None and (rel[1] != "dct" or rel[0] not in (-2, -1, 0, 1, 2)):
        return None
    if "month_rel" in f or "month2" in f or "day_rel" in f or "year" in f or "yy" in f:
        return None
    if "month" in f:
        return {"month": f["month"], "day": f.get("day"), "weekday": f.get("weekday_marker"),
                "year_rel": rel[0] if rel else None}
    if "day" in f and f.get("weekday_marker") and rel is None:
        return {"month": None, "day": f["day"], "weekday": f["weekday_marker"], "year_rel": None}
    return None


def _bare_day(f: dict) -> bool:
    return set(f) & {"day", "month", "year", "yy", "year_rel", "month_rel", "day_rel"} == {"day"}


def date_evidence(text: str, start: int = 0, end: Optional[int] = None) -> List[Evidence]:
    """Hard evidence and dated mentions (``near_date``, ``month_day``) of ``text[start:end]``.

    Product boxes (:func:`~.clues.boxes`) are left out, but the date their widget was made is
    kept. A bare day (「20日には」) shortly after a mention with a month takes its month (and year).
    The origin of an elapsed time (「2006年12月12日に開始し、5周年」, :func:`~.clues.elapsed`) is no
    mention near the DCT: the time added to it is.
    """
    end = len(text) if end is None else end
    anchorer = Anchorer(text, None, start, end)
    cut = boxes(text, start, end)
    out: List[Evidence] = widgets(text, cut) + relative_years(text, start, end) + elapsed(text, start, end)
    last = None  # (end, year or None, four, month) of the last mention with a month
    for span in recognize(text, start, end):
        if any(a <= span.start < b for a, b, _ in cut):
            continue
        typ, value, mod, _ = anchorer.resolve(span)
        if span.kind != "date" or typ not in ("DATE", "TIME"):
            continue
        f = span.fields
        tense = _tense(anchorer, text, span)
        explicit = "year" in f or "yy" in f  # not 同年, 前年: those follow other mentions
        if text[max(0, span.start - 2):span.start] == "西暦":  # 「西暦2020年、」: fiction, a plot
            continue
        today = bool(_TODAY.search(text, max(start, span.start - 6), span.start))
        near = last if last and span.start - last[0] < INHERIT and not _SENT_BREAK.search(text, last[0], span.start) \
            else None
        per, four = _year_period(text, span, value) if explicit else (None, True)
        info = {"value": value, "tense": tense}
        kind = role(text, span)
        if kind == "issue":  # a cover date names the issue: no event, no tense
            tense = info["tense"] = None
            kind = ""
        inherited = False
        if per is None and near and near[1] and _bare_day(f):  # 「2012年5月14日…。20日には」
            try:
                n = dt.date(near[1], near[3], f["day"]).toordinal()
                per, four, inherited = (n, n), near[2], True
            except ValueError:
                pass
        if per is not None:
            lo, hi = per
            w = (1.0 if four else 0.6) * (0.8 if inherited else 1.0)
            if kind == "birth":
                tense = info["tense"] = "past"
            if tense == "past":
                out.append(Evidence("date", span.text, span.start, span.end, [(lo, POS)], w,
                                    reason="past event: DCT on or after it", extra=info))
            elif tense == "future" and not inherited:
                out.append(Evidence("date", span.text, span.start, span.end, [(NEG, hi)], 0.8 * w,
                                    reason="event ahead: DCT on or before it", extra=info))
            gran = "day" if hi == lo else "month" if hi - lo < 32 else "year" if hi - lo < 367 else "long"
            out.append(Evidence("near_date", span.text, span.start, span.end, [(lo, hi)], w, hard=False,
                                reason=f"dated mention ({gran}, {tense or 'no tense'})",
                                extra=dict(info, day=hi == lo, gran=gran, four=four, today=today,
                                           role=kind or ("inh" if inherited else ""),
                                           lead=span.start - start < LEAD)))
            if "month" in f:
                last = (span.end, dt.date.fromordinal(lo).year, four, f["month"])
            continue
        if explicit:
            continue
        fl = _float_info(f)
        if fl is None and near and _bare_day(f):  # 「5月14日…、20日には」: the month of the last
            fl = {"month": near[3], "day": f["day"], "weekday": f.get("weekday_marker"), "year_rel": None}
        if fl is None or kind == "birth":
            continue
        info.update(fl, today=today, role=kind)
        out.append(Evidence("month_day", span.text, span.start, span.end, [], 0.0, hard=False,
                            reason="month-day without a year" if fl["month"] else "day and weekday",
                            extra=info))
        if "month" in f:
            last = (span.end, None, True, f["month"])
    origins = {e.start for e in out if e.kind == "elapsed"}
    out = [e for e in out if not (e.kind == "near_date" and e.start in origins)]
    _mark_latest(out)
    return out


def _mark_latest(evidence: List[Evidence]) -> None:
    """Mark the latest day the article names (``extra["latest"] = "last"``) and the mentions in
    the latest year it names ("latest"; the others "older"): an article is mostly written in
    the last year it mentions, seldom in an earlier one. Birth dates and deadlines do not count."""
    dated = [e for e in evidence if e.kind == "near_date" and e.extra.get("role") not in ("birth", "until", "inh", "hist")]
    if dated:
        last = max(dt.date.fromordinal(e.lo).year for e in dated)
        last_day = max((e.lo for e in dated if e.extra.get("day")), default=None)
        for e in evidence:
            if e.kind != "near_date":
                continue
            e.extra["latest"] = "last" if e.lo == last_day else \
                "latest" if dt.date.fromordinal(e.hi).year >= last else "older"


# -- offices -------------------------------------------------------------------------------
def _bounds(office):
    lo = period(office.start)[0] if office.start and period(office.start) else NEG
    hi = period(office.end)[1] if office.end and period(office.end) else POS
    return lo, hi


class OfficeEvidence:
    """Constraints from officials (``doc._.officials``) looked up in the knowledge base."""

    def __init__(self, kb: Optional[KnowledgeBase] = None):
        self.kb = kb or KnowledgeBase()
        self.by_kb_id = {}
        for e in self.kb.officials:
            self.by_kb_id.setdefault(e.id, e)
            if e.qid:
                self.by_kb_id.setdefault(e.qid, e)

    def _matching(self, entry, title: Optional[str], country: Optional[str], admin: bool):
        out = []
        for o in entry.offices:
            if country and o.country and o.country != country:
                continue
            if admin:
                t = self.kb.title(o.title)
                if t is not None and t.category in _HEAD_CATEGORIES:
                    out.append(o)
            elif title and self.kb._title_score(o, title) >= 4:
                out.append(o)
        return out

    def _successor_end(self, office, end: int) -> int:
        """End of the term of whoever took ``office`` over at ``end`` (POS if unknown)."""
        want = normalize_title(office.title)
        for e in self.kb.officials:
            for o in e.offices:
                if o.country == office.country and o.org == office.org and \
                        normalize_title(o.title) == want and o.start:
                    lo, hi = _bounds(o)
                    if abs(lo - end) <= 31 and hi < POS:
                        return hi
        return POS

    def collect(self, text: str, officials: Iterable, tense_at=None) -> List[Evidence]:
        """Evidence from ``officials``; ``tense_at(pos)`` (past|future|None) reads the clause."""
        out: List[Evidence] = []
        for o in officials:
            entry = self.by_kb_id.get(o.kb_id) if o.kb_id else None
            if entry is None:
                continue
            after = text[o.end:o.end + 12]
            m = _ADMIN.match(after)
            admin = m is not None and not o.title
            title = o.title
            if not title and not admin:
                continue
            offices = self._matching(entry, title, o.country, admin)
            if not offices:
                continue
            ctx = text[max(0, o.start - 8):o.end + (len(title) if title else 0) + 8]
            former = None
            if admin and m.group("former"):
                former = m.group("former")
            elif o.former:
                near = text[max(0, o.start - 8):o.start] + after[:len(title or "") + 4]
                former = "前" if "前" in near else "元"
            past_admin = admin and (m.group("past") is not None or
                                    (tense_at is not None and tense_at(o.end) == "past"))
            label = text[o.start:o.end] + (after[:m.end()] if admin else after[:after.find(title) + len(title)]
                                           if title and title in after else "")
            ev = self._one(entry, offices, former, past_admin or bool(_TOJI.search(ctx)), admin)
            if ev is None:
                continue
            ivs, weight, why = ev
            out.append(Evidence("office", label, o.start, o.start + len(label), ivs, weight, reason=why,
                                extra={"kb_id": o.kb_id, "title": title or "政権"}))
        return out

    def _one(self, entry, offices, former, past, admin):
        terms = sorted(_bounds(o) for o in offices)
        name = entry.name_en or entry.canonical
        if former == "前":
            own_starts = sorted(_bounds(o)[0] for o in offices)
            ivs = []
            for (lo, hi), o in zip(terms, sorted(offices, key=_bounds)):
                if hi >= POS:
                    continue
                nxt = min([s for s in own_starts if s > hi] + [self._successor_end(o, hi) + 1])
                ivs.append((hi, nxt - 1))
            return (ivs, 1.0, f"{name} is the previous holder: after the term") if ivs else None
        if former == "元":
            hi = min(h for _, h in terms)
            return ([(hi, POS)], 0.8, f"{name} is a former holder") if hi < POS else None
        if past:
            return [(min(lo for lo, _ in terms), POS)], 0.8, f"{name}'s term referred to as past"
        return terms, (0.8 if admin else 1.0), f"{name} in office"
