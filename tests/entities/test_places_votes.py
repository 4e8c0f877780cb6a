"""The model layer as a voter on place candidates, and place span conventions (invented sentences)."""
import pytest

from usru_nlp.components.evidence import ABSTAIN, ACCEPT, REJECT, ModelVotes, place_vote


def places(extractor, text):
    return [p.text for p in extractor.extract(text).places]


# -- place_vote -----------------------------------------------------------------------------

def test_no_model_rules_decide():
    votes = ModelVotes([], active=False)
    assert place_vote(votes, "東京に行く", 0, 2, strong=True, weak=False) == ACCEPT
    assert place_vote(votes, "東京に行く", 0, 2, strong=False, weak=True) == ACCEPT
    assert place_vote(votes, "東京に行く", 0, 2, strong=False, weak=False) == ABSTAIN


def test_place_inside_a_long_organisation_name_is_rejected():
    text = "北朝鮮最高人民会議が開かれた"
    votes = ModelVotes([(0, 9, "ORG")], active=True)
    assert place_vote(votes, text, 0, 3, strong=True, weak=False) == REJECT


def test_state_compound_survives_the_organisation_vote():
    text = "ロシア国防省は声明を出した"  # GUIDELINES §4: ロシア is a place here
    votes = ModelVotes([(0, 6, "ORG")], active=True)
    assert place_vote(votes, text, 0, 3, strong=True, weak=False, state_compound=True) == ACCEPT


@pytest.mark.parametrize("text, org, place", [
    ("ウクライナ抜きの協議はない", (0, 7), (0, 5)),  # too short to be a name
    ("【ワシントン=山田太郎】", (1, 10), (1, 6)),  # punctuated: not one name
    ("スイス・ジュネーブで会談", (0, 9), (0, 3)),
])
def test_short_or_punctuated_model_names_do_not_hide_a_place(text, org, place):
    votes = ModelVotes([(*org, "ORG")], active=True)
    assert place_vote(votes, text, *place, strong=True, weak=False) == ACCEPT


def test_weak_evidence_needs_the_model_not_to_disagree():
    text = "吉岡から助言を受けた"
    assert place_vote(ModelVotes([(0, 2, "PERSON")], True), text, 0, 2, strong=False, weak=True) == REJECT
    assert place_vote(ModelVotes([(0, 2, "GPE")], True), text, 0, 2, strong=False, weak=True) == ACCEPT
    assert place_vote(ModelVotes([], True), text, 0, 2, strong=False, weak=True) == ABSTAIN


def test_model_only_place_needs_the_model_label():
    text = "ドゥブナの町は古い"
    assert place_vote(ModelVotes([(0, 4, "GPE")], True), text, 0, 4, strong=False, weak=False) == ACCEPT
    assert place_vote(ModelVotes([(0, 4, "ORG")], True), text, 0, 4, strong=False, weak=False) == REJECT


# -- abbreviations that are not countries ------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("2010年9月19日朝、東京に着いた。", ["東京"]),  # 日朝 after a number is a date
    ("平均収入は20,701米ドルだった。", []),
    ("英ポンドと豪ドルが上がった。", []),
    ("窓から朝日を眺めた。", []),
    ("日産自動車が新車を発表した。", []),
    ("女優のジーナ・ロロブリジーダが出演した。", []),
    ("米政府は14日、声明を出した。", ["米"]),
])
def test_abbreviation_lookalikes(extractor, text, expected):
    assert places(extractor, text) == expected


# -- span conventions ---------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("彼は北海道北見市の出身だ。", ["北海道北見市"]),
    ("アメリカ合衆国イリノイ州シカゴで生まれた。", ["アメリカ合衆国イリノイ州シカゴ"]),
    ("候補地は堺市、和泉市、岸和田市だ。", ["堺市", "和泉市", "岸和田市"]),
    ("西アフリカの国々が加盟する。", ["西アフリカ"]),
    ("沖縄本島の北西で確認された。", ["沖縄本島"]),
    ("福岡都市圏の人口は増えている。", ["福岡"]),
    ("広島市長が会見した。", ["広島"]),
    ("日本国内で販売する。", ["日本"]),
    ("日本社会の問題だ。", ["日本"]),
    ("ヨーロッパ市場で売れた。", ["ヨーロッパ"]),
])
def test_address_and_suffix_spans(extractor, text, expected):
    assert places(extractor, text) == expected


