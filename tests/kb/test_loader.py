"""The usru_nlp.kb loaders and KnowledgeBase look-ups."""
from __future__ import annotations

import json

import pytest

from kbutil import GOLD_DIR

kb_mod = pytest.importorskip("usru_nlp.kb")
from usru_nlp.kb import (KnowledgeBase, Office, OfficialEntry, clear_caches, date_bounds,  # noqa: E402
                         load_country_prefixes, load_not_places, load_officials, load_places,
                         load_shared_aliases, load_title_modifiers, load_titles, models_dir)


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase()


def test_loaders_and_cache():
    assert load_officials() is load_officials()  # lru_cache
    assert len(load_officials()) >= 150 and len(load_titles()) >= 150 and len(load_places()) >= 300
    assert {p.prefix for p in load_country_prefixes()} >= {"米", "ロ", "露", "中", "朝", "欧"}
    assert any(m.modifier == "元" and m.former for m in load_title_modifiers())
    assert "ホワイトハウス" in load_not_places() and "ジョンソン" in load_shared_aliases()
    assert (models_dir() / "kb" / "officials.jsonl").is_file()


def test_env_override(tmp_path, monkeypatch):
    (tmp_path / "kb").mkdir()
    rec = {"id": "usru:test", "qid": None, "canonical": "テスト・タロウ", "name_en": "Taro Test",
           "aliases": ["タロウ"], "offices": [{"title": "外相", "title_en": "Foreign Minister",
                                               "country": "JP", "start": "2020", "end": None}]}
    (tmp_path / "kb" / "officials.jsonl").write_text(json.dumps(rec, ensure_ascii=False) + "\n",
                                                     encoding="utf-8")
    monkeypatch.setenv("USRU_NLP_MODELS", str(tmp_path))
    try:
        assert models_dir() == tmp_path
        (entry,) = load_officials()
        assert entry.canonical == "テスト・タロウ" and entry.offices[0].active_on("2021-03-01")
    finally:
        monkeypatch.delenv("USRU_NLP_MODELS")
        clear_caches()


def test_dates():
    assert date_bounds("2025") == ("2025-01-01", "2025-12-31")
    o = Office(title="国務長官", country="US", start="2021-01-26", end="2025-01-20")
    assert o.active_on("2021-05-20") and o.active_on("2025") and not o.active_on("2025-02")
    assert not o.active_on(None)  # None = "now": ended offices are inactive
    with pytest.raises(ValueError):
        date_bounds("May 2021")


def test_by_alias(kb):
    assert [e.canonical for e in kb.by_alias("JDバンス")] == ["JD・バンス"]
    assert [e.canonical for e in kb.by_alias("ヘグセット")] == ["ピート・ヘグセス"]
    assert [e.canonical for e in kb.by_alias("プーチン")] == ["ウラジーミル・プーチン"]
    assert kb.by_alias("ウラジーミル・プーチン")[0].qid == "Q7747"
    assert kb.by_alias("存在しない人") == []


def test_offices_at(kb):
    rubio = kb.by_alias("ルビオ")[0]
    assert {o.title for o in kb.offices_at(rubio, "2025-02-19")} == {"国務長官"}
    assert {o.title for o in kb.offices_at(rubio, "2020-06-01")} == {"上院議員"}
    trump = kb.by_alias("トランプ")[0]
    assert kb.offices_at(trump, "2022-06-01") == []


def test_candidates_disambiguate(kb):
    assert kb.candidates("ケリー", title="国務長官", date="2015-05-01")[0].name_en == "John Kerry"
    assert kb.candidates("ケリー", title="首席補佐官", date="2018-01-10")[0].name_en == "John F. Kelly"
    assert kb.candidates("ジョンソン", title="首相", date="2020")[0].name_en == "Boris Johnson"
    assert kb.candidates("ジョンソン", title="下院議長", date="2024-03")[0].name_en == "Mike Johnson"
    assert kb.best("李", title="首相", date="2020-01-01").name_en == "Li Keqiang"
    assert kb.best("李", title="首相", date="2024-01-01").name_en == "Li Qiang"
    assert kb.best("サリバン", title="大統領補佐官", country="US", date="2021-06-16").name_en == "Jake Sullivan"


def test_titles_and_places(kb):
    assert kb.title("外務相").normalized == "外相"
    assert kb.title("駐ウクライナ米大使").title == "駐ウクライナ大使"
    assert kb.title("国務長官").country_hint == "US"
    assert [p.country for p in kb.place("サウジ")] == ["SA"]
    assert {(p.kind, p.country) for p in kb.place("キエフ")} == {("city", "UA")}
    assert kb.country_prefix("露").country == "RU"


def test_gold_mentions_resolve(kb):
    """Each seed gold mention ranks its gold person first (surface, title, country, dct)."""
    files = sorted(GOLD_DIR.glob("*.json")) if GOLD_DIR.is_dir() else []
    if not files:
        pytest.skip("seed gold files not available")
    wrong = []
    for f in files:
        doc = json.loads(f.read_text(encoding="utf-8"))
        for m in doc["officials"]:
            ranked = kb.candidates(m["text"], title=m["title"], country=m["country"], date=doc["dct"])
            if not ranked or ranked[0].canonical != m["canonical"]:
                wrong.append((f.name, m["text"], m["title"]))
    assert not wrong, wrong


def test_entry_roundtrip():
    e = OfficialEntry.from_dict({"id": "usru:x", "canonical": "X", "offices": [{"title": "首相"}],
                                 "unknown_key": 1})
    assert e.kb_id == "usru:x" and e.offices[0].title == "首相"
