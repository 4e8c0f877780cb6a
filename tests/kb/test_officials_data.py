"""Integrity of models/kb/officials.jsonl."""
from __future__ import annotations

import importlib.util
from collections import defaultdict

import pytest

from kbutil import DATE_RE, MODELS, ORGS, QID_RE, REPO, lower_bound, read_jsonl, read_lines, upper_bound

REQUIRED = [
    "ウラジーミル・プーチン", "ドナルド・トランプ", "ジョー・バイデン", "バラク・オバマ", "JD・バンス",
    "ピート・ヘグセス", "マイク・ポンペオ", "アントニー・ブリンケン", "マルコ・ルビオ", "ジェイク・サリバン",
    "マイク・ウォルツ", "ニコライ・パトルシェフ", "ロバート・モラー", "ニコラス・マドゥロ", "フアン・グアイド",
    "セルゲイ・ラブロフ", "ドミトリー・ペスコフ", "ユーリ・ウシャコフ", "スティーブ・ウィトコフ",
    "セルゲイ・リャブコフ", "ドミトリー・ノビコフ", "ロバート・メネンデス", "スティーブン・パイファー",
    "キリル・ドミトリエフ", "ビャチェスラフ・ボロジン", "ルーベン・ブレケルマンス",
    "ウォロディミル・ゼレンスキー", "習近平", "王毅", "キア・スターマー", "エマニュエル・マクロン",
    "フリードリヒ・メルツ", "石破茂", "高市早苗", "ウルズラ・フォンデアライエン", "マルク・ルッテ",
    "アントニオ・グテーレス", "カヤ・カラス",
]


def test_count(officials):
    assert len(officials) >= 150


def test_schema_and_ids(officials):
    ids = [o["id"] for o in officials]
    assert len(ids) == len(set(ids)), "duplicate ids"
    for o in officials:
        assert o["id"].startswith("usru:"), o["id"]
        assert o["canonical"] and o["name_en"], o["id"]
        assert o["qid"] is None or QID_RE.match(o["qid"]), o["id"]
        assert isinstance(o["aliases"], list) and o["canonical"] not in o["aliases"], o["id"]
        assert o["offices"], f"{o['id']} has no office"


def test_offices_valid(officials, iso_codes, title_set):
    for o in officials:
        for off in o["offices"]:
            where = f"{o['id']} {off['title']}"
            assert (off["country"] in iso_codes) if off["country"] else off["org"] in ORGS, where
            assert off["title"] in title_set, f"{where}: title missing from titles.jsonl"
            assert off["title_en"], where
            for d in (off["start"], off["end"]):
                assert d is None or DATE_RE.match(d), f"{where}: bad date {d}"
            if off["start"] and off["end"]:
                assert lower_bound(off["start"]) <= upper_bound(off["end"]), where


def test_alias_collisions(officials):
    allowed = set(read_lines(MODELS / "kb" / "shared_aliases.txt"))
    owners = defaultdict(set)
    for o in officials:
        for name in [o["canonical"], *o["aliases"]]:
            owners[name].add(o["id"])
    clashes = {n: sorted(ids) for n, ids in owners.items() if len(ids) > 1}
    assert set(clashes) <= allowed, {n: v for n, v in clashes.items() if n not in allowed}
    assert len(owners["トランプ"]) == 1


@pytest.mark.parametrize("canonical", REQUIRED)
def test_required_officials(officials, canonical):
    assert canonical in {o["canonical"] for o in officials}


def test_surname_and_variant_aliases(officials):
    by = {o["canonical"]: set(o["aliases"]) for o in officials}
    assert {"プーチン", "ウラジミール・プーチン"} <= by["ウラジーミル・プーチン"]
    assert {"ヘグセット", "ヘグセス", "ピート・ヘグセット"} <= by["ピート・ヘグセス"]
    assert {"バンス", "ヴァンス", "JDバンス"} <= by["JD・バンス"]
    assert "ゼレンスキー" in by["ウォロディミル・ゼレンスキー"]
    assert "ラブロフ" in by["セルゲイ・ラブロフ"]
    assert "石破" in by["石破茂"]


def _holders(officials, country, titles, date):
    return [o["canonical"] for o in officials for f in o["offices"]
            if f["country"] == country and f["title"] in titles
            and (f["start"] is None or lower_bound(f["start"]) <= date)
            and (f["end"] is None or upper_bound(f["end"]) >= date)]


COVERAGE = {  # (country, role): titles that fill the role
    ("US", "head"): {"大統領"}, ("RU", "head"): {"大統領"}, ("UA", "head"): {"大統領"},
    ("CN", "head"): {"国家主席"}, ("FR", "head"): {"大統領"}, ("DE", "head"): {"首相"},
    ("GB", "head"): {"首相"}, ("JP", "head"): {"首相"}, ("RU", "gov"): {"首相"},
    ("UA", "gov"): {"首相"}, ("CN", "gov"): {"首相"}, ("FR", "gov"): {"首相"},
    ("US", "foreign"): {"国務長官"}, ("RU", "foreign"): {"外相"}, ("UA", "foreign"): {"外相"},
    ("CN", "foreign"): {"外相"}, ("GB", "foreign"): {"外相"}, ("FR", "foreign"): {"外相"},
    ("DE", "foreign"): {"外相"}, ("JP", "foreign"): {"外相"},
    ("US", "defence"): {"国防長官"}, ("RU", "defence"): {"国防相"}, ("UA", "defence"): {"国防相"},
    ("CN", "defence"): {"国防相"}, ("GB", "defence"): {"国防相"}, ("FR", "defence"): {"国防相"},
    ("DE", "defence"): {"国防相"}, ("JP", "defence"): {"防衛相"},
    ("US", "nsa"): {"大統領補佐官"}, ("RU", "nsa"): {"安全保障会議書記"},
    ("US", "spokesperson"): {"大統領報道官"}, ("RU", "spokesperson"): {"大統領報道官"},
    ("US", "un"): {"国連大使"}, ("RU", "un"): {"国連大使"},
}
DATES = [f"{y}-07-01" for y in range(2014, 2026)] + ["2026-01-15"]


@pytest.mark.parametrize("country,role", sorted(COVERAGE))
def test_coverage_2014_2026(officials, country, role):
    titles = COVERAGE[(country, role)]
    missing = [d for d in DATES if not _holders(officials, country, titles, d)]
    if role == "un":  # UN ambassadors: gaps between confirmations are real
        assert len(missing) <= 2, missing
    else:
        assert not missing, f"nobody holds {titles} in {country} on {missing}"


def test_international_figures(officials):
    orgs = {(f["org"], f["title"]) for o in officials for f in o["offices"] if f["org"]}
    for need in [("EU", "欧州委員長"), ("EU", "欧州理事会議長"), ("EU", "外交安全保障上級代表"),
                 ("NATO", "NATO事務総長"), ("UN", "国連事務総長")]:
        assert need in orgs


def test_files_up_to_date():
    """officials/titles/prefixes/modifiers JSONL equal a fresh build from the sources."""
    spec = importlib.util.spec_from_file_location("build_kb", REPO / "scripts" / "build_kb.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    for key, records in mod.build_all().items():
        assert read_jsonl(MODELS / mod.OUTPUTS[key]) == records, f"{key}: run scripts/build_kb.py"
