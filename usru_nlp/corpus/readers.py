"""Readers: JSONL, CSV, Parquet, a directory of .txt files, standard input.

Every reader yields :class:`~usru_nlp.corpus.records.Record` objects with consecutive positions
(0, 1, 2, ...), one per input item: a JSONL line that is not blank, a CSV row, a Parquet row, a
.txt file. An item that cannot be read becomes an error record at its position; reading goes on.
"""
from __future__ import annotations

import csv
import io
import json
import os
import sys
from pathlib import Path
from typing import IO, Iterator, Optional, Union

from .records import Fields, Record, bad_record, to_record

FORMATS = ("jsonl", "csv", "parquet", "txt")
_SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl", ".csv": "csv", ".parquet": "parquet",
             ".txt": "txt"}
_CSV_FIELD_LIMIT = 1 << 28  # articles longer than csv's default 128 KiB field limit are fine


def input_format(src: Union[str, Path], fmt: Optional[str] = None) -> str:
    """The format of ``src``: ``fmt`` if given, else from the suffix; a directory is txt, stdin jsonl."""
    if fmt:
        if fmt not in FORMATS:
            raise ValueError(f"unknown input format {fmt!r} (one of {', '.join(FORMATS)})")
        return fmt
    if str(src) == "-":
        return "jsonl"
    path = Path(src)
    if path.is_dir():
        return "txt"
    try:
        return _SUFFIXES[path.suffix.lower()]
    except KeyError:
        raise ValueError(f"cannot tell the format of {src}; give it (jsonl, csv, parquet, txt)") from None


def read_records(src: Union[str, Path], fmt: Optional[str] = None, fields: Optional[Fields] = None) -> Iterator[Record]:
    """Records of ``src`` (a path, or ``"-"`` for standard input), in input order."""
    fields = fields or Fields()
    fmt = input_format(src, fmt)
    if str(src) == "-":
        if fmt == "parquet":
            raise ValueError("Parquet cannot be read from standard input")
        stream = io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", errors="replace", newline="")
        if fmt == "txt":
            return iter([Record(pos=0, id="-", text=stream.read())])
        return read_jsonl(stream, fields) if fmt == "jsonl" else read_csv(stream, fields)
    if fmt == "txt":
        return read_txt(Path(src))
    if fmt == "parquet":
        return read_parquet(Path(src), fields)
    return _read_file(Path(src), fmt, fields)


def _read_file(path: Path, fmt: str, fields: Fields) -> Iterator[Record]:
    with open(path, encoding="utf-8", errors="replace", newline="") as stream:
        if fmt == "jsonl":
            yield from read_jsonl(stream, fields)
        else:
            yield from read_csv(stream, fields)


def read_jsonl(stream: IO[str], fields: Fields) -> Iterator[Record]:
    """One record per non-blank line; a line that is not a JSON object is an error record."""
    pos = 0
    for lineno, line in enumerate(stream, 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except ValueError as err:
            yield bad_record(pos, f"JSONDecodeError: {err}", line=lineno, raw=line[:200])
        else:
            if isinstance(item, dict):
                yield to_record(pos, item, fields)
            else:
                yield bad_record(pos, f"TypeError: a JSONL record must be an object, not {type(item).__name__}",
                                 line=lineno, raw=line[:200])
        pos += 1


def read_csv(stream: IO[str], fields: Fields) -> Iterator[Record]:
    """One record per row under a header row; a row of the wrong width is an error record."""
    csv.field_size_limit(max(csv.field_size_limit(), _CSV_FIELD_LIMIT))
    reader = csv.reader(stream)
    header = next(reader, None)
    if header is None:
        return
    pos = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as err:
            yield bad_record(pos, f"csv.Error: {err}", line=reader.line_num)
            pos += 1
            continue
        if not row:  # a blank line
            continue
        if len(row) != len(header):
            yield bad_record(pos, f"CSV row has {len(row)} fields, the header {len(header)}",
                             line=reader.line_num, raw=",".join(row)[:200])
        else:
            yield to_record(pos, dict(zip(header, row)), fields)
        pos += 1


def read_parquet(path: Path, fields: Fields, batch_rows: int = 1024) -> Iterator[Record]:
    """One record per row, read a batch of rows at a time."""
    import pyarrow.parquet as pq

    pos = 0
    for batch in pq.ParquetFile(path).iter_batches(batch_size=batch_rows):
        for item in batch.to_pylist():
            yield to_record(pos, item, fields)
            pos += 1


def txt_files(root: Path) -> list:
    """The .txt files under ``root``, in a fixed (sorted) order."""
    return sorted(p for p in root.rglob("*.txt") if p.is_file())


def read_txt(root: Path) -> Iterator[Record]:
    """One record per .txt file (UTF-8), or the one file ``root``; the id is the relative path."""
    files = [root] if root.is_file() else txt_files(root)
    for pos, path in enumerate(files):
        rid = path.name if path == root else path.relative_to(root).as_posix()
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as err:
            yield Record(pos=pos, id=rid, meta={"file": rid}, error=f"{type(err).__name__}: {err}")
        else:
            yield Record(pos=pos, id=rid, text=text, meta={"file": rid})


def count_records(src: Union[str, Path], fmt: Optional[str] = None) -> Optional[int]:
    """How many records ``src`` holds, when that is cheap to know (for a progress bar), else None."""
    if str(src) == "-":
        return None
    fmt = input_format(src, fmt)
    path = Path(src)
    if fmt == "parquet":
        import pyarrow.parquet as pq

        return pq.ParquetFile(path).metadata.num_rows
    if fmt == "txt":
        return 1 if path.is_file() else len(txt_files(path))
    if fmt == "jsonl" and os.path.getsize(path) < (4 << 30):
        with open(path, "rb") as f:
            return sum(1 for line in f if line.strip())
    return None
