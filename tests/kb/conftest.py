"""Fixtures for the knowledge-base / lexicon / gazetteer integrity tests (helpers: kbutil.py)."""
from __future__ import annotations

import json

import pytest

from kbutil import GOLD_DIR, MODELS, read_jsonl


@pytest.fixture(scope="session")
def officials() -> list[dict]:
    return read_jsonl(MODELS / "kb" / "officials.jsonl")


@pytest.fixture(scope="session")
def titles() -> list[dict]:
    return read_jsonl(MODELS / "lexicons" / "titles.jsonl")


@pytest.fixture(scope="session")
def title_set(titles) -> set[str]:
    return {t["title"] for t in titles}


@pytest.fixture(scope="session")
def places() -> list[dict]:
    return read_jsonl(MODELS / "gazetteer" / "places.jsonl")


@pytest.fixture(scope="session")
def prefixes() -> list[dict]:
    return read_jsonl(MODELS / "lexicons" / "country_prefixes.jsonl")


@pytest.fixture(scope="session")
def iso_codes() -> set[str]:
    pycountry = pytest.importorskip("pycountry")
    # XK (Kosovo): user-assigned code used by CLDR and the EU; accepted in the data
    return {c.alpha_2 for c in pycountry.countries} | {"XK"}


@pytest.fixture(scope="session")
def gold() -> list[dict]:
    files = sorted(GOLD_DIR.glob("*.json")) if GOLD_DIR.is_dir() else []
    if not files:
        pytest.skip(f"seed gold files not available under {GOLD_DIR}")
    return [json.loads(p.read_text(encoding="utf-8")) for p in files]
