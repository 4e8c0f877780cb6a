"""The fused tok2vec forward (usru_nlp.fast_tok2vec) gives thinc's output (to float rounding:
the embedding mixer is precomputed, so its sums are added in another order), and only where
it fits."""
from __future__ import annotations

import numpy
import pytest
from spacy.tokens import Doc

from usru_nlp.fast_tok2vec import _CHAIN_FORWARD, _FusedForward, install
from usru_nlp.model_layer import UsruModel

SENTENCES = [
    "ロシアのラブロフ外相は14日、トルコのチャブシオール外相と電話で会談した。",
    "バイデン米大統領は20日、ホワイトハウスで記者団に「停戦は近い」と語った。",
    "岸田首相",
    "ウクライナのゼレンスキー大統領は、キーウを訪れた英国のスナク首相と会談し、"
    "防空システムの追加供与を求めた。",
    "プーチン",
]


@pytest.fixture(scope="module")
def shipped():
    model = UsruModel()
    return model, model.ner.model.layers[0]


def _thinc(top, docs):
    return _CHAIN_FORWARD(top, docs, is_train=False)[0]


def test_shipped_model_gets_the_fused_forward(shipped):
    model, top = shipped
    assert model.fused_tok2vec
    fused = top._func
    assert isinstance(fused, _FusedForward)
    assert install(model.ner.model)  # a second install changes nothing
    assert top._func is fused


def test_installed_model_still_serialises_and_copies(shipped):
    model, top = shipped
    docs = [model.nlp.make_doc(s) for s in SENTENCES]
    data = model.ner.model.to_bytes()
    copy = model.ner.model.copy()
    # a copy shares the forward function but not the weights: it runs thinc's forward
    assert copy.layers[0]._func is top._func
    assert numpy.array_equal(copy.layers[0].predict(docs), _thinc(copy.layers[0], docs))
    assert copy.from_bytes(data).to_bytes() == data
    assert install(copy) and copy.layers[0]._func is not top._func  # its own, once installed
    numpy.testing.assert_allclose(copy.layers[0].predict(docs), _thinc(copy.layers[0], docs), rtol=1e-4, atol=1e-4)


def test_fused_forward_equals_thinc_on_a_batch_of_docs(shipped):
    model, top = shipped
    docs = [model.nlp.make_doc(s) for s in SENTENCES]
    lengths = sorted(len(d) for d in docs)
    assert lengths[0] == 1 and len(set(lengths)) == len(lengths)
    want = _thinc(top, docs)
    got = top.predict(docs)
    assert got.shape == want.shape == (sum(lengths), 64) and got.dtype == want.dtype
    numpy.testing.assert_allclose(got, want, rtol=1e-4, atol=1e-4)
    assert not numpy.array_equal(got, _thinc(top, docs[:1] + docs[1:]) + 1)  # (a real comparison)
    # one Doc alone, and the 1-token Doc alone
    for doc in (docs[0], docs[-1]):
        numpy.testing.assert_allclose(top.predict([doc]), _thinc(top, [doc]), rtol=1e-4, atol=1e-4)


def test_training_and_unexpected_input_go_through_thinc(shipped):
    model, top = shipped
    docs = [model.nlp.make_doc(s) for s in SENTENCES[:2]]
    with_empty = docs + [Doc(model.nlp.vocab, words=[])]
    assert numpy.array_equal(top.predict(with_empty), _thinc(top, with_empty))
    Y, backprop = top.begin_update(docs)
    assert numpy.array_equal(Y, _thinc(top, docs))
    backprop(numpy.zeros_like(Y))  # thinc's backprop, not the fused forward's refusal


def test_entities_are_the_same(shipped):
    model, top = shipped
    text = "\n".join(SENTENCES)
    fused_func = top._func
    model._seen.clear()
    fused = model.predict([text])
    top._func = _CHAIN_FORWARD
    model._seen.clear()
    try:
        original = model.predict([text])
    finally:
        top._func = fused_func
    assert fused == original and any(label == "PERSON" for _, _, label in fused[0])


def _ner_model(tok2vec_cfg):
    """A small untrained NER model (TransitionBasedParser.v2 over ``tok2vec_cfg``)."""
    import spacy

    nlp = spacy.blank("xx")
    ner = nlp.add_pipe("ner", config={"model": {
        "@architectures": "spacy.TransitionBasedParser.v2", "state_type": "ner",
        "extra_state_tokens": False, "hidden_width": 16, "maxout_pieces": 2, "use_upper": True,
        "nO": None, "tok2vec": tok2vec_cfg}})
    ner.add_label("PERSON")
    nlp.initialize()
    words = (["ラブロフ", "外相", "は", "会談", "し", "た"], ["プーチン"],
             ["米", "国務", "長官", "が", "来日"])
    docs = [Doc(nlp.vocab, words=w) for w in words]
    return ner.model, docs


def _embed(width, attrs, rows):
    return {"@architectures": "spacy.MultiHashEmbed.v2", "width": width, "attrs": attrs,
            "rows": rows, "include_static_vectors": False}


def test_other_dimensions_of_the_same_architecture_are_fused():
    cfg = {"@architectures": "spacy.Tok2Vec.v2",
           "embed": _embed(32, ["NORM", "PREFIX", "SHAPE"], [300, 200, 100]),
           "encode": {"@architectures": "spacy.MaxoutWindowEncoder.v2", "width": 32,
                      "depth": 2, "window_size": 2, "maxout_pieces": 2}}
    parser_model, docs = _ner_model(cfg)
    top = parser_model.layers[0]
    want = _thinc(top, docs)
    assert install(parser_model) and isinstance(top._func, _FusedForward)
    got = top.predict(docs)
    numpy.testing.assert_allclose(got, want, rtol=1e-4, atol=1e-5)


def test_another_architecture_is_left_alone():
    cfg = {"@architectures": "spacy.Tok2Vec.v2",
           "embed": _embed(32, ["NORM", "SHAPE"], [300, 100]),
           "encode": {"@architectures": "spacy.MishWindowEncoder.v2", "width": 32,
                      "depth": 2, "window_size": 1}}
    parser_model, docs = _ner_model(cfg)
    funcs = [node._func for node in parser_model.walk()]
    before = parser_model.to_bytes()
    want = _thinc(parser_model.layers[0], docs)
    assert not install(parser_model)
    assert [node._func for node in parser_model.walk()] == funcs
    assert parser_model.to_bytes() == before
    assert numpy.array_equal(parser_model.layers[0].predict(docs), want)
