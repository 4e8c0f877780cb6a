"""Corpus annotation: many records in, results out, in parallel and resumable.

>>> from usru_nlp.corpus import annotate, annotate_corpus
>>> for result in annotate([{"id": 1, "text": "...", "published": "2019-05-15"}], model="none"):
...     result.meta["id"], result.officials
>>> annotate_corpus("articles.jsonl", "out.jsonl", model="none", workers=2, resume=True)

Modules: :mod:`.readers` (JSONL, CSV, Parquet, .txt directories, stdin), :mod:`.records`
(one input item and its fields), :mod:`.annotate` (the loop), :mod:`.workers` (processes),
:mod:`.writers` (JSONL, Parquet), :mod:`.resume` (what an interrupted run left behind),
:mod:`.cli` (``usru-nlp annotate``).
"""
from .annotate import Summary, annotate, annotate_corpus
from .readers import read_records
from .records import Fields, Record
from .writers import load_jsonl

__all__ = ["annotate", "annotate_corpus", "Summary", "read_records", "Fields", "Record", "load_jsonl"]
