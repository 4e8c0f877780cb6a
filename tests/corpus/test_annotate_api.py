"""usru_nlp.corpus.annotate: inputs of every shape, input order, errors, workers, models."""
from __future__ import annotations

import pytest

from usru_nlp.corpus import annotate
from usru_nlp.corpus import workers as corpus_workers

from .conftest import records, sentence


def test_results_come_in_input_order_with_ids_in_meta(extractor):
    items = records(50)
    results = list(annotate(items, extractor=extractor, batch_size=7))
    assert [r.meta["id"] for r in results] == [item["id"] for item in items]
    assert [r.text for r in results] == [item["text"] for item in items]
    assert all(r.error is None for r in results)
    assert results[0].published == "2019-01-15" and results[0].officials


def test_same_results_as_extract_for_strings_dicts_and_tuples(extractor):
    text = "ロシアのラブロフ外相は14日、ソチでポンペオ米国務長官と会談した。"
    expected = extractor.extract(text, published="2019-05-15").to_dict()
    got = list(annotate([{"text": text, "published": "2019-05-15"}, (text, {"published": "2019-05-15"}), text],
                        extractor=extractor))
    for result in got[:2]:
        assert {**result.to_dict(), "meta": {}} == {**expected, "meta": {}}
    assert got[2].published is None and got[2].officials == got[0].officials


def test_configurable_fields_and_joined_text(extractor):
    item = {"key": 7, "title": "ラブロフ外相が来日", "body": "ラブロフ外相は14日、東京を訪れた。", "date": "2019-05-15T10:00:00+0900"}
    [r] = annotate([item], extractor=extractor, text_field="title,body", date_field="date", id_field="key")
    assert r.text == item["title"] + "\n" + item["body"]
    assert r.published == "2019-05-15"
    assert r.meta == {"key": 7, "date": item["date"]}
    assert [d.value for d in r.dates] == ["2019-05-14"]


def test_bad_records_become_error_results_and_the_run_goes_on(extractor):
    items = [{"id": 1, "text": "東京で会談した。"}, {"id": 2, "text": 42}, {"id": 3}, {"id": 4, "text": "パリ", "published": "2019-02-30"},
             17, (None, {"id": 6}), {"id": 7, "text": "北京を訪れた。"}]
    results = list(annotate(items, extractor=extractor, batch_size=3))
    assert len(results) == len(items)
    errors = [r.error for r in results]
    assert errors[0] is None and errors[-1] is None
    assert "'text' is int" in errors[1]
    assert "no text" in errors[2]
    assert "2019-02-30" in errors[3]
    assert "dict or (text, meta) tuple" in errors[4]
    assert "NoneType" in errors[5]
    assert results[1].meta["id"] == 2 and results[-1].places


def test_two_workers_give_the_same_results_as_one(extractor):
    items = records(120)
    one = [r.to_dict() for r in annotate(items, extractor=extractor, batch_size=8)]
    two = [r.to_dict() for r in annotate(items, model="none", batch_size=8, workers=2)]
    assert one == two


def test_model_none_means_the_library_default(monkeypatch):
    made = []

    class Spy:
        def __init__(self, **kwargs):
            made.append(kwargs)
            self.model = kwargs.get("model", "default")

        def pipe(self, items, batch_size=32):
            from usru_nlp.schema import Result

            return [Result(text=t) for t, _ in items]

    monkeypatch.setattr(corpus_workers, "Extractor", Spy)
    list(annotate([sentence(1)]))
    list(annotate([sentence(1)], model="none"))
    assert made == [{}, {"model": "none"}]


def test_bad_arguments_are_refused(extractor):
    with pytest.raises(ValueError):
        list(annotate(["x"], extractor=extractor, batch_size=0))
    with pytest.raises(ValueError):
        list(annotate(["x"], extractor=extractor, workers=0))
