"""Evaluate the extractor on gold data and print per-category precision/recall/F1.

Gold data may be:

- a JSONL of gold records ``{"text", "published"?, "officials"?, "persons"?, "places"?, "dates"?}``
  in the schema of :mod:`usru_nlp.schema` (only the categories a record has are scored);
- a JSONL of sentences with ``entities`` (``start``, ``end``, ``label``), e.g. UD Japanese GSD NE:
  PERSON → PERSON, GPE ∪ LOC → PLACE, DATE → DATE; our dates, places and persons are scored in
  GSD's span conventions (:mod:`usru_nlp.conventions`: date modifiers outside, no sets or clock
  durations; no place inside 米政府 or 真珠湾攻撃; 日米 as one span; ちゃん inside a person);
- a directory of seed gold files (``*.json`` with ``file``, ``dct`` and mention lists; the text is
  read from ``file`` beside the directory).

Usage: ``python -m usru_nlp.evaluate GOLD [--model ginza|none] [--no-published] [--errors N]``
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Dict, Iterator, List, Optional

from .conventions import gsd_date_span, gsd_person_span, gsd_place_spans
from .pipeline import DEFAULT_MODEL
from .scoring import Scores, merge_categories, score_record

CATEGORIES = ("officials", "persons", "places", "dates")
GSD_MAP = {"PERSON": "PERSON", "GPE": "PLACE", "LOC": "PLACE", "DATE": "DATE"}
RAW_PLACE = "PLACE(raw)"  # GSD files: places without the convention mapping, for comparison


class GoldRecord:
    def __init__(self, doc_id: str, text: str, published: Optional[str], gold: Dict[str, list],
                 convention: str = "usru"):
        self.doc_id, self.text, self.published, self.gold = doc_id, text, published, gold
        self.convention = convention  # "gsd": map our dates to GSD's span conventions


def _from_schema(doc_id: str, rec: dict, text: str) -> GoldRecord:
    mentions = {c: rec[c] for c in CATEGORIES if c in rec}
    gold = merge_categories(mentions)
    # a coarse category is scored only when the record has every category it is made of
    gold = {k: v for k, v in gold.items() if k in mentions or _coarse_source(k) <= mentions.keys()}
    return GoldRecord(doc_id, text, rec.get("published") or rec.get("dct"), gold)


def _coarse_source(cat: str) -> set:
    return {"PERSON": {"officials", "persons"}, "PLACE": {"places"}, "DATE": {"dates"}}.get(cat, set())


def load_gold(path: str | Path) -> Iterator[GoldRecord]:
    path = Path(path)
    if path.is_dir():
        for f in sorted(path.glob("*.json")):
            rec = json.loads(f.read_text(encoding="utf-8"))
            text = (path.parent / rec["file"]).read_text(encoding="utf-8")
            yield _from_schema(f.stem, rec, text)
        return
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            rec = json.loads(line)
            doc_id = str(rec.get("id") or rec.get("sent_id") or n)
            if "entities" in rec:
                gold: Dict[str, list] = {"PERSON": [], "PLACE": [], "DATE": []}
                for e in rec["entities"]:
                    cat = GSD_MAP.get(e["label"])
                    if cat:
                        gold[cat].append({"start": e["start"], "end": e["end"], "text": e.get("text")})
                gold[RAW_PLACE] = gold["PLACE"]
                yield GoldRecord(doc_id, rec["text"], rec.get("published"), gold, convention="gsd")
            else:
                yield _from_schema(doc_id, rec, rec["text"])


def predicted(result, convention: str = "usru") -> Dict[str, list]:
    d = result.to_dict()
    mentions = {c: d[c] for c in CATEGORIES}
    out = merge_categories(mentions)
    if convention == "gsd":
        spans = (gsd_date_span(result.text, m) for m in result.dates)
        out["DATE"] = [{"start": s, "end": e, "text": result.text[s:e]} for s, e in filter(None, spans)]
        out[RAW_PLACE] = out["PLACE"]
        spans = gsd_place_spans(result.text, [(m["start"], m["end"]) for m in out["PLACE"]])
        by_span = {(m["start"], m["end"]): m for m in out["PLACE"]}
        out["PLACE"] = [by_span.get((s, e)) or {"start": s, "end": e, "text": result.text[s:e]} for s, e in spans]
    seen = set()
    people = []
    for m in out["PERSON"]:  # an official may also be a person mention at the same span
        if (m["start"], m["end"]) not in seen:
            seen.add((m["start"], m["end"]))
            people.append(m)
    if convention == "gsd":
        people = [dict(m, start=s, end=e, text=result.text[s:e])
                  for m in people for s, e in [gsd_person_span(result.text, m["start"], m["end"])]]
    out["PERSON"] = people
    return out


def evaluate(records, extractor, use_published: bool = True, batch_size: int = 16) -> Scores:
    scores = Scores()
    records = list(records)
    items = [(r.text, {"published": r.published if use_published else None}) for r in records]
    for rec, result in zip(records, extractor.pipe(items, batch_size=batch_size)):
        if result.error:
            raise RuntimeError(f"{rec.doc_id}: {result.error}")
        score_record(scores, rec.gold, predicted(result, rec.convention), rec.doc_id)
    return scores


def format_table(scores: Scores) -> str:
    rows = ["category      span P   span R   span F1 | +attr P  +attr R  +attr F1"]
    for cat, prf in scores.span.items():
        a = scores.attrs.get(cat)
        attr = f"{a.precision:8.3f} {a.recall:8.3f} {a.f1:8.3f}" if a else "       -        -        -"
        rows.append(f"{cat:<12} {prf.precision:8.3f} {prf.recall:8.3f} {prf.f1:9.3f} | {attr}")
    if scores.date_values[1]:
        right, found = scores.date_values
        rows.append(f"date value accuracy (value+mod, on exact spans): {right}/{found} = "
                    f"{scores.date_value_accuracy():.3f}")
    return "\n".join(rows)


def main(argv: Optional[List[str]] = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m usru_nlp.evaluate", description=__doc__.split("\n")[0])
    ap.add_argument("gold", help="gold JSONL file or directory of seed gold files")
    ap.add_argument("--model", default=DEFAULT_MODEL, help="model layer: usru (default), none or ginza")
    ap.add_argument("--no-published", action="store_true", help="hide publication dates")
    ap.add_argument("--limit", type=int, default=0, help="score only the first N records")
    ap.add_argument("--errors", type=int, default=0, help="print up to N errors per category")
    ap.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = ap.parse_args(argv)

    from .extractor import Extractor

    records = list(load_gold(args.gold))
    if args.limit:
        records = records[: args.limit]
    scores = evaluate(records, Extractor(model=args.model), use_published=not args.no_published)
    if args.json:
        print(json.dumps(scores.to_dict(), ensure_ascii=False, indent=1))
    else:
        print(f"{len(records)} records from {args.gold} (model: {args.model})")
        if any(r.convention == "gsd" for r in records):
            print("dates and places scored in GSD conventions (usru_nlp.conventions); "
                  f"{RAW_PLACE}: places without the mapping")
        print(format_table(scores))
    if args.errors:
        for cat, errs in scores.errors.items():
            for e in errs[: args.errors]:
                print(cat, json.dumps(e, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
