"""A spaCy tokenizer on fugashi (MeCab) + unidic-lite.

Each token keeps UniDic's part of speech as ``token.tag_`` (e.g. ``名詞-固有名詞-人名-一般``),
its lemma as ``token.lemma_`` and its katakana reading as ``token.morph`` ``Reading=...``
(also ``token._.reading``). ``doc.text`` equals the input exactly, with one exception: lone surrogates (which no
UTF-8 string store can hold) become U+FFFD, one character for one, so character offsets
into the doc are offsets into the input. Whitespace becomes whitespace tokens or trailing
spaces; characters MeCab cannot take (NUL, control characters) are tokenised as whitespace.

Unlike SudachiPy (used by spaCy's ``ja`` and GiNZA), there is no input-length limit: the text
is fed to MeCab line by line, and very long lines in bounded pieces.
"""
from __future__ import annotations

import re
from typing import Iterator, List, Tuple

import fugashi
import numpy
from spacy.lang.ja.tag_map import TAG_MAP
from spacy.attrs import LEMMA, MORPH, POS as POS_ATTR, SENT_START, TAG
from spacy.parts_of_speech import IDS as POS_IDS, NAMES as POS_NAMES
from spacy.symbols import POS
from spacy.tokens import Doc, Token
from spacy.util import registry
from spacy.vocab import Vocab

from .extensions import Tok, reading_of

# Characters MeCab cannot take as they are: C0/C1 controls (NUL ends a C string), lone
# surrogates (not encodable in UTF-8), non-characters. They become spaces for MeCab only.
_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_MAX_PIECE = 4000  # characters handed to MeCab at once; longer lines are split
_PIECE_BREAK = re.compile(r"(?<=[。！？!?\n])")
_SENT_END = frozenset("。！？!?")
_ATTRS = [TAG, POS_ATTR, LEMMA, MORPH, SENT_START]
_NOT_START = 2**64 - 1  # SENT_START -1 ("not a sentence start") in a uint64 array
_FEATURE_CACHE_MAX = 200_000  # distinct feature strings kept (a few tens of MB at most)
WHITESPACE_TAG = "空白"
# MeCab's output, one line per token: surface, UniDic part of speech (the non-"*" levels joined
# by "-"), lemma (field 7) and reading (field 17); unknown words get no lemma and no reading.
_OUTPUT = (
    r'-O "" --node-format="%m\t%F-[0,1,2,3]\t%f[7]\t%f[17]\n"'
    r' --unk-format="%m\t%F-[0,1,2,3]\t\t\n" --bos-format="" --eos-format="EOS\n"'
)

if not Token.has_extension("reading"):
    Token.set_extension("reading", getter=reading_of)


def _pos_of(tag: str) -> str:
    entry = TAG_MAP.get(tag)
    if entry is None:
        entry = TAG_MAP.get(tag.split("-")[0], {})
    return POS_NAMES.get(entry.get(POS), "X") if entry else "X"


def _clean_lemma(lemma: str | None, surface: str) -> str:
    if not lemma:
        return surface
    # UniDic lemmas carry a gloss after a hyphen: "ロシア-Rossiya", "プーチン-外国"
    cut = lemma.find("-")
    if cut > 0:
        return lemma[:cut]
    return lemma


def _pieces(text: str) -> Iterator[Tuple[int, str]]:
    """Split text into (offset, piece) for MeCab: lines, and long lines at sentence ends."""
    pos = 0
    n = len(text)
    while pos < n:
        nl = text.find("\n", pos)
        end = n if nl < 0 else nl + 1
        while end - pos > _MAX_PIECE:
            window = text[pos : pos + _MAX_PIECE]
            cuts = [m.start() for m in _PIECE_BREAK.finditer(window) if m.start() > 0]
            cut = cuts[-1] if cuts else _MAX_PIECE
            yield pos, text[pos : pos + cut]
            pos += cut
        yield pos, text[pos:end]
        pos = end


