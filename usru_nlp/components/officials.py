"""Component ``usru_officials``: named officials with title, country and former flag.

For each name candidate (:mod:`usru_nlp.names`) the title grammar (:mod:`usru_nlp.titles`)
reads the words around it. A candidate is an official when the knowledge base knows the name
or a government title is attached to it; later mentions (ラブロフ氏, プーチン政権) join the
first mention's cluster and carry its canonical name and country. Names that are not
officials are left in ``doc._.person_candidates`` for the persons component.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Dict, List, Optional

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions
from ..extensions import text_of
from ..kb import KnowledgeBase, load_not_places, load_places
from ..matching import Trie, is_kanji
from ..names import NameCandidate, find_candidates
from ..schema import Official
from ..titles import TitleGrammar, TitleInfo

_DOU = re.compile("同")  # before a title: 同外相, 同大統領

if not Doc.has_extension("person_candidates"):
    Doc.set_extension("person_candidates", default=None)


def _date_of(doc: Doc) -> Optional[dt.date]:
    dct = doc._.dct if Doc.has_extension("dct") else None
    value = (dct.value if dct else None) or doc._.published
    if value and len(value) >= 10:
        return dt.date.fromisoformat(value[:10])
    return None


def _active(office, date: Optional[dt.date]) -> bool:
    return office.active_on(date.isoformat() if date else None)


def _surname(surface: str) -> str:
    for sep in ("・", "＝", "="):
        surface = surface.split(sep)[-1]
    return surface


def _same_title(title: str, info: TitleInfo) -> bool:
    return title in (info.title, getattr(info.entry, "normalized", None))


class OfficialLinker:
    """Picks the KB entry and office that fit a mention's title, country and date."""

    @staticmethod
    def choose(entries: list, info: TitleInfo, country: Optional[str], date: Optional[dt.date]):
        best, best_office, best_score = None, None, -1
        for entry in entries:
            for office in entry.offices or [None]:
                score = 0
                if office is not None:
                    if info.title and _same_title(office.title, info):
                        score += 4
                    if country and office.country == country:
                        score += 2
                    if _active(office, date):
                        score += 1
                if score > best_score:
                    best, best_office, best_score = entry, office, score
        return best, best_office


