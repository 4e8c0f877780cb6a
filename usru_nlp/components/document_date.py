"""Component ``usru_document_date``: the document creation time (DCT).

When the caller gives ``published``, that is the DCT (``source="given"``).
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions  # noqa: F401
from ..schema import DocumentDate


class DocumentDater:
    def __call__(self, doc: Doc) -> Doc:
        published = doc._.published
        if published:
            doc._.dct = DocumentDate(
                value=published, source="given", earliest=published, latest=published,
                confidence=1.0,
            )
        return doc


@Language.factory("usru_document_date")
def make_document_dater(nlp: Language, name: str):
    return DocumentDater()
