"""spaCy extension attributes set by the usru_nlp components.

Doc-level results are lists of the plain dataclasses of :mod:`usru_nlp.schema` (character
offsets into ``doc.text``); the same mentions are also in ``doc.spans["usru"]`` as token-aligned
spans whose ``span._.mention`` is the dataclass.
"""
from __future__ import annotations

from bisect import bisect_left
from itertools import chain
from typing import List, NamedTuple

from spacy.tokens import Doc, Span

SPAN_KEY = "usru"

_DOC_ATTRS = {
    "published": None,  # datetime.date given by the caller, or None
    "body": None,  # (start, end) of the article body
    "boilerplate": None,  # list of (start, end) ranges judged not to be article text
    "dateline": None,  # dict(place=(s, e), person=(s, e)) for 【ワシントン=永沢毅】
    "model_ents": None,  # list of (start, end, label) from the model layer
    "officials": None,
    "persons": None,
    "places": None,
    "dates": None,
    "dct": None,  # schema.DocumentDate
}


def register() -> None:
    """Register every extension (idempotent)."""
    for name, default in _DOC_ATTRS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    if not Span.has_extension("mention"):
        Span.set_extension("mention", default=None)


def add_spans(doc: Doc, mentions, label: str) -> None:
    """Add mentions to ``doc.spans[SPAN_KEY]`` as token-aligned spans (expanded to tokens)."""
    group = doc.spans[SPAN_KEY] if SPAN_KEY in doc.spans else None
    spans = list(group) if group is not None else []
    for m in mentions:
        span = doc.char_span(m.start, m.end, label=label, alignment_mode="expand")
        if span is None:
            continue
        span._.mention = m
        spans.append(span)
    doc.spans[SPAN_KEY] = spans


def drop_spans(doc: Doc, mentions, label: str) -> None:
    """Remove the spans of ``mentions`` (by offsets) with ``label`` from ``doc.spans[SPAN_KEY]``."""
    if SPAN_KEY not in doc.spans:
        return
    gone = {(m.start, m.end) for m in mentions}
    doc.spans[SPAN_KEY] = [s for s in doc.spans[SPAN_KEY]
                           if not (s.label_ == label and s._.mention is not None
                                   and (s._.mention.start, s._.mention.end) in gone)]


register()


_TEXT_KEY = "usru_text"


def text_of(doc: Doc) -> str:
    """``doc.text``, built once per Doc: spaCy joins every token again on each access.

    Token edits that spaCy allows (merging, splitting) keep the text, so the cache stays valid.
    """
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


_TOKENS_KEY = "usru_tokens"


class Tok(NamedTuple):
    """A word of the text as the components read it: offsets, UniDic tag, reading."""

    start: int
    end: int
    text: str
    tag: str
    reading: str


def tokens_of(doc: Doc) -> List[Tok]:
    """The Doc's non-whitespace tokens as plain tuples, built once per Doc.

    Iterating a Doc makes a ``Token`` object per token and ``token._.reading`` goes through
    spaCy's extension machinery: the components read the same facts many times per document,
    so they read this table instead. The fugashi tokenizer fills it while it builds the Doc.
    """
    toks = doc.user_data.get(_TOKENS_KEY)
    if toks is None:
        toks = [Tok(t.idx, t.idx + len(t.text), t.text, t.tag_, reading_of(t))
                for t in doc if not t.is_space]
        doc.user_data[_TOKENS_KEY] = toks
    elif toks and not isinstance(toks[0], Tok):  # a Doc read back from bytes: lists
        toks = doc.user_data[_TOKENS_KEY] = [Tok(*t) for t in toks]
    return toks


_TAGS_KEY = "usru_tag_positions"
# a numpy bool per Doc token (whitespace tokens included): does the dictionary give it a
# reading? Set by our tokenizer; read by the model layer (unknown katakana words have none)
KNOWN_KEY = "usru_known"
_EDGES_KEY = "usru_token_edges"


def set_tag_index(doc: Doc, by_tag: dict) -> None:
    """Store the positions in :func:`tokens_of` of each UniDic tag (the fugashi tokenizer
    groups them with numpy while it builds the Doc); read through :func:`tag_positions`."""
    doc.user_data[_TAGS_KEY] = (by_tag, {})


def tag_positions(doc: Doc, prefix: str) -> List[int]:
    """Positions in :func:`tokens_of` of the tokens whose UniDic tag starts with ``prefix``, in
    text order. The tokens are grouped by tag once per Doc, so a component can visit the few
    tokens it looks for (人名, 地名) instead of testing every token's tag. The list is shared
    between callers (cached per prefix): it is not to be changed."""
    index = doc.user_data.get(_TAGS_KEY)
    if index is None:
        by_tag: dict = {}
        for i, t in enumerate(tokens_of(doc)):
            positions = by_tag.get(t.tag)
            if positions is None:
                by_tag[t.tag] = [i]
            else:
                positions.append(i)
        index = doc.user_data[_TAGS_KEY] = (by_tag, {})
    by_tag, by_prefix = index
    found = by_prefix.get(prefix)  # several components ask for the same prefix (人名, 地名)
    if found is None:
        found = by_prefix[prefix] = sorted(chain.from_iterable(v for tag, v in by_tag.items() if tag.startswith(prefix)))
    return found


def token_edges(doc: Doc):
    """(starts, ends): the character offsets where the tokens of :func:`tokens_of` start and
    end, two increasing lists built once per Doc (for ``bisect``)."""
    edges = doc.user_data.get(_EDGES_KEY)
    if edges is None:
        toks = tokens_of(doc)
        edges = doc.user_data[_EDGES_KEY] = ([t.start for t in toks], [t.end for t in toks])
    return edges


def is_token_start(doc: Doc, k: int) -> bool:
    """Does a token of :func:`tokens_of` start at character offset ``k``?"""
    starts = token_edges(doc)[0]
    i = bisect_left(starts, k)
    return i < len(starts) and starts[i] == k


def is_token_end(doc: Doc, k: int) -> bool:
    """Does a token of :func:`tokens_of` end at character offset ``k``?"""
    ends = token_edges(doc)[1]
    i = bisect_left(ends, k)
    return i < len(ends) and ends[i] == k


def reading_of(token) -> str:
    """A token's katakana reading, or "": from the token table our tokenizer fills (a Doc it
    made), else ``Reading=`` in the token's morph (a Doc made otherwise, e.g. by GiNZA)."""
    doc = token.doc
    toks = doc.user_data.get(_TOKENS_KEY)
    if toks is None:
        values = token.morph.get("Reading")
        return values[0] if values else ""
    k = token.idx
    i = bisect_left(token_edges(doc)[0], k)
    # by position: a Doc read back by Doc.from_bytes holds the rows as lists
    return toks[i][4] if i < len(toks) and toks[i][0] == k and not token.is_space else ""
