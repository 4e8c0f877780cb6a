"""PERSON and PLACE on UD Japanese GSD NE (dev): GiNZA alone beside usru_nlp (models usru, none, ginza).

GiNZA alone is ja_ginza's NER with its labels mapped as in ``usru_nlp.model_layer._GINZA_MAP``
(Person → PERSON; Country/City/Province/GPE_Other/... and Sea/Mountain/River/... → PLACE).
Counting is :mod:`usru_nlp.scoring` (exact spans). PLACE is scored in GSD's conventions
(:func:`usru_nlp.conventions.gsd_place_spans`, for every system alike); PLACE(raw) without.

Usage: ``python benchmarks/entities_vs_ginza.py [GOLD.jsonl] [--limit N] [--skip-ginza]``
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from usru_nlp.conventions import gsd_place_spans  # noqa: E402
from usru_nlp.evaluate import RAW_PLACE, load_gold, predicted  # noqa: E402
from usru_nlp.scoring import Scores, score_record  # noqa: E402

CATS = ("PERSON", "PLACE", RAW_PLACE)
_COARSE = {"PERSON": "PERSON", "GPE": "PLACE", "LOC": "PLACE"}


def _gold(rec) -> dict:
    return {c: rec.gold.get(c, []) for c in CATS}


def run_ginza_alone(records):
    from usru_nlp.model_layer import GinzaModel

    model = GinzaModel()
    t0 = time.perf_counter()
    ents = model.predict([r.text for r in records])
    secs = time.perf_counter() - t0
    scores = Scores()
    for rec, spans in zip(records, ents):
        pred = {c: [] for c in CATS}
        for s, e, label in spans:
            cat = _COARSE.get(label)
            if cat:
                pred[cat].append({"start": s, "end": e})
        pred[RAW_PLACE] = pred["PLACE"]
        pred["PLACE"] = [{"start": s, "end": e} for s, e in
                         gsd_place_spans(rec.text, [(m["start"], m["end"]) for m in pred["PLACE"]])]
        score_record(scores, _gold(rec), pred, rec.doc_id)
    return scores, secs


def run_ours(records, model: str):
    from usru_nlp.extractor import Extractor

    ex = Extractor(model=model)
    ex.extract("ウォームアップ。")  # load outside the timing
    t0 = time.perf_counter()
    results = list(ex.pipe([r.text for r in records], batch_size=32))
    secs = time.perf_counter() - t0
    scores = Scores()
    for rec, res in zip(records, results):
        pred = predicted(res, rec.convention)
        score_record(scores, _gold(rec), {c: pred[c] for c in CATS}, rec.doc_id)
    return scores, secs


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("gold", nargs="?", default=str(ROOT.parent / "shared/data/gsd-ne/dev.jsonl"))
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--skip-ginza", action="store_true", help="only usru_nlp with models usru and none")
    args = ap.parse_args()
    records = list(load_gold(args.gold))
    if args.limit:
        records = records[: args.limit]
    chars = sum(len(r.text) for r in records)
    systems = [("usru_nlp (model usru)", lambda: run_ours(records, "usru")),
               ("usru_nlp (model none)", lambda: run_ours(records, "none"))]
    if not args.skip_ginza:
        systems = [("GiNZA alone (ja_ginza)", lambda: run_ginza_alone(records)), *systems,
                   ("usru_nlp (model ginza)", lambda: run_ours(records, "ginza"))]
    print(f"{len(records)} sentences, {chars} characters from {args.gold}")
    print(f"{'system':<24} {'category':<10} {'P':>6} {'R':>6} {'F1':>6} {'chars/s':>10}")
    for name, fn in systems:
        scores, secs = fn()
        for cat in CATS:
            prf = scores.span[cat]
            print(f"{name:<24} {cat:<10} {prf.precision:6.3f} {prf.recall:6.3f} {prf.f1:6.3f} {chars / secs:10.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
