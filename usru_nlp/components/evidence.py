"""The model layer as a voter on rule candidates.

The rules (lexicons, title grammar, UniDic tags) and the model layer (``doc._.model_ents``) find
people and places independently. Where they agree, precision is high; where only one of them
speaks, the other's silence is itself evidence. :class:`ModelVotes` answers the questions the
components ask about a span, and :func:`person_vote` / :func:`place_vote` turn the answers and
the rule evidence into a decision:

- rule and model agree (the same span, the same kind) → accept;
- only the model → accept when the span passes the same context checks as a rule candidate
  (done by the caller) and the text around it looks like a word of its own;
- only weak rule evidence (a UniDic 人名 run, a UniDic 地名 run) and the model calls the span
  something else or nothing at all → reject;
- strong rule evidence (the knowledge base, a title, a role word, 氏, the gazetteer) → accept
  unless the model puts the span inside an organisation or facility name.

Without a model (``--model none``) every vote is "no opinion" and the rules decide alone.
"""
from __future__ import annotations

from typing import Iterable, List, Optional, Sequence, Tuple

from spacy.language import Language

from ..matching import is_hiragana, is_kanji, is_katakana

Ent = Tuple[int, int, str]

PERSON = ("PERSON",)
PLACE = ("GPE", "LOC")
NAMED_BODY = ("ORG", "FAC")  # names of organisations and facilities: places inside are not places

ACCEPT, REJECT, ABSTAIN = "accept", "reject", "abstain"
_NAME_BREAKS = set("=＝・、，,。 　「」（）()%％")


def model_active(nlp: Language) -> bool:
    """Does ``nlp`` run a model layer whose silence means something (not the "none" model)?"""
    if "usru_model_ner" not in nlp.pipe_names:
        return False
    return getattr(nlp.get_pipe("usru_model_ner"), "model_name", "none") not in ("none", "rules", None)


class ModelVotes:
    """Model spans of one document, indexed for the questions the components ask."""

    def __init__(self, ents: Optional[Iterable[Ent]], active: bool):
        self.active = active
        self.ents: List[Ent] = sorted(ents or ())
        self.exact = {(s, e): label for s, e, label in self.ents}

    def label(self, s: int, e: int) -> Optional[str]:
        """The model's label for exactly [s, e), or None."""
        return self.exact.get((s, e))

    def overlapping(self, s: int, e: int, labels: Optional[Sequence[str]] = None) -> List[Ent]:
        return [x for x in self.ents if x[0] < e and s < x[1] and (labels is None or x[2] in labels)]

    def spans(self, labels: Sequence[str]) -> List[Tuple[int, int]]:
        return [(s, e) for s, e, label in self.ents if label in labels]

    def inside_name(self, s: int, e: int) -> bool:
        """Is [s, e) strictly inside an organisation or facility name the model found?"""
        return any(a <= s and e <= b and (a, b) != (s, e) for a, b, _ in self.overlapping(s, e, NAMED_BODY))

    def inside_long_name(self, text: str, s: int, e: int, min_rest: int = 4) -> bool:
        """Is [s, e) the start of a longer organisation or facility name the model found?

        The rest of the name must be one word of at least ``min_rest`` characters (最高人民会議,
        守備混成第2旅団): the model's short or punctuated spans (ウクライナ抜き,
        ワシントン=中村亮, スイス・ジュネーブ) are not trusted to hide a place.
        """
        for a, b, _ in self.overlapping(s, e, NAMED_BODY):
            if a <= s and e < b and b - e >= min_rest and not any(c in _NAME_BREAKS for c in text[a:b]):
                return True
        return False

    def says(self, s: int, e: int, labels: Sequence[str]) -> bool:
        return self.exact.get((s, e)) in labels

    def says_other(self, s: int, e: int, labels: Sequence[str]) -> bool:
        """The model covers [s, e) with a span of another kind (an ORG, a place for a person)."""
        return any(x[2] not in labels and x[2] not in ("DATE", "TIME", "TITLE")
                   for x in self.overlapping(s, e))

    def silent(self, s: int, e: int, labels: Sequence[str]) -> bool:
        """The model ran and found nothing of this kind overlapping [s, e)."""
        return self.active and not self.overlapping(s, e, labels)


def person_vote(votes: ModelVotes, s: int, e: int, *, strong: bool, weak: bool) -> str:
    """Decide a person candidate from its rule evidence and the model's vote.

    ``strong``: a role word, 氏/さん, a KB alias; ``weak``: a UniDic 人名 tag (or an unknown word).
    """
    if not votes.active:
        return ACCEPT if (strong or weak) else ABSTAIN
    if votes.says(s, e, PERSON):
        return ACCEPT
    if strong:
        return ACCEPT
    if votes.overlapping(s, e, PERSON):
        return ACCEPT if weak else ABSTAIN  # the model agrees on a person, with other boundaries
    return REJECT


def word_bounded(text: str, s: int, e: int) -> bool:
    """Does [s, e) look like a word of its own (not cut out of a longer word)?

    A kana span must not continue into the same script unless a particle follows; a kanji span
    must not continue into kanji, except into a one-character bound suffix the caller allows.
    """
    if s >= e:
        return False
    first, last = text[s], text[e - 1]
    nxt = text[e] if e < len(text) else ""
    prev = text[s - 1] if s > 0 else ""
    if is_hiragana(first) or is_hiragana(last):
        return False  # ぬー of ぬーとぴあ; names in hiragana are rare in news text
    if is_katakana(last) and is_katakana(nxt):
        return False
    if is_katakana(first) and is_katakana(prev):
        return False
    return True


def kanji_glued(text: str, s: int, e: int) -> bool:
    """Is a kanji span [s, e) glued to kanji on either side (統 of 統振株式有限会社)?"""
    nxt = text[e] if e < len(text) else ""
    prev = text[s - 1] if s > 0 else ""
    return is_kanji(text[e - 1]) and (is_kanji(nxt) or (is_kanji(text[s]) and is_kanji(prev)))


def place_vote(votes: ModelVotes, text: str, s: int, e: int, *, strong: bool, weak: bool, state_compound: bool = False) -> str:
    """Decide a place candidate from its rule evidence and the model's vote.

    ``strong``: the gazetteer or an abbreviation rule; ``weak``: a UniDic 地名 run (or an
    unknown word); neither: the model alone proposed the span (the caller has checked that it
    looks like a word). ``state_compound``: the place is followed by a state word (ロシア軍,
    米政府): a place by GUIDELINES §4 even where the model reads one organisation name.
    """
    if not votes.active:
        return ACCEPT if (strong or weak) else ABSTAIN
    if not state_compound and votes.inside_long_name(text, s, e):
        return REJECT  # 台湾守備混成第2旅団, 北朝鮮最高人民会議: inside a longer name
    if votes.says(s, e, PLACE) or strong:
        return ACCEPT
    if weak and votes.overlapping(s, e, PLACE):
        return ACCEPT  # the model agrees on a place, with other boundaries
    if weak and not votes.overlapping(s, e, PERSON) and votes.label(s, e) is None:
        return ABSTAIN  # silent, or a longer ORG/FAC span the place is not inside (仙台39・6%)
    return REJECT  # a person, or exactly an organisation (磐田, 横浜 as sports teams)
