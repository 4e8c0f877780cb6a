"""Component ``usru_dates``: temporal expressions of the body, normalised and anchored.

The DCT may be known only in part (an inferred interval): relative expressions are anchored
only as far as it is certain (:func:`usru_nlp.dct.precision`), and their ``anchor`` says so
(「inferred dct (year only)」).
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions
from ..extensions import text_of
from ..dates import find_dates
from ..dct import precision


class DateTagger:
    def __call__(self, doc: Doc) -> Doc:
        dct = doc._.dct
        date, prec = precision(dct)
        mentions = find_dates(text_of(doc), date, region=doc._.body, dct_precision=prec)
        if date is not None and dct.source == "inferred":
            for m in mentions:
                if m.anchor and m.anchor.startswith("dct"):
                    m.anchor = "inferred " + m.anchor
        doc._.dates = mentions
        extensions.add_spans(doc, mentions, "DATE")
        return doc


@Language.factory("usru_dates")
def make_date_tagger(nlp: Language, name: str):
    return DateTagger()
