"""The stages are ordinary spaCy components with Doc._ extensions."""
import spacy

from usru_nlp.pipeline import STAGES, blank, build_pipeline


def test_factories_are_registered_and_usable_in_any_pipeline():
    nlp = blank()
    nlp.add_pipe("usru_segmenter")
    nlp.add_pipe("usru_places")
    doc = nlp("米国とロシアがジュネーブで会談した。")
    assert [p.text for p in doc._.places] == ["米国", "ロシア", "ジュネーブ"]
    assert doc._.body == (0, len(doc.text))


def test_full_pipeline_exposes_spans_and_extensions():
    nlp = build_pipeline("none")
    assert nlp.pipe_names == list(STAGES)
    doc = nlp("ロシアのラブロフ外相は14日に会談した。")
    labels = {(s.text, s.label_) for s in doc.spans["usru"]}
    assert ("ラブロフ", "OFFICIAL") in labels and ("ロシア", "PLACE") in labels
    official = next(s for s in doc.spans["usru"] if s.label_ == "OFFICIAL")
    assert official._.mention.title == "外相"
    assert doc._.dates[0].text == "14日"


def test_pipeline_serialises_to_disk(tmp_path):
    nlp = build_pipeline("none")
    nlp.to_disk(tmp_path / "p")
    assert (tmp_path / "p" / "config.cfg").exists()
    cfg = spacy.util.load_config(tmp_path / "p" / "config.cfg")
    assert cfg["nlp"]["tokenizer"]["@tokenizers"] == "usru_nlp.FugashiTokenizer.v1"
