"""Run the extractor on a Dask cluster, partition by partition (``pip install "usru-nlp[dask]"``).

Each worker process builds one Extractor per model, on the first partition it gets, and keeps it
for the rest of its life (:func:`get_extractor`); partitions are annotated in batches like
:func:`usru_nlp.corpus.annotate`.

>>> import dask.bag as db
>>> from distributed import Client, LocalCluster
>>> from usru_nlp.dask import annotate_bag, annotate_dataframe
>>> client = Client(LocalCluster(n_workers=4, processes=True, threads_per_worker=1))
>>> bag = db.read_text("articles-*.jsonl").map(json.loads)
>>> records = annotate_bag(bag, model="none").compute()         # JSONL-style output records
>>> mentions = annotate_dataframe(ddf, model="none").compute()  # one row per mention

The records of a bag are dicts, strings or ``(text, meta)`` tuples, as for ``annotate``; the
rows of a dask DataFrame are records with the fields ``text_field``, ``date_field``, ``id_field``.
"""
from __future__ import annotations

import threading
from typing import Any, Dict, List, Optional

from . import frames
from .corpus.annotate import DEFAULT_BATCH_SIZE, annotate_records
from .corpus.records import FieldNames, Fields, to_record
from .corpus.workers import make_extractor
from .corpus.writers import output_record
from .extractor import Extractor

_EXTRACTORS: Dict[Optional[str], Extractor] = {}
_LOCK = threading.Lock()
LOADS = 0  # how many Extractors this process has built (one per model used)


def get_extractor(model: Optional[str] = None) -> Extractor:
    """This process's Extractor for ``model`` (None: the library default), built on first use."""
    global LOADS
    with _LOCK:
        if model not in _EXTRACTORS:
            _EXTRACTORS[model] = make_extractor(model)
            LOADS += 1
        return _EXTRACTORS[model]


def annotate_partition(
    records: List[Any],
    model: Optional[str] = None,
    text_field: FieldNames = "text",
    date_field: Optional[str] = "published",
    id_field: Optional[str] = "id",
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> List[dict]:
    """Output records (as in JSONL output; ``_pos`` is the position within the partition)."""
    fields = Fields(text=text_field, date=date_field, id=id_field)
    todo = [to_record(pos, item, fields) for pos, item in enumerate(records)]
    out = []
    for pairs in annotate_records(todo, extractor=get_extractor(model), batch_size=batch_size):
        out.extend(output_record(record, result) for record, result in pairs)
    return out


def annotate_bag(bag, model: Optional[str] = None, **options: Any):
    """A dask Bag of output records ``{"_pos", "id", "meta", "error", "result"}``, one per record.

    ``options``: text_field, date_field, id_field, batch_size (as for :func:`annotate_partition`).
    """
    return bag.map_partitions(annotate_partition, model=model, **options)


def dataframe_partition(
    frame,
    model: Optional[str] = None,
    output: str = "mentions",
    text_field: FieldNames = "text",
    date_field: Optional[str] = "published",
    id_field: Optional[str] = "id",
    batch_size: int = DEFAULT_BATCH_SIZE,
):
    """Mention rows (``output="mentions"``) or article rows (``"articles"``) of a pandas frame."""
    fields = Fields(text=text_field, date=date_field, id=id_field)
    items = frame.to_dict("records")
    if id_field is None or id_field not in frame.columns:  # the index identifies the rows
        for item, index in zip(items, frame.index):
            item["id"] = index
        fields.id = "id"
    todo = [to_record(pos, item, fields) for pos, item in enumerate(items)]
    rows: List[dict] = []
    for pairs in annotate_records(todo, extractor=get_extractor(model), batch_size=batch_size):
        for record, result in pairs:
            if output == "articles":
                rows.append(frames.article_row(result, record.id))
            else:
                rows.extend(frames.mention_rows(result, record.id))
    columns = frames.ARTICLE_COLUMNS if output == "articles" else frames.MENTION_COLUMNS
    return frames.make_frame(rows, columns) if rows else _empty(columns)


def annotate_dataframe(ddf, model: Optional[str] = None, output: str = "mentions", **options: Any):
    """A dask DataFrame of mention rows (frames.MENTION_COLUMNS) or article rows (ARTICLE_COLUMNS).

    ``doc_id`` is the row's ``id_field`` value, or its index label when there is no such column.
    ``options``: text_field, date_field, id_field, batch_size.
    """
    if output not in ("mentions", "articles"):
        raise ValueError(f"output must be 'mentions' or 'articles', not {output!r}")
    columns = frames.ARTICLE_COLUMNS if output == "articles" else frames.MENTION_COLUMNS
    return ddf.map_partitions(dataframe_partition, model=model, output=output, meta=_empty(columns), **options)


def _empty(columns):
    frame = frames.make_frame([], columns)
    return frame.astype({"doc_id": "object"}) if "doc_id" in frame.columns else frame
