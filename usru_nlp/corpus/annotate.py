"""Annotate many records: :func:`annotate` in Python, :func:`annotate_corpus` from file to file."""
from __future__ import annotations

import itertools
import time
from collections import deque
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, List, Optional, Set, Tuple, Union

from spacy.util import minibatch

from ..extractor import Extractor
from ..schema import Result
from .readers import read_records
from .records import FieldNames, Fields, Record, to_record
from .workers import run_batches
from .writers import make_writer

DEFAULT_BATCH_SIZE = 32


def annotate(
    records: Iterable[Any],
    *,
    extractor: Optional[Extractor] = None,
    model: Optional[str] = None,
    text_field: FieldNames = "text",
    date_field: Optional[str] = "published",
    id_field: Optional[str] = "id",
    batch_size: int = DEFAULT_BATCH_SIZE,
    workers: int = 1,
) -> Iterator[Result]:
    """One Result per record, in input order.

    ``records``: strings, dicts (text in ``text_field`` — a name, ``"title,body"`` or a list of
    names joined with newlines — the publication date in ``date_field``, the id in ``id_field``)
    or ``(text, meta)`` tuples. A record's other fields are kept in ``Result.meta``. A bad record
    (no text, a text that is not a string, an invalid date) gives a Result with ``error`` set.

    ``extractor``: a loaded Extractor to use; else one is built with ``model`` (None: the
    library's default model; ``"none"`` is the fast rules-only layer). ``workers > 1`` runs that
    many processes, each with its own copy of the pipeline.
    """
    fields = Fields(text=text_field, date=date_field, id=id_field)
    pairs = annotate_records(
        (to_record(pos, item, fields) for pos, item in enumerate(records)),
        extractor=extractor, model=model, batch_size=batch_size, workers=workers,
    )
    for batch in pairs:
        for _, result in batch:
            yield result


def annotate_records(
    records: Iterable[Record],
    *,
    extractor: Optional[Extractor] = None,
    model: Optional[str] = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    workers: int = 1,
) -> Iterator[List[Tuple[Record, Result]]]:
    """Batches of (record, result) pairs, in input order."""
    if batch_size < 1:
        raise ValueError(f"batch_size must be >= 1, not {batch_size!r}")
    batches = minibatch(records, size=batch_size)
    held: deque = deque()  # batches handed to the workers, waiting for their results

    def feed() -> Iterator[List[Record]]:
        for batch in batches:
            held.append(batch)
            yield batch

    for results in run_batches(feed(), extractor, model, workers):
        yield list(zip(held.popleft(), results))


@dataclass
class Summary:
    """What :func:`annotate_corpus` did."""

    records: int = 0  # written by this run
    errors: int = 0  # error records written by this run
    skipped: int = 0  # already in the output (resumed runs)
    earlier_errors: int = 0  # error records among the skipped ones
    chars: int = 0  # characters annotated by this run
    seconds: float = 0.0

    @property
    def total_errors(self) -> int:
        return self.errors + self.earlier_errors

    def line(self) -> str:
        rate = self.records / self.seconds if self.seconds else 0.0
        speed = self.chars / self.seconds if self.seconds else 0.0
        text = (f"annotated {self.records} records ({self.errors} errors) in {self.seconds:.1f} s: "
                f"{rate:.1f} records/s, {speed:,.0f} chars/s")
        if self.skipped:
            text += f"; {self.skipped} already done ({self.earlier_errors} errors)"
        return text


def annotate_corpus(
    src: Union[str, Path],
    dst: Union[str, Path],
    *,
    format: str = "jsonl",
    input_format: Optional[str] = None,
    extractor: Optional[Extractor] = None,
    model: Optional[str] = None,
    text_field: FieldNames = "text",
    date_field: Optional[str] = "published",
    id_field: Optional[str] = "id",
    batch_size: int = DEFAULT_BATCH_SIZE,
    workers: int = 1,
    resume: bool = False,
    overwrite: bool = False,
    limit: Optional[int] = None,
    part_rows: int = 1000,
    progress: Optional[Callable[["Summary"], None]] = None,
) -> Summary:
    """Annotate every record of ``src`` into ``dst``; see :mod:`usru_nlp.corpus`.

    ``src``: a JSONL, CSV or Parquet file, a directory of .txt files, or ``"-"`` (stdin, JSONL
    unless ``input_format`` says otherwise). ``format``: ``"jsonl"`` (``dst`` a file, or ``"-"``)
    or ``"parquet"`` (``dst`` a directory). ``resume``: go on with the output of an interrupted
    run, skipping the records it holds. ``limit``: only the first ``limit`` input records.
    ``progress(summary)`` is called once the output is open (``summary.skipped`` is known)
    and after each batch, with the running :class:`Summary`.
    """
    fields = Fields(text=text_field, date=date_field, id=id_field)
    if str(src) != "-" and not Path(src).exists():
        raise FileNotFoundError(f"no such input: {src}")
    records: Iterable[Record] = read_records(src, input_format, fields)  # checks the format too
    writer = make_writer(str(dst), format, resume=resume, overwrite=overwrite, part_rows=part_rows)
    summary = Summary(skipped=len(writer.done), earlier_errors=writer.errors_done)
    if limit is not None:
        records = itertools.islice(records, limit)
    start = time.perf_counter()
    if progress is not None:
        progress(summary)
    try:
        todo = _not_done(records, writer.done)
        for pairs in annotate_records(todo, extractor=extractor, model=model, batch_size=batch_size, workers=workers):
            writer.write(pairs)
            summary.records += len(pairs)
            summary.errors += sum(result.error is not None for _, result in pairs)
            summary.chars += sum(len(result.text) for _, result in pairs)
            if progress is not None:
                progress(summary)
    finally:
        writer.close()
        summary.seconds = time.perf_counter() - start
    return summary


def _not_done(records: Iterable[Record], done: Set[int]) -> Iterator[Record]:
    for record in records:
        if record.pos not in done:
            yield record
