"""Component ``usru_persons``: named people who are not officials, with a role.

- journalists: the dateline (【ワシントン=永沢毅】) and byline lines (a name alone on a line,
  or with アクセス/記者, at the top or the end of the body);
- role words right after the name (…上級研究員, …教授) or before 「の」 (研究員の…氏);
- other names the officials component left over that carry person evidence (UniDic 人名,
  the model, or 氏): role "other".
"""
from __future__ import annotations

import re
from bisect import bisect_left
from typing import Dict, List, Tuple

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions
from ..extensions import is_token_end, text_of, token_edges, tokens_of
from ..matching import Trie, is_hiragana, is_kanji, is_katakana, is_latin
from ..names import person_roles
from ..schema import Person
from ..segment import split_lines
from .evidence import ACCEPT, PERSON, ModelVotes, kanji_glued, model_active, person_vote, word_bounded


# after which an unknown katakana word is taken for a person (see PersonTagger._is_person)
_AGENT_PARTICLES = ("は", "が", "と共に", "とともに")
# the agent of a work or an act: only for a name of several parts (リード・クラッコフによって);
# a single word there is as often a company or a substance (ターガスによって, クルミンによる)
_AUTHOR_PARTICLES = re.compile(r"による(?!と)|によって")
# a kinship word after 「の」: the word before is a person (GSD train: 29 of 30 name candidates
# there are persons); not before kanji or an honorific (の孫さん: Mr Son)
_KIN = re.compile(r"の(?:兄|姉|弟|妹|妻|夫|息子|娘|父|母|祖父|祖母|孫|長男|次男|三男|長女|次女|叔父|叔母|伯父|"
                  r"伯母|甥|姪|養子|側室|正室|嫡男|弟子|師匠|恋人|婚約者|親友)(?![\u3005\u4e00-\u9fff]|さん|氏)")
# a kinship word right before a katakana name: …の子テルサンドロス, 弟フェルナンド, 孫フアン・カルロス
# (GSD train: 5 of 6 katakana words after such a word are persons; kanji words there are mostly
# compounds: 子孫, 母親)
_KIN_BEFORE = re.compile(r"(?:^|[の、・\s])(?:子|娘|息子|妻|夫|兄|弟|姉|妹|長男|次男|三男|長女|次女|孫|甥|姪|養子)$")
# a name inside the name of an incident, after an honorific or a role and other nouns:
# 吉展ちゃん事件, 坂本弁護士失踪事件直後 (事件 right after a name: not_before in person_roles.json);
# not 事故死
_IN_EVENT_NAME = re.compile(r"(?:ちゃん|さん|くん|君)?[\u3005\u4e00-\u9fff\u30a1-\u30fa\u30fc]*?(?:事件|事故(?![\u3005\u4e00-\u9fff]))")
# a royal or noble title after a name that is no place (ナバラ女王 is the queen of Navarre) and
# before no other word (ダービー卿チャレンジ): GSD train 22 of 24 candidates before such a title
# are persons; 王 too (テーレポス王; GSD train 3 of 4 katakana names) but not in a title (『リア王』);
# not 公 (ハチ公, a dog)
_NOBLE = re.compile(r"(?:女王|国王|大王|皇帝|卿|伯爵|侯爵|将軍|王子|王女|王)(?![\u3005\u4e00-\u9fff\u30a1-\u30fa』」])")
# 師 after a name: a cleric (ナスララ師, シスタニ師); not 師団, 師走, 師範
_CLERIC = re.compile(r"師(?![\u3005\u4e00-\u9fff])")
# a character that continues a word: the repeat of a name must not run into one
_NAME_CHAR = re.compile(r"[\u3005\u4e00-\u9fff\u30a1-\u30fa\u30fcA-Za-z0-9Ａ-Ｚａ-ｚ０-９]")
_HONORIFIC = re.compile(r"ちゃん|さん|くん|君|氏|様|" + _CLERIC.pattern)
# one list item between two names: 、 + 2-6 kanji/katakana + 、
_LIST_ITEM = re.compile(r"、([\u3005\u4e00-\u9fff\u30a1-\u30fa\u30fc・]{2,6})、")


