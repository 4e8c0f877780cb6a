"""Component ``usru_document_date``: the document creation time (DCT).

When the caller gives ``published``, that is the DCT (``source="given"``). Otherwise
:mod:`usru_nlp.dct` looks for a publication timestamp in the page (``source="text"``) or infers
an interval from the dated mentions and the officials of the body (``source="inferred"``);
``doc._.dct`` stays None when the text holds no evidence.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions  # noqa: F401
from ..extensions import text_of
from ..dct import OfficeEvidence, document_date
from ..schema import DocumentDate


class DocumentDater:
    def __init__(self, infer: bool = True):
        self.infer = infer
        self._offices = None

    def __call__(self, doc: Doc) -> Doc:
        published = doc._.published
        if published:
            doc._.dct = DocumentDate(
                value=published, source="given", earliest=published, latest=published,
                confidence=1.0,
            )
        elif self.infer:
            if self._offices is None:
                self._offices = OfficeEvidence()
            doc._.dct = document_date(text_of(doc), doc._.body, doc._.officials or (), self._offices)
        return doc


@Language.factory("usru_document_date", default_config={"infer": True})
def make_document_dater(nlp: Language, name: str, infer: bool):
    return DocumentDater(infer=infer)