# -- names that contain a place, regions from the gazetteer ---------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("財団法人東京スポーツ振興協会が運営する。", []),
    ("北朝鮮最高人民会議が開かれた。", []),
    ("欧州首脳会議がパリで開かれた。", ["欧州", "パリ"]),  # GUIDELINES §4: a state word keeps the place
    ("彼は九州の出身で、関西に住んでいる。", ["九州", "関西"]),
    ("都内の会場で開かれた。", ["都内"]),
    ("東京都内の会場で開かれた。", ["東京都"]),
    ("伊勢国の出身だ。", ["伊勢国"]),
])
def test_names_and_regions(extractor, text, expected):
    assert places(extractor, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("事務局は東京都町田市にある。", ["東京都町田市"]),
    ("欧米の市場で売れている。", ["欧米"]),
    ("米欧関係が冷え込んだ。", ["米", "欧"]),
    ("彼は2位タイの成績だった。", []),
    # full names are places wherever they stand (GUIDELINES: ウクライナ侵攻, ロシア疑惑), events too
    ("関ヶ原の戦いの後、領地を得た。", ["関ヶ原"]),
    ("ソチ五輪で金メダルを取った。", ["ソチ"]),
    ("ロシア革命の後に亡命した。", ["ロシア"]),
    ("京浜地域の住宅地として発展した。", ["京浜地域"]),
])
def test_more_span_conventions(extractor, text, expected):
    assert places(extractor, text) == expected


def test_suffix_character_starting_a_word(extractor):
    assert "蔵前国" not in places(extractor, "蔵前国技館の跡地は売却された。")


@pytest.mark.parametrize("text, expected", [
    ("バスは大和町上野原を通る。", [("大和町上野原", None)]),  # a part of a town joins it
    ("大和町役場を訪れた。", []),  # ... but not an office of the town
    ("旧ソ連の崩壊後、東ドイツと西ドイツが統一した。", [("ソ連", "SU"), ("東ドイツ", "DD"), ("西ドイツ", "DE")]),
    ("エストニア・ソビエト社会主義共和国の時代", [("エストニア", "EE"), ("ソビエト社会主義共和国", "SU")]),
])
def test_sub_areas_and_former_states(extractor, text, expected):
    assert [(p.text, p.country) for p in extractor.extract(text).places] == expected


@pytest.mark.parametrize("text, expected", [
    ("清代は湖北省が置かれた。", [("湖北省", "CN")]),
    ("武漢で新型肺炎が広がった。", [("武漢", "CN")]),
    ("釜山と仁川を訪れた。", [("釜山", "KR"), ("仁川", "KR")]),
    ("青島で会談した。", [("青島", "CN")]),
    ("青島幸男氏が来た。", []),  # a surname before a given name: a person
])
def test_chinese_and_korean_places_and_surnames(extractor, text, expected):
    assert [(p.text, p.country) for p in extractor.extract(text).places] == expected


@pytest.mark.parametrize("text, expected", [
    ("映画『ローマの休日』を見た。", []),  # the title of a work
    ("『ロシア』という本を読んだ。", ["ロシア"]),  # a title that is only the place
    ("彼は「こうした問題は『ウクライナ紛争』とは別だ」と述べた。", ["ウクライナ"]),  # 『』 as quotes in 「」
])
def test_places_inside_titles_of_works(extractor, text, expected):
    assert [p.text for p in extractor.extract(text).places] == expected


@pytest.mark.parametrize("text, expected", [
    ("ロシア軍はアウディーイウカを制圧した。", [("ロシア", "RU"), ("アウディーイウカ", "UA")]),
    ("ハンユニスで空爆があった。", [("ハンユニス", "PS")]),
    ("北方領土の国後島を訪れた。", [("北方領土", "JP"), ("国後島", "JP")]),
    ("寧辺の核施設を視察した。", [("寧辺", "KP")]),
])
def test_places_of_current_conflicts(extractor, text, expected):
    assert [(p.text, p.country) for p in extractor.extract(text).places] == expected


@pytest.mark.parametrize("text", ["米国版ウォールストリートジャーナルが報じた。", "サンドウィッチマンの伊達が出演した。"])
def test_loanword_compounds_outside_the_gazetteer_are_no_places(text):
    from usru_nlp import Extractor

    got = [p.text for p in Extractor(model="usru").extract(text).places]
    assert "ウォールストリートジャーナル" not in got and "サンドウィッチマン" not in got


# -- UniDic place evidence ------------------------------------------------------------------

def test_unidic_place_runs_start_at_place_tokens_or_before_a_suffix():
    from usru_nlp.components.unidic_places import _run_starts, unidic_places
    from usru_nlp.extensions import tokens_of
    from usru_nlp.pipeline import blank

    text = "昨日は川島町とノグ山を歩き、渋谷の店で山田さんに会った。"
    doc = blank()(text)
    toks = tokens_of(doc)
    starts = _run_starts(doc, text, 0, len(toks))
    # 渋谷 (a place tag), 川島 before 町 and ノグ before 山; not 山田 (a surname, no suffix after it)
    assert [toks[i].text for i in starts] == ["川島", "ノグ", "渋谷"]
    # counted from the first token given; a suffix token must have its word in the range too
    assert _run_starts(doc, text, 3, 8) == [2]
    assert _run_starts(doc, text, 5, 5) == []
    found = [(text[s:e], label) for s, e, label in unidic_places(doc, (0, len(text)))]
    assert found == [("川島町", "GPE"), ("ノグ山", "GPE"), ("渋谷", "GPE")]
    late = text.index("渋谷")
    assert [text[s:e] for s, e, _ in unidic_places(doc, (late, len(text)))] == ["渋谷"]
