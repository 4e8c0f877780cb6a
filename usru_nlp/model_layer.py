"""The model layer: a statistical NER behind one small interface.

A model takes texts and returns, per text, ``(start, end, label)`` character spans with labels
from our small set (:data:`LABELS`). The rule layers use these as evidence (e.g. that an unknown
katakana word is a person). Backends:

- ``"ginza"``: GiNZA's ``ja_ginza`` NER (189 Sekine labels mapped to ours). Slow (~2,000 chars/s).
- ``"usru"``: our own small spaCy NER (``models/ner``, trained on UD Japanese GSD NE by
  :mod:`usru_nlp.train` on our fugashi tokens and UniDic tags). Runs only on the tokens within
  5 tokens of a candidate (a UniDic proper noun or a katakana word), in the same sentence:
  about 15% of a livedoor article's tokens (:mod:`usru_nlp.model_windows`).
- ``"none"``: no model; the rules, lexicons and UniDic tags alone.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable, List, Optional, Protocol, Sequence, Tuple

from .extensions import KNOWN_KEY, text_of

Ent = Tuple[int, int, str]
LABELS = ("PERSON", "GPE", "LOC", "ORG", "NORP", "FAC", "DATE", "TIME", "TITLE")


class EntityModel(Protocol):
    name: str

    def predict(self, texts: Sequence[str]) -> List[List[Ent]]: ...


class NullModel:
    name = "none"

    def predict(self, texts: Sequence[str]) -> List[List[Ent]]:
        return [[] for _ in texts]


_GINZA_MAP = {
    "Person": "PERSON",
    "Country": "GPE", "City": "GPE", "Province": "GPE", "County": "GPE", "GPE_Other": "GPE",
    "Domestic_Region": "LOC", "Continental_Region": "LOC", "Region_Other": "LOC",
    "Location_Other": "LOC", "Geological_Region_Other": "LOC", "Sea": "LOC", "Bay": "LOC",
    "Island": "LOC", "Mountain": "LOC", "River": "LOC", "Lake": "LOC", "Astral_Body_Other": "LOC",
    "Date": "DATE", "Era": "DATE", "Period_Year": "DATE", "Period_Month": "DATE",
    "Period_Week": "DATE", "Period_Day": "DATE", "Time": "TIME", "Period_Time": "TIME",
    "Position_Vocation": "TITLE", "Title_Other": "TITLE",
    "Nationality": "NORP", "Ethnic_Group_Other": "NORP",
    "Company": "ORG", "Company_Group": "ORG", "Corporation_Other": "ORG", "Government": "ORG",
    "International_Organization": "ORG", "Political_Organization_Other": "ORG",
    "Political_Party": "ORG", "Public_Institution": "ORG", "Military": "ORG", "Cabinet": "ORG",
    "Newspaper": "ORG", "Magazine": "ORG", "Organization_Other": "ORG", "School": "ORG",
    "Research_Institute": "ORG", "Sports_Organization_Other": "ORG", "Pro_Sports_Organization": "ORG",
    "Show_Organization": "ORG", "Family": "ORG",
    "Facility_Other": "FAC", "Worship_Place": "FAC", "Airport": "FAC", "Station": "FAC",
    "Museum": "FAC", "Park": "FAC", "Sports_Facility": "FAC", "Theater": "FAC",
}

# Sudachi (GiNZA's tokenizer) fails above 49,149 bytes; stay well below.
_GINZA_MAX_BYTES = 12000


def _chunks(text: str, max_bytes: int) -> Iterable[Tuple[int, str]]:
    """Cut text into pieces of at most ``max_bytes`` UTF-8 bytes, at line ends where possible."""
    start = 0
    while start < len(text):
        end = start
        size = 0
        last_break = -1
        while end < len(text):
            size += len(text[end].encode("utf-8", "surrogatepass"))
            if size > max_bytes:
                break
            end += 1
            if text[end - 1] in "\n。":
                last_break = end
        if end < len(text) and last_break > start:
            end = last_break
        end = max(end, start + 1)
        yield start, text[start:end]
        start = end


class GinzaModel:
    name = "ginza"

    def __init__(self, package: str = "ja_ginza"):
        import spacy

        try:
            self.nlp = spacy.load(
                package,
                exclude=["parser", "attribute_ruler", "morphologizer", "compound_splitter",
                         "bunsetu_recognizer"],
            )
        except OSError as err:  # pragma: no cover - depends on the environment
            raise RuntimeError(
                f"the GiNZA model {package!r} is not installed: pip install ja-ginza"
            ) from err

    def predict(self, texts: Sequence[str]) -> List[List[Ent]]:
        pieces: List[Tuple[int, int, str]] = []  # (text index, offset, piece)
        for i, text in enumerate(texts):
            for offset, piece in _chunks(text, _GINZA_MAX_BYTES):
                if piece.strip():
                    pieces.append((i, offset, piece))
        out: List[List[Ent]] = [[] for _ in texts]
        docs = self.nlp.pipe(p for _, _, p in pieces)
        for (i, offset, _), doc in zip(pieces, docs):
            for ent in doc.ents:
                label = _GINZA_MAP.get(ent.label_)
                if label:
                    out[i].append((offset + ent.start_char, offset + ent.end_char, label))
        return out


# model label → our label (the model learns GSD's TITLE_AFFIX as TITLE already)
_USRU_MAP = {label: label for label in LABELS}


from .model_windows import (_ATTRS, _IDX, _KEY_COLUMNS, _LENGTH, _MORPH, _ORTH, _SENT, _SPACE, _SPACY, _TAG,
                            _TAG_ATTR, COMMON_NOUN, OTHER_TAG, PROPER_NOUN, HashLookup, WindowArrays,
                            _tag_class, _windows, feature_columns, katakana_tokens)


class UsruModel:
    """Our trained NER (``models/ner``) on fugashi tokens; see :mod:`usru_nlp.train`.

    ``window``: run on the tokens within this many tokens of a candidate (0: on every sentence
    holding a candidate); ``all_sentences``: run on everything (slowest, for comparison);
    ``known_loanwords``: katakana words UniDic knows as common nouns (テレビ, レモン) are
    candidates too (off: news is full of them, and the model read them as names more often
    than it found one: on 300 livedoor articles the extra windows gave 51 spans, 2 of them right).

    The spans found in a window are remembered by the window's words, tags and spaces
    (``cache_size`` windows, 0: off): bylines, credits and boilerplate sentences recur from
    article to article (on 1,000 livedoor articles, 9% of the model's tokens are in windows
    seen before), and the model reads a window the same way wherever it stands.
    """

    name = "usru"

    def __init__(self, path: Optional[str | Path] = None, all_sentences: bool = False,
                 window: int = 5, known_loanwords: bool = False, cache_size: int = 20_000):
        import spacy

        from . import tokenizer  # noqa: F401  (registers usru_nlp.FugashiTokenizer.v1)
        from .blas import use_matmul
        from .fast_ner import greedy_decoder
        from .fast_tok2vec import install as install_fused_tok2vec
        from .resources import models_path

        self.path = Path(path) if path is not None else models_path("ner")
        if not (self.path / "config.cfg").is_file():
            raise RuntimeError(f"no trained NER model in {self.path}: run python -m usru_nlp.train")
        self.nlp = spacy.load(self.path)
        self.ner = self.nlp.get_pipe("ner")
        use_matmul(self.ner.model)  # numpy's BLAS for the matrix products (see usru_nlp.blas)
        # one fused forward for the token vectors, the embedding mixer precomputed
        # (see usru_nlp.fast_tok2vec)
        self.fused_tok2vec = install_fused_tok2vec(self.ner.model)
        # the NER's transition loop for all windows at once (see usru_nlp.fast_ner)
        self.decoder = greedy_decoder(self.ner)
        # with that decoder, a window is read straight from its Doc's array (WindowArrays): the
        # array holds the attributes the NER reads as well; otherwise windows become small Docs
        self._attrs, self._window_index = list(_ATTRS), None
        columns = feature_columns(self.ner.model) if self.decoder is not None else None
        if columns is not None:
            from spacy.attrs import IDS

            ids = [IDS[c.upper()] if isinstance(c, str) else c for c in columns]
            self._attrs += [a for a in dict.fromkeys(ids) if a not in self._attrs]
            index = {a: col for col, a in enumerate(self._attrs)}
            index.update((c, index[a]) for c, a in zip(columns, ids))
            self._window_index = index
        self.labels = tuple(self.ner.labels)
        self.all_sentences = all_sentences
        self.window = window
        self.known_loanwords = known_loanwords
        self._tag_classes = HashLookup(_tag_class, default=OTHER_TAG)
        self.cache_size = cache_size
        self._seen: dict = {}  # window key (words, tags, spaces) -> its spans, window-relative

    def _units(self, doc, arr, start: int, end: int) -> List[Tuple[int, int]]:
        """Token ranges of ``doc`` inside [start, end) to run the model on.

        Sentences are cut at sentence starts. With ``all_sentences`` every sentence is a unit;
        otherwise only the tokens within ``window`` tokens of a candidate (a UniDic proper noun
        or a katakana word that is not a known common noun) in the same sentence, or whole
        sentences holding one (``window=0``).
        """
        import numpy

        region = doc.char_span(start, end, alignment_mode="contract") if end > start else None
        if region is None or not len(region):
            return []
        lo, hi = region.start, region.end
        starts = numpy.flatnonzero(arr[lo + 1 : hi, _SENT] == 1) + (lo + 1)  # sentences after the first
        keep = None
        if not self.all_sentences:
            tags = self._tag_classes(doc.vocab.strings, arr[:, _TAG])
            keep = tags == PROPER_NOUN
            katakana = katakana_tokens(text_of(doc), arr[:, _IDX], arr[:, _LENGTH])
            # a katakana word the dictionary knows as a verb, adjective, adverb or pronoun
            # (モテる, カワイイ, サバサバ, コレ) is no name; unknown words have no reading
            known = doc.user_data.get(KNOWN_KEY)
            if known is None or len(known) != len(arr):  # a Doc our tokenizer did not make
                known = arr[:, _MORPH] != 0
            katakana &= (tags != OTHER_TAG) | ~known
            if not self.known_loanwords:
                # a katakana word the dictionary knows as a common noun (テレビ, ニュース) is no name
                katakana &= ~((tags == COMMON_NOUN) & known)
            keep |= katakana
        space = arr[:, _SPACE].astype(bool)
        bounds = [lo] + starts.tolist() + [hi]
        if keep is None:
            runs = list(zip(bounds[:-1], bounds[1:]))
        else:
            if not self.window:
                runs = [(s, e) for s, e in zip(bounds[:-1], bounds[1:]) if keep[s:e].any()]
            else:
                sent_id = numpy.zeros(hi - lo, dtype=numpy.int64)
                sent_id[starts - lo] = 1
                sent_id = numpy.cumsum(sent_id)
                runs = [(lo + a, lo + b) for a, b in _windows(keep[lo:hi], sent_id, self.window)]
        units = []
        for a, b in runs:
            while a < b and space[a]:
                a += 1
            while b > a and space[b - 1]:
                b -= 1
            if a < b:
                units.append((a, b))
        return units

    def predict_docs(self, items: Sequence[Tuple[object, int, int]]) -> List[List[Ent]]:
        """Spans in ``doc`` coordinates for each ``(doc, start, end)`` region of our Docs.

        Each selected window is read from rows of one ``doc.to_array(...)`` (:class:`WindowArrays`)
        by the fast decoder; for spaCy's ``pipe`` it becomes a small Doc built from those rows
        (words, spaces, UniDic tags), much cheaper than ``Span.as_doc()``. ``doc`` is not touched.
        """
        from spacy.tokens import Doc

        from .blas import one_thread

        out: List[List[Ent]] = [[] for _ in items]
        owners: List[Tuple[int, int, bytes]] = []  # (item, character offset, window key)
        todo: dict = {}  # window key -> its Doc, for windows not seen before
        seen = self._seen
        if len(seen) > self.cache_size:
            seen.clear()
        for i, (doc, start, end) in enumerate(items):
            for label in self.labels:  # label strings must be known to the Docs' vocab
                doc.vocab.strings.add(label)
            arr = doc.to_array(self._attrs)
            strings = doc.vocab.strings
            for s, e in self._units(doc, arr, start, end):
                rows = arr[s:e]
                key = rows[:, _KEY_COLUMNS].tobytes()
                owners.append((i, int(rows[0, _IDX]), key))
                if key in seen or key in todo:
                    continue
                if self.decoder is not None and self._window_index is not None:
                    sub = WindowArrays(rows, self._window_index)
                else:
                    words = [strings[h] for h in rows[:, _ORTH].tolist()]
                    sub = Doc(doc.vocab, words=words, spaces=rows[:, _SPACY].astype(bool).tolist())
                    sub.from_array([_TAG_ATTR], rows[:, _TAG : _TAG + 1])
                todo[key] = (sub, rows[:, _IDX] - rows[0, _IDX], rows[:, _LENGTH])
        found = dict.fromkeys(todo, ()) if not self.cache_size else seen
        with one_thread():
            if self.decoder is not None:  # usru_nlp.fast_ner: all windows at once
                spans = self.decoder([sub for sub, _, _ in todo.values()])
            else:
                spans = ([(e.start, e.end, e.label_) for e in sub.ents]
                         for sub in self.ner.pipe([sub for sub, _, _ in todo.values()], batch_size=128))
            for (key, (_, starts, lengths)), ents in zip(todo.items(), spans):
                found[key] = tuple((int(starts[a]), int(starts[b - 1] + lengths[b - 1]), label)
                                   for a, b, name in ents for label in (_USRU_MAP.get(name),) if label)
        for i, offset, key in owners:
            out[i].extend((offset + a, offset + b, label) for a, b, label in found[key])
        return out

    def predict(self, texts: Sequence[str]) -> List[List[Ent]]:
        docs = [self.nlp.make_doc(t) for t in texts]
        return self.predict_docs([(d, 0, len(t)) for d, t in zip(docs, texts)])


_CACHE: dict = {}


def load_model(name: str) -> EntityModel:
    """The model layer named ``name``: "usru", "ginza" or "none"."""
    if name == "ginza":
        return GinzaModel()
    if name == "usru":
        if "usru" not in _CACHE:  # read-only after loading: one copy per process
            _CACHE["usru"] = UsruModel()
        return _CACHE["usru"]
    if name in ("none", None, "rules"):
        return NullModel()
    raise ValueError(f"unknown model {name!r}: expected 'usru', 'ginza' or 'none'")
