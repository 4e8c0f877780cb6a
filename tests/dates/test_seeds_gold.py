"""Seeds gold: share of gold dates found with exact span, value and mod (target >= 0.98).

The shared data live next to the repository: ``<repo>/../shared`` (skipped when absent).
"""
from pathlib import Path

import pytest

from usru_nlp.dates import find_dates

from .evalutil import seeds_score

SHARED = Path(__file__).resolve().parents[2].parent / "shared"


def test_seeds_gold():
    shared = SHARED
    if not (shared / "seeds" / "gold").is_dir():
        pytest.skip("seeds gold absent")
    hits, total, misses = seeds_score(shared, find_dates)
    print(f"\nseeds gold dates: {hits}/{total} = {hits / total:.4f} (exact span + value + mod)")
    for m in misses:
        print("  miss:", m)
    assert hits / total >= 0.98
