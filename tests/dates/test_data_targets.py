"""Targets on the shared evaluation data (skipped when ../shared is absent)."""
import pytest

from usru_nlp.dates import find_dates

from .evalutil import gsd_f1, weekday_score


def test_weekday_dates_dev(shared):
    """The dates issue's protocol: each record's article body (``ldcc-dev.jsonl`` ``body``,
    no title) from its start up to the end of the record's sentence, weekday marker after
    the item removed, dct = the article's date (see ``evalutil.weekday_items``)."""
    path = shared / "data" / "ldcc" / "weekday-dates-dev.jsonl"
    if not path.is_file() or not (path.parent / "ldcc-dev.jsonl").is_file():
        pytest.skip("weekday-dates-dev or ldcc-dev absent")
    stats, errors, info = weekday_score(path, find_dates, input="body")
    print(f"\nweekday-dates-dev, body prefixes: {info['located']}/{info['items']} sentences located, "
          f"{info['not_located']} fed alone", end="")
    for key, (right, n) in sorted(stats.items()):
        print(f"\nweekday-dates-dev {key}: {right}/{n} = {right / n:.4f}", end="")
    for e in errors:
        print("\n  error:", e[:5])
    # every record's sentence is in its article's body (measured 1276/1276): a record that
    # is not would be scored on its sentence alone, which is not the protocol
    assert info["not_located"] == 0
    right, n = stats["all"]
    # target 0.995; floor at what we measure, 1271/1276 = 0.9961 (the same on sentences alone)
    assert right / n >= 0.996
    right, n = stats["D"]
    # Target is 0.99, but 5 of 289 day-only items are out of reach without the weekday:
    # three golds contradict the text (a day listed after 「2013年4月27日」 taken as 2012-10-28,
    # twice; a past 「今月4日」 taken as two months after the dct) and two sentences were
    # written five weeks before their dct (「本日22日」, 「先週22日」 with dct 2012-07-29, gold
    # June). Even a perfect anchorer scores 286/289 = 0.9896 here. The floor is at what we
    # measure, 284/289 = 0.9827 with body prefixes as with sentences alone, and guards
    # against regressions.
    assert right / n >= 0.9826


def test_weekday_dates_dev_sentence_input(shared):
    """The earlier protocol, the record's sentence alone: kept so both stay measured."""
    path = shared / "data" / "ldcc" / "weekday-dates-dev.jsonl"
    if not path.is_file():
        pytest.skip("weekday-dates-dev absent")
    stats, _, _ = weekday_score(path, find_dates, input="sentence")
    right, n = stats["all"]
    assert right / n >= 0.996  # measured 1271/1276 = 0.9961
    right, n = stats["D"]
    assert right / n >= 0.9826  # measured 284/289 = 0.9827


def test_gsd_dev_date_f1(shared):
    path = shared / "data" / "gsd-ne" / "dev.jsonl"
    if not path.is_file():
        pytest.skip("gsd-ne absent")
    p, r, f1, fps, fns = gsd_f1(path)
    print(f"\nGSD dev DATE (GSD-style mapping): P={p:.3f} R={r:.3f} F1={f1:.3f}")
    p2, r2, f2, _, _ = gsd_f1(path, deictic=True)
    print(f"GSD dev DATE (all our DATE spans incl. bare deictics): P={p2:.3f} R={r2:.3f} F1={f2:.3f}")
    assert f1 >= 0.95
