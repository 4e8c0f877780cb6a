"""Officials and persons on invented sentences."""
import pytest


def officials(extractor, text, published="2025-02-19"):
    return [(o.text, o.title, o.country, o.former) for o in extractor.extract(text, published=published).officials]


@pytest.mark.parametrize("text, expected", [
    ("ラブロフ外相は会見で述べた。", [("ラブロフ", "外相", "RU", False)]),
    ("ロシアのラブロフ外相は会見で述べた。", [("ラブロフ", "外相", "RU", False)]),
    ("ブリンケン米国務長官が訪日した。", [("ブリンケン", "国務長官", "US", False)]),
    ("トランプ前大統領は集会で演説した。", [("トランプ", "大統領", "US", True)]),
])
def test_official_forms(extractor, text, expected):
    assert officials(extractor, text) == expected


def test_official_not_in_kb_with_country_and_title(extractor):
    got = officials(extractor, "ボルフガング・シュナイダー独外相は声明を出した。")
    assert got == [("ボルフガング・シュナイダー", "外相", "DE", False)]


def test_later_mention_joins_cluster(extractor):
    r = extractor.extract("ロシアのラブロフ外相は14日に会見した。ラブロフ氏は米国を批判した。", published="2025-02-15")
    assert len(r.officials) == 2
    assert r.officials[0].cluster == r.officials[1].cluster
    assert r.officials[1].country == "RU"


@pytest.mark.parametrize("text, expected", [
    ("ハドソン研究所のジョン・スミス上級研究員は述べた。", [("ジョン・スミス", "researcher")]),
    ("ヘンリー8世は修道院を解散した。", [("ヘンリー8世", "other")]),
    ("亀樋哲生は試合に出た。", [("亀樋哲生", "other")]),
])
def test_persons(extractor, text, expected):
    got = [(p.text, p.role) for p in extractor.extract(text).persons]
    assert got == expected


@pytest.mark.parametrize("text", [
    "島津家と伊達家は対立した。",
    "川島町の住民が集まった。",
])
def test_family_and_town_names_are_not_persons(extractor, text):
    assert extractor.extract(text).persons == []
