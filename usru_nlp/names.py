"""Name candidates: who might be a person, before deciding official or not.

Evidence is combined per character span: knowledge-base aliases, katakana name shapes
(with ・/＝ and Latin initials: 「JDバンス」), UniDic person-name tags (名詞-固有名詞-人名) and
model PERSON spans.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Dict, List, Optional, Tuple

from spacy.tokens import Doc

from .extensions import is_token_end, is_token_start, tag_positions, text_of, token_edges, tokens_of
from .matching import Trie, is_kanji, is_katakana, katakana_bounded
from .name_runs import (_CHANTS, _all_titles, _person_tokens, _starts_word, cjk_names_before_titles,  # noqa: F401
                        person_followers, person_roles)

# the lookahead repeats what the first character must be: without it the regex engine, facing
# an optional group first, tries a match at every character of the text (3x slower in news text)
KATAKANA_NAME = re.compile(
    r"(?=[A-ZＡ-Ｚァ-ヺ])(?:[A-ZＡ-Ｚ]{1,3}[・.]?)?[ァ-ヺ][ァ-ヺー]*(?:[・＝=][ァ-ヺ][ァ-ヺー]*)*"
)


_SEPARATOR = re.compile("[・＝=]")  # between the parts of a katakana name
_REGNAL = re.compile(r"[0-9０-９一二三四五六七八九十]+世(?![紀代界帯])")  # not 21世紀, 第3世代
# a kanji word of 2-3 characters right before 氏, after a word boundary (、正恩氏は)
_KANJI_BEFORE_SHI = re.compile(r"(?<![\u3005\u4e00-\u9fff])([\u4e00-\u9fff\u3005]{2,3})氏(?![\u4e00-\u9fff])")
# not names though written before 氏: 同氏, 両氏, 故人氏 ...
_NOT_SHI_NAMES = frozenset({"同氏", "両氏", "各氏", "諸氏", "本氏", "某氏", "故人"})
# a model span is a name only if written in name characters (not フェイズ2, パ—マ)
_NAME_CHARS = re.compile(r"^[\u3005\u4e00-\u9fff\u30a1-\u30fa\u30fcA-Za-zＡ-Ｚａ-ｚ・＝=.]+$")


def name_shaped(surface: str) -> bool:
    """Is ``surface`` written only in characters names are written in (kanji, katakana, Latin, ・)?"""
    return bool(_NAME_CHARS.match(surface))


@dataclass
class NameCandidate:
    start: int
    end: int
    entries: list = field(default_factory=list)  # KB entries matching the surface
    unidic_person: bool = False
    model_person: bool = False
    unknown_word: bool = False  # the tokenizer did not know (part of) it
    dictionary_word: bool = False  # every token is a dictionary common noun (バー, パワー), KB alias or not
    common_word: bool = False  # the same, and no KB alias (テニス, スタッフ)
    model_only: bool = False  # found by the model layer alone
    full_name: bool = False  # UniDic reads a surname followed by a given name (佐脇|有紀)
    place_word: bool = False  # every token is a UniDic country name (ナバラ); not 野田, a town and a surname
    before_honorific: bool = False  # a kanji word right before 氏 (…、顕進氏は)
    regnal: bool = False  # ends in a regnal number (ヘンリー8世)
    before_title: bool = False  # a word the title after it makes a name (野田首相, 尹炳世外相)
    cjk_name: bool = False  # a Chinese or Korean name read by its one-kanji surname (尹炳世外相)
    japanese_surname: bool = False  # starts with a UniDic surname (姓) of two or more kanji (山田|太郎)


def _cut_at_place(text: str, s: int, e: int, place_names) -> int:
    """End of a katakana name before a trailing place segment (パトルシェフ・ロシア…書記 → パトルシェフ)."""
    if _SEPARATOR.search(text, s, e) is None:
        return e  # one part
    pos = s
    for i, segment in enumerate(_SEPARATOR.split(text[s:e])):
        if i and segment in place_names:
            return pos - 1
        pos += len(segment) + 1
    return e


def find_candidates(doc: Doc, region: Tuple[int, int], alias_trie, blocked=None,
                    place_names=frozenset()) -> List[NameCandidate]:
    """Name candidates in ``region``, non-overlapping, longest first."""
    text = text_of(doc)
    lo, hi = region
    cands: Dict[Tuple[int, int], NameCandidate] = {}
    covered = [False] * (hi - lo)

    def add(s: int, e: int) -> Optional[NameCandidate]:
        if any(covered[s - lo : e - lo]):
            return None
        covered[s - lo : e - lo] = [True] * (e - s)
        c = NameCandidate(s, e)
        cands[(s, e)] = c
        return c

    # starts of UniDic given names right after a surname (山崎|正友): a surname alias of the
    # knowledge base (山崎 → 山崎和之) ending there is the surname of another person
    followers = person_followers()
    given_tails: Optional[Dict[int, int]] = None  # built when a model span first needs it
    given_name_starts = set()
    name_breaks = set()  # a 2+ character surname after a given name: two names (李麗仙|清原)
    surname_starts = set()  # UniDic surnames (姓)
    toks = tokens_of(doc)
    for i in tag_positions(doc, "名詞-固有名詞-人名"):
        if toks[i].tag.endswith("人名-姓"):
            surname_starts.add(toks[i].start)
        if i + 1 == len(toks):
            break
        prev, t = toks[i], toks[i + 1]
        if prev.end == t.start:
            if prev.tag.endswith("姓") and t.tag.endswith("人名-名"):
                given_name_starts.add(t.start)
            elif prev.tag.endswith("名") and t.tag.endswith("人名-姓") and len(t.text) >= 2:
                name_breaks.add(t.start)
    blocked_spans = list(blocked.finditer(text, lo, hi, accept=lambda s, e: katakana_bounded(text, s, e))) if blocked else []
    for s, e, _ in blocked_spans:
        covered[s - lo : e - lo] = [True] * (e - s)
    # a KB alias ends where a word ends (金 of 金正恩 is not the 金 of 金子|恭之), begins where one
    # begins when a kanji stands before it (林 of 北林氏 is not 林芳正), and is no
    # prefix of a longer UniDic full name (李 of 李在明 is not the 李 of 李|明)
    person_runs = _person_tokens(doc, lo, hi)
    run_end = {s: e for s, e in person_runs}

    # Chinese and Korean names before a title (尹|炳世外相); a KB alias they begin with (李 of
    # 李|洛淵首相) is not the name
    cjk_end = dict(cjk_names_before_titles(doc, lo, hi))

    def alias_ok(s: int, e: int) -> bool:
        return is_token_end(doc, e) and max(run_end.get(s, e), cjk_end.get(s, e)) <= e \
            and katakana_bounded(text, s, e) \
            and (s == 0 or not (is_kanji(text[s - 1]) and is_kanji(text[s])) or is_token_start(doc, s))

    for s, e, entries in alias_trie.finditer(text, lo, hi, accept=alias_ok):
        # an alias inside a longer katakana name (スティーブン・パイファー vs パイファー) is found by
        # the shape pass below when the full name is longer
        m = KATAKANA_NAME.match(text, s)
        if m and m.end() > e and is_katakana(text[e - 1]) and m.end() <= hi:
            continue
        if s >= 2 and text[s - 1] in "・＝=" and is_katakana(text[s - 2]) and is_katakana(text[s]):
            continue  # ハンス・|ミュラー: the surname of a longer name, found whole by the shape pass
        if e in given_name_starts:
            continue  # 河野|洋平: a surname alias before a given name is someone else
        c = add(s, e)
        if c:
            c.entries = list(entries)
    # a katakana given name after a kanji surname of two or more characters, before a title or
    # 氏, is one name with it (玉城|デニー知事, 山田|ジョージ氏), found by the UniDic run below;
    # one-kanji "surnames" are mostly misread words (今|モトコ, 娘|マルガレーテ), and so are
    # kanji the run took in front of a given name (後々|サクラさん)
    given_ends = {
        e for s, e in person_runs
        if s in surname_starts and e - s >= 3 and is_kanji(text[s]) and is_kanji(text[s + 1])
        and is_katakana(text[e - 1]) and _starts_word(text, s)
        and (_all_titles().match_at(text, e) is not None or followers.match_at(text, e) is not None)
    }
    for m in KATAKANA_NAME.finditer(text, lo, hi):
        s, e = m.start(), m.end()
        if s > 0 and is_katakana(text[s - 1]):
            continue
        if e in given_ends and s > 0 and is_kanji(text[s - 1]):
            continue  # the katakana end of such a run
        if text[s:e] in _CHANTS and s > 0 and is_kanji(text[s - 1]):
            continue  # 熊田|コール: the crowd chanting a name
        e = _cut_at_place(text, s, e, place_names)
        c = add(s, e)
        if c is None:
            continue
        # the KB may know the person under the surname: ボブ・スミス → スミス, when the given
        # names agree (ドナルド・ジョン・トランプ is ドナルド・トランプ; ハンス・ミュラー is not ゲルト・ミュラー)
        surface = text[s:e]
        entries = alias_trie.get(surface)
        if not entries:
            tail = _SEPARATOR.split(surface)[-1]
            if tail != surface:
                entries = [x for x in alias_trie.get(tail) or () if _same_given_name(surface, x)]
        if entries:  # (else the candidate's own empty list)
            c.entries = list(entries)
    # before the UniDic runs, which end inside such a name (呉俊|赫外相)
    for s, e in cjk_end.items():
        c = add(s, e)
        if c:
            c.before_title = c.cjk_name = True
            c.entries = list(alias_trie.get(text[s:e]) or ())
    for s, e in person_runs:
        c = cands.get((s, e)) or add(s, e)
        if c:
            c.unidic_person = True
    for t in (toks[i] for i in tag_positions(doc, "名詞-固有名詞-地名-一般")):
        if lo <= t.start and t.end <= hi \
                and len(t.text) >= 2 and all(is_kanji(ch) for ch in t.text) \
                and followers.match_at(text, t.end) is not None and not text.startswith("様", t.end) \
                and (t.start == lo or not is_kanji(text[t.start - 1])):  # not 王子様
            c = add(t.start, t.end)  # 野田首相: UniDic reads the town, the title says a person
            if c:
                c.before_title = True
                c.japanese_surname = True  # a Japanese town's name, read as a surname (岡田外相)
    # (most texts have no 氏: a plain search first, the regex tries every kanji)
    shi_names = _KANJI_BEFORE_SHI.finditer(text, lo, hi) if text.find("氏", lo, hi) >= 0 else ()
    for m in shi_names:
        s, e = m.span(1)
        if text[s:e] in _NOT_SHI_NAMES or text[s:e + 1] in _NOT_SHI_NAMES or not _starts_word(text, s):
            continue
        c = cands.get((s, e)) or add(s, e)
        if c:
            c.before_honorific = True
    place_chars = {k for p in doc._.places or () for k in range(p.start, p.end)}
    for s, e, label in doc._.model_ents or ():
        if label != "PERSON" or s < lo or e > hi:
            continue
        s, e = _trim_model_span(text, s, e)
        if e - s < 1 or not name_shaped(text[s:e]):
            continue
        c = cands.get((s, e))
        if c is None:
            if any(s < k < e for k in name_breaks):
                continue  # 李麗仙|清原 read as one name by the model
            if given_tails is None:
                given_tails = _given_tails(doc, text, lo, hi)
            name_chars = _name_chars(doc, lo, s, e)  # only the span's characters are looked up
            chars = name_chars
            for a, b in given_tails.items():
                if s < a and b == e:
                    chars = name_chars | set(range(a, b))
            c = _widen_to_model(cands, covered, lo, s, e, text, place_names, place_chars, chars) or add(s, e)
            if c is not None and not (c.unidic_person or c.entries):
                c.model_only = True
        if c:
            c.model_person = True
    # regnal numbers belong to the name: ヘンリー8世, ノンビリキング十三世
    for c in list(cands.values()):
        m = _REGNAL.match(text, c.end)
        if m and m.end() <= hi and not any(covered[k - lo] for k in range(c.end, m.end())):
            del cands[(c.start, c.end)]
            c.end = m.end()
            c.regnal = True  # a regnal number is evidence enough
            after = next((d for d in cands.values() if d.start == c.end and not d.entries
                          and is_katakana(text[d.start])), None)
            if after is not None:  # アンドロニコス1世|コムネノス: the dynasty or byname after it
                del cands[(after.start, after.end)]
                c.end = after.end
            cands[(c.start, c.end)] = c
    # token evidence inside candidates: a 人名 tag, or a word the dictionary does not know
    # (the tokens starting inside each candidate, found by bisection: candidates never overlap)
    toks = tokens_of(doc)
    starts = token_edges(doc)[0]
    n_toks = len(toks)
    for c in cands.values():
        common = place = True
        surname_seen = False
        first = i = bisect_left(starts, c.start)
        while i < n_toks and starts[i] < c.end:
            t_start, _, word, tag, reading = toks[i]
            i += 1
            if tag.startswith("名詞-固有名詞-人名"):
                c.unidic_person = True
                if tag.endswith("姓"):
                    surname_seen = True
                    # Chinese and Korean surnames are mostly one kanji (王|毅, 李, 金): the first word
                    # of two or more kanji is a Japanese surname (山田, 小沢)
                    if t_start == c.start and len(word) >= 2 and all(is_kanji(ch) for ch in word):
                        c.japanese_surname = True
                elif tag.endswith("名") and surname_seen:
                    c.full_name = True
            if not reading and is_katakana(word[0]):
                c.unknown_word = True
            if not (reading and tag.startswith("名詞-普通名詞")):
                common = False
            if not tag.startswith("名詞-固有名詞-地名-国") and word not in "・＝":
                place = False
        ntok = i - first
        c.dictionary_word = common and ntok == 1  # one word: マツ|コ is a name
        c.common_word = common and not c.entries
        c.place_word = place and not c.entries
    return sorted(cands.values(), key=lambda c: c.start)


def _trim_model_span(text: str, s: int, e: int) -> Tuple[int, int]:
    """A model PERSON span without separators at its edges (ボクサー・), without a role word
    or title in front (ジャーナリスト烏賀陽 → 烏賀陽) and without a chant after a kanji name
    (山本コール → 山本); empty when it is a title, or 兼 and a title (兼財務相)."""
    while s < e and text[s] in "・＝=":
        s += 1
    while e > s and text[e - 1] in "・＝=":
        e -= 1
    for chant in _CHANTS:  # 山本コール: the name the crowd chants
        if text.endswith(chant, s, e) and e - len(chant) > s and is_kanji(text[e - len(chant) - 1]):
            e -= len(chant)
    hit = person_followers().match_at(text, s)
    if hit is not None and hit[0] < e:
        s = hit[0]
        while s < e and text[s] in "・＝=":
            s += 1
    k = s + 1 if text.startswith("兼", s) else s  # 李副首相|兼財務相: a second title, no name
    if (_all_titles().match_at(text, k, e) or (None,))[0] == e:
        return s, s
    return s, e


def _plain_extension(text: str, s: int, e: int, inside, place_names, place_chars=frozenset()) -> bool:
    """Is every part of [s, e) outside the ``inside`` candidates free of titles, roles and places?"""
    owned = set()
    for c in inside:
        owned.update(range(c.start, c.end))
    followers = person_followers()
    extra = [k for k in range(s, e) if k not in owned]
    titles = _all_titles()
    if any(followers.match_at(text, k) is not None or titles.match_at(text, k) is not None
           or k in place_chars for k in extra):
        return False
    segments = _SEPARATOR.split("".join(text[k] if k not in owned else "|" for k in range(s, e)))
    return not any(seg.strip("|") in place_names for part in segments for seg in part.split("|") if seg)


def _name_chars(doc: Doc, lo: int, s: int, e: int) -> set:
    """The characters in [s, e) of words (starting at ``lo`` or later) that a model span may add
    to a name: proper nouns, unknown words, ・ (not 賞受賞 of 芥川|賞受賞)."""
    toks = tokens_of(doc)
    i = bisect_right(token_edges(doc)[1], s)  # the first word ending after s
    chars = set()
    while i < len(toks) and toks[i].start < e:
        t = toks[i]
        i += 1
        if t.start >= lo and (t.tag.startswith("名詞-固有名詞") or not t.reading or t.text in "・＝="):
            chars.update(range(max(t.start, s), min(t.end, e)))
    return chars


@lru_cache(maxsize=1)
def _not_name_tails() -> Trie:
    return Trie({w: True for w in person_roles()["not_before"]})


def _given_tails(doc: Doc, text: str, lo: int, hi: int) -> Dict[int, int]:
    """End of a surname -> end of the kanji after it that may be its given name: 1-3 kanji the
    dictionary reads as common words (植村|花菜, 木暮|塵|八), nouns, prefixes (小沢|鋭|仁), suffixes or
    symbols (not verbs: 山田|来), up to a word boundary; used when the model reads surname and
    kanji as one person."""
    followers = person_followers()
    not_name_tail = _not_name_tails()
    given_tails: Dict[int, int] = {}
    starts, ends = token_edges(doc)
    first = bisect_left(starts, lo)
    toks = tokens_of(doc)[first : bisect_right(ends, hi)]  # the words inside the region
    for p in tag_positions(doc, "名詞-固有名詞-人名"):  # the surnames among them
        i = p - first
        if i < 0 or i >= len(toks):
            continue
        t = toks[i]
        if not (t.tag.endswith("人名-姓") and all(is_kanji(ch) for ch in t.text)) \
                or not_name_tail.match_at(text, t.end) is not None:
            continue  # 芥川|賞受賞, 島津|家
        j = i + 1  # the nouns after the surname, up to a word boundary
        while j < len(toks) and toks[j].start == toks[j - 1].end and toks[j].end - t.end <= 3 \
                and toks[j].tag.startswith(("名詞", "接尾辞", "接頭辞", "記号", "補助記号-一般")) \
                and not toks[j].tag.endswith("サ変可能") and all(is_kanji(ch) for ch in toks[j].text):
            j += 1
        k = toks[j - 1].end
        if t.end < k and (k >= hi or not is_kanji(text[k]) or followers.match_at(text, k)):
            given_tails[t.end] = k
    return given_tails


def _same_given_name(surface: str, entry) -> bool:
    """Does a full name ``surface`` start with the given name of one of ``entry``'s full names?"""
    first = _SEPARATOR.split(surface)[0]
    full = [n for n in (entry.canonical, *entry.aliases) if _SEPARATOR.search(n)]
    return not full or any(_SEPARATOR.split(n)[0] == first for n in full)


