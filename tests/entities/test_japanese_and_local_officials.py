"""Japanese cabinet and local officials, and names the dictionary splits, on invented sentences.

Invented names are used where the point is the grammar, not the knowledge base.
"""
import pytest


def officials(extractor, text, published="2025-11-20"):
    r = extractor.extract(text, published=published)
    return [(o.text, o.title, o.country) for o in r.officials]


@pytest.mark.parametrize("text, expected", [
    # cabinet offices written in full or with 大臣
    ("山川一郎国土交通相は会見で述べた。", [("山川一郎", "国土交通相", "JP")]),
    ("山川一郎農林水産大臣は視察した。", [("山川一郎", "農林水産大臣", "JP")]),
    ("山川一郎国家公安委員長は述べた。", [("山川一郎", "国家公安委員長", "JP")]),
    # 副大臣 needs a country: with none written, a Japanese name's is Japan's
    ("山川一郎副大臣は述べた。", [("山川一郎", "副大臣", "JP")]),
    # ministers of state written with 担当
    ("山川一郎経済再生担当相は訪米した。", [("山川一郎", "経済再生担当相", "JP")]),
    ("山川一郎拉致問題担当相は述べた。", [("山川一郎", "拉致問題担当相", "JP")]),
    # ministers of state of the cabinets since 2009, with and without 担当, a ・ inside
    ("山川一郎行政刷新相は述べた。", [("山川一郎", "行政刷新相", "JP")]),
    ("山川一郎国家戦略担当相は述べた。", [("山川一郎", "国家戦略担当相", "JP")]),
    ("山川一郎金融相は述べた。", [("山川一郎", "金融相", "JP")]),
    ("山川一郎郵政改革担当相は述べた。", [("山川一郎", "郵政改革担当相", "JP")]),
    ("山川一郎一億総活躍相は述べた。", [("山川一郎", "一億総活躍相", "JP")]),
    ("山川一郎沖縄・北方担当相は述べた。", [("山川一郎", "沖縄・北方担当相", "JP")]),
    # 新 marks a new office holder as 現 does
    ("山川一郎新首相は演説した。", [("山川一郎", "首相", "JP")]),
])
def test_cabinet_titles(extractor, text, expected):
    assert officials(extractor, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a title that needs a country, none written: a Japanese surname (two or more kanji) says Japan
    ("山川一郎環境相は会見した。", [("山川一郎", "環境相", "JP")]),
    ("川村農相は視察した。", [("川村", "農相", "JP")]),
    ("川村二郎法相は述べた。", [("川村二郎", "法相", "JP")]),
    ("環境相の山川一郎氏は述べた。", [("山川一郎", "環境相", "JP")]),
    ("岡田外相は述べた。", [("岡田", "外相", "JP")]),  # UniDic reads the town: still a surname
    # Chinese and Korean surnames are mostly one kanji: no country without a prefix or context
    ("張志明商務相は会見した。", [("張志明", "商務相", None)]),
    ("張外相は述べた。", [("張", "外相", None)]),
    # a prefix, the context or the knowledge base gives the country first
    ("ピーター・ハモンド英外相は述べた。", [("ピーター・ハモンド", "外相", "GB")]),
    ("山川一郎米国防長官は述べた。", [("山川一郎", "国防長官", "US")]),
    ("ペルーの山川外相は述べた。", [("山川", "外相", "PE")]),
    ("王毅外相は述べた。", [("王毅", "外相", "CN")]),
])
def test_country_of_a_title_without_one(extractor, text, expected):
    assert officials(extractor, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a place and a local office after the name: the place stays in the title
    ("川村二郎大阪府知事は会見した。", [("川村二郎", "大阪府知事", "JP")]),
    ("川村二郎横浜市長は述べた。", [("川村二郎", "横浜市長", "JP")]),
    ("ジョン・スミス・ニューヨーク市長は述べた。", [("ジョン・スミス", "ニューヨーク市長", "US")]),
    # a place before の gives a local official its country
    ("上海市の李明市長は述べた。", [("李明", "市長", "CN")]),
])
def test_local_officials(extractor, text, expected):
    assert officials(extractor, text) == expected


def test_local_office_after_a_name_keeps_its_place(extractor):
    r = extractor.extract("ジョン・スミス・ニューヨーク市長は述べた。")
    assert [(p.text, p.country) for p in r.places] == [("ニューヨーク市", "US")]
    assert [p.text for p in extractor.extract("ハンターズ・ポイントで会った。").places] == []


