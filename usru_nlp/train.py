"""Train the usru NER model (``models/ner``) on our fugashi tokens: one reproducible command.

    python -m usru_nlp.train --train ../shared/data/gsd-ne/train.jsonl \\
        --dev ../shared/data/gsd-ne/dev.jsonl --out models/ner

Steps: read JSONL sentences ``{"text", "entities": [{"start", "end", "label"}]}`` (UD Japanese
GSD NE), keep the labels of :data:`LABEL_MAP`, align their character spans to fugashi tokens
(``alignment_mode="expand"``; a span that then overlaps an earlier one is dropped and counted),
write spaCy ``DocBin`` files, run ``spacy.cli.train.train`` with ``models/ner_train.cfg`` in a
work directory, and copy the best model (``nlp.to_disk`` files only: config, meta, tokenizer,
vocab, ner; no optimizer state) to ``--out``. Training is deterministic for a given config,
data and ``--max-steps`` (seed 0, one thread).
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Dict, Iterable, List, Optional

from .resources import models_path

CONFIG = models_path("ner_train.cfg")

# GSD NE label → model label. Labels not listed are not learned (they become "outside").
LABEL_MAP: Dict[str, str] = {
    "PERSON": "PERSON",
    "GPE": "GPE",
    "LOC": "LOC",
    "ORG": "ORG",
    "NORP": "NORP",
    "FAC": "FAC",
    "DATE": "DATE",
    "TIME": "TIME",
    "TITLE_AFFIX": "TITLE",
}


def read_jsonl(path: str | Path) -> Iterable[dict]:
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def to_docs(nlp, records: Iterable[dict], stats: Counter) -> List:
    """Docs with ``doc.ents`` from the records' character spans, aligned to our tokens."""
    docs = []
    for rec in records:
        doc = nlp.make_doc(rec["text"])
        spans = []
        taken = set()
        for ent in sorted(rec.get("entities", []), key=lambda e: (e["start"], -e["end"])):
            label = LABEL_MAP.get(ent["label"])
            if label is None:
                continue
            stats["entities"] += 1
            span = doc.char_span(ent["start"], ent["end"], label=label, alignment_mode="expand")
            if span is None or not span.text.strip():
                stats["lost: no tokens"] += 1
                continue
            if (span.start_char, span.end_char) != (ent["start"], ent["end"]):
                stats["expanded to token bounds"] += 1
            if taken & set(range(span.start, span.end)):
                stats["lost: overlap after expansion"] += 1
                continue
            taken.update(range(span.start, span.end))
            spans.append(span)
        doc.ents = spans
        stats["kept"] += len(spans)
        docs.append(doc)
    return docs


def write_docbin(docs: List, path: Path) -> None:
    from spacy.tokens import DocBin

    # tags, lemmas and readings come from the tokenizer, at training and at run time alike
    DocBin(docs=docs, attrs=["ORTH", "TAG", "POS", "LEMMA", "MORPH", "SENT_START", "ENT_IOB",
                             "ENT_TYPE", "SPACY"]).to_disk(path)


def train(train_path: str, dev_path: str, out: str | Path, config: str | Path = CONFIG,
          max_steps: Optional[int] = None, eval_frequency: Optional[int] = None,
          workdir: Optional[str | Path] = None, verbose: bool = True) -> Dict[str, Counter]:
    """Train and write the best model to ``out``; returns the alignment statistics."""
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    from spacy.cli.train import train as spacy_train

    from . import tokenizer  # noqa: F401  (registers usru_nlp.FugashiTokenizer.v1)
    from .pipeline import blank

    out = Path(out)
    if out.exists() and any(out.iterdir()) and not (out / "meta.json").is_file():
        raise RuntimeError(f"{out} exists and is not a spaCy model: not replacing it")
    nlp = blank()
    own_tmp = workdir is None
    work = Path(tempfile.mkdtemp(prefix="usru-train-") if own_tmp else workdir)
    work.mkdir(parents=True, exist_ok=True)
    stats: Dict[str, Counter] = {}
    try:
        for name, src in (("train", train_path), ("dev", dev_path)):
            stats[name] = Counter()
            write_docbin(to_docs(nlp, read_jsonl(src), stats[name]), work / f"{name}.spacy")
            if verbose:
                print(f"{name}: {dict(stats[name])}", file=sys.stderr)
        overrides = {"paths.train": str(work / "train.spacy"), "paths.dev": str(work / "dev.spacy")}
        if max_steps is not None:
            overrides["training.max_steps"] = max_steps
        if eval_frequency is not None:
            overrides["training.eval_frequency"] = eval_frequency
        spacy_train(Path(config), work / "output", overrides=overrides)
        best = work / "output" / "model-best"
        if not best.is_dir():  # too few steps for an evaluation: keep the last model
            best = work / "output" / "model-last"
        if out.exists():
            shutil.rmtree(out)
        shutil.copytree(best, out)
        _clean_config(out / "config.cfg")
    finally:
        if own_tmp:
            shutil.rmtree(work, ignore_errors=True)
    return stats


def _clean_config(path: Path) -> None:
    """Drop the temporary data paths from the shipped config (they are only valid in training)."""
    from spacy.util import load_config

    cfg = load_config(path, interpolate=False)
    cfg["paths"]["train"] = None
    cfg["paths"]["dev"] = None
    cfg.to_disk(path)


def main(argv: Optional[List[str]] = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m usru_nlp.train", description=__doc__.split("\n")[0])
    ap.add_argument("--train", required=True, help="training JSONL (gsd-ne/train.jsonl)")
    ap.add_argument("--dev", required=True, help="development JSONL (gsd-ne/dev.jsonl)")
    ap.add_argument("--out", required=True, help="output model directory (models/ner)")
    ap.add_argument("--config", default=str(CONFIG), help="spaCy training config")
    ap.add_argument("--max-steps", type=int, default=None, help="override training.max_steps")
    ap.add_argument("--eval-frequency", type=int, default=None,
                    help="override training.eval_frequency")
    ap.add_argument("--workdir", default=None, help="keep DocBins and checkpoints here")
    args = ap.parse_args(argv)
    train(args.train, args.dev, args.out, args.config, args.max_steps, args.eval_frequency,
          args.workdir)
    return 0


if __name__ == "__main__":
    sys.exit(main())
