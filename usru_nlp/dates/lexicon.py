"""Load the date rules and lexicons from ``models/dates/`` (rules as data).

Everything language-specific lives in ``lexicon.json`` and ``eras.tsv``; this module
only reads them once and offers helpers to turn word lists into regex alternations.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from ..resources import models_path



def data_dir() -> Path:
    """Directory of the data files: ``models/dates`` (``$USRU_NLP_MODELS`` moves ``models``)."""
    return models_path("dates")


@lru_cache(maxsize=1)
def load() -> dict:
    """The parsed lexicon plus ``eras`` / ``periods`` tables from eras.tsv."""
    base = data_dir()
    with open(base / "lexicon.json", encoding="utf-8") as fh:
        lex = json.load(fh)
    eras: dict[str, tuple[int, int | None]] = {}
    periods: dict[str, tuple[int, int | None]] = {}
    with open(base / "eras.tsv", encoding="utf-8") as fh:
        for line in fh:
            if not line.strip() or line.startswith("#"):
                continue
            name, first, last, kind = (line.rstrip("\n").split("\t") + ["", "", ""])[:4]
            entry = (int(first), int(last) if last.strip() else None)
            (periods if kind.strip() == "period" else eras)[name.strip()] = entry
    lex["eras"] = eras
    lex["periods"] = periods
    return lex


def alternation(words) -> str:
    """Regex alternation of literal words, longest first (so the longest wins)."""
    words = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(re.escape(w) for w in words)
