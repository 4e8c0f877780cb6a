import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from usru_nlp.pipeline import blank

_NLP = blank()


@pytest.fixture(scope="module")
def nlp():
    return _NLP


def test_unidic_tags_lemmas_and_readings(nlp):
    doc = nlp("ロシアのプーチン大統領が話した。")
    by_text = {t.text: t for t in doc}
    assert by_text["プーチン"].tag_ == "名詞-固有名詞-人名-一般"
    assert by_text["ロシア"].tag_ == "名詞-固有名詞-地名-国"
    assert by_text["話し"].lemma_ == "話す"
    assert by_text["大統領"]._.reading == "ダイトウリョウ"
    assert by_text["プーチン"].pos_ == "PROPN"


def test_readings_survive_doc_serialisation_and_spaces_have_none(nlp):
    from spacy.tokens import Doc

    doc = nlp("ロシアの\n\nプーチン大統領が話した。")
    readings = [t._.reading for t in doc]
    assert readings[:2] == ["ロシア", "ノ"] and doc[2].is_space and readings[2] == ""
    again = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert [t._.reading for t in again] == readings


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


def test_token_table_matches_the_doc(nlp):
    from spacy.tokens import Doc

    from usru_nlp.extensions import tokens_of

    text = "ロシアのラブロフ外相は 14日、\nソチを訪れた。"
    doc = nlp(text)
    table = tokens_of(doc)
    expected = [(t.idx, t.idx + len(t.text), t.text, t.tag_, t._.reading) for t in doc if not t.is_space]
    assert [tuple(t) for t in table] == expected
    assert all(text[t.start:t.end] == t.text for t in table)
    # a Doc read back from bytes (as worker processes do) gives the same table
    again = Doc(doc.vocab).from_bytes(doc.to_bytes())
    assert [tuple(t) for t in tokens_of(again)] == expected
    # a Doc made by another tokenizer: the table is built from its tokens
    words = Doc(doc.vocab, words=["ソチ", "を", "訪れ", "た"])
    assert [t.text for t in tokens_of(words)] == ["ソチ", "を", "訪れ", "た"]


def test_tag_positions_and_token_edges(nlp):
    from spacy.tokens import Doc

    from usru_nlp.extensions import is_token_end, tag_positions, token_edges, tokens_of

    text = "山田太郎さんと佐藤花子さんは東京で会った。"
    doc = nlp(text)
    table = tokens_of(doc)
    names = tag_positions(doc, "名詞-固有名詞-人名")
    assert names == [i for i, t in enumerate(table) if t.tag.startswith("名詞-固有名詞-人名")]
    assert [table[i].text for i in names] == ["山田", "太郎", "佐藤", "花子"]
    assert [table[i].text for i in tag_positions(doc, "名詞-固有名詞-人名-姓")] == ["山田", "佐藤"]
    assert [table[i].text for i in tag_positions(doc, "名詞-固有名詞-地名")] == ["東京"]
    assert tag_positions(doc, "感動詞") == []
    assert tag_positions(doc, "") == list(range(len(table)))
    starts, ends = token_edges(doc)
    assert starts == [t.start for t in table] and ends == [t.end for t in table]
    assert is_token_end(doc, text.index("太郎")) and is_token_end(doc, len(text))
    assert not is_token_end(doc, 1) and not is_token_end(doc, 0)
    # the caches survive a round trip through bytes
    again = Doc(doc.vocab).from_bytes(doc.to_bytes())
    assert tag_positions(again, "名詞-固有名詞-人名") == names
    assert is_token_end(again, text.index("太郎")) and not is_token_end(again, 1)


