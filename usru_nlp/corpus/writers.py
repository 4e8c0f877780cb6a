"""Writers: JSONL (one record per input) and Parquet (flat tables, one row per mention).

JSONL, one line per input record::

    {"_pos": 0, "id": "a1", "meta": {...}, "error": null, "result": {...Result.to_dict() without meta}}

``_pos`` is the input position; ``meta`` the record's other fields; ``result`` reads back with
``Result.from_dict`` (or :func:`usru_nlp.corpus.load_jsonl`, which puts ``meta`` back into it).

Parquet, a directory of two datasets (read either with ``pandas.read_parquet(dst / "mentions")``)::

    dst/articles/part-000000000000.parquet ...   one row per input record (frames.ARTICLE_COLUMNS)
    dst/mentions/part-000000000000.parquet ...   one row per mention (frames.MENTION_COLUMNS)

Both tables also have ``_pos``; ``doc_id`` is the record id as a string.

Every write is durable before the next batch is read: JSONL appends whole lines, then flushes and
fsyncs; Parquet parts are written under a temporary name, fsynced and renamed into place.
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import List, Set, Tuple

from .. import frames
from ..schema import Result
from .records import Record
from .resume import ARTICLES, MENTIONS, part_name, scan_jsonl, scan_parts

Pair = Tuple[Record, Result]
OUTPUT_FORMATS = ("jsonl", "parquet")


def output_record(record: Record, result: Result) -> dict:
    """The JSONL record of one input record."""
    data = result.to_dict()
    meta = data.pop("meta")
    return {"_pos": record.pos, "id": record.id, "meta": meta, "error": result.error, "result": data}


class OutputExists(FileExistsError):
    pass


class JsonlWriter:
    """Appends JSONL records to ``path`` (or writes them to stdout when ``path`` is ``-``)."""

    def __init__(self, path: str, resume: bool = False, overwrite: bool = False):
        self.stdout = str(path) == "-"
        self.path = Path(path)
        self.done: Set[int] = set()
        self.errors_done = 0
        if self.stdout:
            if resume:
                raise ValueError("--resume needs an output file, not stdout")
            self.file = sys.stdout.buffer
            return
        if self.path.exists() and not (resume or overwrite):
            raise OutputExists(f"{path} exists: use --resume to go on with it or --overwrite to replace it")
        if resume:
            self.done, self.errors_done = scan_jsonl(self.path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.file = open(self.path, "ab" if resume else "wb")

    def write(self, pairs: List[Pair]) -> None:
        lines = [json.dumps(output_record(r, res), ensure_ascii=False, default=str) + "\n" for r, res in pairs]
        self.file.write("".join(lines).encode("utf-8"))
        self.file.flush()
        if not self.stdout:
            os.fsync(self.file.fileno())

    def close(self) -> None:
        if not self.stdout:
            self.file.close()


class ParquetWriter:
    """Writes part files of at least ``part_rows`` records (fewer for the last) under ``root``."""

    def __init__(self, root: str, resume: bool = False, overwrite: bool = False, part_rows: int = 1000):
        import pyarrow  # noqa: F401  (fail early when the corpus extra is missing)

        self.root = Path(root)
        self.part_rows = part_rows
        self.buffer: List[Pair] = []
        self.done: Set[int] = set()
        self.errors_done = 0
        if self.root.exists() and not (resume or overwrite):
            raise OutputExists(f"{root} exists: use --resume to go on with it or --overwrite to replace it")
        if self.root.exists() and not resume:
            _remove_parts(self.root)
        for name in (ARTICLES, MENTIONS):
            (self.root / name).mkdir(parents=True, exist_ok=True)
        if resume:
            self.done, self.errors_done = scan_parts(self.root)

    def write(self, pairs: List[Pair]) -> None:
        self.buffer.extend(pairs)
        if len(self.buffer) >= self.part_rows:
            self.flush()

    def flush(self) -> None:
        if not self.buffer:
            return
        pairs, self.buffer = self.buffer, []
        name = part_name(pairs[0][0].pos)
        articles, mentions = [], []
        for record, result in pairs:
            doc_id = None if record.id is None else str(record.id)
            articles.append({"_pos": record.pos, **frames.article_row(result, doc_id)})
            mentions.extend({"_pos": record.pos, **row} for row in frames.mention_rows(result, doc_id))
        _write_table(mentions, mention_schema(), self.root / MENTIONS / name)
        _write_table(articles, article_schema(), self.root / ARTICLES / name)  # commits the part

    def close(self) -> None:
        self.flush()


def make_writer(dst: str, fmt: str, resume: bool = False, overwrite: bool = False, part_rows: int = 1000):
    if fmt == "jsonl":
        return JsonlWriter(dst, resume=resume, overwrite=overwrite)
    if fmt == "parquet":
        return ParquetWriter(dst, resume=resume, overwrite=overwrite, part_rows=part_rows)
    raise ValueError(f"unknown output format {fmt!r} (one of {', '.join(OUTPUT_FORMATS)})")


def _write_table(rows: List[dict], schema, path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    tmp = path.with_name(path.name + ".tmp")
    pq.write_table(pa.Table.from_pylist(rows, schema=schema), tmp)
    with open(tmp, "rb") as f:
        os.fsync(f.fileno())
    os.replace(tmp, path)


def _remove_parts(root: Path) -> None:
    for name in (ARTICLES, MENTIONS):
        for part in (root / name).glob("part-*"):
            part.unlink()


_INT = {"_pos", "start", "end", "cluster", "body_start", "body_end", "n_officials", "n_persons", "n_places",
        "n_dates", "chars"}
_BOOL = {"former", "dateline"}


def _schema(columns):
    import pyarrow as pa

    def kind(name):
        return pa.int64() if name in _INT else pa.bool_() if name in _BOOL else pa.string()

    return pa.schema([(name, kind(name)) for name in columns])


def article_schema():
    """The Arrow schema of the articles table."""
    return _schema(("_pos", *frames.ARTICLE_COLUMNS))


def mention_schema():
    """The Arrow schema of the mentions table."""
    return _schema(("_pos", *frames.MENTION_COLUMNS))


def load_jsonl(path: str):
    """(id, Result) for each record of a JSONL output file, with ``meta`` put back into the Result."""
    with open(path, encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            yield record["id"], Result.from_dict({**record["result"], "meta": record["meta"]})
