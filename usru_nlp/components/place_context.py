"""Context of a full place name: is it a place of its own, or part of a longer name?

Gazetteer, model and UniDic candidates (:mod:`.places`) name a place, but the same characters
also start names of organisations, facilities and events: 東京大学, 大阪駅, 日本共産党,
東京電力福島第1原発, 東日本大震災. Those are not places. The other direction: a place name
with a suffix or a second place is one longer place (横浜市, 吉野川, 神奈川県藤沢市,
フロリダ州オーランド, 東ドイツ). The word lists are data (``place_rules.json``).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Dict, List, Optional, Tuple

from ..matching import Trie, is_kanji, is_katakana, is_latin
from ..schema import Place

_RUN_MAX = 16
_REGNAL = re.compile(r"[0-9０-９一二三四五六七八九十]+世")
_ADMIN_ENDS = "都道府県州省郡市区町村"
_LEVELS = (("都", 1), ("道", 1), ("府", 1), ("県", 1), ("州", 1), ("省", 1), ("郡", 2), ("市", 2), ("区", 3),
           ("町", 3), ("村", 3))


def _is_word_char(ch: str) -> bool:
    return is_kanji(ch) or is_katakana(ch) or is_latin(ch) or ch.isdigit() or ch in "・＝="


def _boundary(text: str, i: int) -> bool:
    """Does a word end at ``i`` (end of text, punctuation, a particle, a space)?"""
    return i >= len(text) or not _is_word_char(text[i])


class PlaceContext:
    def __init__(self, rules: dict):
        self.name_heads = Trie({h: True for h in rules["name_heads"]})
        self.soft_heads = Trie({h: True for h in rules["soft_heads"]})
        self.org_heads = tuple(rules["org_heads"])
        self.org_heads_inside = tuple(h for h in rules["org_heads"] if len(h) > 1)
        self.not_before_koku = rules["country_suffix_not_before"]
        self.state_words = tuple(rules["state_words"])
        # the suffixes a place may extend over, by their first character, longest first
        self.extend: Dict[str, List[str]] = {}
        for suffix in sorted(rules["extend_suffixes"], key=len, reverse=True):
            self.extend.setdefault(suffix[0], []).append(suffix)
        self.extend_needs_boundary = set(rules["extend_needs_boundary"])
        self.admin = tuple(rules["admin_suffixes"])
        self.directions = set(rules["direction_prefixes"])
        self.country_suffixes = tuple(rules["country_extend_suffixes"])
        self.suffix_words = Trie({w: True for w in rules["suffix_starts_word"]})
        self.not_heads = tuple(rules["not_org_heads"])
        self.name_prefixes = tuple(rules["name_prefixes"])

    # -- spans ----------------------------------------------------------------------------
    def _extended_end(self, text: str, p: Place) -> int:
        e = p.end
        country = p.kind == "country"
        for suffix in self.extend.get(text[e : e + 1], ()):
            if not text.startswith(suffix, e):
                continue
            if country and suffix not in self.country_suffixes:
                continue
            if self.suffix_words.match_at(text, e) is not None:
                continue  # 福岡都市圏, 蘇州市街, 広島市長: the suffix starts another word
            if len(suffix) == 1 and text[e - 1] in _ADMIN_ENDS and suffix in _ADMIN_ENDS:
                continue  # 沖縄県 is not 沖縄県県, 東京都町田市 is not 東京都町 + 田市
            end = e + len(suffix)
            if (country or suffix in self.extend_needs_boundary) and not _boundary(text, end):
                if not (suffix == "国" and not country and text[end] not in self.not_before_koku):
                    continue
            return end
        return e

    def _extended_start(self, text: str, p: Place) -> int:
        s = p.start
        joins = p.kind == "country" or is_katakana(text[s])  # 東ドイツ, 西アフリカ, 東シベリア
        if joins and s > 0 and text[s - 1] in self.directions:
            if s < 2 or not is_kanji(text[s - 2]):
                return s - 1
        return s

    @staticmethod
    def level(p: Place) -> Optional[int]:
        """Administrative level: 0 country, 1 state/prefecture, 2 county/city, 3 ward/town."""
        if p.kind == "country":
            return 0
        for suffix, lvl in _LEVELS:
            if p.text.endswith(suffix):
                return lvl
        return None

    def joins(self, prev: Place, p: Place) -> bool:
        """Is ``p`` the next part of an address that ``prev`` starts (北海道北見市, 台湾高雄市)?"""
        lp, lq = self.level(prev), self.level(p)
        if lp is None or prev.end != p.start:
            return False
        if lp == 0:
            return lq is not None and lq > 0  # アメリカ合衆国イリノイ州; not ロシアウクライナ
        return lq is None or lq > lp  # 神奈川県藤沢市, フロリダ州オーランド; not 堺市和泉市

    # -- blocking -------------------------------------------------------------------------
    def _run_end(self, text: str, e: int) -> int:
        k = e
        while k < len(text) and k - e < _RUN_MAX and _is_word_char(text[k]):
            k += 1
        return k

    def blocked(self, text: str, p: Place) -> Optional[bool]:
        """True: part of a longer name; None: X・Y, decided by the caller."""
        s, e = p.start, p.end
        country = p.kind == "country"
        if s > 0 and is_latin(text[s - 1]):
            return True  # JR東日本, Aマドリード
        if text.endswith(self.name_prefixes, 0, s):
            return True  # 財団法人大阪市スポーツ・みどり振興協会
        if e < len(text) and is_latin(text[e]) and not is_latin(text[e - 1]):
            return True  # 栃木SC
        if self.name_heads.match_at(text, e) is not None:
            return True
        if p.kind not in ("country", "region") and self.soft_heads.match_at(text, e) is not None:
            return True
        # katakana names joined by ・: ワシントン・ウィザーズ (a place and a non-place)
        if is_katakana(text[s]) and e < len(text) and text[e] in "・＝=" and e + 1 < len(text) and is_katakana(text[e + 1]):
            return None  # decided by the caller, which knows the other places
        if _REGNAL.match(text, e):
            return True  # ヘンリー8世 is a person
        if not country and is_kanji(text[s]) and s > 0 and is_katakana(text[s - 1]):
            return True  # ホテル・コルテシア東京, クラシカルホメオパシー京都
        run_end = self._run_end(text, e)
        run = text[e:run_end]
        soft = self.soft_heads.match_at(text, e)
        if soft is not None and soft[0] == run_end and p.kind in ("country", "region"):
            return False  # ヨーロッパ市場, ロシア軍: the whole run is a state word
        if run.startswith(self.not_heads):
            run = run[len(next(h for h in self.not_heads if run.startswith(h))):]  # 日本社会
        inside = any(h in run for h in self.org_heads_inside)
        if (inside or run.endswith(self.org_heads)) and not (p.kind in ("country", "region") and any(w in run for w in self.state_words)):
            return True  # 日本貝類学会, 東京電力福島第1原発
        return False

    def abbreviation_blocked(self, text: str, end: int, compound: bool) -> bool:
        """米ドル, 日露戦争, 米朝事務所: an abbreviation (compound) inside a longer name."""
        if self.name_heads.match_at(text, end) is not None:
            return True
        return compound and text[end : self._run_end(text, end)].endswith(self.org_heads)

    def _local_office_after(self, text: str, e: int) -> bool:
        """Does a local office follow the place (ニューヨーク|市長, ニューヨーク市|長 → 市長)?"""
        offices = local_office_trie()
        return offices.match_at(text, e) is not None or (
            text[e - 1] in _ADMIN_ENDS and offices.match_at(text, e - 1) is not None)

    def apply(self, text: str, places: List[Place], abbreviations: set) -> List[Place]:
        """Extend, merge and drop full place names in the light of their context.

        ``abbreviations``: (start, end) of single-character abbreviations, kept as they are.
        """
        out: List[Place] = []
        for p in places:
            if (p.start, p.end) in abbreviations:
                out.append(p)
                continue
            s, e = self._extended_start(text, p), self._extended_end(text, p)
            if (s, e) != (p.start, p.end):
                p = Place(s, e, text[s:e], kind=p.kind if e == p.end else _kind_of(text[s:e], p.kind),
                          country=p.country, kb_id=p.kb_id if (s, e) == (p.start, p.end) else None)
            out.append(p)
        out.sort(key=lambda p: p.start)
        merged: List[Place] = []
        for p in out:
            prev = merged[-1] if merged else None
            if (prev is not None and (prev.start, prev.end) not in abbreviations
                    and (p.start, p.end) not in abbreviations and self.joins(prev, p)):
                merged[-1] = Place(prev.start, p.end, text[prev.start : p.end], kind=p.kind, country=p.country or prev.country)
                continue
            merged.append(p)
        starts = {p.start for p in merged}
        kept: List[Place] = []
        for p in merged:
            if (p.start, p.end) in abbreviations:
                kept.append(p)
                continue
            verdict = self.blocked(text, p)
            if verdict is None:  # X・Y: keep X when Y is a place too (トルコ・イスタンブール)
                verdict = (p.end + 1) not in starts
            if p.kind != "country" and s_prev_dot(text, p.start) and not any(q.end == p.start - 1 for q in merged) \
                    and not self._local_office_after(text, p.end):
                verdict = True  # ハンターズ・ポイント (not マムダニ・ニューヨーク市長)
            if not verdict:
                kept.append(p)
        full = [(p.start, p.end) for p in kept if (p.start, p.end) not in abbreviations]
        return [p for p in kept if (p.start, p.end) not in abbreviations
                or not any(s <= p.start and p.end <= e for s, e in full)]  # the 西 of 西ドイツ


@lru_cache(maxsize=1)
def local_offices() -> Tuple[str, ...]:
    """Local offices of the title lexicon (市長, 区長, 州知事): after a place, they make it one."""
    from ..kb import load_titles

    return tuple(t.title for t in load_titles() if t.category == "local")


@lru_cache(maxsize=1)
def local_office_trie() -> Trie:
    return Trie({title: True for title in local_offices()})


def s_prev_dot(text: str, s: int) -> bool:
    return s > 1 and text[s - 1] in "・＝=" and is_katakana(text[s - 2]) and is_katakana(text[s])


def _kind_of(surface: str, kind: str) -> str:
    if surface.endswith(("市", "町", "村", "区")):
        return "city"
    if surface.endswith(("川", "山", "峠", "湖", "島", "列島", "半島", "諸島")):
        return "region"
    if surface.endswith(("湾", "海")):
        return "sea"
    if surface.endswith(("国", "帝国", "王国", "共和国")):
        return "country"
    return kind if kind != "other" else "region"
