"""Helpers for the knowledge-base / lexicon / gazetteer integrity tests.

The data tests read the JSONL files directly (no usru_nlp import), so they keep working
even while other parts of the package are being changed.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
MODELS = REPO / "models"
SHARED = REPO.parent / "shared"
GOLD_DIR = SHARED / "seeds" / "gold"
DATE_RE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
QID_RE = re.compile(r"^Q\d+$")
ORGS = {"EU", "NATO", "UN", "IAEA", "WHO"}


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def read_lines(path: Path) -> list[str]:
    with path.open(encoding="utf-8") as f:
        return [s.strip() for s in f if s.strip() and not s.startswith("#")]


def lower_bound(d: str) -> str:
    return d + "-01-01"[len(d) - 4:] if len(d) < 10 else d


def upper_bound(d: str) -> str:
    return {4: d + "-12-31", 7: d + "-31"}.get(len(d), d)
