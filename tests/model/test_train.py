"""The training recipe stays reproducible: one command, end to end, on a tiny synthetic set."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from usru_nlp.train import LABEL_MAP, to_docs

ROOT = Path(__file__).resolve().parents[2]
PEOPLE = ["プーチン", "ラブロフ", "ブリンケン", "山田太郎", "メルケル"]
PLACES = ["モスクワ", "ワシントン", "東京", "ベルリン", "ソチ"]


def synthetic(n: int):
    for i in range(n):
        person, place = PEOPLE[i % len(PEOPLE)], PLACES[(i * 3) % len(PLACES)]
        text = f"{person}氏は{i % 28 + 1}日、{place}を訪れた。"
        day = text.index("日、") + 1
        ents = [
            {"start": 0, "end": len(person), "label": "PERSON"},
            {"start": len(person) + 2, "end": day, "label": "DATE"},
            {"start": text.index(place), "end": text.index(place) + len(place), "label": "GPE"},
            {"start": 0, "end": 1, "label": "PRODUCT"},  # not learned: dropped
        ]
        yield {"sent_id": f"s{i}", "text": text, "entities": ents}


def _write(path: Path, records) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                    encoding="utf-8")
    return path


def test_alignment_counts_what_is_lost():
    from collections import Counter

    from usru_nlp.pipeline import blank

    stats = Counter()
    recs = [{"text": "東京都庁", "entities": [{"start": 0, "end": 2, "label": "GPE"},
                                           {"start": 1, "end": 4, "label": "ORG"}]}]
    (doc,) = to_docs(blank(), recs, stats)
    assert stats["entities"] == 2 and stats["kept"] + stats["lost: overlap after expansion"] == 2
    assert all(e.label_ in LABEL_MAP.values() for e in doc.ents)


def test_training_command_runs_end_to_end(tmp_path):
    train = _write(tmp_path / "train.jsonl", synthetic(40))
    dev = _write(tmp_path / "dev.jsonl", synthetic(10))
    out = tmp_path / "ner"
    env = dict(os.environ, OMP_NUM_THREADS="1")
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "usru_nlp.train", "--train", str(train), "--dev",
                    str(dev), "--out", str(out), "--max-steps", "20", "--eval-frequency", "10"],
                   check=True, cwd=ROOT, env=env, capture_output=True)
    assert time.perf_counter() - t0 < 60
    assert (out / "config.cfg").is_file() and (out / "ner" / "model").is_file()
    assert not (out / "model-best").exists()

    from usru_nlp.model_layer import UsruModel

    m = UsruModel(out)
    assert set(m.labels) == {"PERSON", "DATE", "GPE"}
    (ents,) = m.predict(["ラブロフ氏は3日、東京を訪れた。"])
    assert all(0 <= s < e <= 17 for s, e, _ in ents)


def test_training_refuses_to_replace_a_directory_that_is_not_a_model(tmp_path):
    import pytest

    from usru_nlp.train import train

    (tmp_path / "notes.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(RuntimeError, match="not a spaCy model"):
        train("unused.jsonl", "unused.jsonl", tmp_path)
    assert (tmp_path / "notes.txt").is_file()
