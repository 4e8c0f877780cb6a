"""Readers: JSONL, CSV, Parquet, .txt directories, stdin; malformed input becomes error records."""
from __future__ import annotations

import io
import json
import sys

import pytest

from usru_nlp.corpus import Fields, annotate_corpus, read_records
from usru_nlp.corpus.readers import count_records, input_format

from .conftest import records, run_cli, write_jsonl


def test_malformed_jsonl_lines_are_error_records_at_their_position(tmp_path):
    src = write_jsonl(tmp_path / "in.jsonl", [records(1)[0], "{not json", "", "[1, 2]", {"id": "x", "text": 3},
                                              {"id": "y", "text": "東京", "published": "yesterday"}])
    got = list(read_records(src))
    assert [r.pos for r in got] == [0, 1, 2, 3, 4]  # the blank line is not a record
    assert got[0].error is None and got[0].id == "doc-00000"
    assert got[1].error.startswith("JSONDecodeError") and got[1].meta["line"] == 2
    assert "must be an object" in got[2].error and got[2].meta["line"] == 4
    assert "'text' is int" in got[3].error and got[3].id == "x"
    assert got[4].error is None and got[4].published == "yesterday"  # the extractor refuses the date


def test_cli_reports_every_bad_record_and_exits_3(tmp_path):
    src = write_jsonl(tmp_path / "in.jsonl", [records(1)[0], "{not json", {"id": "x", "text": 3},
                                              {"id": "y", "text": "東京", "published": "yesterday"}, records(2)[1]])
    out = tmp_path / "out.jsonl"
    p = run_cli(src, "-o", out, "--model", "none")
    assert p.returncode == 3, p.stderr
    assert "annotated 5 records (3 errors)" in p.stderr and "chars/s" in p.stderr
    recs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(r["_pos"], r["error"] is None) for r in recs] == [(0, True), (1, False), (2, False), (3, False), (4, True)]
    assert "yesterday" in recs[3]["error"] and recs[3]["id"] == "y"
    again = run_cli(src, "-o", out, "--model", "none")
    assert again.returncode == 2 and "--resume" in again.stderr  # never clobbers an output by accident


def test_csv_rows_bad_widths_and_long_fields(tmp_path, extractor):
    long_text = "東京で会談した。" * 17000  # beyond csv's default field size limit (131072)
    src = tmp_path / "in.csv"
    src.write_text('doc,body,day\n'
                   'a,"ラブロフ外相は14日、\nソチを訪れた。",2019-05-15\n'
                   'b,too,many,fields\n'
                   'c,short\n'
                   f'd,{long_text},\n', encoding="utf-8")
    got = list(read_records(src, fields=Fields(text="body", date="day", id="doc")))
    assert [r.id for r in got] == ["a", 1, 2, "d"]
    assert got[0].text == "ラブロフ外相は14日、\nソチを訪れた。" and got[0].published == "2019-05-15"
    assert "4 fields" in got[1].error and "2 fields" in got[2].error
    assert got[3].text == long_text and got[3].published is None

    out = tmp_path / "out.jsonl"
    summary = annotate_corpus(src, out, extractor=extractor, text_field="body", date_field="day", id_field="doc", limit=3)
    assert (summary.records, summary.errors) == (3, 2)
    recs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert recs[0]["result"]["dates"][0]["value"] == "2019-05-14" and recs[0]["meta"] == {"doc": "a", "day": "2019-05-15"}


def test_parquet_input(tmp_path, extractor):
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    frame = pd.DataFrame(records(5))
    frame["published"] = pd.to_datetime(frame["published"])  # timestamps are dates too
    frame.loc[2, "text"] = None
    frame.to_parquet(tmp_path / "in.parquet")
    got = list(read_records(tmp_path / "in.parquet"))
    assert [r.pos for r in got] == list(range(5)) and got[2].error and got[1].error is None
    assert count_records(tmp_path / "in.parquet") == 5
    out = tmp_path / "out.jsonl"
    assert annotate_corpus(tmp_path / "in.parquet", out, extractor=extractor).errors == 1
    first = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    assert first["result"]["published"] == "2019-01-15"


def test_txt_directory_and_stdin(tmp_path, monkeypatch):
    docs = tmp_path / "docs"
    (docs / "sub").mkdir(parents=True)
    (docs / "b.txt").write_text("北京を訪れた。", encoding="utf-8")
    (docs / "sub" / "a.txt").write_text("パリを訪れた。", encoding="utf-8")
    (docs / "notes.md").write_text("ignored", encoding="utf-8")
    assert input_format(docs) == "txt" and count_records(docs) == 2
    assert [(r.id, r.text) for r in read_records(docs)] == [("b.txt", "北京を訪れた。"), ("sub/a.txt", "パリを訪れた。")]

    p = run_cli("-", "-o", "-", "--model", "none", stdin="\n".join(json.dumps(r, ensure_ascii=False) for r in records(3)))
    assert p.returncode == 0, p.stderr
    assert [json.loads(line)["id"] for line in p.stdout.splitlines()] == ["doc-00000", "doc-00001", "doc-00002"]
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("ソウルを訪れた。\n".encode("utf-8"))))
    assert [(r.id, r.text) for r in read_records("-", "txt")] == [("-", "ソウルを訪れた。\n")]
