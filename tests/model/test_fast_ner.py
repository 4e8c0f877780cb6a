"""The numpy greedy decoder (usru_nlp.fast_ner) finds what spaCy's NER finds, and only runs
where it knows the model."""
from __future__ import annotations

import random

import numpy
import pytest
import spacy
from spacy.tokens import Doc

from usru_nlp.blas import one_thread
from usru_nlp.fast_ner import greedy_decoder
from usru_nlp.model_layer import UsruModel

SENTENCES = [
    "ロシアのラブロフ外相は14日、トルコのチャブシオール外相と電話で会談した。",
    "バイデン米大統領は20日、ホワイトハウスで記者団に「停戦は近い」と語った。",
    "岸田首相",
    "プーチン",
    "ウクライナのゼレンスキー大統領は、キーウを訪れた英国のスナク首相と会談し、防空システムの追加供与を求めた。",
    "（ワシントン＝山田太郎）\u3000国連の グテレス 事務総長は2023年3月、ニューヨークで演説した。",
    "",
]


def _spacy_ents(ner, docs):
    return [[(e.start, e.end, e.label_) for e in d.ents] for d in ner.pipe(docs, batch_size=3)]


@pytest.fixture(scope="module")
def shipped():
    return UsruModel()


def test_shipped_model_is_decoded_as_spacy_decodes_it(shipped):
    docs = [shipped.nlp.make_doc(s) for s in SENTENCES]
    decoder = greedy_decoder(shipped.ner)
    assert decoder is not None and shipped.decoder is not None
    with one_thread():
        want = _spacy_ents(shipped.ner, [shipped.nlp.make_doc(s) for s in SENTENCES])
        got = decoder(docs, batch_size=3)
    assert got == want
    found = {(docs[i][s:e].text, label) for i, ents in enumerate(got) for s, e, label in ents}
    assert {("ラブロフ", "PERSON"), ("山田太郎", "PERSON"), ("2023年3月", "DATE"), ("ウクライナ", "GPE")} <= found
    assert got[-1] == []


def _random_ner(seed: int, extra_state_tokens: bool = False):
    """An untrained NER with random weights: its moves are arbitrary, which exercises every
    transition and validity rule."""
    nlp = spacy.blank("xx")
    ner = nlp.add_pipe("ner", config={"model": {
        "@architectures": "spacy.TransitionBasedParser.v2", "state_type": "ner",
        "extra_state_tokens": extra_state_tokens, "hidden_width": 16, "maxout_pieces": 2,
        "use_upper": True, "nO": None,
        "tok2vec": {"@architectures": "spacy.HashEmbedCNN.v2", "pretrained_vectors": None,
                    "width": 16, "depth": 1, "embed_size": 500, "window_size": 1,
                    "maxout_pieces": 2, "subword_features": True}}})
    for label in ("PERSON", "GPE", "ORG"):
        ner.add_label(label)
    nlp.initialize()
    rng = random.Random(seed)
    upper = ner.model.get_ref("upper")
    for name in ("W", "b"):  # sharpen the output layer so that all moves get chosen
        shape = upper.get_param(name).shape
        values = numpy.array([rng.gauss(0, 3) for _ in range(int(numpy.prod(shape)))], dtype="float32")
        upper.set_param(name, values.reshape(shape))
    out = [ner.moves.get_class_name(i) for i in range(ner.moves.n_moves)].index("O")
    upper.get_param("b")[out] -= 6  # fewer O moves: more entities to compare
    words = ["米", "国務", "長官", " ", "が", "来日", "し", "た", "。", "ロシア", "\u3000", "外相", "ソチ"]
    docs = []
    for _ in range(60):
        n = rng.randint(1, 12)
        ws = [rng.choice(words) for _ in range(n)]
        starts = [True] + [rng.random() < 0.2 for _ in range(n - 1)]
        docs.append(Doc(nlp.vocab, words=ws, spaces=[False] * n, sent_starts=starts))
    return ner, docs


@pytest.mark.parametrize("seed", range(6))
def test_random_models_are_decoded_as_spacy_decodes_them(seed):
    ner, docs = _random_ner(seed)
    decoder = greedy_decoder(ner)
    assert decoder is not None
    copies = [Doc(d.vocab).from_bytes(d.to_bytes()) for d in docs]
    want = _spacy_ents(ner, copies)
    assert decoder(docs, batch_size=3) == want
    assert decoder(iter(docs), batch_size=128) == want  # any iterable, any batch size
    assert sum(map(len, want)) > 10  # (the comparison is about entities, not empty lists)


def test_models_it_does_not_describe_keep_spacys_pipe():
    ner, _ = _random_ner(0, extra_state_tokens=True)  # 6 context features, not 3
    assert greedy_decoder(ner) is None
    ner, _ = _random_ner(0)
    ner.cfg["beam_width"] = 4
    assert greedy_decoder(ner) is None
