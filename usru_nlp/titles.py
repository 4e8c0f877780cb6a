"""Titles around a name: 「ブリンケン米国務長官」, 「パイファー元駐ウクライナ米大使」, 「外務次官のリャブコフ氏」.

:class:`TitleGrammar` reads what follows a name (country, former marker, title, 氏, an
administration word like 政権) and the title written before a name. Titles, modifiers and
country words are data (``models/lexicons``); this module only walks the text.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Tuple

from .kb import load_country_prefixes, load_international_orgs, load_places, load_titles
from .matching import Trie, is_kanji, is_katakana

FORMER = ("元", "前")
CURRENT = ("現", "新", "次期")  # 現政権, 石破新首相, トランプ次期大統領 (incoming: not former)
HONORIFICS = ("氏", "さん", "容疑者", "被告")
ADMIN_WORDS = ("政権下", "政権期", "政権", "期")


@dataclass
class TitleInfo:
    title: Optional[str] = None  # the title as written, country prefix dropped (GUIDELINES §2)
    title_en: Optional[str] = None
    country: Optional[str] = None  # from a prefix (米, ロシア) or the title itself
    former: bool = False
    end: int = 0  # where the parsed context ends
    honorific: bool = False  # 氏
    admin: bool = False  # トランプ政権, バイデン前米政権
    entry: object = None  # the lexicon TitleEntry


class TitleGrammar:
    def __init__(self):
        self.titles: Trie = Trie()
        for t in load_titles():
            self.titles.add(t.title, t)
        self.english: dict = {}  # place surface → English name, for 駐X大使 → "Ambassador to X"
        self.countries: Trie = Trie()
        for p in load_country_prefixes():
            if p.country:
                self.countries.add(p.prefix, p.country)
        for place in load_places():
            if place.kind == "country" and place.country:
                for surface in (place.name, *place.aliases):
                    if place.name_en:
                        self.english.setdefault(surface, place.name_en)
                    if len(surface) > 1:
                        self.countries.add(surface, place.country)
        # the characters that start anything :meth:`after` reads (両, ・, 元/前/現/新, 駐, an
        # administration word, 氏/さん/..., a country, a title); kanji may also start offices
        # joined by 兼, and places a local office: after a name followed by anything else
        # (a particle, punctuation) there is nothing to read
        self.international = sorted(load_international_orgs(), key=len, reverse=True)
        self._after_starts = frozenset("両・･駐" + "".join(FORMER + CURRENT + ADMIN_WORDS + HONORIFICS)) \
            | self.titles.first_chars() | self.countries.first_chars()

    # -- after the name ---------------------------------------------------------------------
    def country_at(self, text: str, i: int) -> Optional[Tuple[int, str]]:
        hit = self.countries.match_at(text, i)
        if hit is None:
            return None
        end, country = hit
        # 米国務長官: 米 + 国務長官, not 米国 + 務長官
        if end - i == 2 and text[end - 1] == "国" and self.title_at(text, i + 1) is not None:
            return i + 1, self.countries.get(text[i])
        return end, country

    def title_at(self, text: str, i: int) -> Optional[Tuple[int, object]]:
        hit = self.titles.match_at(text, i)
        if hit is None:
            return None
        end, entry = hit
        # a title must end a word: 大統領選 is an election, 外相会談 a meeting (still a title)
        if end < len(text) and text[end] in "選":
            return None
        return end, entry

    def _continues(self, text: str, k: int) -> bool:
        """Can a title, an administration word or another modifier start at ``k``?"""
        return bool(
            self.title_at(text, k)
            or text.startswith(ADMIN_WORDS, k)
            or text.startswith(FORMER + CURRENT + ("駐",), k)
            or (self.country_at(text, k) and self._title_or_admin(text, self.country_at(text, k)[0]))
        )

    def _title_or_admin(self, text: str, k: int) -> bool:
        return bool(self.title_at(text, k) or text.startswith(ADMIN_WORDS, k)
                    or text.startswith(FORMER, k))

    def after(self, text: str, i: int, places: Optional[dict] = None) -> TitleInfo:
        """What follows a name ending at ``i``. ``places``: the document's places by start
        offset, for local offices written after a place (吉村洋文大阪府知事, 山中竹春横浜市長)."""
        if i >= len(text) or (text[i] not in self._after_starts and not is_kanji(text[i])
                              and not (places and i in places)):
            return TitleInfo(end=i)  # ラブロフは: nothing after the name
        if text.startswith("両", i) and (self.title_at(text, i + 1) or text.startswith(HONORIFICS, i + 1)):
            return self.after(text, i + 1, places)  # ラブロフ、ルビオ両外相; トランプ、プーチン両氏
        info = TitleInfo(end=i)
        j = i
        if j < len(text) and text[j] in "・･":  # パトルシェフ・ロシア安全保障会議書記
            local = self._local_title(text, j + 1, places) if places else None
            if local:  # マムダニ・ニューヨーク市長
                return local
            hit = self.country_at(text, j + 1)
            if hit and self.title_at(text, hit[0]):
                info.country = hit[1]
                j = hit[0]
            elif self.title_at(text, j + 1) and is_katakana(text[j - 1]):
                j += 1  # ケロッグ・ウクライナ担当特使: a title that starts with a place
        for _ in range(3):  # 前米政権, 元駐..., 現政権, 米前大統領
            if text.startswith(FORMER, j) and self._continues(text, j + 1):
                info.former = True
                j += 1
                continue
            word = next((w for w in CURRENT if text.startswith(w, j)), None)
            if word and self._continues(text, j + len(word)):
                j += len(word)
                continue
            hit = self.country_at(text, j) if info.country is None else None
            if hit and self._continues(text, hit[0]):
                info.country = hit[1]
                j = hit[0]
                continue
            break
        if text.startswith("駐", j):  # 駐ウクライナ米大使: the whole is the title
            hit = self.country_at(text, j + 1)
            if hit:
                k = hit[0]
                own = self.country_at(text, k)
                if own:
                    info.country = own[1]
                    k = own[0]
                t = self.title_at(text, k)
                if t:
                    info.title = text[j : t[0]]
                    info.entry = t[1]
                    where = text[j + 1 : hit[0]]
                    info.title_en = f"{t[1].title_en} to {self.english.get(where, where)}"
                    info.end = t[0]
                    return info
        if j == i and text.startswith("期", j):  # バイデン期
            info.admin = True
            info.end = j + 1
            return info
        for word in ADMIN_WORDS[:-1]:
            if text.startswith(word, j):
                info.admin = True
                info.end = j + len(word)
                return info
        local = self._local_title(text, j, places) if places and info.country is None else None
        if local:
            return local
        j, t = self._title_or_joint(text, j)
        if t:
            info.title = text[j : t[0]]
            info.entry = t[1]
            info.title_en = t[1].title_en
            if info.country is None and t[1].country_hint:
                info.country = t[1].country_hint
            info.end = t[0]
            return info
        if j == i and text.startswith(HONORIFICS, j):
            info.honorific = True
            info.end = j + 1
            return info
        return TitleInfo(end=i)

    def _title_or_joint(self, text: str, j: int) -> Tuple[int, Optional[Tuple[int, object]]]:
        """The title at ``j`` and where it starts; with offices joined by 兼, the first one the
        lexicon knows: 「ルビオ国務長官兼大統領補佐官」 → 国務長官; 「王毅共産党政治局員兼外相」 → 外相,
        as with committee titles the known title is given (GUIDELINES §2). The offices before 兼
        are written in kanji. ``(j, None)`` when there is no title."""
        k = j
        for _ in range(3):  # 共産党政治局員兼副首相兼外相
            t = self.title_at(text, k)
            if t:
                return k, t
            m = k
            while m < len(text) and m - k < 12 and text[m] != "兼" and is_kanji(text[m]):
                m += 1
            if m == k or m >= len(text) or text[m] != "兼":
                break
            k = m + 1
        return j, None

    def _local_title(self, text: str, j: int, places: dict) -> Optional[TitleInfo]:
        """A place and a local office right after it: 大阪府知事, 横浜市長, 渋谷区長. The place
        stays in the title (as 駐ウクライナ in 駐ウクライナ米大使); its country is the official's."""
        place = places.get(j)
        if place is None:
            return None
        t = self.title_at(text, place.end)
        if t is None and text[place.end - 1] in "都道府県州省市区町村":
            t = self.title_at(text, place.end - 1)  # ニューヨーク市|長: the place's 市 starts 市長
        if t is None or t[1].category != "local":
            return None
        return TitleInfo(title=text[j : t[0]], entry=t[1], end=t[0], title_en=t[1].title_en,
                         country=place.country or t[1].country_hint)

    # -- before the name --------------------------------------------------------------------
    def before(self, text: str, s: int) -> Optional[TitleInfo]:
        """A title written right before a name starting at ``s``, or before 「の」 or 「、」 there
        (「ロシア外務次官のリャブコフ氏」, 「ロシアの外相、ラブロフ氏」)."""
        for gap in (0, 1):
            p = s - gap
            if gap and (p <= 0 or text[p] not in "の、"):
                continue
            for n in self.titles.lengths_ending_at(text, p):  # longest first
                if p - n < 0:
                    continue
                entry = self.titles.get(text[p - n : p])
                if entry is None:
                    continue
                start = p - n
                if gap == 0 and start > 0 and (is_katakana(text[start - 1]) and is_katakana(text[start])):
                    continue
                # the longest lexicon title ending at p: a "...担当" qualifier belongs to it only
                # where the lexicon lists the title whole (中東担当特使), nothing extends it here
                info = TitleInfo(title=text[start:p], title_en=entry.title_en, entry=entry, end=s)
                hit = self.country_ending_at(text, start)
                info.country = hit[0] if hit else entry.country_hint
                head = hit[1] if hit else start  # 元|米|国家安全保障担当大統領補佐官
                if gap and text[p] == "、" and head > 0 and (is_kanji(text[head - 1]) or is_katakana(text[head - 1])):
                    return None  # トランプ大統領、ネタニヤフ氏と会談: the title is Trump's
                if head > 0 and text[head - 1] in FORMER:
                    info.former = True
                return info
        return None

    def country_ending_at(self, text: str, k: int, longest: int = 8) -> Optional[Tuple[str, int]]:
        """Country of a country word ending at ``k`` (ロシア in 「ロシア外務次官」) and where it starts."""
        for n in range(min(longest, k), 0, -1):
            country = self.countries.get(text[k - n : k])
            if country:
                return country, k - n
        return None

    def international_before(self, text: str, s: int) -> Optional[str]:
        """The international organisation written right before a name, with or without の
        (「アジア開発銀行の山田太郎総裁」, 「IMFの…」), or None."""
        end = s - 1 if s > 0 and text[s - 1] == "の" else s
        return next((o for o in self.international if text.startswith(o, end - len(o), end)
                     and not (end - len(o) > 0 and o.isascii() and text[end - len(o) - 1].isascii()
                              and text[end - len(o) - 1].isalnum())), None)

    def country_before(self, text: str, s: int, limit: int = 25) -> Optional[str]:
        """Country of 「ロシアのラブロフ外相」 / 「ロシア下院国際問題委員会のノビコフ」 (noun phrase + の)."""
        if s <= 0 or text[s - 1] != "の":
            return None
        k = s - 1
        while k > 0 and s - k < limit and (is_kanji(text[k - 1]) or is_katakana(text[k - 1]) or text[k - 1] in "・"):
            k -= 1
        hit = self.country_at(text, k)
        if hit and hit[0] <= s - 1:
            return hit[1]
        return None
