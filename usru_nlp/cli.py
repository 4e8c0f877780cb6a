"""Command line: ``usru-nlp extract FILE|- [--published DATE] [--format json|table]``.

``usru-nlp extract --example`` runs on the built-in example article.
``usru-nlp evaluate GOLD`` scores against gold data (see :mod:`usru_nlp.evaluate`).
``usru-nlp annotate SRC -o DST`` annotates a corpus (see :mod:`usru_nlp.corpus.cli`).
"""
from __future__ import annotations

import argparse
import sys
from importlib import resources
from typing import List, Optional

from .schema import Result
from .pipeline import DEFAULT_MODEL

EXAMPLE_PUBLISHED = "2021-06-24"


def example_text() -> str:
    """The built-in example article (written for this project)."""
    return resources.files("usru_nlp").joinpath("examples/article_ja.txt").read_text(encoding="utf-8")


def format_table(result: Result) -> str:
    rows = []
    for m in result.mentions():
        kind = m.kind_name
        if kind == "official":
            detail = f"{m.canonical or '?'} | {m.title or '-'} | {m.country or '?'}" + (" | former" if m.former else "")
        elif kind == "person":
            detail = m.role
        elif kind == "place":
            detail = f"{m.kind} | {m.country or '-'}" + (" | dateline" if m.dateline else "")
        else:
            detail = f"{m.type} | {m.value}" + (f" | {m.mod}" if m.mod else "")
        rows.append(f"{kind:<9} {m.start:>6}-{m.end:<6} {m.text:<16} {detail}")
    head = f"document date: {result.dct.value} ({result.dct.source})" if result.dct else "document date: unknown"
    return "\n".join([head, *rows])


def _cmd_extract(args) -> int:
    from .extractor import Extractor

    if args.example:
        text = example_text()
        published = args.published or EXAMPLE_PUBLISHED
    elif args.file in (None, "-"):
        text = sys.stdin.read()
        published = args.published
    else:
        with open(args.file, encoding="utf-8") as f:
            text = f.read()
        published = args.published
    try:
        result = Extractor(model=args.model).extract(text, published=published)
    except (TypeError, ValueError) as err:
        print(f"usru-nlp: {err}", file=sys.stderr)
        return 2
    if args.format == "table":
        print(format_table(result))
    else:
        print(result.to_json(indent=1 if args.indent else None))
    return 0


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="usru-nlp", description="Officials, places and dates from Japanese news text")
    sub = ap.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("extract", help="extract from one text (a file or - for stdin)")
    ex.add_argument("file", nargs="?", help="UTF-8 text file, or - for standard input")
    ex.add_argument("--example", action="store_true", help="use the built-in example article")
    ex.add_argument("--published", help="publication date, YYYY-MM-DD")
    ex.add_argument("--format", choices=("json", "table"), default="json")
    ex.add_argument("--indent", action="store_true", help="indent the JSON output")
    ex.add_argument("--model", default=DEFAULT_MODEL, help="model layer: usru (default: our trained NER), none (rules only) or ginza")
    ex.set_defaults(func=_cmd_extract)
    ev = sub.add_parser("evaluate", help="score against gold data", add_help=False)
    ev.set_defaults(func=None)
    an = sub.add_parser("annotate", help="annotate a corpus (JSONL, CSV, Parquet, .txt files)", add_help=False)
    an.set_defaults(func=None)
    return ap


def main(argv: Optional[List[str]] = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "evaluate":
        from .evaluate import main as evaluate_main

        return evaluate_main(argv[1:])
    if argv and argv[0] == "annotate":
        from .corpus.cli import main as annotate_main

        return annotate_main(argv[1:])
    args = build_parser().parse_args(argv)
    if args.command == "extract" and not args.example and args.file is None:
        build_parser().error("extract needs FILE, - (stdin) or --example")
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
