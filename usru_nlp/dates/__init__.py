"""Japanese temporal expressions: recognise, normalise (TIMEX3) and anchor.

>>> from usru_nlp.dates import find_dates
>>> [(m.text, m.value) for m in find_dates("14日に会談した。", dct=datetime.date(2019, 5, 15))]
[('14日', '2019-05-14')]

The three steps are separate modules: :mod:`.recognize` (spans and parsed fields),
:mod:`.normalize` (TIMEX3 with unknown parts as X) and :mod:`.anchor` (dct + context).
Rules and lexicons are data files in ``models/dates/``.
"""
from __future__ import annotations

import datetime as _dt

from ..schema import DateMention
from .anchor import Anchorer
from .normalize import is_valid_value, normalize
from .partial import PRECISIONS, PartialAnchorer
from .recognize import Span, recognize

__all__ = ["find_dates", "recognize", "normalize", "Anchorer", "PartialAnchorer", "Span",
           "is_valid_value", "PRECISIONS"]


def find_dates(text: str, dct: _dt.date | None = None, region: tuple[int, int] | None = None,
               dct_precision: str = "day") -> list[DateMention]:
    """Date mentions in ``text`` (only inside ``region`` = [start, end) if given), sorted by start.

    ``dct_precision`` says how much of ``dct`` is known: ``"day"`` (all of it), ``"month"`` or
    ``"year"``; expressions that need the unknown parts keep them X (see :mod:`.partial`).
    """
    if not isinstance(text, str) or not text:
        return []
    if isinstance(dct, _dt.datetime):
        dct = dct.date()
    elif dct is not None and not isinstance(dct, _dt.date):
        dct = None
    start, end = 0, len(text)
    if region is not None:
        start = max(0, min(int(region[0]), len(text)))
        end = max(start, min(int(region[1]), len(text)))
    if dct_precision not in PRECISIONS:
        raise ValueError(f"dct_precision must be one of {PRECISIONS}, not {dct_precision!r}")
    anchorer = Anchorer(text, dct, start, end) if dct_precision == "day" else \
        PartialAnchorer(text, dct, start, end, precision=dct_precision)
    out = []
    spans = recognize(text, start, end)
    anchorer.add_hints(spans)
    for span in spans:
        typ, value, mod, anchor = anchorer.resolve(span)
        out.append(DateMention(span.start, span.end, span.text, typ, value, mod, anchor))
    return out
