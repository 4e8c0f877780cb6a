"""The trained NER model in models/ner (backend "usru"): files, offline loading, offsets."""
from __future__ import annotations

import socket

import pytest

import numpy

from spacy.attrs import NORM, ORTH, TAG

from usru_nlp.model_layer import LABELS, UsruModel, load_model
from usru_nlp.model_windows import (_ATTRS, COMMON_NOUN, OTHER_NOUN, OTHER_TAG, PROPER_NOUN, HashLookup,
                                    WindowArrays, _tag_class, _windows, katakana_tokens)
from usru_nlp.resources import models_path

NER_DIR = models_path("ner")
SENTENCES = [
    "ロシアのプーチン大統領は14日、モスクワで記者会見した。",
    "天気が良い。",
    "",
    "前書き\n\nラブロフ外相は2019年5月14日、ソチを訪れた。\n北朝鮮の金正恩総書記は平壌で演説した。",
]


@pytest.fixture(scope="module")
def model():
    return UsruModel()


@pytest.fixture
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise OSError("network access in a test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def test_shipped_files_are_small_and_complete():
    files = {p.relative_to(NER_DIR).as_posix(): p.stat().st_size for p in NER_DIR.rglob("*")
             if p.is_file()}
    assert {"config.cfg", "meta.json", "ner/model", "ner/moves", "ner/cfg"} <= files.keys()
    assert sum(files.values()) <= 30 * 1024 * 1024
    assert not any("optimizer" in f or f.startswith("model-") for f in files)


def test_loads_offline_with_our_tokenizer(no_network):
    m = UsruModel(NER_DIR)
    assert m.nlp.pipe_names == ["ner"]
    assert type(m.nlp.tokenizer).__name__ == "FugashiTokenizer"
    assert set(m.labels) <= set(LABELS)


def test_spans_are_aligned_to_characters(model):
    results = model.predict(SENTENCES)
    assert len(results) == len(SENTENCES)
    for text, ents in zip(SENTENCES, results):
        for s, e, label in ents:
            assert 0 <= s < e <= len(text)
            assert label in LABELS
            assert text[s:e].strip() == text[s:e]
    found = {(SENTENCES[0][s:e], label) for s, e, label in results[0]}
    assert ("プーチン", "PERSON") in found and ("モスクワ", "GPE") in found
    assert results[1] == [] and results[2] == []
    late = {(SENTENCES[3][s:e], label) for s, e, label in results[3]}
    assert ("平壌", "GPE") in late  # offsets hold past newlines and earlier sentences


def test_predict_docs_uses_doc_coordinates_and_region(model):
    text = SENTENCES[3]
    doc = model.nlp.make_doc(text)
    start = text.index("ラブロフ")
    end = text.index("\n北朝鮮")
    (ents,) = model.predict_docs([(doc, start, end)])
    assert ents and all(start <= s < e <= end for s, e, _ in ents)
    assert ("ラブロフ", "PERSON") in {(text[s:e], label) for s, e, label in ents}
    whole = model.predict([text])[0]
    assert set(ents) <= set(whole)


def test_repeated_windows_are_read_once_and_placed_where_they_stand():
    m = UsruModel()
    byline = "（ワシントン＝山田太郎）\n"
    texts = ["ロシアのラブロフ外相は会見した。\n" + byline, "天気が良い。\n" + byline + "北京で会談した。"]
    uncached = UsruModel(cache_size=0).predict(texts)
    calls = []

    decode = m.decoder
    assert decode is not None  # the shipped model is decoded by usru_nlp.fast_ner

    def counting(docs, **kw):  # the decoder, noting the windows it is given (their words)
        strings = m.nlp.vocab.strings
        calls.extend("".join(strings[h] for h in d.to_array([ORTH])[:, 0].tolist()) for d in docs)
        return decode(docs, **kw)

    m.decoder = counting
    first = m.predict(texts)
    assert first == uncached
    assert calls.count(byline.strip()) == 1  # the byline's window went to the model once
    for text, ents in zip(texts, first):
        assert ("山田太郎", "PERSON") in {(text[s:e], label) for s, e, label in ents}
    calls.clear()
    assert m.predict(texts) == first and calls == []  # all windows known now
    m.cache_size = 1  # a full cache is emptied, not grown
    m.predict(["モスクワで会談した。", "パリで会談した。"])
    assert len(m._seen) <= 2 + 1


def test_windows_read_from_the_doc_array_decode_as_window_docs_do():
    texts = [SENTENCES[0], SENTENCES[3], "（ワシントン＝山田太郎）\nメルケル独首相とマクロン仏大統領がパリで会談した。",
             "ケンドルテイラー上級研究員は 「 ジョン・スミス 」 と話した。"]
    fast = UsruModel(cache_size=0)
    assert fast._window_index is not None and isinstance(fast._window_index[ORTH], int)
    seen = []

    def noting(docs, **kw):
        seen.extend(type(d) for d in docs)
        return decode(docs, **kw)

    decode = fast.decoder
    fast.decoder = noting
    got = fast.predict(texts)
    assert seen and set(seen) == {WindowArrays}
    # the same windows as small Docs, decoded by fast_ner and by spaCy's own pipe
    slow = UsruModel(cache_size=0)
    slow._window_index = None
    assert slow.predict(texts) == got
    slow.decoder = None
    assert slow.predict(texts) == got
    assert ("山田太郎", "PERSON") in {(texts[2][s:e], label) for s, e, label in got[2]}


def test_window_arrays_answer_by_attribute_id_and_name():
    rows = numpy.array([[1, 2, 3], [4, 5, 6]], dtype=numpy.uint64)
    w = WindowArrays(rows, {ORTH: 0, "NORM": 1, NORM: 1, TAG: 2})
    assert len(w) == 2
    assert w.to_array(ORTH).tolist() == [1, 4]
    assert w.to_array(["NORM", TAG]).tolist() == [[2, 3], [5, 6]]
    assert w.to_array([NORM]).shape == (2, 1)


def _unit_texts(model, text):
    doc = model.nlp.make_doc(text)
    return [doc[s:e].text for s, e in model._units(doc, doc.to_array(_ATTRS), 0, len(text))]


def test_model_runs_only_near_candidates():
    m = UsruModel(window=0)
    text = "天気が良い。今日はとても寒いので家で本を読んで過ごした。ロシアのプーチン大統領は会見した。"
    assert _unit_texts(m, text) == ["ロシアのプーチン大統領は会見した。"]
    m.window = 2
    assert _unit_texts(m, text) == ["ロシアのプーチン大統領は"]
    text = "彼は昨日の午後、長い会議の後でようやく家に帰り、ワシントンに電話した。"
    assert _unit_texts(m, text) == ["帰り、ワシントンに電話"]
    m.all_sentences = True
    assert len(_unit_texts(m, "天気が良い。\n\n今日は寒い。")) == 2


def test_known_loanwords_are_no_candidates():
    m = UsruModel(window=1)
    text = "レモンとグレープのジュースを飲んだ。ザルコビッチが来た。"
    assert _unit_texts(m, text) == ["ザルコビッチが"]  # unknown katakana: a candidate
    m.known_loanwords = True
    assert _unit_texts(m, text) == ["レモンとグレープのジュースを", "ザルコビッチが"]


def test_katakana_words_of_other_parts_of_speech_are_no_candidates():
    m = UsruModel(window=1)
    # UniDic knows モテる (verb), カワイイ (adjective), サバサバ (adverb), コレ (pronoun)
    text = "彼はモテるし、カワイイ。サバサバした性格で、コレが好き。ザルコビッチが来た。"
    assert _unit_texts(m, text) == ["ザルコビッチが"]
    m.known_loanwords = True  # known loanword nouns only: the other parts of speech stay out
    assert _unit_texts(m, text) == ["ザルコビッチが"]


def test_katakana_tokens_reads_the_text_per_token():
    text = "東京でバスに乗った。\nｶﾀｶﾅとひらがな、ーだけ、プーチン氏🙂ア"
    words = ["東京", "で", "バス", "に", "乗った", "。", "ｶﾀｶﾅ", "ひらがな", "ー", "プーチン氏", "🙂", "ア"]
    starts = [text.index(w) for w in words]
    flags = katakana_tokens(text, starts, [len(w) for w in words])
    # half-width katakana and the long vowel mark alone are no katakana letters (ァ-ヺ)
    assert flags.tolist() == [False, False, True, False, False, False, False, False, False, True,
                              False, True]
    assert katakana_tokens("", [], []).tolist() == []


def test_hash_lookup_caches_values_by_hash():
    from spacy.strings import StringStore

    strings = StringStore(["名詞-固有名詞-人名-姓", "名詞-普通名詞-一般", "名詞-数詞", "助詞-格助詞"])
    calls = []

    def value(tag):
        calls.append(tag)
        return _tag_class(tag)

    lookup = HashLookup(value, default=OTHER_TAG)
    tags = ["助詞-格助詞", "名詞-固有名詞-人名-姓", "名詞-普通名詞-一般", "助詞-格助詞", "名詞-数詞"]
    hashes = numpy.array([strings[t] for t in tags] + [0], dtype=numpy.uint64)
    expected = [OTHER_TAG, PROPER_NOUN, COMMON_NOUN, OTHER_TAG, OTHER_NOUN, OTHER_TAG]
    assert lookup(strings, hashes).tolist() == expected
    assert sorted(calls) == sorted(set(tags))  # once per distinct string, none for hash 0
    assert lookup(strings, hashes[::-1]).tolist() == expected[::-1]
    assert len(calls) == 4  # the second call is answered from the table
    assert lookup(strings, hashes[:0]).tolist() == []


def test_windows_stay_in_their_sentence_and_merge():
    keep = numpy.zeros(20, dtype=bool)
    keep[[3, 5, 12]] = True
    sent_id = numpy.array([0] * 10 + [1] * 10)
    assert _windows(keep, sent_id, 1) == [(2, 7), (11, 14)]
    assert _windows(keep, sent_id, 2) == [(1, 8), (10, 15)]  # window 2 of 12 stops at 10
    assert _windows(keep, sent_id, 4) == [(0, 10), (10, 17)]  # never across a sentence start
    assert _windows(numpy.zeros(5, dtype=bool), numpy.zeros(5, dtype=int), 3) == []


def test_loanwords_are_not_persons_whatever_the_model_says():
    from usru_nlp import Extractor

    r = Extractor(model="usru").extract("ピーチ、グレープ、レモンなどの味がある。サプリやハムも売っている。")
    assert r.persons == [] and r.officials == []


def test_load_model_names_and_missing_model(tmp_path):
    assert load_model("usru") is load_model("usru")  # loaded once per process
    with pytest.raises(RuntimeError, match="usru_nlp.train"):
        UsruModel(tmp_path)
    with pytest.raises(ValueError):
        load_model("nope")


def test_extractor_with_usru_model_end_to_end():
    from usru_nlp import Extractor

    ex = Extractor(model="usru")
    text = "ロシアのラブロフ外相は14日、ソチでポンペオ米国務長官と会談した。"
    r = ex.extract(text, published="2019-05-15")
    assert "ラブロフ" in [o.text for o in r.officials]
    assert "ロシア" in [p.text for p in r.places]
    assert r.dates and r.dates[0].value == "2019-05-14"
    doc = ex.nlp(text)
    assert doc._.model_ents and all(text[s:e] for s, e, _ in doc._.model_ents)
    results = list(ex.pipe([text, ("プーチン大統領が演説した。", {"published": "2020-01-01"})]))
    assert [x.error for x in results] == [None, None]
