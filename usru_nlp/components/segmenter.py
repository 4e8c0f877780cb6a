"""Component ``usru_segmenter``: the article body and its dateline."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions  # noqa: F401  (registers Doc._ attributes)
from ..extensions import text_of
from ..segment import find_body, find_dateline


class Segmenter:
    def __call__(self, doc: Doc) -> Doc:
        text = text_of(doc)
        body = find_body(text)
        doc._.body = body
        doc._.dateline = find_dateline(text, body)
        return doc


@Language.factory("usru_segmenter")
def make_segmenter(nlp: Language, name: str):
    return Segmenter()
