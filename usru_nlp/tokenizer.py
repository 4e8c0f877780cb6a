"""A spaCy tokenizer on fugashi (MeCab) + unidic-lite.

Each token keeps UniDic's part of speech as ``token.tag_`` (e.g. ``名詞-固有名詞-人名-一般``),
its lemma as ``token.lemma_`` and its katakana reading as ``token._.reading`` (kept in the
Doc's token table, not in ``token.morph``). ``doc.text`` equals the input exactly, with one exception: lone surrogates (which no
UTF-8 string store can hold) become U+FFFD, one character for one, so character offsets
into the doc are offsets into the input. Whitespace becomes whitespace tokens or trailing
spaces; characters MeCab cannot take (NUL, control characters) are tokenised as whitespace.

Unlike SudachiPy (used by spaCy's ``ja`` and GiNZA), there is no input-length limit: the text
is fed to MeCab line by line, and very long lines in bounded pieces.
"""
from __future__ import annotations

import re
from itertools import accumulate, repeat
from operator import add
from typing import Iterator, List, Tuple

import fugashi
import numpy
from spacy.lang.ja.tag_map import TAG_MAP
from spacy.attrs import LEMMA, POS as POS_ATTR, SENT_START, TAG
from spacy.parts_of_speech import IDS as POS_IDS, NAMES as POS_NAMES
from spacy.symbols import POS
from spacy.tokens import Doc, Token
from spacy.util import registry
from spacy.vocab import Vocab

from .extensions import KNOWN_KEY, Tok, reading_of, set_tag_index

