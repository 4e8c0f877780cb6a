"""Body detection on a page we wrote ourselves: menus, paywall, ranking and comments."""
from usru_nlp.segment import find_body, find_dateline

PAGE = """ホーム > 国際 > 欧州
メニュー ログイン 会員登録
/
英仏首脳がパリで会談 対ロ制裁で連携

【パリ=田中一郎】英国のスターマー首相とフランスのマクロン大統領は10日、パリで会談し、ロシアへの制裁強化で連携することを確認した。
両首脳は会談後の共同記者会見で、ウクライナへの支援を続ける考えを示した。

田中一郎
tanaka@example.jp

すべての記事が読み放題
有料会員が初回1カ月無料
ランキング
・北京で大雪、交通がまひ
・スペイン国王が来日へ
コメント(3)
"""


def test_body_is_headline_to_last_line_with_byline():
    start, end = find_body(PAGE)
    body = PAGE[start:end]
    assert body.startswith("英仏首脳がパリで会談")
    assert body.endswith("田中一郎")
    assert "北京" not in body and "メニュー" not in body


def test_dateline():
    body = find_body(PAGE)
    (ps, pe), (js, je) = find_dateline(PAGE, body)
    assert PAGE[ps:pe] == "パリ" and PAGE[js:je] == "田中一郎"


def test_wire_dateline_has_no_journalist():
    text = "【モスクワ共同】ロシアのラブロフ外相は5日、会見した。"
    (ps, pe), journalist = find_dateline(text)
    assert text[ps:pe] == "モスクワ" and journalist is None
    text = "【ワシントン＝ロイター】米国務省は述べた。"
    (ps, pe), journalist = find_dateline(text)
    assert text[ps:pe] == "ワシントン" and journalist is None


def test_plain_text_is_all_body():
    text = "ラブロフ外相は14日に会談した"
    assert find_body(text) == (0, len(text))


def test_navigation_and_sidebars_yield_no_entities(extractor):
    r = extractor.extract(PAGE, published="2024-06-11")
    start, end = r.body
    assert all(start <= m.start and m.end <= end for m in r.mentions())
    assert "北京" not in {p.text for p in r.places}
    assert "スペイン" not in {p.text for p in r.places}
    assert {"英", "仏", "パリ", "英国", "フランス", "ロシア", "ウクライナ"} <= {p.text for p in r.places}


def test_line_markers():
    from usru_nlp.segment import _is_end_marker, _is_navigation, _is_ui, _markers

    assert _is_end_marker("お問い合わせ: info@example.co.jp")
    assert not _is_end_marker("連絡先は" + "あ" * 80 + "info@example.co.jp")  # an e-mail only on a short line
    assert not _is_end_marker("ロシアのラブロフ外相は14日、ソチで会談した。" * 3)
    for marker in _markers()["end_markers"]:
        assert _is_end_marker("本文。" + marker + "へ")
    for marker in _markers()["skip_lines"]:
        assert _is_navigation("＞" + marker) and not _is_navigation(marker + "。")
    for ui in _markers()["ui_strings"]:
        assert _is_ui(ui) and _is_ui(ui + "（写真）") and not _is_ui("本文" + ui)
