"""Runs of UniDic person-name tokens, completed where the dictionary split a name, and the
lexicons that tell what may follow a name (titles, role words, honorifics).

Used by :mod:`usru_nlp.names` (candidates) and the places component (a place name before 首相
or さん is a surname).
"""
from __future__ import annotations

import json
import re
from bisect import bisect_left
from functools import lru_cache
from typing import List, Optional, Tuple

from spacy.tokens import Doc

from .extensions import tag_positions, text_of, token_edges, tokens_of
from .kb import load_titles
from .kb.loaders import read_lines
from .matching import Trie, is_hiragana, is_kanji
from .resources import models_path

_NAME_OPENERS = "、，,。・「『（(　 \nのはがとをにもや"
_NAME_CLOSERS = "、，,。」』）)はがのとをにもや"
_NOT_NAME_TAIL = "氏様君家組ら等達側派軍町村市区県寺党"
# words UniDic reads as names that, after a kanji name, are a chant of it (山本|コール)
_CHANTS = frozenset({"コール"})
# one kanji that may stand between a name and a title or さん without being part of the name:
# 前/元/新 (石破新首相), 副, 駐, country abbreviations (米, 中), kinship (木村祐一|兄さん)
_TITLE_PREFIX_KANJI = "前元現新次両同故各総駐副米英仏独露中韓朝日印豪加伊兄姉弟妹父母夫妻嫁婿孫"


@lru_cache(maxsize=1)
def person_roles() -> dict:
    """models/lexicons/person_roles.json: role words, words after which a word is a person, ..."""
    with open(models_path("lexicons", "person_roles.json"), encoding="utf-8") as f:
        return json.load(f)


@lru_cache(maxsize=1)
def person_followers() -> Trie:
    """Words that make the word before them a person: titles of offices (not local offices or
    royal titles, which follow places: 北見市長, ナバラ女王), role words, 氏/さん/先生 ...
    (``person_after`` in models/lexicons/person_roles.json)."""
    roles = person_roles()
    words = {w: True for w in (*roles["person_after"], *roles["roles"])}
    words.update({t.title: True for t in load_titles() if t.category not in ("local", "royal")})
    return Trie(words)


@lru_cache(maxsize=1)
def _all_titles() -> Trie:
    """Every title of the lexicon, local offices included (都知事, 市長), and the one-kanji heads
    of such titles (都, 府, 県, 州) that the model glues to a name (石原慎太郎都|知事)."""
    return Trie({w: True for w in ("都", "府", "県", "州", *(t.title for t in load_titles()))})


def _person_tokens(doc: Doc, lo: int, hi: int) -> List[Tuple[int, int]]:
    """Runs of UniDic 人名 tokens (姓 + 名) as spans, completed over kanji the dictionary split off.

    亀|樋|哲生 (名 only): the kanji before it back to a word boundary are the surname;
    水落|朋|大 (姓 名 + a one-kanji suffix before a boundary): the kanji belongs to the name.
    """
    text = text_of(doc)
    out = []
    run: Optional[List[int]] = None
    first_tag = ""
    stray = False  # the token before the run is one kanji the dictionary misread (淡 as an adjective)
    given = False  # the run has a given name: a surname of 2+ characters after it starts another
    # name (李麗仙|清原); one kanji read as a surname is more often the end of the name (馬場鑑|周)
    toks = tokens_of(doc)
    last = -2  # position of the previous 人名 token: a run goes on only over adjacent tokens
    for i in tag_positions(doc, "名詞-固有名詞-人名"):
        t = toks[i]
        if t.start < lo or t.start >= hi or (len(t.text) == 1 and governor_head(text, t.start)):
            continue
        if t.text in _CHANTS and i > 0 and toks[i - 1].end == t.start and is_kanji(toks[i - 1].text[-1]):
            continue  # 山本|コール: the crowd chanting a name (UniDic reads コール as a name)
        if run and last == i - 1 and run[1] == t.start and not (t.tag.endswith("姓") and given and len(t.text) >= 2):
            given = given or t.tag.endswith("名")
            run[1] = t.end
        else:
            if run:
                out.append(_complete(text, run, first_tag, lo, hi, stray))
            run = [t.start, t.end]
            first_tag = t.tag
            given = t.tag.endswith("名")
            prev = toks[i - 1] if i > 0 and toks[i - 1].start >= lo else None  # the token before, in the region
            stray = prev is not None and len(prev.text) == 1 and is_kanji(prev.text) \
                and prev.tag.startswith(("形容詞", "動詞")) and prev.end == t.start
        last = i
    if run:
        out.append(_complete(text, run, first_tag, lo, hi, stray))
    return out


