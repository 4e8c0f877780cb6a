"""Integrity of models/lexicons/ (titles, country prefixes, title modifiers, not_places)."""
from __future__ import annotations

from kbutil import MODELS, ORGS, read_jsonl, read_lines

CATEGORIES = {"head_of_state", "head_of_government", "deputy_head", "minister", "deputy_minister",
              "official", "spokesperson", "adviser", "envoy", "diplomat", "legislator",
              "legislative_leader", "party", "judicial", "intelligence", "military",
              "international", "local", "royal", "candidate", "generic"}
REQUIRED_TITLES = """大統領 首相 国家主席 副大統領 副首相 外相 外務相 国防相 国防長官 国務長官 財務長官 蔵相
財務相 内相 法相 大統領報道官 報道官 大統領補佐官 国家安全保障担当大統領補佐官 大統領外交顧問 特使
中東担当特使 大使 国連大使 外務次官 国務次官 国務副長官 安全保障会議書記 上院議員 下院議員 下院議長
上院院内総務 国会議長 委員長 第1副委員長 特別検察官 事務総長 欧州委員長 欧州理事会議長
外交安全保障上級代表 長官 知事 市長 首席補佐官 司令官 参謀総長 官房長官""".split()


def test_titles(titles, iso_codes):
    names = [t["title"] for t in titles]
    assert len(names) == len(set(names)) and len(names) >= 150
    for t in titles:
        assert t["title_en"] and t["category"] in CATEGORIES, t
        assert isinstance(t["needs_country"], bool), t
        assert t["country_hint"] is None or t["country_hint"] in iso_codes, t
        assert t["normalized"] in set(names), t
        assert t["org"] is None or t["org"] in ORGS | {"IAEA", "WHO"}, t
    assert set(REQUIRED_TITLES) <= set(names), set(REQUIRED_TITLES) - set(names)


def test_country_prefixes(prefixes, iso_codes):
    by = {p["prefix"]: p for p in prefixes}
    assert len(by) == len(prefixes)
    expected = {"米": "US", "ロ": "RU", "露": "RU", "中": "CN", "英": "GB", "仏": "FR", "独": "DE",
                "韓": "KR", "朝": "KP", "北朝鮮": "KP", "日": "JP", "伊": "IT", "加": "CA",
                "豪": "AU", "印": "IN", "宇": "UA"}
    for prefix, cc in expected.items():
        assert by[prefix]["country"] == cc, prefix
    assert by["欧"]["country"] is None and by["欧"]["region"] == "Europe"
    for p in prefixes:
        assert p["country"] in iso_codes if p["country"] else p["region"], p
    # attested in the seed gold as annotated places (GUIDELINES section 4)
    assert {p["prefix"] for p in prefixes if p["in_seeds"]} >= {"米", "ロ", "露", "中", "朝", "欧"}


def test_title_modifiers():
    mods = {m["modifier"]: m for m in read_jsonl(MODELS / "lexicons" / "title_modifiers.jsonl")}
    assert {"元", "前", "次期", "新", "現", "駐"} <= set(mods)
    assert mods["元"]["former"] and mods["前"]["former"] and not mods["次期"]["former"]


def test_not_places(places):
    items = read_lines(MODELS / "lexicons" / "not_places.txt")
    assert len(items) == len(set(items)), "duplicates in not_places.txt"
    for need in ["ホワイトハウス", "クレムリン", "NATO", "国連", "G20", "国務省", "イズベスチヤ",
                 "ワシントン・ポスト", "NPR", "CNN", "フォックス・ニュース", "タス通信",
                 "新アメリカ安全保障センター", "北大西洋条約機構", "ウォール・ストリート・ジャーナル",
                 "同国", "両国", "隣国"]:
        assert need in items, need
    gaz = {n for p in places for n in [p["name"], *p["aliases"]]}
    assert not gaz & set(items), gaz & set(items)
