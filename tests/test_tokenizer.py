import pytest

from usru_nlp.pipeline import blank


@pytest.fixture(scope="module")
def nlp():
    return blank()


def test_unidic_tags_lemmas_and_readings(nlp):
    doc = nlp("ロシアのプーチン大統領が話した。")
    by_text = {t.text: t for t in doc}
    assert by_text["プーチン"].tag_ == "名詞-固有名詞-人名-一般"
    assert by_text["ロシア"].tag_ == "名詞-固有名詞-地名-国"
    assert by_text["話し"].lemma_ == "話す"
    assert by_text["大統領"]._.reading == "ダイトウリョウ"
    assert by_text["プーチン"].pos_ == "PROPN"


def test_text_is_reproduced_exactly_with_whitespace(nlp):
    text = "  米国　と\n\nロシア  が\t会談 した。 \n"
    doc = nlp(text)
    assert doc.text == text
    assert all(t.idx == text.index(t.text, t.idx) for t in doc)


def test_unsafe_characters_keep_offsets(nlp):
    text = "米\x00ロ\ud800会談😀\x7f。"
    doc = nlp(text)
    assert len(doc.text) == len(text)
    assert doc.text.replace("\ufffd", "\ud800") == text


def test_sentences_split_on_japanese_punctuation(nlp):
    doc = nlp("米ロが会談した。合意はなかった！次は来月だ")
    assert [s.text for s in doc.sents] == ["米ロが会談した。", "合意はなかった！", "次は来月だ"]


def test_very_long_text_beyond_sudachi_limit(nlp):
    text = "ラブロフ外相は14日、ソチでポンペオ米国務長官と会談した。" * 4000  # > 49,149 bytes many times
    doc = nlp(text)
    assert doc.text == text
    assert len(text.encode("utf-8")) > 300_000