def _widen_to_model(cands: Dict[Tuple[int, int], NameCandidate], covered: List[bool], lo: int,
                    s: int, e: int, text: str = "", place_names=frozenset(),
                    place_chars=frozenset(), name_chars=None) -> Optional[NameCandidate]:
    """Replace rule candidates lying inside a longer model PERSON span by that span.

    田中|リタ: the katakana pass found リタ, the model 田中リタ. Only when every covered character
    belongs to such a candidate, none of them is a knowledge-base name, and what the model adds
    is no title, role or place (フランツ・グリュンベルク|独国防相, ミハイル・ザドルノフ|・モルドバ).
    """
    inside = [c for c in cands.values() if s <= c.start and c.end <= e]
    if not inside or any(c.entries for c in inside):
        return None
    if text and not _plain_extension(text, s, e, inside, place_names, place_chars):
        return None
    if name_chars is not None:
        owned = {k for c in inside for k in range(c.start, c.end)}
        if any(k not in owned and k not in name_chars for k in range(s, e)):
            return None
    owned = sum(c.end - c.start for c in inside)
    if owned != sum(1 for k in range(s, e) if covered[k - lo]):
        return None
    if any(c.start < e and s < c.end and not (s <= c.start and c.end <= e) for c in cands.values()):
        return None
    for c in inside:
        del cands[(c.start, c.end)]
    for k in range(s, e):
        covered[k - lo] = True
    widened = NameCandidate(s, e, unidic_person=any(c.unidic_person for c in inside))
    cands[(s, e)] = widened
    return widened
