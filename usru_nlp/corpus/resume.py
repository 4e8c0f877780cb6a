"""What an interrupted run already wrote, so that a resumed run skips exactly that.

Every output record carries ``_pos``, the input position it came from. A run killed at any moment
leaves behind:

- JSONL: whole lines (each batch is written, flushed and fsynced in one go) and perhaps one
  partial last line. :func:`scan_jsonl` cuts the partial line off and returns the positions of
  the whole lines.
- Parquet: part files, each written to a temporary name and renamed into place; a part's
  mentions file is renamed before its articles file, so an articles part is the proof that the
  part is complete. :func:`scan_parts` deletes temporary files and mentions parts without their
  articles part, and returns the positions of the articles parts.
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Set, Tuple

ARTICLES = "articles"
MENTIONS = "mentions"


class ResumeError(RuntimeError):
    """The output cannot be resumed (it is not the output of a run of this tool)."""


def scan_jsonl(path: Path) -> Tuple[Set[int], int]:
    """(positions done, how many of them are error records); truncates a partial last line."""
    done: Set[int] = set()
    errors = 0
    if not path.exists():
        return done, errors
    truncate_partial_line(path)
    with open(path, "rb") as f:
        for lineno, line in enumerate(f, 1):
            try:
                record = json.loads(line)
                pos = record["_pos"]
            except (ValueError, KeyError, TypeError):
                raise ResumeError(f"{path}:{lineno} is not an output record with _pos") from None
            done.add(pos)
            errors += record.get("error") is not None
    return done, errors


def truncate_partial_line(path: Path) -> int:
    """Cut ``path`` after its last newline; returns how many bytes were cut."""
    with open(path, "r+b") as f:
        size = f.seek(0, os.SEEK_END)
        end = size
        block = 1 << 16
        while end > 0:
            start = max(0, end - block)
            f.seek(start)
            chunk = f.read(end - start)
            cut = chunk.rfind(b"\n")
            if cut >= 0:
                keep = start + cut + 1
                break
            end = start
        else:
            keep = 0
        if keep < size:
            f.truncate(keep)
            f.flush()
            os.fsync(f.fileno())
        return size - keep


def part_name(first_pos: int) -> str:
    return f"part-{first_pos:012d}.parquet"


def scan_parts(root: Path) -> Tuple[Set[int], int]:
    """(positions done, error records among them) of a Parquet output directory; cleans up."""
    import pyarrow.parquet as pq

    done: Set[int] = set()
    errors = 0
    articles, mentions = root / ARTICLES, root / MENTIONS
    for folder in (articles, mentions):
        for tmp in folder.glob("*.tmp"):
            tmp.unlink()
    for part in mentions.glob("part-*.parquet"):
        if not (articles / part.name).exists():
            part.unlink()  # its articles part was never committed; the batch will be redone
    for part in sorted(articles.glob("part-*.parquet")):
        table = pq.read_table(part, columns=["_pos", "error"])
        done.update(table.column("_pos").to_pylist())
        errors += len(table) - table.column("error").null_count
    return done, errors
