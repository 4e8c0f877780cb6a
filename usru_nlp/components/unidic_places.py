"""Place names from UniDic's tags (名詞-固有名詞-地名), as weak evidence for :mod:`.places`."""
from __future__ import annotations

import re
from bisect import bisect_left
from typing import List, Tuple

from spacy.tokens import Doc

from ..extensions import tag_positions, text_of, token_edges, tokens_of
from ..matching import Trie, is_kanji, is_katakana, is_latin
from .place_context import local_office_trie
from .place_rules import place_rules

_PLACE_SUFFIXES = ("県", "州", "市", "省", "島", "諸島", "半島", "自治区", "地方", "湾", "海峡", "都", "府", "郡", "町",
                   "村", "区", "川", "山", "峠", "湖")
_TOWN_SUFFIXES = ("町", "村", "市")
_NATURE_SUFFIXES = ("山", "川", "湖", "島")
# the last character of an administrative area (神奈川県, 北見市): a kanji word may follow it
ADMIN_CHARS = "都道府県州郡市町区村"
_SUFFIX_CHARS = re.compile("[" + "".join(sorted(set(_TOWN_SUFFIXES + _NATURE_SUFFIXES))) + "]")
_FOLLOWERS = Trie({w: True for w in place_rules()["unidic_followers"]})


def unidic_places(doc: Doc, region: Tuple[int, int]) -> List[Tuple[int, int, str]]:
    """Place names from UniDic tags, as evidence.

    Runs of place-name tokens (名詞-固有名詞-地名-*) standing as a word or with a place suffix
    (渋谷の, 神奈川県), a surname-like token with a municipal suffix (川島町), and a katakana
    word with a geographic suffix (ノグ山).
    """
    out = []
    start, end = region
    text = text_of(doc)
    starts = token_edges(doc)[0]
    first, last = bisect_left(starts, start), bisect_left(starts, end)
    toks = tokens_of(doc)[first:last]  # the tokens starting in the region
    done = 0  # tokens before this one are read
    for i in _run_starts(doc, text, first, last):
        if i < done:
            continue
        t = toks[i]
        tag = t.tag
        j = i + 1
        if tag.startswith("名詞-固有名詞-地名"):
            while j < len(toks) and toks[j].tag.startswith("名詞-固有名詞-地名"):
                j += 1
        elif j >= len(toks) or not (
                (toks[j].text in _TOWN_SUFFIXES and tag.startswith("名詞-固有名詞-人名"))
                or (toks[j].text in _NATURE_SUFFIXES and is_katakana(t.text[0]))):
            continue
        suffixed = j < len(toks) and toks[j].text in _PLACE_SUFFIXES
        if suffixed:
            j += 1
            if toks[j - 1].text in ("町", "村"):
                j = _sub_area_end(text, toks, j)
        s, e = toks[i].start, toks[j - 1].end
        if j - i > 1 and is_katakana(t.text[0]) and not tag.startswith("名詞-固有名詞-地名"):
            s = _katakana_start(text, s)
        office = not suffixed and tag.startswith("名詞-固有名詞-地名") and local_office_trie().match_at(text, e) is not None
        glued = s > 0 and is_kanji(text[s]) and is_kanji(text[s - 1]) and text[s - 1] not in ADMIN_CHARS \
            and not (office and i > 0 and toks[i - 1].end == s and toks[i - 1].tag.startswith("名詞-固有名詞-人名"))
        if (suffixed or office or _word_ends(text, e) or _FOLLOWERS.match_at(text, e)) and not glued:
            out.append((s, e, "GPE"))
        done = j
    return out


def _run_starts(doc: Doc, text: str, first: int, last: int) -> List[int]:
    """Where a place run may start among the tokens ``first``..``last - 1`` of ``tokens_of(doc)``
    (counted from ``first``), in order: a place-name token (名詞-固有名詞-地名), or the token
    before a one-character town or nature suffix token (川島|町, ノグ|山)."""
    if first >= last:
        return []
    found = {i - first for i in tag_positions(doc, "名詞-固有名詞-地名") if first <= i < last}
    starts = token_edges(doc)[0]
    toks = tokens_of(doc)
    for m in _SUFFIX_CHARS.finditer(text, starts[first], starts[last - 1] + 1):
        k = bisect_left(starts, m.start())  # the suffix token, if one starts here
        if first < k < last and starts[k] == m.start() and toks[k].text == m.group():
            found.add(k - 1 - first)
    return sorted(found)


def _sub_area_end(text: str, toks, j: int) -> int:
    """After a town or village, the name of a part of it (藤原町坂本, 藤原町下野尻): proper-noun
    kanji tokens, perhaps one more kanji, ending the word. Otherwise ``j`` unchanged."""
    k = j
    while k < len(toks) and toks[k].start == toks[k - 1].end and "固有名詞" in toks[k].tag \
            and all(is_kanji(ch) for ch in toks[k].text):
        k += 1
    if k == j:
        return j
    if k < len(toks) and toks[k].start == toks[k - 1].end and len(toks[k].text) == 1 and is_kanji(toks[k].text):
        k += 1  # 下野|尻
    return k if _word_ends(text, toks[k - 1].end) else j


def _katakana_start(text: str, s: int) -> int:
    while s > 0 and is_katakana(text[s - 1]):
        s -= 1
    return s


def _word_ends(text: str, e: int) -> bool:
    return e >= len(text) or not (is_kanji(text[e]) or is_katakana(text[e]) or is_latin(text[e]))