# Characters MeCab cannot take as they are: C0/C1 controls (NUL ends a C string), lone
# surrogates (not encodable in UTF-8), non-characters. They become spaces for MeCab only.
_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_MAX_PIECE = 4000  # characters handed to MeCab at once; longer lines are split
_PIECE_BREAK = re.compile(r"(?<=[。！？!?\n])")
_SENT_END = frozenset("。！？!?")
# readings are not in MORPH: registering a morphology string per token was a tenth of the
# tokenizer's time; ``token._.reading`` reads them from the token table (extensions.reading_of)
_ATTRS = [TAG, POS_ATTR, LEMMA, SENT_START]
_NO_READING = numpy.zeros(1, dtype=bool)
_NOT_START = 2**64 - 1  # SENT_START -1 ("not a sentence start") in a uint64 array
_FEATURE_CACHE_MAX = 200_000  # distinct feature strings kept (a few tens of MB at most)
WHITESPACE_TAG = "空白"
# MeCab's output, two lines per token: the surface, then the UniDic part of speech (the non-"*"
# levels joined by "-"), lemma (field 7) and reading (field 17) separated by tabs; unknown words
# get no lemma and no reading. Surfaces and feature lines alternate, so a parse splits into
# both lists with two slices. The EOS line ends each parse (fugashi strips trailing whitespace
# from its output, which would otherwise eat the last token's empty fields).
_OUTPUT = (
    r'-O "" --node-format="%m\n%F-[0,1,2,3]\t%f[7]\t%f[17]\n"'
    r' --unk-format="%m\n%F-[0,1,2,3]\t\t\n" --bos-format="" --eos-format="EOS\n"'
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
        self._hashes: dict = {}  # string -> StringStore hash (words, tags, lemmas)
        self._tags: dict = {}  # tag -> (TAG hash, POS id)
        self._clear_features()

    @staticmethod
    def _make_tagger(dicdir: str | None):
        if dicdir:
            return fugashi.Tagger(f"-d {dicdir} {_OUTPUT}")
        return fugashi.Tagger(_OUTPUT)  # unidic-lite when installed

    def __reduce__(self):
        return (FugashiTokenizer, (self.vocab, self._dicdir))

    def _clear_features(self) -> None:
        """The feature registry: each distinct MeCab feature line gets a row number; the rows
        hold what every token with that line gets (TAG, POS and LEMMA values, LEMMA 0 for
        unknown words, which take their surface; 1 when it has a reading) and its tag and
        reading strings."""
        self._feature_rows: dict = {}  # feature line -> row
        self._feature_cols = numpy.zeros((1024, 4), dtype=numpy.uint64)
        self._feature_tags: List[str] = []
        self._feature_readings: List[str] = []

    def _add_features(self, keys) -> None:
        """Register new ``tag\\tlemma\\treading`` lines (those of one text, all at once).
        Unknown words carry only the part of speech: no lemma (the surface stands in), no
        reading."""
        tags, readings, index = self._feature_tags, self._feature_readings, self._feature_rows
        start = row = len(tags)
        values = []
        for key in keys:
            tag, lemma, reading = key.split("\t")
            lemma = _clean_lemma(lemma, "")
            if reading == "*":
                reading = ""
            tag_hash, pos_id = self._tag(tag)
            values.append((tag_hash, pos_id, self._hash(lemma) if lemma else 0, 1 if reading else 0))
            tags.append(tag)
            readings.append(reading)
            index[key] = row
            row += 1
        size = len(self._feature_cols)
        if row > size:
            grown = numpy.zeros((max(2 * size, row), 4), dtype=numpy.uint64)
            grown[:start] = self._feature_cols[:start]
            self._feature_cols = grown
        self._feature_cols[start:row] = values

    def _mecab_tokens(self, safe: str) -> Tuple[List[str], List[int], List[str]]:
        """Surfaces, start offsets and feature lines of MeCab's tokens of ``safe``, in order.

        Where the surfaces of a piece join up to the piece itself (no whitespace inside, the
        usual case) the offsets are running sums of their lengths; otherwise each surface is
        looked up after the previous one.
        """
        parse = self.tagger.parse
        surfaces: List[str] = []
        starts: List[int] = []
        keys: List[str] = []
        for offset, piece in _pieces(safe):
            if not piece.strip(" \t\n"):
                continue  # a blank line: no tokens (a third of livedoor's lines; U+3000 and CR are tokens)
            lines = parse(piece).split("\n")
            surfs = lines[0:-1:2]
            feats = lines[1:-1:2]
            if not surfs:
                continue
            body = piece[:-1] if piece.endswith("\n") else piece
            if "".join(surfs) == body:
                starts.extend(accumulate(map(len, surfs[:-1]), initial=offset))
                surfaces.extend(surfs)
                keys.extend(feats)
                continue
            pos = 0
            for surface, key in zip(surfs, feats):
                found = piece.find(surface, pos)
                if found < 0:  # should not happen; keep alignment by skipping the token
                    continue
                pos = found + len(surface)
                starts.append(offset + found)
                surfaces.append(surface)
                keys.append(key)
        return surfaces, starts, keys

    def __call__(self, text: str) -> Doc:
        text = spacy_safe(text)
        # MeCab writes two lines per token in our own format (_OUTPUT): one C call and one
        # string per line of text; the per-token work below is list slicing, maps and numpy
        surfaces, starts, keys = self._mecab_tokens(_UNSAFE.sub(" ", text))
        if len(self._feature_rows) > _FEATURE_CACHE_MAX:
            self._clear_features()
        if len(self._hashes) > _FEATURE_CACHE_MAX:
            self._hashes.clear()
        index = self._feature_rows
        new_keys = set(keys).difference(index)
        if new_keys:
            self._add_features(new_keys)
        rows = list(map(index.__getitem__, keys))
        n = len(surfaces)
        ends = list(map(add, starts, map(len, surfaces)))
        table = list(map(tuple.__new__, repeat(Tok), zip(
            starts, ends, surfaces, map(self._feature_tags.__getitem__, rows),
            map(self._feature_readings.__getitem__, rows))))
        cols = self._feature_cols[numpy.array(rows, dtype=numpy.intp)]
        # every word goes into the Doc as its hash (ORTH), which spaCy looks up without hashing
        # it again (whitespace words are hashed below where they are made)
        hashes = self._hashes
        for surface in set(surfaces).difference(hashes):
            self._hash(surface)
        unknown = numpy.flatnonzero(cols[:, 2] == 0).tolist()
        if unknown:  # unknown words: the surface is the lemma
            cols[unknown, 2] = numpy.array([hashes[surfaces[i]] for i in unknown], dtype=numpy.uint64)
        # a token starts a sentence after 。！？!?, after a line break and at the start
        sent = numpy.ones(n, dtype=bool)
        if n > 1:
            sent[1:] = numpy.fromiter(map(_SENT_END.__contains__, surfaces[:-1]), dtype=bool, count=n - 1)
        # whitespace between tokens (line ends, spaces): token index -> the gap before it
        st = numpy.array(starts, dtype=numpy.int64)
        en = numpy.array(ends, dtype=numpy.int64)
        gaps = (numpy.flatnonzero(st[1:] > en[:-1]) + 1).tolist()
        if n and starts[0] > 0:
            gaps.insert(0, 0)
        gap_text = {g: text[ends[g - 1] if g else 0 : starts[g]] for g in gaps}
        for g, gap in gap_text.items():
            if "\n" in gap:
                sent[g] = True
        if n:
            sent[0] = True
        token_rows = numpy.empty((n, 4), dtype=numpy.uint64)
        token_rows[:, :3] = cols[:, :3]
        token_rows[:, 3] = numpy.where(sent, 1, _NOT_START)
        known = cols[:, 3].astype(bool)
        tail = text[ends[-1] if n else 0 :]
        words: List[str] = []
        spaces: List[bool] = []
        blocks, known_blocks = [], []
        space_tag, space_pos = self._tag(WHITESPACE_TAG)
        a = 0
        for g in gaps + [n]:
            if g > a:
                words.extend(surfaces[a:g])
                spaces.extend([False] * (g - a))
                blocks.append(token_rows[a:g])
                known_blocks.append(known[a:g])
            gap = gap_text[g] if g < n else tail
            if gap == " " and words:
                spaces[-1] = True
            elif gap:
                words.append(gap)
                spaces.append(False)
                blocks.append(numpy.array([(space_tag, space_pos, self._hash(gap), _NOT_START)],
                                          dtype=numpy.uint64))
                known_blocks.append(_NO_READING)
            a = g
        doc = Doc(self.vocab, words=list(map(hashes.__getitem__, words)), spaces=spaces)
        if words:
            arr = numpy.concatenate(blocks)
            arr[0, 3] = 1
            doc.from_array(_ATTRS, arr)
            doc.user_data[KNOWN_KEY] = numpy.concatenate(known_blocks)  # see model_layer
        doc.user_data["usru_text"] = text  # see extensions.text_of
        doc.user_data["usru_tokens"] = table  # see extensions.tokens_of
        doc.user_data["usru_token_edges"] = (starts, ends)  # see extensions.token_edges
        set_tag_index(doc, self._tag_index(cols[:, 0], rows))
        return doc

    def _tag_index(self, tag_ids, rows: List[int]) -> dict:
        """Tag -> positions of its tokens (in text order), grouped by their TAG hashes
        ``tag_ids`` with a stable sort."""
        if not rows:
            return {}
        order = numpy.argsort(tag_ids, kind="stable")
        sorted_ids = tag_ids[order]
        cuts = (numpy.flatnonzero(sorted_ids[1:] != sorted_ids[:-1]) + 1).tolist()
        order = order.tolist()
        tags = self._feature_tags
        return {tags[rows[order[a]]]: order[a:b] for a, b in zip([0] + cuts, cuts + [len(order)])}

    def _hash(self, string: str) -> int:
        """The StringStore hash of ``string`` (added to the store), cached; the cache is
        emptied between texts when it grows past _FEATURE_CACHE_MAX."""
        key = self._hashes.get(string)
        if key is None:
            key = self._hashes[string] = self.vocab.strings.add(string)
        return key

    def _tag(self, tag: str) -> Tuple[int, int]:
        """(TAG hash, POS id) of a UniDic tag, cached."""
        row = self._tags.get(tag)
        if row is None:
            pos = _pos_of(tag) if tag != WHITESPACE_TAG else "SPACE"
            row = self._tags[tag] = (self._hash(tag), int(POS_IDS[pos]))
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


@registry.tokenizers("usru_nlp.FugashiTokenizer.v1")
def create_fugashi_tokenizer(dicdir: str | None = None):
    def make(nlp):
        return FugashiTokenizer(nlp.vocab, dicdir=dicdir)

    return make
