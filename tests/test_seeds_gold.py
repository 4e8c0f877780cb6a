"""Seeds gold: the five article pages the library was asked for (read from ../shared, skipped if absent)."""
import pytest

from usru_nlp.evaluate import load_gold, evaluate, format_table
from .conftest import SEEDS

THRESHOLD = 0.98


@pytest.fixture(scope="module")
def scores(extractor):
    if not (SEEDS / "gold").is_dir():
        pytest.skip("../shared/seeds not available")
    s = evaluate(load_gold(SEEDS / "gold"), extractor)
    print("\nseeds gold (model: none)\n" + format_table(s))
    return s


@pytest.mark.parametrize("category", ["officials", "persons", "places"])
def test_entities_span_and_attributes(scores, category):
    assert scores.span[category].f1 >= THRESHOLD
    assert scores.attrs[category].f1 >= THRESHOLD


def test_dates_span_and_value(scores):
    assert scores.span["dates"].f1 >= THRESHOLD
    assert scores.attrs["dates"].f1 >= THRESHOLD


def test_bodies_are_found_exactly():
    from usru_nlp.segment import find_body
    from .conftest import seed_records

    for name, text, gold in seed_records():
        assert list(find_body(text)) == gold["body"], name