class OfficialTagger:
    def __init__(self):
        self.kb = KnowledgeBase()
        self.aliases: Trie = Trie()
        for entry in self.kb.officials:
            for surface in (entry.canonical, *entry.aliases):
                found = self.aliases.get(surface)
                if found is None:
                    self.aliases.add(surface, [entry])
                elif entry not in found:
                    found.append(entry)
        self.blocked: Trie = Trie({name: True for name in load_not_places()})
        self.place_names = {s for p in load_places() for s in (p.name, *p.aliases)}
        self.grammar = TitleGrammar()

    def __call__(self, doc: Doc) -> Doc:
        text = text_of(doc)
        region = doc._.body or (0, len(text))
        date = _date_of(doc)
        officials: List[Official] = []
        others: List[NameCandidate] = []
        clusters: Dict[str, dict] = {}
        in_place = bytearray(len(text))  # 1 on the characters of the places found
        for p in doc._.places or ():
            in_place[p.start : p.end] = b"\x01" * (p.end - p.start)
        places_at = {p.start: p for p in doc._.places or ()}
        cands = find_candidates(doc, region, self.aliases, self.blocked, self.place_names)
        for cand in cands:
            if cand.entries:
                cand.end = self._name_end(text, cand.start, cand.end)
        shared = self._shared_titles(text, cands)
        for cand in cands:
            surface = text[cand.start : cand.end]
            if surface in self.place_names:
                continue
            if not cand.entries and in_place.find(0, cand.start, cand.end) == -1:  # all in places
                continue  # 米ロ外相, ナバラ女王 (a place found): places and a title, not a name
            if not (cand.entries or cand.model_person) and cand.place_word:
                continue  # ナバラ女王: a UniDic country name and a title
            official = self._official(text, cand, surface, date, clusters, places_at, shared.get(id(cand)))
            if official is None:
                others.append(cand)
            else:
                officials.append(official)
        officials = sorted(officials + self._anaphors(text, region, officials), key=lambda o: o.start)
        # a name the knowledge base links and a title follows is no place (米国のケロッグ・ウクライナ担当特使)
        named = {(o.start, o.end) for o in officials if o.kb_id and o.title}
        wrong = [p for p in doc._.places or () if (p.start, p.end) in named]
        if wrong:
            doc._.places = [p for p in doc._.places if p not in wrong]
            extensions.drop_spans(doc, wrong, "PLACE")
        doc._.officials = officials
        doc._.person_candidates = others
        extensions.add_spans(doc, officials, "OFFICIAL")
        return doc

    def _name_end(self, text: str, start: int, end: int) -> int:
        """Where the name ends in a knowledge-base alias written with its title (ムハンマド皇太子,
        ファイサル外相, サルマン国王: aliases kept whole because the bare name is too common): the
        title is then read after the name like any other."""
        for k in range(start + 2, end):
            hit = self.grammar.title_at(text, k)
            if hit is not None and hit[0] == end:
                return k
        return end

    def _anaphors(self, text: str, region, officials: List[Official]) -> List[Official]:
        """「同外相」, 「同大統領」: the official last named with that title, as a mention of its own
        (text = what is written, the cluster's canonical name, title, country and KB id)."""
        titled = sorted((o for o in officials if o.title), key=lambda o: o.start)
        if not titled:
            return []
        out: List[Official] = []
        for k in _DOU.finditer(text, region[0], region[1]):
            i = k.start()
            hit = self.grammar.title_at(text, i + 1)
            if hit is None:
                continue
            end, entry = hit
            norm = getattr(entry, "normalized", None) or entry.title
            before = [o for o in titled if o.end <= i and o.title in (entry.title, norm)]
            if not before:
                continue
            o = before[-1]
            out.append(Official(i, end, text[i:end], canonical=o.canonical, name_en=o.name_en, title=o.title,
                                title_en=o.title_en, country=o.country, former=o.former, kb_id=o.kb_id,
                                cluster=o.cluster))
        return out

    def _shared_titles(self, text: str, cands: List[NameCandidate]) -> Dict[int, int]:
        """Names listed before one plural title (「ラブロフ、ルビオ両外相」, 「トランプ、プーチン両氏」):
        id of each earlier candidate -> where the shared 両 starts (the last name reads it itself)."""
        out: Dict[int, int] = {}
        if "両" not in text:
            return out  # (most texts: 82 of 600 livedoor articles have a 両)
        ordered = sorted(cands, key=lambda c: c.start)
        for prev, nxt in zip(reversed(ordered[:-1]), reversed(ordered[1:])):
            at = out.get(id(nxt))
            if at is None and text.startswith("両", nxt.end) and self.grammar.after(text, nxt.end).end > nxt.end:
                at = nxt.end
            if at is not None and nxt.start == prev.end + 1 and text[prev.end] in "、，と":
                out[id(prev)] = at
        return out

    def _official(self, text: str, cand: NameCandidate, surface: str, date, clusters,
                  places: Optional[dict] = None, shared_at: Optional[int] = None) -> Optional[Official]:
        after = self.grammar.after(text, cand.end if shared_at is None else shared_at, places)
        before = None if (after.title or after.admin) else self.grammar.before(text, cand.start)
        info = after if (after.title or after.admin or before is None) else before
        titled = bool(info.title)
        person_like = bool(cand.entries or cand.unidic_person or cand.model_person or cand.unknown_word or cand.regnal
                           or cand.before_title)
        key = None
        if cand.entries:
            short_kanji = len(surface) <= 2 and all(is_kanji(ch) for ch in surface)
            if short_kanji and not (titled or after.honorific):
                return None  # 金, 李: the name only with a title or 氏
            known = after.admin or any(e.id in clusters for e in cand.entries)
            if cand.dictionary_word and not (titled or after.honorific or known):
                return None  # バー (a bar), パワー (power), トランプ (cards): not before the person is named
        else:
            key = "name:" + _surname(surface)
            if key not in clusters and not (titled and person_like) and not (titled and after.honorific):
                if not (titled and len(surface) >= 2):
                    return None
        country = info.country or self.grammar.country_before(text, cand.start)
        if country is None and info.entry is not None and info.entry.category == "local" and places:
            # 渋谷区の長谷部健区長, 上海市の龔正市長: the country of the place before の
            country = next((p.country for p in places.values()
                            if p.end == cand.start - 1 and text[p.end] == "の"), None)
        entry, office = (None, None)
        if cand.entries:
            entry, office = OfficialLinker.choose(cand.entries, info, country, date)
            key = entry.id
            if titled and len(surface) == 1 and key not in clusters and info.title.startswith("副") \
                    and not (office is not None and _same_title(office.title, info)):
                # 李副首相: a one-kanji surname with a deputy's title is not the head the KB
                # knows under it (李首相 → 李強): a deputy the KB does not know
                entry, office, key = None, None, "name:" + surface
        cluster = clusters.get(key)
        if cluster is None:
            cluster = clusters[key] = {
                "id": len(clusters),
                "canonical": entry.canonical if entry else surface,
                "name_en": entry.name_en if entry else None,
                "kb_id": (entry.qid or entry.id) if entry else None,
                "country": country or (office.country if office else None),
            }
        elif not entry and len(surface) > len(cluster["canonical"]):
            cluster["canonical"] = surface
        if country is None:
            country = (office.country if office is not None and (titled or not cluster["country"]) else None) or cluster["country"]
        if country is None and titled and entry is None and cand.japanese_surname and not cand.cjk_name \
                and getattr(info.entry, "needs_country", False) \
                and self.grammar.international_before(text, cand.start) is None:
            # 山田太郎環境相, 赤松農相: in the Japanese press a title that needs a country and has
            # none (no prefix 米/英, no 「ロシアの」 before the name, no cluster or KB office) is
            # Japan's when the name begins with a Japanese surname; Chinese and Korean surnames
            # are mostly one kanji and stay without a country (張外相, 張志明商務相); the
            # officers of international bodies serve none (アジア開発銀行の山田太郎総裁)
            country = "JP"
        if cluster["country"] is None:
            cluster["country"] = country
        title_en = info.title_en if titled else None
        if titled and office is not None and office.title == info.title and office.title_en:
            title_en = office.title_en
        return Official(
            cand.start, cand.end, surface,
            canonical=cluster["canonical"], name_en=cluster["name_en"],
            title=info.title if titled else None, title_en=title_en,
            country=country, former=bool(info.former), kb_id=cluster["kb_id"], cluster=cluster["id"],
        )


@Language.factory("usru_officials")
def make_official_tagger(nlp: Language, name: str):
    return OfficialTagger()
