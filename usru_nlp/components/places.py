"""Component ``usru_places``: countries, cities, regions and seas.

Candidates, in order of trust:

1. the gazetteer (``models/gazetteer/places.jsonl``): leftmost-longest on characters, with
   organisation and publication names that contain place words blocked first
   (ワシントン・ポスト, 北大西洋条約機構: ``models/lexicons/not_places.txt``);
2. single-character country abbreviations (米, ロ, 露, 中, 朝, 欧, ...) by the rules of
   ``models/lexicons/place_rules.json``: a word of its own, a country modifier (米国務長官) or a
   member of a coordinate compound (米ロ); never after a bound prefix (訪ロ, 対米, 在韓);
3. places the model layer or UniDic (名詞-固有名詞-地名, :mod:`.unidic_places`) finds that the
   gazetteer does not know.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from typing import Dict, List, Optional, Set, Tuple

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions
from ..extensions import tag_positions, text_of, token_edges, tokens_of
from ..kb import load_country_prefixes, load_not_places, load_places, load_titles
from ..names import person_followers
from ..name_runs import governor_head
from ..matching import Trie, is_hiragana, is_kanji, is_katakana, katakana_bounded
from ..schema import Place
from .evidence import ABSTAIN, ACCEPT, PLACE, REJECT, ModelVotes, model_active, place_vote
from .place_context import PlaceContext, local_offices
from .place_rules import place_rules
from .unidic_places import ADMIN_CHARS, unidic_places

_BLOCK = object()


class PlaceFinder:
    def __init__(self):
        rules = place_rules()
        self.trie: Trie = Trie()
        for name in load_not_places():
            self.trie.add(name, _BLOCK)
        for entry in load_places():
            for surface in (entry.name, *entry.aliases):
                if surface not in self.trie:
                    self.trie.add(surface, entry)
            # English names of countries, as quoted in Japanese articles ("Ukraine")
            en = entry.name_en or ""
            if entry.kind == "country" and len(en) >= 4 and en.replace(" ", "").isalpha() and en.isascii():
                if en not in self.trie:
                    self.trie.add(en, entry)
        self.abbr: Dict[str, object] = {}
        for p in load_country_prefixes():
            if not p.annotate_as_place:
                continue
            if len(p.prefix) == 1:
                self.abbr[p.prefix] = p
        # any abbreviation, to skip in C to the next one
        self.abbr_chars = re.compile("[" + "".join(re.escape(ch) for ch in sorted(self.abbr)) + "]")
        # abbreviations common enough to form coordinate compounds (米ロ, 日中, 米朝); rare ones
        # (土, 台, 伊, ...) would turn ordinary words into places (土台)
        self.core: Set[str] = set(rules["compound_members"])
        # the nouns a country abbreviation modifies, and the titles of state officials
        # (ウィトコフ米中東担当特使, like 米国務長官)
        self.modified = Trie({n: True for n in rules["modified_nouns"]})
        for t in load_titles():
            if t.category not in ("local", "royal") and t.title not in self.modified:
                self.modified.add(t.title, True)
        self.bound_prefixes: Set[str] = set(rules["bound_prefixes"])
        self.followers: Set[str] = set(rules["word_followers"])
        self.context = PlaceContext(rules)
        self.need_noun: Set[str] = set(rules["compounds_needing_noun"])
        self.abbr_words = Trie({w: True for w in rules["abbreviation_words"]})
        self.abbr_not_before = Trie({w: True for w in rules["abbreviation_not_before"]})
        self.not_words: Set[str] = set(rules["evidence_not_places"])
        self.koku_not_before: Set[str] = set(rules["country_koku_not_before"])
        self.person_after: Trie = person_followers()
        nouns = "|".join(map(re.escape, rules["apposition_nouns"]))
        name = r"([\u30a1-\u30fa][\u30a1-\u30fa\u30fc・＝=]*[\u30a1-\u30fa\u30fc])"
        self.apposition = re.compile(rf"(?:{nouns}){name}")
        verbs = "|".join(map(re.escape, rules["arrival_verbs"]))
        self.arrival = re.compile(rf"[にへ](?:{verbs})")
        self.name_before = re.compile(rf"{name}$")

    # -- abbreviations -----------------------------------------------------------------
    def _abbr_place(self, text: str, i: int) -> Place:
        p = self.abbr[text[i]]
        kind = "country" if p.country else "region"
        return Place(i, i + 1, text[i], kind=kind, country=p.country)

    def _modifies(self, text: str, j: int) -> bool:
        """Does a noun the abbreviation can modify start at ``j``?"""
        if j >= len(text):
            return False
        if self.modified.match_at(text, j) is not None:
            return True
        return is_katakana(text[j]) and text[j] != "ー" and not is_katakana(text[j - 1])

    @staticmethod
    def _noun_at(text: str, j: int) -> bool:
        return j < len(text) and (is_kanji(text[j]) or is_katakana(text[j]))

    def _abbreviations(self, text: str, start: int, end: int, taken: List[bool]) -> List[Place]:
        out: List[Place] = []
        if not self.abbr:
            return out
        next_abbr = self.abbr_chars.search
        i = start
        while i < end:
            m = next_abbr(text, i, end)
            if m is None:
                break
            i = m.start()
            if taken[i - start]:
                i += 1
                continue
            word = self.abbr_words.match_at(text, i)
            if word is not None:
                i = word[0]  # 西側
                continue
            j = i
            while j < end and not taken[j - start] and text[j] in self.abbr \
                    and (j == i or self.abbr_words.match_at(text, j) is None):
                j += 1  # (米|中央情報局: 中央 is a word, not a member of 米中)
            run_start = i
            if (i > 0 and text[i - 1].isdigit()) or self.abbr_not_before.match_at(text, j) is not None:
                i = j  # 20日朝 (a date), 1,000米ドル (a currency)
                continue
            if j - i >= 2 and is_katakana(text[j - 1]) and j < len(text) and is_katakana(text[j]):
                i = j  # ロロブリジーダ: katakana inside a katakana word
                continue
            if i > 0 and text[i - 1] in self.bound_prefixes:
                run_start = i + 1  # 訪ロ, 対米, 在韓: the first member is bound
            elif i > 0 and is_kanji(text[i - 1]) and text[i - 1] not in "前元現" \
                    and not text.startswith("次期", i - 2):  # トランプ次期|米大統領
                i = j  # inside a longer word (北米 is in the gazetteer; 欧米 starts a run)
                continue
            members = list(range(run_start, j))
            if i > 0 and is_katakana(text[i - 1]) and not (len(members) == 1 and self._modifies(text, j)):
                i = j  # after a katakana word only as a modifier: バイデン米政権
                continue
            if len(members) >= 2 and all(text[k] in self.core for k in members):
                if self.context.abbreviation_blocked(text, j, compound=True):
                    i = j  # 日露戦争, 米朝事務所
                    continue
                if text[members[0] : j] in self.need_noun and not self._noun_at(text, j):
                    i = j  # 日中は (daytime), 中日の
                    continue
                out.extend(self._abbr_place(text, k) for k in members)
            elif len(members) == 1:
                k = members[0]
                nxt = text[k + 1] if k + 1 < len(text) else ""
                ambiguous = self.abbr[text[k]].ambiguous
                if self.context.abbreviation_blocked(text, k + 1, compound=False) and not self._modifies(text, k + 1):
                    pass  # 米ドル
                elif self._modifies(text, k + 1) or (not ambiguous and (nxt in self.followers or nxt == "")):
                    if not (is_katakana(text[k]) and k > 0 and is_katakana(text[k - 1])):
                        out.append(self._abbr_place(text, k))
            i = j
        return out

    # -- everything -----------------------------------------------------------------------
    def find(self, text: str, region: Tuple[int, int], evidence=(), dateline=None,
             votes: Optional[ModelVotes] = None, weak=()) -> List[Place]:
        """Places in ``text[region]``.

        ``evidence``: (start, end, label) spans of the model layer; ``weak``: UniDic place runs
        (:func:`unidic_places`); ``votes``: the model layer as a voter (:mod:`.evidence`).
        Without ``votes`` every span of ``evidence`` and ``weak`` counts as weak evidence.
        """
        start, end = region
        taken = [False] * (end - start)
        places: List[Place] = []
        if votes is None:
            votes = ModelVotes((), active=False)
            weak = [*evidence, *weak]
            evidence = ()

        def accept(s: int, e: int) -> bool:
            return katakana_bounded(text, s, e)

        for s, e, entry in self.trie.finditer(text, start, end, accept=accept):
            for k in range(s, e):
                taken[k - start] = True
            if entry is _BLOCK:
                continue
            # 米国務長官: the place is 米, not 米国 (国務 is one word)
            if e - s == 2 and text[s] in self.abbr and text[e - 1] == "国" and self._starts_title(text, e - 1):
                taken[e - 1 - start] = False
                places.append(self._abbr_place(text, s))
                continue
            e = self._trim_country_koku(text, s, e, entry, taken, start)
            if place_vote(votes, text, s, e, strong=True, weak=False,
                          state_compound=self._state_follows(text, e)) == REJECT:
                continue
            places.append(Place(s, e, text[s:e], kind=entry.kind, country=entry.country, kb_id=entry.qid or entry.id))
        for p in self._abbreviations(text, start, end, taken):
            taken[p.start - start] = True
            places.append(p)
        for p in self._context_places(text, start, end):
            if not any(taken[k - start] for k in range(p.start, p.end)):
                taken[p.start - start : p.end - start] = [True] * (p.end - p.start)
                places.append(p)
        for s, e, is_weak in candidate_spans(evidence, weak, start, end):
            while is_weak and s < e and taken[s - start]:
                s += 1  # 北海道北見市: the gazetteer has 北海道, UniDic's run goes on to 北見市
            if e - s < 2 or any(taken[k - start] for k in range(s, e)):
                continue
            if not self._evidence_ok(text, s, e, votes, is_weak):
                continue
            for k in range(s, e):
                taken[k - start] = True
            places.append(Place(s, e, text[s:e], kind=_guess_kind(text[s:e]), country=None))
        abbreviations = {(p.start, p.end) for p in places if p.end - p.start == 1 and text[p.start] in self.abbr}
        places = self.context.apply(text, places, abbreviations)
        if dateline:
            places += self._dateline_place(text, dateline[0], places)
            (ps, pe), _ = dateline
            for p in places:
                if p.start == ps and p.end == pe:
                    p.dateline = True
        places.sort(key=lambda p: p.start)
        return places

    def _context_places(self, text: str, start: int, end: int) -> List[Place]:
        """Katakana names the words around them make places: after a word for a place (首都ヴィエンチャン,
        都市エル・ドラード) and before に/へ and a verb of arrival (ミューシアに上陸)."""
        out = []
        if "都" in text or "近郊" in text or "港町" in text:
            for m in self.apposition.finditer(text, start, end):
                kind = "other" if text.startswith("近郊", m.start()) else "city"
                out.append(Place(*m.span(1), m.group(1), kind=kind, country=None))
        for m in self.arrival.finditer(text, start, end):  # the verb first: rare, and a fast search
            k = m.start()
            s = k
            while s > start and (is_katakana(text[s - 1]) or text[s - 1] in "ー・＝="):
                s -= 1
            while s < k and text[s] in "ー・＝=":
                s += 1
            n = self.name_before.match(text, s, k)
            if n:
                out.append(Place(s, k, text[s:k], kind="other", country=None))
        return out

    def _dateline_place(self, text: str, span: Tuple[int, int], places: List[Place]) -> List[Place]:
        """The gazetteer place of a dateline when nothing else took its span: it stands alone
        whatever follows it (【ワシントン＝ロイター】 is no katakana name ワシントン＝ロイター)."""
        s, e = span
        entry = self.trie.get(text[s:e])
        if entry is None or entry is _BLOCK or any(p.start < e and s < p.end for p in places):
            return []
        return [Place(s, e, text[s:e], kind=entry.kind, country=entry.country, kb_id=entry.qid or entry.id)]

    def _evidence_ok(self, text: str, s: int, e: int, votes: ModelVotes, is_weak: bool) -> bool:
        """A model or UniDic span the gazetteer does not know: does it name a place?"""
        surface = text[s:e]
        if not katakana_bounded(text, s, e) or surface in self.need_noun or surface in self.not_words:
            return False
        if self.person_after.match_at(text, e) is not None:
            return False  # 野田首相, 名越先生: a surname that is also a place name
        if e - s < 2:
            # 魏, 清, 呉: one character only on the model's word and standing alone
            if is_weak or not votes.says(s, e, PLACE) or not is_kanji(surface):
                return False
            if (s > 0 and is_kanji(text[s - 1])) or (e < len(text) and is_kanji(text[e])):
                return False
        if not is_weak:  # the model alone: the span must look like a word of its own
            if is_hiragana(surface[0]) or is_hiragana(surface[-1]):
                return False  # katakana continuity is katakana_bounded's (word_bounded misreads text ends)
            if s > 0 and is_kanji(text[s - 1]) and is_kanji(text[s]) and text[s - 1] not in ADMIN_CHARS:
                return False  # 大岡 of 上大岡
        vote = place_vote(votes, text, s, e, strong=False, weak=is_weak, state_compound=self._state_follows(text, e))
        return vote == ACCEPT or (vote == ABSTAIN and is_weak)

    def _state_follows(self, text: str, e: int) -> bool:
        """Does a state word follow (ロシア軍, 米政府, ロシア下院)?"""
        return self.modified.match_at(text, e) is not None or self.context.soft_heads.match_at(text, e) is not None

    def _trim_country_koku(self, text: str, s: int, e: int, entry, taken: List[bool], start: int) -> int:
        """日本国内, 米国連大使: a gazetteer alias ending in 国 before 内/外/連 is the short name."""
        if entry.kind != "country" or e - s < 2 or text[e - 1] != "国" or e >= len(text):
            return e
        if text[e] in self.koku_not_before and self.trie.get(text[s : e - 1]) is not None:
            taken[e - 1 - start] = False
            return e - 1
        return e

    def _starts_title(self, text: str, j: int) -> bool:
        hit = self.modified.match_at(text, j)
        return hit is not None and hit[0] - j > 1


def candidate_spans(model_ents, weak, start: int, end: int) -> List[Tuple[int, int, bool]]:
    """GPE/LOC spans of the model, then UniDic spans; (start, end, is_weak)."""
    out: List[Tuple[int, int, bool]] = []
    weak_spans = {(s, e) for s, e, label in weak if label in ("GPE", "LOC")}
    for s, e, label in model_ents:
        if label in ("GPE", "LOC") and start <= s and e <= end:
            out.append((s, e, (s, e) in weak_spans))
    seen = {(s, e) for s, e, _ in out}
    for s, e in sorted(weak_spans):
        if (s, e) not in seen and start <= s and e <= end and e - s >= 2:
            out.append((s, e, True))
    return out


def _guess_kind(surface: str) -> str:
    if surface.endswith(("海", "湾", "海峡")):
        return "sea"
    if surface.endswith(("地方", "半島", "地域", "諸島")):
        return "region"
    if surface.endswith(("市", "町", "村", "区")):
        return "city"
    return "other"


def _not_loanwords(doc: Doc, places: List[Place]) -> List[Place]:
    """Drop places outside the gazetteer made only of words UniDic knows as common nouns: the
    model's ウォールストリートジャーナル (ウォール|ストリート|ジャーナル), サンドウィッチマン."""
    if all(p.kb_id is not None or p.country is not None for p in places):
        return places  # all from the gazetteer or abbreviations (米): the usual case
    toks = tokens_of(doc)
    starts = token_edges(doc)[0]
    out = []
    for p in places:
        if p.kb_id is None and p.country is None:
            inside = toks[bisect_left(starts, p.start):bisect_left(starts, p.end)]
            if inside and all(t.tag.startswith("名詞-普通名詞") and t.reading for t in inside):
                continue
        out.append(p)
    return out