class PersonTagger:
    def __init__(self, model_active: bool = False):
        self.model_active = model_active
        data = person_roles()
        self.roles: Trie = Trie(data["roles"])
        self.not_before: Trie = Trie({w: True for w in data["not_before"]})
        self.org_tails = tuple(data["org_tails"])
        epithets = "|".join(sorted(map(re.escape, data["regnal_epithets"]), key=len, reverse=True))
        self.epithets = re.compile(rf"(?<![\u3005\u4e00-\u9fff])(?:{epithets})(?![\u3005\u4e00-\u9fff])")
        suffixes = "|".join(map(re.escape, data["byline_suffixes"]))
        self.byline = re.compile(rf"^([\u4e00-\u9fff\u3005]{{2,6}}|[ァ-ヺー・]{{3,20}})(?:\s*(?:{suffixes}))?\s*$")

    def _role_after(self, text: str, end: int) -> str | None:
        hit = self.roles.match_at(text, end)
        return hit[1] if hit else None

    def _role_before(self, text: str, start: int) -> str | None:
        if start < 2 or text[start - 1] not in "の、":
            return None
        p = start - 1
        for n in self.roles.lengths_ending_at(text, p):  # longest first
            role = self.roles.get(text[p - n : p]) if p - n >= 0 else None
            if role:
                return role
        return None

    def _bylines(self, doc: Doc, region: Tuple[int, int]) -> List[Tuple[int, int]]:
        text = text_of(doc)
        lines = [ln for ln in split_lines(text[: region[1]]) if ln.start >= region[0]]
        out = []
        edge = lines[:4] + lines[-2:]
        for ln in edge:
            m = self.byline.match(ln.text)
            if not m:
                continue
            s = ln.start + m.start(1)
            e = ln.start + m.end(1)
            if any(t.tag.startswith("名詞-固有名詞-人名") for t in tokens_of(doc) if s <= t.start < e):
                out.append((s, e))
        return out

    @staticmethod
    def _common_noun(text: str, cand) -> bool:
        """テニス選手, スタッフさん, レモン: a common noun, not a name, whatever the model, a role or
        a kinship word says (only 氏 makes it one)."""
        return cand.dictionary_word and not (cand.before_honorific or text.startswith("氏", cand.end))

    @staticmethod
    def _is_person(text: str, cand, role: str | None, votes: ModelVotes, kin: bool = False) -> bool:
        """Rule evidence and the model's vote (:mod:`.evidence`) on one name candidate;
        ``kin``: a kinship word or a noble title follows (…の兄, …の妻, …将軍)."""
        s, e = cand.start, cand.end
        honorific = text.startswith(("氏", "さん"), e) or _CLERIC.match(text, e) is not None
        if PersonTagger._common_noun(text, cand):
            return False
        strong = (role is not None or honorific or bool(cand.entries) or cand.full_name or cand.regnal
                  or cand.before_title or kin)
        if not (strong or word_bounded(text, s, e)) and cand.model_only:
            return False  # the span must look like a name of its own
        if not (role or honorific or cand.entries or cand.full_name or cand.before_title) and kanji_glued(text, s, e):
            # 統 of 統振株式有限会社, 坂本 of 藤原町坂本: part of a longer word; but a surname may run
            # into the noun after it (天野医師, 中島先生) when the tokenizer reads it as a name
            left_glued = s > 0 and is_kanji(text[s - 1]) and is_kanji(text[s])
            if cand.model_only or e - s < 2 or left_glued or not cand.unidic_person:
                return False
        if e - s < 2 and not (role or honorific or cand.model_person):
            return False  # 王, 習: one character needs a role, 氏 or the model
        vote = person_vote(votes, s, e, strong=strong, weak=cand.unidic_person or cand.model_person)
        if vote != ACCEPT and cand.unknown_word and (
                text.startswith(_AGENT_PARTICLES, e)
                or (_AUTHOR_PARTICLES.match(text, e) and re.search("[・＝=]", text[s:e]))):
            # a katakana word UniDic does not know, as topic, subject, companion or agent: more
            # often a person than not (GSD train: は 25/37, が 21/37, と共に 2/2, による/によって
            # after a full name 5/5), unless the model calls it something else
            return not votes.says_other(s, e, PERSON)
        return vote == ACCEPT

    @staticmethod
    def _fill_lists(text: str, found: Dict[Tuple[int, int], Person], officials, places) -> None:
        """A short name between two people in a 「、」 list is a person too (山田太郎、高原零、鈴木花子)."""
        people = sorted(set(found) | set(officials))
        taken = people + list(places)
        for (_, e1), (s2, _) in zip(people, people[1:]):
            m = _LIST_ITEM.fullmatch(text, e1, s2)
            if m is None or any(a < m.end(1) and m.start(1) < b for a, b in taken):
                continue
            s, e = m.span(1)
            found[(s, e)] = Person(s, e, text[s:e], role="other")

    @staticmethod
    def _anchors(text: str, cand, role: str | None, kin: bool) -> int:
        """Does a person's mention carry evidence enough to make the name's other mentions in the
        document persons too? Not UniDic's reading of a katakana or Latin word (バレンタイン,
        Windows), nor a company's chief (インテル社長) or staff (マルコメさん). 2: evidence
        beside the name (a title, a role, 氏/さん, a full name, the KB); 1: UniDic's reading of a
        kanji name alone (神楽坂 is a surname and a district); 0: none."""
        name = text[cand.start : cand.end]
        if any(map(is_latin, name)):
            return 0
        if cand.entries or cand.full_name or cand.before_title or kin or (role and role != "business"):
            return 2
        if any(map(is_katakana, name)):
            return 2 if text.startswith("氏", cand.end) else 0
        if _HONORIFIC.match(text, cand.end) is not None:
            return 2
        return 1 if cand.unidic_person else 0

    @staticmethod
    def _repeat_names(doc: Doc, text: str, anchored, found: Dict[Tuple[int, int], Person], officials,
                      places) -> None:
        """Another mention of a name found in the document, as a word of its own, is the same
        person (熊田の…ぶりに…熊田応援に回り: the second 熊田 has no evidence of its own)."""
        # not a name in hiragana alone: too often part of another word (おおさわ|まき, もり|あね)
        names = {name for name in anchored if len(name) >= 2 and not all(map(is_hiragana, name))}
        if not names:
            return
        toks = tokens_of(doc)
        starts, ends = token_edges(doc)

        def token_at(k: int) -> int:  # the index of the token starting at k, or -1
            i = bisect_left(starts, k)
            return i if i < len(starts) and starts[i] == k else -1

        taken = sorted(set(found) | set(officials) | set(places))

        def free_after(e: int) -> bool:
            # a particle, punctuation or the end; a kanji word only if it is a verbal noun
            # (熊田応援, 安倍批判), not a noun the name is part of (カイソーン博物館, 豊臣姓)
            m = _HONORIFIC.match(text, e)
            if m:
                e = m.end()  # ケンちゃん|シリーズ is a title
            if e >= len(text) or not _NAME_CHAR.match(text, e):
                return True
            i = token_at(e)
            return i >= 0 and is_kanji(text[e]) and toks[i].tag.startswith("名詞-普通名詞-サ変")

        for name in sorted(names, key=len, reverse=True):
            k = text.find(name)
            while k >= 0:
                e = k + len(name)
                if (token_at(k) >= 0 and is_token_end(doc, e) and free_after(e)
                        and not any(a < e and k < b for a, b in taken)):
                    found[(k, e)] = Person(k, e, name, role="other")
                    taken.append((k, e))
                k = text.find(name, k + 1)

    def __call__(self, doc: Doc) -> Doc:
        text = text_of(doc)
        region = doc._.body or (0, len(text))
        official_spans = {(o.start, o.end) for o in doc._.officials or ()}
        found: Dict[Tuple[int, int], Person] = {}
        taken = bytearray(len(text))  # 1 on the characters of the names in ``found``

        def keep(s: int, e: int, role: str) -> None:
            found[(s, e)] = Person(s, e, text[s:e], role=role)
            taken[s:e] = b"\x01" * (e - s)

        votes = ModelVotes(doc._.model_ents, self.model_active)
        place_spans = [(p.start, p.end) for p in doc._.places or ()]
        dateline = doc._.dateline
        if dateline and dateline[1]:
            keep(*dateline[1], "journalist")
        for s, e in self._bylines(doc, region):
            if (s, e) not in found:
                keep(s, e, "journalist")
        def whole_word(a: int, b: int) -> bool:  # prizes whatever the tokenizer says (…人|賞金|賞)
            return is_token_end(doc, b) or text[a:b] in ("賞", "杯")

        anchored = {p.text for p in found.values()}  # names with evidence of their own
        beside = set(anchored)  # names with evidence beside them (see _anchors)
        for cand in doc._.person_candidates or ():
            span = (cand.start, cand.end)
            if span in official_spans or any(taken[cand.start : cand.end]):
                continue  # an official, or (part of) a name found already
            if self._common_noun(text, cand):
                continue  # refused by _is_person below whatever the context (14k of 24.6k candidates)
            if text.endswith(self.org_tails, cand.start + 1, cand.end) and is_katakana(text[cand.end - 1]):
                continue  # ヨーマティフェリー, ワオ・コーポレーション: a company or a place
            role = self._role_after(text, cand.end) or self._role_before(text, cand.start)
            if text.startswith("では", cand.end) and not text.startswith("ではな", cand.end) and not cand.entries:
                continue  # イウカでは, Xオンラインショップでは: a place or a body (GSD train 0 persons
                # of 67 candidates; livedoor: 4 companies and sites); not Xではなく (2 persons)
            if _IN_EVENT_NAME.match(text, cand.end):
                continue  # 吉展ちゃん事件, 坂本弁護士失踪事件: the name of an event, as 事件 right after
            if role is None and self.not_before.match_at(text, cand.end, accept=whole_word) is not None:
                continue  # 島津家, 川島町; not 長谷川|区議, 宮脇|駅長 (区, 駅 begin a longer word)
            kin_before = is_katakana(text[cand.start]) and \
                _KIN_BEFORE.search(text, max(0, cand.start - 3), cand.start) is not None
            kin = (_KIN.match(text, cand.end) is not None or _NOBLE.match(text, cand.end) is not None
                   or kin_before) and not any(s < cand.end and cand.start < e for s, e in place_spans)
            if not self._is_person(text, cand, role, votes, kin):
                continue
            if cand.model_only and any(s < cand.end and cand.start < e for s, e in place_spans):
                continue  # 米ロ: the model's person is the places component's 米 + ロ
            keep(cand.start, cand.end, role or "other")
            level = self._anchors(text, cand, role, kin)
            if level:
                anchored.add(text[cand.start : cand.end])
            if level == 2:
                beside.add(text[cand.start : cand.end])
        if "祖" in text or "宗" in text or "帝" in text:
            for m in self.epithets.finditer(text, *region):  # 高麗の太祖, 魏の文帝
                if not any(taken[m.start() : m.end()]) and not any(
                        s < m.end() and m.start() < e for s, e in (*official_spans, *place_spans)):
                    keep(m.start(), m.end(), "other")
        self._fill_lists(text, found, official_spans, place_spans)
        misread = [p for p in doc._.places or () if p.kb_id is None and p.country is None and p.text in beside]
        if misread:  # 山川トモ … 山川が逮捕, 占い師の千早: UniDic's place is the person named before
            doc._.places = [p for p in doc._.places if p not in misread]
            extensions.drop_spans(doc, misread, "PLACE")
            place_spans = [(p.start, p.end) for p in doc._.places]
        self._repeat_names(doc, text, anchored, found, official_spans, place_spans)
        persons = sorted(found.values(), key=lambda p: p.start)
        doc._.persons = persons
        extensions.add_spans(doc, persons, "PERSON")
        return doc


@Language.factory("usru_persons")
def make_person_tagger(nlp: Language, name: str):
    return PersonTagger(model_active=model_active(nlp))
