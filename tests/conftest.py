"""Shared fixtures. Data beside the repository (../shared) is optional: tests that need it skip."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
DATA = SHARED / "data"


@pytest.fixture(scope="session")
def extractor():
    """A rules-only extractor (fast); tests of the GiNZA layer build their own."""
    from usru_nlp import Extractor

    return Extractor(model="none")


def seed_records():
    """(name, text, gold) for every seed, or skip when ../shared is absent."""
    gold_dir = SEEDS / "gold"
    if not gold_dir.is_dir():
        pytest.skip("../shared/seeds not available")
    out = []
    for f in sorted(gold_dir.glob("*.json")):
        gold = json.loads(f.read_text(encoding="utf-8"))
        text = (SEEDS / gold["file"]).read_text(encoding="utf-8")
        out.append((f.stem, text, gold))
    return out