class FugashiTokenizer:
    """spaCy tokenizer producing UniDic-tagged tokens with exact character alignment."""

    def __init__(self, vocab: Vocab, dicdir: str | None = None):
        self.vocab = vocab
        self._dicdir = dicdir
        self.tagger = self._make_tagger(dicdir)
        self._hashes: dict = {}  # string -> StringStore hash (tags, lemmas)
        self._rows: dict = {}  # (tag, reading) -> TAG, POS, MORPH values of a token
        self._feature_cache: dict = {}  # MeCab line tail -> (tag, lemma, reading, ...)

    @staticmethod
    def _make_tagger(dicdir: str | None):
        if dicdir:
            return fugashi.Tagger(f"-d {dicdir} {_OUTPUT}")
        return fugashi.Tagger(_OUTPUT)  # unidic-lite when installed

    def __reduce__(self):
        return (FugashiTokenizer, (self.vocab, self._dicdir))

    def _features(self, key: str) -> tuple:
        """What one ``tag\\tlemma\\treading`` line tail gives every token that has it, cached:
        (tag, lemma or None, reading, TAG hash, POS id, MORPH hash, LEMMA hash or None).
        Unknown words carry only the part of speech: no lemma (the surface stands in), no reading.
        """
        tag, lemma, reading = key.split("\t")
        lemma = _clean_lemma(lemma, "") or None
        if reading == "*":
            reading = ""
        tag_hash, pos_id, _, morph, _ = self._row(tag, reading)
        return tag, lemma, reading, tag_hash, pos_id, morph, None if lemma is None else self._hash(lemma)

    def __call__(self, text: str) -> Doc:
        text = spacy_safe(text)
        words: List[str] = []
        spaces: List[bool] = []
        # per token: TAG, POS, LEMMA, MORPH hashes and SENT_START (flat, 5 per token), set
        # with one from_array
        rows: List[int] = []
        table: List[Tok] = []
        space_row = self._row(WHITESPACE_TAG, "")
        make_tok = tuple.__new__
        hash_of = self._hash
        features = self._feature_cache
        if len(features) > _FEATURE_CACHE_MAX:
            features.clear()
        parse = self.tagger.parse
        safe = _UNSAFE.sub(" ", text)
        prev_end = 0
        new_sentence = True

        def add_gap(gap: str) -> None:
            if gap == " " and words and not spaces[-1]:
                spaces[-1] = True
                return
            words.append(gap)
            spaces.append(False)
            rows.extend((space_row[0], space_row[1], hash_of(gap), space_row[3], _NOT_START))

        # MeCab writes one line per token in our own format (_OUTPUT): one C call and one
        # string per line of text, rather than a Python object per token
        for offset, piece in _pieces(safe):
            pos = 0
            for line in parse(piece).split("\n"):
                surface, sep, key = line.partition("\t")
                if not sep:  # the EOS line
                    continue
                found = piece.find(surface, pos)
                if found < 0:  # should not happen; keep alignment by skipping the token
                    continue
                pos = found + len(surface)
                start = offset + found
                if start > prev_end:
                    gap = text[prev_end:start]
                    add_gap(gap)
                    if "\n" in gap:
                        new_sentence = True
                info = features.get(key)
                if info is None:
                    info = features[key] = self._features(key)
                prev_end = offset + pos
                table.append(make_tok(Tok, (start, prev_end, surface, info[0], info[2])))
                words.append(surface)
                spaces.append(False)
                rows.extend((info[3], info[4], info[6] or hash_of(surface), info[5],
                             1 if new_sentence else _NOT_START))
                new_sentence = surface in _SENT_END
        if prev_end < len(text):
            add_gap(text[prev_end:])
        doc = Doc(self.vocab, words=words, spaces=spaces)
        if rows:
            arr = numpy.array(rows, dtype=numpy.uint64).reshape(-1, 5)
            arr[0, 4] = 1
            doc.from_array(_ATTRS, arr)
        doc.user_data["usru_text"] = text  # see extensions.text_of
        doc.user_data["usru_tokens"] = table  # see extensions.tokens_of
        return doc

    def _hash(self, string: str) -> int:
        key = self._hashes.get(string)
        if key is None:
            if len(self._hashes) > _FEATURE_CACHE_MAX:
                self._hashes.clear()
            key = self._hashes[string] = self.vocab.strings.add(string)
        return key

    def _row(self, tag: str, reading: str) -> Tuple[int, int, int, int, int]:
        """(TAG hash, POS id, 0, MORPH hash, 0) for a tag and reading, cached."""
        key = (tag, reading)
        row = self._rows.get(key)
        if row is None:
            pos = _pos_of(tag) if tag != WHITESPACE_TAG else "SPACE"
            morph = self.vocab.morphology.add(f"Reading={_escape_feature(reading)}") if reading else 0
            row = self._rows[key] = (self._hash(tag), POS_IDS[pos], 0, morph, 0)
        return row

    def pipe(self, texts, batch_size: int = 1000):
        for text in texts:
            yield self(text)

    # Serialization: the tokenizer has no state beyond the dictionary it loads.
    def to_bytes(self, **kwargs) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs) -> "FugashiTokenizer":
        return self

    def to_disk(self, path, **kwargs) -> None:
        pass

    def from_disk(self, path, **kwargs) -> "FugashiTokenizer":
        return self


def spacy_safe(text: str) -> str:
    """``text`` with lone surrogates replaced by U+FFFD (same length, same offsets)."""
    return _SURROGATE.sub("\ufffd", text)


def _escape_feature(value: str) -> str:
    # spaCy's morph string syntax reserves "|", "=" and ","
    return value.replace("|", "").replace("=", "").replace(",", "")


@registry.tokenizers("usru_nlp.FugashiTokenizer.v1")
def create_fugashi_tokenizer(dicdir: str | None = None):
    def make(nlp):
        return FugashiTokenizer(nlp.vocab, dicdir=dicdir)

    return make