def test_kanji_the_dictionary_splits_off_before_a_title_ends_the_name(extractor):
    # UniDic reads the last kanji of these given names as a common noun
    assert officials(extractor, "赤沢亮正経済再生相は述べた。") == [("赤沢亮正", "経済再生相", "JP")]
    assert officials(extractor, "武藤容治経産相は述べた。") == [("武藤容治", "経産相", "JP")]
    # ... but not a modifier of the title or a kinship word
    assert officials(extractor, "岸田文雄前首相は述べた。")[0][:2] == ("岸田文雄", "首相")
    got = [p.text for p in extractor.extract("芸人の木村祐一兄さんが話した。").persons]
    assert "木村祐一兄" not in got


@pytest.fixture(scope="module")
def usru():
    from usru_nlp import Extractor

    return Extractor(model="usru")


def test_given_name_the_dictionary_reads_as_prefix_and_noun(usru):
    # UniDic reads 鋭|仁 as a prefix and a noun; the model's PERSON span keeps the name whole
    assert officials(usru, "川島鋭仁環境相は会見した。") == [("川島鋭仁", "環境相", "JP")]
    # ... but a prefix of the title is no given name (石破新首相)
    assert officials(usru, "川島新首相は会見した。") == [("川島", "首相", "JP")]


@pytest.mark.parametrize("text, name", [
    # KB aliases 金 (金正恩), 菅 (菅義偉), 林 (林芳正), 李 (李在明) must not cut longer names
    ("金子恭之国土交通相は述べた。", "金子恭之"),
    ("投手の菅野智之は好投した。", "菅野智之"),
    ("落語家の林家三平さんが出演した。", "林家三平"),
    ("上海市の李明市長は述べた。", "李明"),
])
def test_kb_alias_is_no_prefix_of_a_longer_word(extractor, text, name):
    r = extractor.extract(text, published="2025-11-20")
    assert name in [m.text for m in (*r.officials, *r.persons)]
    assert all(m.text != name[0] for m in (*r.officials, *r.persons))


def test_kb_alias_still_found_as_a_word(extractor):
    assert officials(extractor, "北朝鮮の金総書記は演説した。") == [("金", "総書記", "KP")]
    assert officials(extractor, "菅首相は会見した。", published="2021-03-01") == [("菅", "首相", "JP")]


def test_place_name_before_sama_is_no_person(extractor):
    assert extractor.extract("白馬に乗った王子様を待っている。").persons == []


def test_us_states_and_prefectures_are_places_with_their_country(extractor):
    r = extractor.extract("ペンシルベニア州とジョージア州、千葉県で集会が開かれた。ジョージアの首都はトビリシだ。")
    assert [(p.text, p.country) for p in r.places] == [
        ("ペンシルベニア州", "US"), ("ジョージア州", "US"), ("千葉県", "JP"), ("ジョージア", "GE"), ("トビリシ", "GE")]
    # a prefecture's bare name is also a surname: the gazetteer holds only the suffixed form
    r = extractor.extract("千葉さんは石川県の出身だ。")
    assert [p.text for p in r.persons] == ["千葉"] and [p.text for p in r.places] == ["石川県"]


@pytest.mark.parametrize("text, place", [
    # a UniDic place name right before a local office is a place, also after a full name
    ("渋谷区長は14日、会見した。", "渋谷"),
    ("山田太郎北見市長は述べた。", "北見"),
])
def test_place_before_a_local_office(extractor, text, place):
    assert place in [p.text for p in extractor.extract(text).places]


def test_a_model_person_span_running_into_a_local_office_leaves_the_place(extractor):
    # the model reads 長谷部健渋谷区長 as one PERSON span; the place and the office still count
    text = "東京都渋谷区の長谷部健渋谷区長は14日、記者会見した。"
    assert officials(extractor, text) == [("長谷部健", "渋谷区長", "JP")]
    assert "渋谷" in [p.text for p in extractor.extract(text).places]


def test_a_surname_before_a_governors_title_is_no_place(extractor):
    # the model reads 小池都 as a place (like 東京都); UniDic reads 小池 as a surname
    r = extractor.extract("小池都知事は会見した。", published="2025-11-20")
    assert [(o.text, o.title, o.country) for o in r.officials] == [("小池", "都知事", "JP")]
    assert r.places == []
    # a prefecture the gazetteer knows stays a place
    assert [p.text for p in extractor.extract("千葉県知事は述べた。").places] == ["千葉県"]


@pytest.mark.parametrize("text, country", [
    # the Japanese-surname rule gives Japan only to officers of no international body
    ("アジア開発銀行の山田太郎総裁は会見で述べた。", None),
    ("IMFの山田太郎総裁は会見で述べた。", None),
    ("日本銀行の山田太郎総裁は会見で述べた。", "JP"),
    ("山田太郎総裁は会見で述べた。", "JP"),
])
def test_no_japan_for_officers_of_international_bodies(extractor, text, country):
    got = extractor.extract(text, published="2025-03-10").officials
    assert [(o.text, o.title, o.country) for o in got] == [("山田太郎", "総裁", country)]
