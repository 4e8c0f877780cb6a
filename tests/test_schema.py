import json

import pytest

from usru_nlp import DateMention, DocumentDate, Official, Person, Place, Result


def make_result():
    return Result(
        text="ラブロフ外相は14日、ソチを訪れた。",
        published="2019-05-15",
        body=(0, 19),
        officials=[Official(0, 4, "ラブロフ", canonical="セルゲイ・ラブロフ", title="外相", country="RU", cluster=0)],
        persons=[Person(0, 2, "ラブ", role="journalist")],
        places=[Place(11, 13, "ソチ", kind="city", country="RU")],
        dates=[DateMention(7, 10, "14日", value="2019-05-14", anchor="dct")],
        dct=DocumentDate("2019-05-15", source="given"),
    )


def test_round_trip_through_json():
    r = make_result()
    back = Result.from_json(r.to_json())
    assert back == r
    assert json.loads(r.to_json())["officials"][0]["title"] == "外相"


def test_to_dict_has_gold_keys():
    d = make_result().to_dict()
    assert set(d["officials"][0]) >= {"start", "end", "text", "canonical", "name_en", "title", "title_en",
                                      "country", "former", "kb_id"}
    assert set(d["places"][0]) >= {"start", "end", "text", "kind", "country", "dateline", "kb_id"}
    assert set(d["dates"][0]) >= {"start", "end", "text", "type", "value", "mod", "anchor"}
    assert set(d["dct"]) >= {"value", "source", "earliest", "latest", "confidence"}


def test_mentions_are_in_text_order_and_len_counts_all():
    r = make_result()
    assert [m.start for m in r.mentions()] == sorted(m.start for m in r.mentions())
    assert len(r) == 4


def test_from_dict_rejects_non_dicts():
    with pytest.raises(TypeError, match="list"):
        Result.from_dict([])