def _not_surnames(doc: Doc, places: List[Place]) -> List[Place]:
    """Drop kanji places that a UniDic given name follows: 青島|幸男 is a person, not Qingdao;
    and a surname with the head of a governor's title that no gazetteer knows as a place:
    小池|都|知事 is governor Koike, not a place 小池都."""
    toks = tokens_of(doc)
    names = [toks[i] for i in tag_positions(doc, "名詞-固有名詞-人名")]
    given = {t.start for t in names if t.tag == "名詞-固有名詞-人名-名" and is_kanji(t.text[0])}
    surnames = {(t.start, t.end) for t in names if t.tag == "名詞-固有名詞-人名-姓"}
    if not given and not surnames:
        return places
    text = text_of(doc)
    return [p for p in places if not (
        (p.end in given and is_kanji(p.text[-1]))
        or (p.kb_id is None and (p.start, p.end - 1) in surnames and governor_head(text, p.end - 1)))]


_WORK_TITLE = re.compile(r"『([^『』\n]{1,60})』")


def _inside_quote(text: str, i: int) -> bool:
    """Is ``i`` inside an open 「…」 on its line (where 『』 quote within the quote)?"""
    line_start = text.rfind("\n", 0, i) + 1
    return text.count("「", line_start, i) > text.count("」", line_start, i)