def test_feature_registry_growth_and_emptied_caches_give_the_same_docs(monkeypatch):
    """The tokenizer registers new feature lines a text at a time, grows its table past its
    first size and empties its caches between texts: none of it changes a Doc."""
    from spacy.attrs import IDX, LEMMA, MORPH, ORTH, POS, SENT_START, TAG

    import usru_nlp.tokenizer as tokenizer
    from usru_nlp.extensions import tokens_of

    attrs = [ORTH, TAG, POS, LEMMA, MORPH, SENT_START, IDX]
    many = "、".join(chr(c) for c in range(0x4E00, 0x9FA0)) + "。"  # > 1,024 feature lines at once
    texts = [many, "ロシアのラブロフ外相は 14日、\nソチを訪れた。", "ポンペオ米国務長官と会談した。", many]

    def tokenize(tok, text):
        doc = tok(text)
        return doc.to_array(attrs).tolist(), [str(t.morph) for t in doc], tokens_of(doc)

    vocab = blank().vocab
    fresh = [tokenize(tokenizer.FugashiTokenizer(vocab), t) for t in texts]
    assert len(fresh[0][2]) > 3000
    shared = tokenizer.FugashiTokenizer(vocab)
    assert [tokenize(shared, t) for t in texts] == fresh
    assert len(shared._feature_rows) > 1024
    monkeypatch.setattr(tokenizer, "_FEATURE_CACHE_MAX", 5)
    small = tokenizer.FugashiTokenizer(vocab)
    assert [tokenize(small, t) for t in texts] == fresh


def test_trie_skips_to_possible_first_characters():
    from usru_nlp.matching import Trie

    trie = Trie({"ロシア": 1, "ロシア連邦": 2, "米国": 3})
    text = "昨日、ロシア連邦と米国が会談し、ロシアも…"
    assert [(text[s:e], p) for s, e, p in trie.finditer(text)] == [("ロシア連邦", 2), ("米国", 3), ("ロシア", 1)]
    assert list(trie.finditer(text, 0, 5)) == []
    trie.add("会談", 4)  # a phrase added later is found too
    assert ("会談", 4) in [(text[s:e], p) for s, e, p in trie.finditer(text)]


def test_trie_match_at_prefers_the_longest_accepted_phrase_within_bounds():
    from usru_nlp.matching import Trie

    trie = Trie({"米": "us", "米国": "usa", "米国務長官": "secstate", "国": "state"})
    text = "米国務長官と米国"
    assert trie.match_at(text, 0) == (5, "secstate")
    assert trie.match_at(text, 0, end=3) == (2, "usa")  # 米国務長官 runs past the end
    assert trie.match_at(text, 0, accept=lambda s, e: e - s < 5) == (2, "usa")
    assert trie.match_at(text, 0, accept=lambda s, e: e - s == 1) == (1, "us")
    assert trie.match_at(text, 7) == (8, "state")
    assert trie.match_at(text, 8) is None and trie.match_at(text, 8, end=20) is None
    assert trie.match_at(text, 4, end=3) is None


_WS_HEAVY = st.text(alphabet=st.sampled_from(list("米ロ外相会談ロシアアイウabc12１２。！？、\n\r\t 　\x00\ud800😀")), max_size=120)


@settings(max_examples=300, deadline=None)
@given(st.one_of(_WS_HEAVY, st.text(max_size=120)))
def test_tokens_tile_any_text_and_agree_with_the_table(text):
    from usru_nlp.extensions import tag_positions, tokens_of
    from usru_nlp.tokenizer import _UNSAFE, spacy_safe

    doc = _NLP(text)
    assert doc.text == spacy_safe(text)
    assert "".join(t.text_with_ws for t in doc) == doc.text
    table = tokens_of(doc)
    spans = {(t.start, t.end): t for t in table}
    words = [t for t in doc if (t.idx, t.idx + len(t.text)) in spans]
    assert len(words) == len(table)
    assert all(spans[t.idx, t.idx + len(t.text)].tag == t.tag_ for t in words)
    # every other token is whitespace or characters MeCab cannot take
    assert all(_UNSAFE.sub(" ", t.text).isspace() for t in doc if (t.idx, t.idx + len(t.text)) not in spans)
    for prev, t in zip(words, words[1:]):
        gap = doc.text[prev.idx + len(prev.text) : t.idx]
        # a word starts a sentence after a sentence-final mark or a line break, and only then
        assert t.is_sent_start == (prev.text in set("。！？!?") or "\n" in gap)
    if len(doc):
        assert doc[0].is_sent_start
    # the tag index the tokenizer builds agrees with a scan of the table
    for prefix in ("名詞", "名詞-固有名詞", "補助記号", "空白", ""):
        assert tag_positions(doc, prefix) == [i for i, t in enumerate(table) if t.tag.startswith(prefix)]
