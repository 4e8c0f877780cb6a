"""usru_nlp.frames: mention and article rows, pandas frames."""
from __future__ import annotations

import pytest

from usru_nlp import frames
from usru_nlp.schema import Result

TEXT = "ロシアのラブロフ外相は14日、ソチでポンペオ米国務長官と会談した。"


def test_mention_rows_cover_every_mention_in_text_order(extractor):
    r = extractor.extract(TEXT, published="2019-05-15")
    rows = frames.mention_rows(r, doc_id="a1")
    assert len(rows) == len(r)
    assert all(tuple(row) == frames.MENTION_COLUMNS for row in rows)
    assert [row["start"] for row in rows] == sorted(row["start"] for row in rows)
    assert all(TEXT[row["start"]:row["end"]] == row["text"] and row["doc_id"] == "a1" for row in rows)
    lavrov = next(row for row in rows if row["kind"] == "official" and row["text"] == "ラブロフ")
    assert (lavrov["country"], lavrov["title"], lavrov["place_kind"], lavrov["value"]) == ("RU", "外相", None, None)
    date = next(row for row in rows if row["kind"] == "date")
    assert (date["date_type"], date["value"]) == ("DATE", "2019-05-14")
    place = next(row for row in rows if row["kind"] == "place")
    assert place["place_kind"] == "country" and place["canonical"] is None


def test_frames_have_fixed_columns_and_dtypes(extractor):
    pytest.importorskip("pandas")
    r = extractor.extract(TEXT, published="2019-05-15")
    df = frames.result_frame(r, doc_id=1)
    assert tuple(df.columns) == frames.MENTION_COLUMNS and len(df) == len(r)
    empty = frames.result_frame(Result(text="なし"))
    assert tuple(empty.columns) == frames.MENTION_COLUMNS and len(empty) == 0
    assert str(df["start"].dtype) == "int64" and str(df["cluster"].dtype) == "Int64"
    assert str(empty["former"].dtype) == "boolean"


def test_corpus_frame_ids(extractor):
    pytest.importorskip("pandas")
    results = [extractor.extract(TEXT, meta={"id": "x"}), extractor.extract("東京とパリ。")]
    df = frames.corpus_frame(results)
    assert set(df["doc_id"]) == {"x", 1}
    df = frames.corpus_frame(results, ids=["a", "b"])
    assert df.groupby("doc_id").size().to_dict() == {"a": len(results[0]), "b": len(results[1])}
    arts = frames.article_frame(results, ids=["a", "b"])
    assert list(arts["doc_id"]) == ["a", "b"] and list(arts["n_places"]) == [len(r.places) for r in results]