def _not_in_titles(text: str, places: List[Place]) -> List[Place]:
    """Drop places inside the title of a work in 『』 (『ローマの休日』, 『港の五番町』): the title
    names the work; a title that is only the place (『ロシア』) keeps it, and so does 『』 used as
    quotation marks inside 「」 (「…『ウクライナ紛争』とは…」)."""
    titles = [m.span(1) for m in _WORK_TITLE.finditer(text) if not _inside_quote(text, m.start())] if "『" in text else []
    if not titles:
        return places
    return [p for p in places if not any(s <= p.start and p.end <= e and (s, e) != (p.start, p.end) for s, e in titles)]


class PlaceTagger:
    def __init__(self, use_unidic: bool = True, model_active: bool = False):
        self.finder = PlaceFinder()
        self.use_unidic = use_unidic
        self.model_active = model_active

    def __call__(self, doc: Doc) -> Doc:
        region = doc._.body or (0, len(text_of(doc)))
        text = text_of(doc)
        # 渋谷区長: a place and its local office, not a facility or organisation name, nor the
        # end of a person's name (長谷部健渋谷区長 read as one PERSON span)
        evidence = [(s, e, label) for s, e, label in doc._.model_ents or ()
                    if not (label in ("FAC", "ORG", "PERSON") and text.endswith(local_offices(), s + 1, e))]
        weak = unidic_places(doc, region) if self.use_unidic else []
        votes = ModelVotes(evidence, self.model_active)
        places = self.finder.find(text_of(doc), region, evidence, doc._.dateline, votes=votes, weak=weak)
        places = _not_surnames(doc, places)
        places = _not_loanwords(doc, places)
        places = _not_in_titles(text_of(doc), places)
        doc._.places = places
        extensions.add_spans(doc, places, "PLACE")
        return doc


@Language.factory("usru_places", default_config={"use_unidic": True})
def make_place_tagger(nlp: Language, name: str, use_unidic: bool):
    return PlaceTagger(use_unidic=use_unidic, model_active=model_active(nlp))
