"""Flat tables of results: one row per mention, one row per article.

The row builders (:func:`mention_rows`, :func:`article_row`) return plain dicts and need nothing
beyond the standard library; the frame builders (:func:`result_frame`, :func:`corpus_frame`,
:func:`article_frame`) return pandas DataFrames and import pandas when called
(``pip install "usru-nlp[corpus]"``).

A mention row has every column of :data:`MENTION_COLUMNS`; fields that do not apply to the
mention's kind are ``None``. ``Place.kind`` is ``place_kind`` and ``DateMention.type`` is
``date_type``, so that ``kind`` can name the mention kind (official, person, place, date).

>>> rows = mention_rows(result, doc_id="a1")
>>> rows[0]["kind"], rows[0]["text"], rows[0]["start"]
('place', 'ロシア', 0)
>>> corpus_frame(results, ids=["a1", "a2"]).groupby("kind").size()
"""
from __future__ import annotations

import json
from typing import Any, Iterable, List, Optional, Sequence

from .schema import Result

#: Columns of a mention row, in order.
MENTION_COLUMNS = (
    "doc_id",
    "kind",  # official | person | place | date
    "start",
    "end",
    "text",
    "canonical",  # officials
    "name_en",
    "title",
    "title_en",
    "country",  # officials and places
    "former",
    "kb_id",  # officials and places
    "cluster",
    "role",  # persons
    "place_kind",  # places: country | city | region | sea | other
    "dateline",
    "date_type",  # dates: DATE | DURATION | TIME | SET
    "value",
    "mod",
    "anchor",
)

#: Columns of an article row, in order.
ARTICLE_COLUMNS = (
    "doc_id",
    "published",
    "dct",  # document date value
    "dct_source",  # given | text | inferred
    "body_start",
    "body_end",
    "n_officials",
    "n_persons",
    "n_places",
    "n_dates",
    "chars",
    "error",
    "meta",  # JSON text of Result.meta
    "text",
)

_RENAMED = {"place": {"kind": "place_kind"}, "date": {"type": "date_type"}}
_DTYPES = {
    "start": "int64",
    "end": "int64",
    "cluster": "Int64",  # nullable: None where the column does not apply
    "former": "boolean",
    "dateline": "boolean",
    "body_start": "Int64",
    "body_end": "Int64",
    "n_officials": "int64",
    "n_persons": "int64",
    "n_places": "int64",
    "n_dates": "int64",
    "chars": "int64",
}


def mention_rows(result: Result, doc_id: Any = None) -> List[dict]:
    """One dict per mention of ``result``, in text order, with the columns of MENTION_COLUMNS."""
    rows = []
    for m in result.mentions():
        kind = m.kind_name
        row = dict.fromkeys(MENTION_COLUMNS)
        renamed = _RENAMED.get(kind, {})
        for key, value in m.to_dict().items():
            row[renamed.get(key, key)] = value
        row["doc_id"] = doc_id
        row["kind"] = kind
        rows.append(row)
    return rows


def article_row(result: Result, doc_id: Any = None) -> dict:
    """One dict for ``result`` as a whole, with the columns of ARTICLE_COLUMNS."""
    body = result.body or (None, None)
    return {
        "doc_id": doc_id,
        "published": result.published,
        "dct": result.dct.value if result.dct is not None else None,
        "dct_source": result.dct.source if result.dct is not None else None,
        "body_start": body[0],
        "body_end": body[1],
        "n_officials": len(result.officials),
        "n_persons": len(result.persons),
        "n_places": len(result.places),
        "n_dates": len(result.dates),
        "chars": len(result.text),
        "error": result.error,
        "meta": json.dumps(result.meta, ensure_ascii=False, default=str),
        "text": result.text,
    }


def result_frame(result: Result, doc_id: Any = None):
    """A DataFrame of the mentions of one result (columns MENTION_COLUMNS, possibly no rows)."""
    return make_frame(mention_rows(result, doc_id), MENTION_COLUMNS)


def corpus_frame(results: Iterable[Result], ids: Optional[Sequence[Any]] = None):
    """A DataFrame of the mentions of many results; ``doc_id`` tells which article each is from.

    ``ids`` gives one id per result; without it the id is ``result.meta["id"]`` when present,
    else the result's position in ``results``.
    """
    rows: List[dict] = []
    for i, result in enumerate(results):
        rows.extend(mention_rows(result, _doc_id(result, i, ids)))
    return make_frame(rows, MENTION_COLUMNS)


def article_frame(results: Iterable[Result], ids: Optional[Sequence[Any]] = None):
    """A DataFrame with one row per result (columns ARTICLE_COLUMNS); ids as in corpus_frame."""
    rows = [article_row(result, _doc_id(result, i, ids)) for i, result in enumerate(results)]
    return make_frame(rows, ARTICLE_COLUMNS)


def _doc_id(result: Result, i: int, ids: Optional[Sequence[Any]]) -> Any:
    if ids is not None:
        return ids[i]
    return result.meta.get("id", i)


def make_frame(rows: List[dict], columns: Sequence[str]):
    """A DataFrame of ``rows`` with exactly ``columns``; counts, offsets and flags get fixed dtypes
    (nullable ``Int64``/``boolean`` where a column may be empty), so frames concatenate cleanly."""
    import pandas as pd

    frame = pd.DataFrame(rows, columns=list(columns))
    return frame.astype({c: t for c, t in _DTYPES.items() if c in columns})
