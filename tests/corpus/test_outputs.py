"""Writers and resume: JSONL and Parquet round-trips, partial lines, stray part files."""
from __future__ import annotations

import json

import pytest

from usru_nlp.corpus import annotate_corpus, load_jsonl
from usru_nlp.corpus.resume import ResumeError, truncate_partial_line
from usru_nlp.frames import ARTICLE_COLUMNS, MENTION_COLUMNS, mention_rows
from usru_nlp.schema import Result

from .conftest import records, write_jsonl


def test_jsonl_round_trip_to_results(tmp_path, extractor):
    items = records(20)
    src = write_jsonl(tmp_path / "in.jsonl", items)
    summary = annotate_corpus(src, tmp_path / "out.jsonl", extractor=extractor, batch_size=6)
    assert (summary.records, summary.errors, summary.skipped) == (20, 0, 0)
    lines = (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()
    for item, line in zip(items, lines):
        rec = json.loads(line)
        expected = extractor.extract(item["text"], published=item["published"])
        assert Result.from_dict(rec["result"]).to_dict() == expected.to_dict()
        assert rec["id"] == item["id"] and rec["meta"] == {"id": item["id"], "published": item["published"]}
    loaded = list(load_jsonl(tmp_path / "out.jsonl"))
    assert [i for i, _ in loaded] == [item["id"] for item in items]
    assert loaded[0][1].meta["id"] == items[0]["id"]


def test_parquet_readback_matches_frames(tmp_path, extractor):
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    items = records(30)
    src = write_jsonl(tmp_path / "in.jsonl", items + ["{broken"])
    summary = annotate_corpus(src, tmp_path / "out", format="parquet", extractor=extractor, batch_size=4, part_rows=10)
    assert (summary.records, summary.errors) == (31, 1)
    assert len(list((tmp_path / "out" / "articles").glob("part-*.parquet"))) == 3  # 12 + 12 + 7 records
    articles = pd.read_parquet(tmp_path / "out" / "articles").sort_values("_pos")
    mentions = pd.read_parquet(tmp_path / "out" / "mentions").sort_values(["_pos", "start", "end"], kind="stable")
    assert tuple(articles.columns) == ("_pos", *ARTICLE_COLUMNS) and tuple(mentions.columns) == ("_pos", *MENTION_COLUMNS)
    assert articles["error"].notna().tolist() == [False] * 30 + [True]
    expected = []
    for item in items:
        r = extractor.extract(item["text"], published=item["published"])
        expected.extend(mention_rows(r, item["id"]))
    got = mentions.drop(columns="_pos").astype(object).where(mentions.drop(columns="_pos").notna(), None)
    assert got.to_dict("records") == expected


def test_partial_last_line_is_cut(tmp_path):
    path = tmp_path / "x.jsonl"
    path.write_bytes(b'{"_pos": 0}\n{"_pos": 1}\n{"_pos": 2, "id"')
    assert truncate_partial_line(path) == len(b'{"_pos": 2, "id"')
    assert path.read_bytes() == b'{"_pos": 0}\n{"_pos": 1}\n'
    path.write_bytes(b'{"_pos": 0')
    truncate_partial_line(path)
    assert path.read_bytes() == b""


def test_resume_skips_what_is_done_and_refuses_foreign_files(tmp_path, extractor):
    items = records(12)
    src = write_jsonl(tmp_path / "in.jsonl", items)
    out = tmp_path / "out.jsonl"
    annotate_corpus(src, out, extractor=extractor, limit=5)
    with open(out, "ab") as f:
        f.write(b'{"_pos": 5, "id": "doc-0')
    summary = annotate_corpus(src, out, extractor=extractor, resume=True)
    assert (summary.skipped, summary.records) == (5, 7)
    assert [json.loads(line)["_pos"] for line in out.read_text(encoding="utf-8").splitlines()] == list(range(12))
    summary = annotate_corpus(src, out, extractor=extractor, resume=True)
    assert (summary.skipped, summary.records) == (12, 0)

    foreign = tmp_path / "foreign.jsonl"
    foreign.write_text('{"a": 1}\n', encoding="utf-8")
    with pytest.raises(ResumeError):
        annotate_corpus(src, foreign, extractor=extractor, resume=True)


def test_usage_errors_leave_no_output_behind(tmp_path, extractor):
    out = tmp_path / "out.jsonl"
    with pytest.raises(FileNotFoundError):
        annotate_corpus(tmp_path / "missing.jsonl", out, extractor=extractor)
    (tmp_path / "in.xml").write_text("<a/>", encoding="utf-8")
    with pytest.raises(ValueError, match="format"):
        annotate_corpus(tmp_path / "in.xml", out, extractor=extractor)
    assert not out.exists()
