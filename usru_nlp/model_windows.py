"""What the usru model layer reads of a Doc, as numpy arrays: which tokens open a window
(UniDic proper nouns, katakana words the dictionary does not know as something else), the
windows around them, and :class:`WindowArrays`, the rows of one window as the NER's feature
extractor and :mod:`usru_nlp.fast_ner` read them (no Doc built per window). Used by
:class:`usru_nlp.model_layer.UsruModel`.
"""
from __future__ import annotations

from typing import List, Optional, Tuple


def _array_attrs():
    from spacy.attrs import IDX, IS_SPACE, LENGTH, MORPH, ORTH, SENT_START, SPACY, TAG

    return [SENT_START, IS_SPACE, IDX, ORTH, SPACY, TAG, MORPH, LENGTH], TAG


_ATTRS, _TAG_ATTR = _array_attrs()
_SENT, _SPACE, _IDX, _ORTH, _SPACY, _TAG, _MORPH, _LENGTH = range(8)
_KEY_COLUMNS = [_ORTH, _TAG, _SPACY]  # what the model sees of a window


def feature_columns(model) -> Optional[List[str]]:
    """The token attributes the feature extractor of a spaCy model reads (e.g. NORM, PREFIX,
    SUFFIX, SHAPE, TAG), or None when it has no single such layer."""
    from spacy.ml.featureextractor import forward as extract_features

    found = [node.attrs["columns"] for node in model.walk() if node._func is extract_features]
    return list(found[0]) if len(found) == 1 else None


class WindowArrays:
    """Tokens of a Doc as the NER reads them, without building a Doc of them: ``len()`` and
    ``to_array(attrs)`` over rows of the Doc's own array. The NER's feature extractor
    (spaCy's, or :mod:`usru_nlp.fast_tok2vec`) and :mod:`usru_nlp.fast_ner` use nothing else
    of a Doc; their lexeme attributes (NORM, SHAPE, IS_SPACE...) are those of the same words."""

    __slots__ = ("rows", "index")

    def __init__(self, rows, index: dict):
        self.rows = rows
        self.index = index  # attribute (ID or name) -> column of ``rows``

    def __len__(self) -> int:
        return len(self.rows)

    def to_array(self, attrs):
        if isinstance(attrs, (str, int)):
            return self.rows[:, self.index[attrs]]
        return self.rows[:, [self.index[a] for a in attrs]]

# UniDic tag classes for candidate selection (see _tag_class)
OTHER_TAG, PROPER_NOUN, COMMON_NOUN, OTHER_NOUN = range(4)


def _tag_class(tag: str) -> int:
    """PROPER_NOUN (名詞-固有名詞…), COMMON_NOUN (名詞-普通名詞…), OTHER_NOUN (名詞…) or OTHER_TAG."""
    if tag.startswith("名詞-固有名詞"):
        return PROPER_NOUN
    if tag.startswith("名詞-普通名詞"):
        return COMMON_NOUN
    return OTHER_NOUN if tag.startswith("名詞") else OTHER_TAG


class HashLookup:
    """``value(string)`` per string hash, for whole token arrays at once.

    The hashes seen so far stay sorted in a numpy array beside their values: a lookup is one
    ``searchsorted``; only hashes never seen before are looked up in ``strings`` (hash 0, no
    string, gets ``default``). Meant for small sets such as UniDic tags (a few hundred).
    """

    def __init__(self, value, default: int = 0, max_size: int = 100_000):
        import numpy

        self.value, self.default, self.max_size = value, default, max_size
        self.keys = numpy.zeros(0, dtype=numpy.uint64)
        self.values = numpy.zeros(0, dtype=numpy.int64)

    def __call__(self, strings, hashes):
        import numpy

        hashes = numpy.asarray(hashes, dtype=numpy.uint64)
        pos = numpy.searchsorted(self.keys, hashes)
        known = pos < len(self.keys)
        known[known] = self.keys[pos[known]] == hashes[known]
        if not known.all():
            if len(self.keys) > self.max_size:  # bounded memory in long-running processes
                self.keys, self.values = self.keys[:0], self.values[:0]
            new = numpy.unique(hashes[~known])
            values = [self.value(strings[h]) if h else self.default for h in new.tolist()]
            keys = numpy.concatenate((self.keys, new))
            order = numpy.argsort(keys, kind="stable")
            self.keys = keys[order]
            self.values = numpy.concatenate((self.values, numpy.array(values, dtype=numpy.int64)))[order]
            pos = numpy.searchsorted(self.keys, hashes)
        return self.values[pos]


def katakana_tokens(text: str, starts, lengths):
    """Boolean per token ``text[start:start + length]``: holds a katakana letter (ァ-ヺ)?"""
    import numpy

    codes = numpy.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=numpy.uint32)
    is_kana = (codes >= 0x30A1) & (codes <= 0x30FA)
    seen = numpy.zeros(len(codes) + 1, dtype=numpy.int64)  # katakana letters before each offset
    numpy.cumsum(is_kana, out=seen[1:])
    starts = numpy.asarray(starts, dtype=numpy.int64)
    return seen[starts + numpy.asarray(lengths, dtype=numpy.int64)] > seen[starts]


def _windows(keep, sent_id, window: int) -> List[Tuple[int, int]]:
    """Runs of tokens within ``window`` tokens of a True in ``keep`` and in the same sentence
    (``sent_id``: a non-decreasing sentence number per token), as (start, end) index pairs;
    windows that meet or overlap are merged, never across a sentence start."""
    import numpy

    n = len(keep)
    hits = numpy.flatnonzero(keep)
    if not len(hits):
        return []
    # first and last+1 token of each hit's sentence
    first = numpy.searchsorted(sent_id, sent_id[hits], side="left")
    last = numpy.searchsorted(sent_id, sent_id[hits], side="right")
    lo = numpy.maximum(hits - window, first)
    hi = numpy.minimum(hits + window + 1, last)
    # +1 where a window opens, -1 where one closes: covered where the running sum is positive
    depth = numpy.bincount(lo, minlength=n + 1) - numpy.bincount(hi, minlength=n + 1)
    covered = numpy.cumsum(depth[:n]) > 0
    # a run ends where coverage ends or a new sentence starts inside it
    step = numpy.ones(n, dtype=bool)
    step[1:] = sent_id[1:] != sent_id[:-1]
    starts = numpy.flatnonzero(covered & (step | ~numpy.concatenate(([False], covered[:-1]))))
    ends = numpy.flatnonzero(covered & (numpy.concatenate((step[1:], [True])) | ~numpy.concatenate((covered[1:], [False])))) + 1
    return list(zip(starts.tolist(), ends.tolist()))
