"""Officials and persons on invented sentences."""
import pytest


def officials(extractor, text, published="2025-02-19"):
    return [(o.text, o.title, o.country, o.former) for o in extractor.extract(text, published=published).officials]


@pytest.mark.parametrize("text, expected", [
    ("ラブロフ外相は会見で述べた。", [("ラブロフ", "外相", "RU", False)]),
    ("ロシアのラブロフ外相は会見で述べた。", [("ラブロフ", "外相", "RU", False)]),
    ("ブリンケン米国務長官が訪日した。", [("ブリンケン", "国務長官", "US", False)]),
    ("トランプ前大統領は集会で演説した。", [("トランプ", "大統領", "US", True)]),
    # knowledge-base aliases kept with their title (the bare name is too common): the title is
    # still read as the title of the mention, and the mention is the name
    ("サウジアラビアのムハンマド皇太子は声明を出した。", [("ムハンマド", "皇太子", "SA", False)]),
    ("ファイサル外相は会見で述べた。", [("ファイサル", "外相", "SA", False)]),
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
    ("1120年にミハイロス2世パレオロゴスが即位した。", [("ミハイロス2世パレオロゴス", "other")]),
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


@pytest.mark.parametrize("text, published, expected", [
    ("野田首相は韓国の李大統領と会談した。", "2011-10-19", [("野田", "野田佳彦", "首相", "JP"), ("李", "李明博", "大統領", "KR")]),
    ("金総書記が死去した。", "2011-12-19", [("金", "金正日", "総書記", "KP")]),
    ("金総書記は演説した。", "2022-01-01", [("金", "金正恩", "総書記", "KP")]),
    ("バー司法長官は述べた。", "2019-05-01", [("バー", "ウィリアム・バー", "司法長官", "US")]),
    ("トランプ大統領は述べた。トランプは続けた。", "2019-05-01",
     [("トランプ", "ドナルド・トランプ", "大統領", "US"), ("トランプ", "ドナルド・トランプ", None, "US")]),
])
def test_officials_linked_by_title_and_date(extractor, text, published, expected):
    r = extractor.extract(text, published=published)
    assert [(o.text, o.canonical, o.title, o.country) for o in r.officials] == expected


@pytest.mark.parametrize("text", ["一本満足バーのCMに出演した。", "トランプで遊んだ。", "方向にパワーを使え。"])
def test_kb_names_that_are_common_words_need_a_title(extractor, text):
    r = extractor.extract(text, published="2019-05-01")
    assert r.officials == [] and r.persons == []


@pytest.mark.parametrize("text", ["名越先生に聞いた。", "「野田首相はインタビューで述べた。"])
def test_surname_that_is_a_town_before_a_title_is_no_place(extractor, text):
    assert extractor.extract(text, published="2012-01-01").places == []


@pytest.mark.parametrize("text, expected", [
    ("ロシア外務次官のセルゲイ・リャブコフ氏は指摘した。", [("セルゲイ・リャブコフ", "外務次官", "RU", False)]),
    ("中東担当特使スティーブ・ウィトコフ氏が訪れた。", [("スティーブ・ウィトコフ", "中東担当特使", "US", False)]),
    ("パトルシェフ・ロシア安全保障会議書記は語った。", [("パトルシェフ", "安全保障会議書記", "RU", False)]),
    ("スティーブン・パイファー元駐ウクライナ米大使は分析した。",
     [("スティーブン・パイファー", "駐ウクライナ米大使", "US", True)]),
    ("バイデン前米政権の政策を批判した。", [("バイデン", None, "US", True)]),
    # invented people: the title grammar and the country prefix are enough
    ("フランツ・グリュンベルク独国防相は述べた。", [("フランツ・グリュンベルク", "国防相", "DE", False)]),
    ("フランツ・グリュンベルク独外相は述べた。", [("フランツ・グリュンベルク", "外相", "DE", False)]),
    ("ミハイル・ザドルノフ・モルドバ外相は会見した。", [("ミハイル・ザドルノフ", "外相", "MD", False)]),
])
def test_official_forms_of_the_issue(extractor, usru, text, expected):
    assert officials(extractor, text) == expected
    assert officials(usru, text) == expected  # the model's spans must not swallow titles or places


@pytest.fixture(scope="module")
def usru():
    from usru_nlp import Extractor

    return Extractor(model="usru")


def test_invented_full_name_is_not_linked_to_a_kb_namesake(extractor):
    r = extractor.extract("ハンス・ミュラー独国防相は述べた。", published="2025-03-01")
    assert [(o.text, o.canonical, o.kb_id) for o in r.officials] == [("ハンス・ミュラー", "ハンス・ミュラー", None)]
    r = extractor.extract("ドナルド・ジョン・トランプ大統領は述べた。", published="2019-01-01")
    assert [o.canonical for o in r.officials] == ["ドナルド・トランプ"]


def test_dou_title_refers_back_to_the_official_with_that_title(extractor):
    r = extractor.extract("プーチン大統領は演説した。ブリンケン国務長官も来た。同大統領は会談に応じた。",
                          published="2024-01-01")
    got = [(o.text, o.canonical, o.title, o.country, o.cluster) for o in r.officials]
    assert got[-1] == ("同大統領", "ウラジーミル・プーチン", "大統領", "RU", got[0][4])
    r = extractor.extract("ラブロフ外相と会談した。同高官によると", published="2024-01-01")
    assert [o.text for o in r.officials] == ["ラブロフ"]  # no official was named 高官
    assert extractor.extract("同外相は述べた。", published="2024-01-01").officials == []


def test_town_like_surname_before_sensei_is_a_person(extractor):
    r = extractor.extract("名越先生に聞いた。", published="2012-01-01")
    assert r.places == [] and [(p.text, p.role) for p in r.persons] == [("名越", "other")]


@pytest.mark.parametrize("text, name", [
    ("宮脇駅長が列車を見送った。", "宮脇"),     # 駅 begins 駅長, not a station name
    ("長谷川区議は会見で述べた。", "長谷川"),
])
def test_family_word_that_begins_a_longer_word_does_not_block(extractor, text, name):
    assert name in [p.text for p in extractor.extract(text).persons]


def test_prize_after_a_name_blocks_whatever_the_tokenizer(extractor):
    assert extractor.extract("新藤兼人賞金賞などを受賞した。").persons == []


@pytest.mark.parametrize("text, name", [
    ("ヴェルデランの妹が店を継いだ。", "ヴェルデラン"),
    ("セオドール・マクリントンの叔父にあたる人物だ。", "セオドール・マクリントン"),
])
def test_name_before_a_kinship_word_is_a_person(extractor, text, name):
    assert name in [p.text for p in extractor.extract(text).persons]


@pytest.mark.parametrize("text", ["フランスの母と呼ばれる川だ。", "トヨタの子会社が発表した。", "ロックの父と呼ばれた。"])
def test_kinship_word_after_a_place_or_common_word_is_no_evidence(extractor, text):
    assert extractor.extract(text).persons == []


@pytest.mark.parametrize("text", ["和樹ちゃん事件の捜査が続く。", "先日、岩崎弁護士失踪事件直後の映像を観た。"])
def test_name_inside_an_incident_name_is_not_a_person(extractor, text):
    assert extractor.extract(text).persons == []


@pytest.mark.parametrize("text, expected", [
    ("軍はヨシノでは敗れた。", []),
    ("守護神の馬原ではなく、新人が登板した。", ["馬原"]),
])
def test_candidate_before_dewa_is_no_person(text, expected):
    from usru_nlp import Extractor
    assert [p.text for p in _usru(Extractor).extract(text).persons] == expected


_USRU = []


def _usru(cls):
    if not _USRU:
        _USRU.append(cls(model="usru"))
    return _USRU[0]


@pytest.mark.parametrize("text, name", [
    ("独裁者ザルバドーン将軍が演説した。", "ザルバドーン"),
    ("艦隊はメルキオス王の軍と戦った。", "メルキオス"),
    ("式典にはハロルド・ウィンズレイ卿も出席した。", "ハロルド・ウィンズレイ"),
    # a kinship word right before a katakana name
    ("将軍の子ヴァレリウスは戦に勝った。", "ヴァレリウス"),
    ("彼は弟フェリペとともに亡命した。", "フェリペ"),
])
def test_name_after_a_kinship_word_or_before_a_noble_title_is_a_person(extractor, text, name):
    assert name in [p.text for p in extractor.extract(text).persons]


@pytest.mark.parametrize("text", [
    "渋谷のハチ公が人気だ。", "ナバラ女王が即位した。",
    # compounds that begin with a kinship character
    "殺人鬼の子孫が選ばれる。", "音楽好きの母親の影響を受けた。",
])
def test_no_person_before_ko_after_a_place_or_in_kinship_compounds(extractor, text):
    assert extractor.extract(text).persons == []


@pytest.mark.parametrize("text, expected", [
    # names listed before one plural title or 両氏 each take it
    ("ラブロフ、ルビオ両外相は会談した。", [("ラブロフ", "外相", "RU", False), ("ルビオ", "外相", "US", False)]),
    ("プーチン、トランプ両大統領は会談した。", [("プーチン", "大統領", "RU", False), ("トランプ", "大統領", "US", False)]),
    ("ラブロフとルビオ両外相は会談した。", [("ラブロフ", "外相", "RU", False), ("ルビオ", "外相", "US", False)]),
    ("トランプ、プーチン両氏は協議した。", [("トランプ", None, "US", False), ("プーチン", None, "RU", False)]),
    # no names: nothing to annotate
    ("両首脳は会談した。", []),
])
def test_names_sharing_a_plural_title(extractor, text, expected):
    assert officials(extractor, text) == expected


def test_titles_after_a_middle_dot_and_a_linked_name_is_no_place(extractor):
    r = extractor.extract("米国のケロッグ・ウクライナ担当特使は述べた。", published="2025-11-20")
    assert [(o.text, o.title, o.country) for o in r.officials] == [("ケロッグ", "ウクライナ担当特使", "US")]
    assert [p.text for p in r.places] == ["米国", "ウクライナ"]
    got = officials(extractor, "ウクライナのウメロフ国家安全保障・国防会議書記は述べた。", "2025-11-20")
    assert got == [("ウメロフ", "国家安全保障・国防会議書記", "UA", False)]


def test_former_before_a_country_and_a_title_written_before_the_name(extractor):
    got = officials(extractor, "元米国家安全保障担当大統領補佐官のボルトン氏は批判した。", "2025-11-20")
    assert got == [("ボルトン", "国家安全保障担当大統領補佐官", "US", True)]
    assert officials(extractor, "米国務長官のルビオ氏は述べた。", "2025-11-20") == [("ルビオ", "国務長官", "US", False)]


def test_a_title_before_a_comma_and_the_name(extractor):
    assert officials(extractor, "ロシアの外相、ラブロフ氏は述べた。", "2025-11-20") == [("ラブロフ", "外相", "RU", False)]
    # ... but not the title of the name before it (a headline)
    got = officials(extractor, "トランプ大統領、ネタニヤフ氏と会談へ", "2025-11-20")
    assert got == [("トランプ", "大統領", "US", False), ("ネタニヤフ", None, "IL", False)]


@pytest.mark.parametrize("text, expected", [
    # offices joined by 兼: the title is the first one the lexicon knows
    ("中国の王毅共産党政治局員兼外相は北京で会談した。", [("王毅", "外相", "CN", False)]),
    ("英国のラミー副首相兼法相は述べた。", [("ラミー", "副首相", "GB", False)]),
    ("ルビオ米国務長官兼大統領補佐官は語った。", [("ルビオ", "国務長官", "US", False)]),
    # 兼 with no title after it is no title
    ("王毅氏は外交を兼務する。", [("王毅", None, "CN", False)]),
])
def test_offices_joined_by_ken(extractor, text, expected):
    assert officials(extractor, text, "2025-03-10") == expected


def test_foreign_ministry_information_department_titles(extractor):
    got = officials(extractor, "中国外務省の毛寧報道局長は定例記者会見で反発した。", "2025-03-10")
    assert got == [("毛寧", "報道局長", "CN", False)]
    got = officials(extractor, "中国外務省の郭嘉昆副報道局長は述べた。", "2025-03-10")
    assert got == [("郭嘉昆", "副報道局長", "CN", False)]
    got = officials(extractor, "ロシア外務省のザハロワ情報局長は米国を批判した。", "2025-03-10")
    assert got == [("ザハロワ", "情報局長", "RU", False)]


def test_korean_prime_ministers_in_the_kb(extractor):
    got = officials(extractor, "韓悳洙首相が大統領権限を代行している。", "2025-03-10")
    assert got == [("韓悳洙", "首相", "KR", False)]
    assert officials(extractor, "金民錫首相は来日した。", "2025-09-10") == [("金民錫", "首相", "KR", False)]


def test_kanji_surname_and_katakana_given_name_before_a_title(extractor):
    got = officials(extractor, "沖縄県の玉城デニー知事は移設に反対している。", "2025-03-10")
    assert got == [("玉城デニー", "知事", "JP", False)]
    assert [p.text for p in extractor.extract("山田ジョージ氏は述べた。").persons] == ["山田ジョージ"]
    # a one-kanji word before a katakana given name stays out of the name
    assert [p.text for p in extractor.extract("後々サクラさんが困ります。").persons] == ["サクラ"]


def test_prefecture_head_before_governor_is_not_a_given_name(extractor):
    got = officials(extractor, "北海道の鈴木道知事は述べた。", "2025-03-10")
    assert got == [("鈴木", "道知事", "JP", False)]
    got = officials(extractor, "北海道の鈴木直道知事は述べた。", "2025-03-10")
    assert got == [("鈴木直道", "知事", "JP", False)]


@pytest.mark.parametrize("text, expected", [
    # Chinese and Korean names the dictionary splits into words of no name (呉|俊|赫, 許|文|道):
    # a one-kanji surname and one or two kanji right before a title are one name
    ("韓国の呉俊赫外相が来日した。", [("呉俊赫", "外相", "KR", False)]),
    ("韓国の許文道統一相が北朝鮮を訪れた。", [("許文道", "統一相", "KR", False)]),
    ("中国の程永華大使は述べた。", [("程永華", "大使", "CN", False)]),
    # a KB alias the name begins with (李) is not the name; no country is guessed for it, and
    # not Japan's either, though UniDic reads 金富 as a Japanese surname
    ("李洛淵首相は述べた。", [("李洛淵", "首相", None, False)]),
    ("金富謙首相は述べた。", [("金富謙", "首相", None, False)]),
    # a full KB name is still the KB's
    ("李在明大統領は述べた。", [("李在明", "大統領", "KR", False)]),
    # a title prefix is no part of the name, and a word or an institution before a title is no name
    ("李副首相と会談した。", [("李", "副首相", None, False)]),
    ("金融庁長官が述べた。", []),
    ("韓国外相が来日した。", []),
])
def test_cjk_names_before_titles(extractor, text, expected):
    assert officials(extractor, text, "2025-03-10") == expected


@pytest.mark.parametrize("text, name, published", [
    # South Korea's foreign ministers of 2013-2022 are in the knowledge base
    ("韓国の尹炳世外相は15日、岸田外相と会談した。", "尹炳世", "2015-12-28"),
    ("康京和外相は記者団に語った。", "康京和", "2019-08-02"),
    ("韓国の鄭義溶外相が来日した。", "鄭義溶", "2021-06-01"),
])
def test_korean_foreign_ministers_in_kb(extractor, text, name, published):
    first = extractor.extract(text, published=published).officials[0]
    assert (first.text, first.title, first.country) == (name, "外相", "KR")
    assert first.kb_id is not None and first.kb_id.startswith("usru:")


@pytest.mark.parametrize("text, expected", [
    # a crowd chanting a name: the person is the name, not 「山本コール」
    ("場内は山本コールに包まれた。", ["山本"]),
    ("場内は熊田コールと仲本コールに二分された。", ["熊田", "仲本"]),
])
def test_chanted_names(extractor, text, expected):
    r = extractor.extract(text, published="2025-03-10")
    assert [p.text for p in r.persons] == expected and r.officials == []


def test_kohl_is_still_a_name(extractor):
    got = officials(extractor, "ドイツのコール元首相は述べた。", "2025-03-10")
    assert got == [("コール", "首相", "DE", True)]


@pytest.mark.parametrize("text, expected", [
    # 次期 (incoming) is read like 新: the title follows, and the official is not former
    ("トランプ次期米大統領は述べた。", [("トランプ", "大統領", "US", False)]),
    ("ルビオ次期国務長官は述べた。", [("ルビオ", "国務長官", "US", False)]),
])
def test_incoming_officials(extractor, text, expected):
    assert officials(extractor, text, "2024-12-20") == expected


@pytest.mark.parametrize("text, expected", [
    # 師 after a name marks a cleric; armed groups are neither persons nor places
    ("ヒズボラのナスララ師が殺害された。", ["ナスララ"]),
    ("イスラム教シーア派の指導者シスタニ師は声明を出した。", ["シスタニ"]),
    ("オージュロー師団が到着した。", []),
    ("ハマスは声明を出した。", []),
])
def test_clerics_and_armed_groups(extractor, text, expected):
    r = extractor.extract(text, published="2025-06-10")
    assert [p.text for p in r.persons] == expected and r.places == []


@pytest.mark.parametrize("text, published, expected", [
    # a one-kanji surname links to the KB head of that title and date (李首相 → 李強, 李大統領 →
    # 李在明 in 2025 and 李明博 in 2010); with a deputy's title it is a deputy the KB does not know
    ("李首相は述べた。", "2025-06-10", ("首相", "usru:li-qiang")),
    ("李大統領は述べた。", "2025-06-10", ("大統領", "usru:lee-jae-myung")),
    ("李大統領は述べた。", "2010-06-10", ("大統領", "usru:lee-myung-bak")),
    ("李副首相は述べた。", "2025-06-10", ("副首相", None)),
])
def test_one_kanji_surnames_link_by_title_and_date(extractor, text, published, expected):
    first = extractor.extract(text, published=published).officials[0]
    assert (first.title, first.kb_id) == expected


@pytest.mark.parametrize("text, name", [
    ("北林氏が逮捕された。", "北林"),
    ("小林さんが指揮した。", "小林"),
])
def test_one_kanji_alias_inside_a_surname_is_not_the_official(extractor, text, name):
    # 林 is an alias of 林芳正, but not the end of the one word 北林 or 小林
    result = extractor.extract(text, published="2022-01-01")
    assert result.officials == []
    assert [p.text for p in result.persons] == [name]


def test_one_kanji_alias_as_a_word_before_a_title_is_still_the_official(extractor):
    result = extractor.extract("林外相が語った。", published="2022-01-01")
    assert [(o.text, o.canonical, o.title) for o in result.officials] == [("林", "林芳正", "外相")]


def test_a_name_found_once_is_a_person_where_it_comes_again():
    # the model calls the second 熊田 something else; the first carries the evidence
    from usru_nlp import Extractor
    text = "観衆は熊田の乱暴ぶりに怒ったが、やがて熊田応援に回った。"
    assert [(p.text, p.start) for p in _usru(Extractor).extract(text).persons] == [("熊田", 3), ("熊田", 19)]


def _repeats(extractor, text, anchored):
    from usru_nlp.components.persons import PersonTagger
    doc = extractor.nlp.make_doc(text)
    found = {}
    PersonTagger._repeat_names(doc, text, set(anchored), found, set(), [])
    return sorted((s, text[s:e]) for s, e in found)


@pytest.mark.parametrize("text, anchored, expected", [
    # a verbal noun after the name (熊田応援, 熊田支持) or a particle: the person
    ("熊田が来た。熊田支持に回った。", ["熊田"], [(0, "熊田"), (6, "熊田")]),
    # a noun the name is part of: a museum, a series, a surname's family name, a religion
    ("熊田が来た。熊田博物館に行った。", ["熊田"], [(0, "熊田")]),
    ("ケンちゃんが来た。ケンちゃんシリーズを見た。", ["ケン"], [(0, "ケン")]),
    # inside another word: not a word of its own
    ("熊田が来た。大熊田川で泳いだ。", ["熊田"], [(0, "熊田")]),
    # names in hiragana alone are too often parts of other words
    ("まきが来た。おおさわまきが描いた。", ["まき"], []),
])
def test_repeated_name_rules(extractor, text, anchored, expected):
    assert _repeats(extractor, text, anchored) == expected


@pytest.mark.parametrize("text", ["ベルナティフェリーが新航路を開いた。", "ザイロン・コーポレーションが発表した。"])
def test_katakana_name_ending_in_a_company_word_is_no_person(usru, text):
    assert usru.extract(text).persons == []


def test_a_name_ending_like_a_place_word_is_still_a_person(extractor):
    assert [p.text for p in extractor.extract("ストリックランド氏が来日した。").persons] == ["ストリックランド"]


@pytest.mark.parametrize("text, expected", [
    ("既に高麗の太祖の時期から貴族は強かった。", ["太祖"]),
    ("唐の玄宗は晩年に政治を怠った。", ["玄宗"]),
    ("彼の高祖父は医者だった。", []),  # inside a longer word
    ("世宗市に移転した。", []),  # a city
])
def test_temple_names_of_rulers_are_persons(extractor, text, expected):
    assert [p.text for p in extractor.extract(text).persons] == expected


def test_a_place_outside_the_gazetteer_named_like_a_person_before_is_the_person(extractor):
    result = extractor.extract("占い師の千早先生に聞いた。千早は言う。")
    assert [(p.text, p.start) for p in result.persons] == [("千早", 4), ("千早", 13)]
    assert result.places == []
    doc = extractor.nlp("占い師の千早先生に聞いた。千早は言う。")
    assert [s.label_ for s in doc.spans["usru"] if s.text == "千早"] == ["PERSON", "PERSON"]


def test_unidic_reading_alone_does_not_turn_places_into_persons(extractor):
    # 神楽坂 is a surname to UniDic in one sentence and a district in the others
    # (the first is a known error): the place stays a place
    result = extractor.extract("新宿区は神楽坂。神楽坂にある小さな店に入った。")
    assert ("神楽坂", 8) in [(p.text, p.start) for p in result.places]
    assert ("神楽坂", 8) not in [(p.text, p.start) for p in result.persons]


def test_a_second_title_after_ken_is_no_official(usru):
    result = usru.extract("中国の李副首相兼財務相が来日した。", published="2025-06-10")
    assert [(o.text, o.title, o.country) for o in result.officials] == [("李", "副首相", "CN")]
