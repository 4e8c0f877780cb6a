import datetime as dt

import pytest

from usru_nlp import Extractor, Result, extract

ARTICLE = (
    "【ワシントン=山田一郎】ロシアのラブロフ外相は14日、ソチでポンペオ米国務長官と会談した。"
    "ラブロフ氏は「米ロ関係を改善したい」と述べた。"
)


def test_extract_finds_officials_places_dates(extractor):
    r = extractor.extract(ARTICLE, published="2019-05-15")
    assert isinstance(r, Result)
    officials = {(o.text, o.title, o.country) for o in r.officials}
    assert ("ラブロフ", "外相", "RU") in officials
    assert ("ポンペオ", "国務長官", "US") in officials
    assert {p.text for p in r.places} >= {"ロシア", "ソチ", "米", "ワシントン"}
    assert [p.dateline for p in r.places if p.text == "ワシントン"] == [True]
    assert [(d.text, d.value) for d in r.dates] == [("14日", "2019-05-14")]
    assert [(p.text, p.role) for p in r.persons] == [("山田一郎", "journalist")]
    assert r.dct.value == "2019-05-15" and r.dct.source == "given"


def test_later_mentions_join_the_cluster(extractor):
    r = extractor.extract(ARTICLE, published="2019-05-15")
    lavrov = [o for o in r.officials if o.canonical == "セルゲイ・ラブロフ"]
    assert len(lavrov) == 2
    assert lavrov[0].cluster == lavrov[1].cluster
    assert lavrov[1].title is None and lavrov[1].country == "RU"


def test_offsets_index_the_original_text(extractor):
    r = extractor.extract(ARTICLE, published="2019-05-15")
    for m in r.mentions():
        assert ARTICLE[m.start : m.end] == m.text


@pytest.mark.parametrize("published", ["2019-05-15", dt.date(2019, 5, 15), dt.datetime(2019, 5, 15, 9, 30),
                                       "2019-05-15T02:00:00+0900", "2019/5/15", "2019年5月15日"])
def test_published_forms(extractor, published):
    r = extractor.extract("14日に会談した。", published=published)
    assert r.published == "2019-05-15"
    assert r.dates[0].value == "2019-05-14"


@pytest.mark.parametrize("bad", [None, b"bytes", 42, 3.5, ["a"]])
def test_non_text_raises_type_error_naming_the_type(extractor, bad):
    with pytest.raises(TypeError, match=type(bad).__name__):
        extractor.extract(bad)


@pytest.mark.parametrize("bad", ["2019-13-45", "yesterday", "2019-02-30"])
def test_bad_published_raises_value_error_naming_the_value(extractor, bad):
    with pytest.raises(ValueError, match=bad):
        extractor.extract("テスト", published=bad)


def test_module_level_extract_validates_before_loading():
    with pytest.raises(TypeError, match="NoneType"):
        extract(None)
    with pytest.raises(ValueError, match="2019-13-45"):
        extract("テスト", published="2019-13-45")


def test_empty_text_gives_empty_result(extractor):
    r = extractor.extract("")
    assert r.text == "" and len(r) == 0 and r.dct is None


def test_no_published_leaves_unknown_parts_unknown(extractor):
    r = extractor.extract("ラブロフ外相は14日に会談した。")
    assert r.dates[0].value == "XXXX-XX-14"


def test_pipe_keeps_order_and_turns_bad_records_into_errors(extractor):
    items = ["ラブロフ外相が来日した。", ("14日に会談した。", {"published": "2019-05-15", "id": "a"}),
             None, ("テスト", {"published": "2019-13-45"}), "プーチン大統領"]
    results = list(extractor.pipe(items, batch_size=2))
    assert len(results) == len(items)
    assert results[0].officials[0].text == "ラブロフ"
    assert results[1].dates[0].value == "2019-05-14" and results[1].meta["id"] == "a"
    assert results[2].error.startswith("TypeError") and results[2].meta["input"] == "None"
    assert results[3].error.startswith("ValueError") and results[3].meta["published"] == "2019-13-45"
    assert results[4].officials[0].canonical == "ウラジーミル・プーチン"


def test_pipe_with_two_processes_matches_one(extractor):
    texts = [f"ラブロフ外相は{d}日にソチを訪れた。" for d in range(1, 13)]
    one = [r.to_dict() for r in extractor.pipe(texts, batch_size=3)]
    two = [r.to_dict() for r in extractor.pipe(texts, batch_size=3, n_process=2)]
    assert one == two


def test_pipe_rejects_bad_arguments(extractor):
    with pytest.raises(ValueError, match="n_process"):
        list(extractor.pipe(["a"], n_process=0))
    with pytest.raises(ValueError, match="batch_size"):
        list(extractor.pipe(["a"], batch_size=0))


def test_unknown_model_is_a_value_error():
    with pytest.raises(ValueError, match="nonsense"):
        Extractor(model="nonsense")


def test_the_garbage_collector_is_left_as_it_was(extractor):
    import gc

    assert gc.isenabled()
    extractor.extract("ラブロフ外相は14日、ソチを訪れた。")
    assert gc.isenabled()
    with pytest.raises(TypeError):
        extractor.extract(b"bytes")
    assert gc.isenabled()
    list(extractor.pipe(["ソチ", 3]))
    assert gc.isenabled()
    gc.disable()
    try:
        extractor.extract("ソチ")
        assert not gc.isenabled()  # a caller's choice is kept
    finally:
        gc.enable()



def test_the_doc_is_freed_before_the_collector_is_back(extractor, monkeypatch):
    """extract() frees the Doc (its tokens, spans, candidates) by reference counting inside the
    paused block: the collector, once back, has no young objects of it to walk."""
    import gc
    import types

    import usru_nlp.extractor as extractor_module

    young = []  # objects waiting for the collector when extract() turns it back on
    monkeypatch.setattr(extractor_module, "gc", types.SimpleNamespace(
        isenabled=gc.isenabled, disable=gc.disable,
        enable=lambda: (young.append(gc.get_count()[0]), gc.enable())))
    text = "ラブロフ外相は14日、ソチを訪れた。\n" + "天気が良いので、公園を散歩してから家に帰った。\n" * 40
    extractor.extract(text)  # the first time fills caches (lexemes, windows, dates)
    gc.collect()
    young.clear()
    result = extractor.extract(text)
    assert [(o.text, o.title) for o in result.officials] == [("ラブロフ", "外相")]
    assert young and young[0] < 300  # the Doc alone holds about 700 tracked objects here
