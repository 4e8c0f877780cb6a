"""Component ``usru_dates``: temporal expressions of the body, normalised and anchored."""
from __future__ import annotations

import datetime as dt

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions
from ..dates import find_dates


def _dct_date(doc: Doc):
    dct = doc._.dct
    if dct is None or not dct.value or len(dct.value) < 10:
        return None
    return dt.date.fromisoformat(dct.value[:10])


class DateTagger:
    def __call__(self, doc: Doc) -> Doc:
        mentions = find_dates(doc.text, _dct_date(doc), region=doc._.body)
        doc._.dates = mentions
        extensions.add_spans(doc, mentions, "DATE")
        return doc


@Language.factory("usru_dates")
def make_date_tagger(nlp: Language, name: str):
    return DateTagger()
