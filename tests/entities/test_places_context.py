"""Places in context: abbreviations, compounds, longer names that contain a place (invented sentences)."""
import pytest


def places(extractor, text):
    return [p.text for p in extractor.extract(text).places]


@pytest.mark.parametrize("text, expected", [
    ("米ロの外相はジュネーブで会談した。", ["米", "ロ", "ジュネーブ"]),
    ("中ロは軍事協力を深めている。", ["中", "ロ"]),
    ("ブリンケン米国務長官は記者団に語った。", ["米"]),
    ("サウジアラビアの首都リヤドで協議が開かれた。", ["サウジアラビア", "リヤド"]),
    ("両国の代表団はトルコ・イスタンブールに集まった。", ["トルコ", "イスタンブール"]),
    ("米紙ワシントン・ポストによると、ホワイトハウスは否定した。", ["米"]),
    ("ロシア紙イズベスチヤはクレムリン筋の話を伝えた。", ["ロシア"]),
    ("ロシア下院国際問題委員会は声明を出した。", ["ロシア"]),
    ("ウクライナ侵攻から3年がたった。", ["ウクライナ"]),
])
def test_news_places(extractor, text, expected):
    assert places(extractor, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("彼は東京大学を卒業した。", []),
    ("大阪駅から徒歩5分のホテルに泊まった。", []),
    ("会場は横浜市の中心部にある。", ["横浜市"]),
    ("両親は神奈川県藤沢市に住んでいる。", ["神奈川県藤沢市"]),
    ("東ドイツは西ドイツとの統一を果たした。", ["東ドイツ", "西ドイツ"]),
    ("日本共産党は声明を発表した。", []),
    ("日露戦争の後、講和が結ばれた。", []),
    ("日中は気温が上がる。", []),
    ("日中関係は改善に向かった。", ["日", "中"]),
    ("西側の制裁は続いている。", []),
    ("彼はフランス語を話す。", []),
    ("吉野川の流域に広がる町だ。", ["吉野川"]),
    ("モンゴル帝国は広大な領域を支配した。", ["モンゴル帝国"]),
    ("価格は1万米ドルだった。", []),
])
def test_places_inside_longer_names(extractor, text, expected):
    assert places(extractor, text) == expected


def test_dateline_place_flagged(extractor):
    r = extractor.extract("【ワシントン=山田太郎】米国務省は14日、声明を出した。", published="2025-02-15")
    dl = [p for p in r.places if p.dateline]
    assert [p.text for p in dl] == ["ワシントン"]
    assert [(p.text, p.role) for p in r.persons] == [("山田太郎", "journalist")]


@pytest.mark.parametrize("text, place", [
    # wire datelines: the agency is no journalist, and the place stands alone whatever follows it
    ("【モスクワ共同】ロシアのラブロフ外相は5日、記者会見した。", "モスクワ"),
    ("【北京時事】中国外務省は述べた。", "北京"),
    ("【ワシントン＝ロイター】米国務省は述べた。", "ワシントン"),
    ("【ロンドン＝ＡＦＰ時事】英政府は述べた。", "ロンドン"),
])
def test_wire_datelines(extractor, text, place):
    r = extractor.extract(text, published="2025-03-06")
    assert [p.text for p in r.places if p.dateline] == [place]
    assert r.persons == []


@pytest.mark.parametrize("text, expected", [
    # 米 before a U.S. agency is the state (GUIDELINES §4, like 米国務省); 中央 is a word, so
    # 米中央情報局 is no 米中 compound
    ("米中央情報局のラトクリフ長官は述べた。", [("米", "US")]),
    ("米連邦捜査局が捜査している。", [("米", "US")]),
    ("米航空宇宙局は発表した。", [("米", "US")]),
    ("米中関係が悪化した。", [("米", "US"), ("中", "CN")]),
])
def test_abbreviation_before_us_agencies(extractor, text, expected):
    r = extractor.extract(text, published="2025-03-10")
    assert [(p.text, p.country) for p in r.places] == expected


@pytest.mark.parametrize("text, expected", [
    # 米 before any state official's title is the state (GUIDELINES §4: 米国務長官), also
    # after 次期 and before a title that begins with a region (中東 is a word, not 米中)
    ("ウィトコフ米中東担当特使がモスクワ入りした。", [("米", "US"), ("中東", None), ("モスクワ", "RU")]),
    ("トランプ次期米大統領は述べた。", [("米", "US")]),
    ("ケロッグ米特使はキーウを訪れた。", [("米", "US"), ("キーウ", "UA")]),
    ("新米の教師が着任した。", []),
])
def test_abbreviation_before_titles(extractor, text, expected):
    r = extractor.extract(text, published="2024-12-20")
    assert [(p.text, p.country) for p in r.places] == expected


@pytest.mark.parametrize("text, expected", [
    # a state's government is a state word even as 自治政府/暫定政府 (GUIDELINES §4: 米政府)
    ("パレスチナ自治政府のアッバス議長は述べた。", [("パレスチナ", "PS")]),
    ("シリア暫定政府は声明を出した。", [("シリア", "SY")]),
])
def test_place_before_kinds_of_government(extractor, text, expected):
    r = extractor.extract(text, published="2025-06-10")
    assert [(p.text, p.country) for p in r.places] == expected


@pytest.mark.parametrize("text, expected", [
    ("首都ヴァルノリアで会談した。", [("ヴァルノリア", "city")]),
    ("州都ズベロフスクに入った。", [("ズベロフスク", "city")]),
    ("伝説の都市エル・ドラードを探した。", [("エル・ドラード", "city")]),
    ("パリ近郊ジヴェルニーに住んだ。", [("パリ", "city"), ("ジヴェルニー", "other")]),
    ("都市ガスの料金が上がった。", []),
])
def test_katakana_name_after_a_word_for_a_place_is_a_place(extractor, text, expected):
    result = extractor.extract(text)
    assert [(p.text, p.kind) for p in result.places] == expected
    assert result.persons == []


@pytest.mark.parametrize("text, expected", [
    ("艦隊は誤ってミルヴァーナに上陸した。", ["ミルヴァーナ"]),
    ("使節団はザルトリアへ派遣された。", ["ザルトリア"]),
    ("一行はホテルに到着した。", []),  # a common noun
    ("軍はウクライナに侵攻した。", ["ウクライナ"]),  # the gazetteer's, with its country
])
def test_katakana_name_before_a_verb_of_arrival_is_a_place(extractor, text, expected):
    result = extractor.extract(text)
    assert [p.text for p in result.places] == expected
    assert all(p.country == "UA" for p in result.places if p.text == "ウクライナ")
