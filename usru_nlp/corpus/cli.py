"""``usru-nlp annotate SRC -o DST``: annotate a corpus (see :mod:`usru_nlp.corpus`).

Exit status: 0 when every record was annotated, 3 when the output holds error records (bad
input), 2 for a usage error (missing input, an output that exists without --resume/--overwrite),
130 when interrupted (Ctrl-C; what was written is kept, go on with --resume).
"""
from __future__ import annotations

import argparse
import sys
from typing import List, Optional

from .annotate import DEFAULT_BATCH_SIZE, annotate_corpus
from .readers import FORMATS, count_records
from .resume import ResumeError
from .writers import OUTPUT_FORMATS, OutputExists

EXIT_ERRORS = 3


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="usru-nlp annotate",
        description="Annotate a corpus: JSONL, CSV, Parquet, a directory of .txt files, or - (stdin)",
    )
    ap.add_argument("src", help="input file or directory, or - for standard input")
    ap.add_argument("-o", "--output", required=True, help="output: a .jsonl file (or - for stdout), or a directory for parquet")
    ap.add_argument("--format", choices=OUTPUT_FORMATS, default="jsonl", help="output format (default jsonl)")
    ap.add_argument("--input-format", choices=FORMATS, help="input format (default: from the suffix; stdin: jsonl)")
    ap.add_argument("--model", help="model layer: none (rules only, fast) or ginza (default: the library default)")
    ap.add_argument("--workers", type=int, default=1, help="worker processes (default 1)")
    ap.add_argument("--batch-size", type=int, default=DEFAULT_BATCH_SIZE, help=f"records per batch (default {DEFAULT_BATCH_SIZE})")
    ap.add_argument("--resume", action="store_true", help="go on with the output of an interrupted run")
    ap.add_argument("--overwrite", action="store_true", help="replace an existing output")
    ap.add_argument("--text-field", default="text", help="field(s) with the text; several joined by newlines: title,body")
    ap.add_argument("--date-field", default="published", help="field with the publication date (default published)")
    ap.add_argument("--id-field", default="id", help="field with the record id (default id; else the input position)")
    ap.add_argument("--limit", type=int, help="annotate only the first N input records")
    ap.add_argument("--part-rows", type=int, default=1000, help="parquet: records per part file (default 1000)")
    ap.add_argument("--no-progress", action="store_true", help="no progress bar even on a terminal")
    return ap


def main(argv: Optional[List[str]] = None) -> int:
    args = build_parser().parse_args(argv)
    if args.workers < 1 or args.batch_size < 1:
        print("usru-nlp annotate: --workers and --batch-size must be at least 1", file=sys.stderr)
        return 2
    bar = None
    if sys.stderr.isatty() and not args.no_progress:
        bar = _progress_bar(args)
    try:
        summary = annotate_corpus(
            args.src, args.output, format=args.format, input_format=args.input_format, model=args.model,
            text_field=args.text_field, date_field=args.date_field or None, id_field=args.id_field or None,
            batch_size=args.batch_size, workers=args.workers, resume=args.resume, overwrite=args.overwrite,
            limit=args.limit, part_rows=args.part_rows, progress=bar.show if bar is not None else None,
        )
    except (OutputExists, ResumeError, FileNotFoundError, ValueError) as err:
        print(f"usru-nlp annotate: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("usru-nlp annotate: interrupted; go on with --resume", file=sys.stderr)
        return 130
    finally:
        if bar is not None:
            bar.close()
    print(f"usru-nlp annotate: {summary.line()}", file=sys.stderr)
    if summary.total_errors:
        print(f"usru-nlp annotate: {summary.total_errors} error records in {args.output}", file=sys.stderr)
        return EXIT_ERRORS
    return 0


def _progress_bar(args) -> "ProgressBar":
    try:
        total = count_records(args.src, args.input_format)
    except (OSError, ValueError):
        total = None
    if total is not None and args.limit is not None:
        total = min(total, args.limit)
    return ProgressBar(total)


class ProgressBar:
    """A tqdm bar on stderr (articles/s, ETA) fed with the running Summary of a run."""

    def __init__(self, total: Optional[int]):
        from tqdm import tqdm

        self.total = total
        self.bar = None
        self.tqdm = tqdm

    def show(self, summary) -> None:
        if self.bar is None:  # the first call: records already done are known now
            total = None if self.total is None else max(self.total - summary.skipped, 0)
            self.bar = self.tqdm(total=total, unit="art", desc="annotate", file=sys.stderr, dynamic_ncols=True)
        self.bar.update(summary.records - self.bar.n)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