def governor_head(text: str, k: int) -> bool:
    """Is ``text[k]`` the 都/道/府/県 of a governor's title (鈴木|道知事, 小池|都知事)? UniDic reads
    it as a given name, and the model as the end of a place 小池都."""
    return k < len(text) and text[k] in "都道府県" and text.startswith("知事", k + 1)


def _starts_word(text: str, k: int) -> bool:
    return k <= 0 or text[k - 1] in _NAME_OPENERS


def _complete(text: str, run: List[int], first_tag: str, lo: int, hi: int,
              stray: bool = False) -> Tuple[int, int]:
    s, e = run
    k = s
    while k > lo and s - k < 2 and is_kanji(text[k - 1]):
        k -= 1
    if k < s and _starts_word(text, k) and (first_tag.endswith("名") or s - k == 1):
        s = k  # 亀樋|哲生
    elif stray and s - 1 >= lo and (s - 1 == 0 or is_hiragana(text[s - 2]) or _starts_word(text, s - 1)):
        s -= 1  # (共感した)淡|井真紀: the kanji is no adjective here but the surname's first
    if e < hi and is_kanji(text[e]) and text[e] not in _NOT_NAME_TAIL and e - s >= 3:
        if e + 1 >= hi or text[e + 1] in _NAME_CLOSERS:
            e += 1  # 水落朋|大
        elif text[e] not in _TITLE_PREFIX_KANJI and e + 1 < hi \
                and person_followers().match_at(text, e + 1) is not None \
                and person_followers().match_at(text, e) is None:
            e += 1  # 赤沢亮|正|経済再生相, 武藤容|治|氏: the kanji before a title or 氏 ends the name
    return s, e


# where a kanji run before a title is an institution or a place, not a name (金融庁長官, 韓国外相)
_NOT_CJK_NAME_END = _NOT_NAME_TAIL + "庁省局部院会府団社所室課国州島"


@lru_cache(maxsize=1)
def _cjk_surname_start() -> "re.Pattern":
    """A one-kanji Chinese or Korean surname of models/lexicons/cjk_surnames.txt, at the start
    of a kanji run."""
    chars = "".join(read_lines(models_path("lexicons", "cjk_surnames.txt")))
    return re.compile(rf"(?<![\u3005\u4e00-\u9fff])[{chars}](?=[\u4e00-\u9fff])")


def cjk_names_before_titles(doc: Doc, lo: int, hi: int) -> List[Tuple[int, int]]:
    """Chinese and Korean names the dictionary splits into words of no name, right before a
    person's title: a one-kanji surname and one or two kanji (韓国の尹|炳世外相, 呉|俊|赫外相).

    The run is longer than one word (金融 before 相 is one word), starts a word, ends where a
    word ends and a title begins, has no title or title prefix inside (李|副首相, 金|総書記) and
    does not end like an institution or a place (金融|庁長官). Three kanji are tried before two.
    """
    text = text_of(doc)
    starts, ends = token_edges(doc)
    titles = person_followers()
    out = []
    for m in _cjk_surname_start().finditer(text, lo, hi):
        s = m.start()
        if not _starts_word(text, s):
            continue
        i = bisect_left(starts, s)
        if i == len(starts) or starts[i] != s:
            continue
        for e in (s + 3, s + 2):
            if e >= hi or not all(is_kanji(ch) for ch in text[s + 1:e]):
                continue
            j = bisect_left(ends, e)
            if j == len(ends) or ends[j] != e or j == i:
                continue  # not at a word's end, or one word (金融)
            if text[e - 1] in _NOT_CJK_NAME_END or titles.match_at(text, e) is None:
                continue
            if any(text[k] in _TITLE_PREFIX_KANJI or titles.match_at(text, k) is not None
                   for k in range(s + 1, e)):
                continue
            out.append((s, e))
            break
    return out
