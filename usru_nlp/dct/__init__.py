"""Document creation time (DCT) when the caller does not give it: found or inferred.

>>> from usru_nlp.dct import document_date
>>> document_date("ルビオ国務長官は18日、ラブロフ外相と会談した。").earliest
'2025-01-21'

1. :mod:`.find`: a publication timestamp written in the page → ``source="text"``.
2. :mod:`.evidence`: constraints from dated mentions and their tense, and from officials and the
   terms of their offices in the knowledge base; :mod:`.clues` reads the role of a mention
   (birth date, deadline, release, listed article), relative years with their number
   (「昨年の2011年」) and the time elapsed since a dated origin (「…に開始し、5周年を迎えた」).
   Dates in the page around the body (related-article lists, profiles) are weak mentions
   (role ``out``), never hard constraints.
3. :mod:`.infer`: the maximum-weight consistent subset of the constraints gives
   [earliest, latest]; the most likely day given the dated mentions, with the offsets
   (DCT − mention) measured per kind and tense (:mod:`.likelihood`, ``models/dct/``), is the
   value (the centre of the densest ±31-day window, under a hand-set prior over the web era,
   ``models/dct/prior.json``) → ``source="inferred"``; :func:`tier` says how fine the evidence is.
"""
from __future__ import annotations

from typing import Iterable, List, Optional, Tuple

from ..dates import Anchorer
from ..schema import DocumentDate
from .evidence import OfficeEvidence, date_evidence
from .find import Timestamp, best_timestamp, find_timestamps
from .infer import TIERS, infer, precision, tier
from .intervals import Evidence

__all__ = ["document_date", "collect", "best_timestamp", "find_timestamps", "infer", "precision", "tier", "TIERS",
           "OfficeEvidence", "Timestamp"]

_OFFICES: Optional[OfficeEvidence] = None


def _offices() -> OfficeEvidence:
    global _OFFICES
    if _OFFICES is None:
        _OFFICES = OfficeEvidence()
    return _OFFICES


def collect(text: str, body: Optional[Tuple[int, int]] = None, officials: Iterable = (),
            offices: Optional[OfficeEvidence] = None) -> Tuple[List[Evidence], Optional[Evidence]]:
    """The evidence of ``text`` (dated mentions, hard constraints) and the page's timestamp."""
    lo, hi = body or (0, len(text))
    evidence = date_evidence(text, lo, hi)
    for a, b in ((0, lo), (hi, len(text))):  # the page around the article: its dates say less
        if b > a:
            for e in date_evidence(text, a, b):
                if e.kind == "widget":
                    evidence.append(e)
                elif not e.hard and e.kind in ("near_date", "month_day"):
                    e.extra["role"] = "out"
                    evidence.append(e)
    officials = [o for o in officials or () if lo <= o.start < hi]
    if officials:
        tenses = Anchorer(text, None, lo, hi)
        evidence += (offices or _offices()).collect(text, officials, tense_at=tenses.tense)
    ts = best_timestamp(text, body)
    stamp = None
    if ts is not None:
        n = ts.date.toordinal()
        stamp = Evidence("timestamp", ts.text, ts.start, ts.end, [(n, n)], 3.0,
                         reason=f"timestamp in the page ({ts.label})",
                         extra={"label": ts.label, "time": ts.has_time})
    return evidence, stamp


def document_date(text: str, body: Optional[Tuple[int, int]] = None, officials: Iterable = (),
                  offices: Optional[OfficeEvidence] = None) -> Optional[DocumentDate]:
    """The DCT of ``text`` from a timestamp in the page or the evidence in ``body``, or None.

    ``officials`` are the :class:`~usru_nlp.schema.Official` mentions (``doc._.officials``);
    without them, only dates and timestamps count.
    """
    if not isinstance(text, str) or not text:
        return None
    evidence, stamp = collect(text, body, officials, offices)
    return infer(evidence, stamp)
