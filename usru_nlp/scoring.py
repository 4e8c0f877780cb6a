"""Scoring extraction results against gold mentions (spaCy ``Scorer`` style PRF).

Gold and predicted mentions are dicts in the gold schema (``start``, ``end`` and attributes).
Each category is scored twice: on the exact span, and on the span plus its attributes
(:data:`ATTRIBUTES`). Dates also get *value accuracy*: among gold dates whose span was found
exactly, the share with the right value and mod.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Dict, Iterable, List, Sequence

ATTRIBUTES: Dict[str, Sequence[str]] = {
    "officials": ("title", "country"),
    "persons": ("role",),
    "places": ("kind", "country"),
    "dates": ("value", "mod"),
    "PERSON": (),
    "PLACE": (),
    "DATE": (),
}


@dataclass
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, gold: Iterable, pred: Iterable) -> None:
        g, p = Counter(gold), Counter(pred)
        tp = sum((g & p).values())
        self.tp += tp
        self.fp += sum(p.values()) - tp
        self.fn += sum(g.values()) - tp

    def to_dict(self) -> dict:
        return {"p": round(self.precision, 4), "r": round(self.recall, 4), "f1": round(self.f1, 4),
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass
class Scores:
    span: Dict[str, PRF] = field(default_factory=dict)
    attrs: Dict[str, PRF] = field(default_factory=dict)
    date_values: List[int] = field(default_factory=lambda: [0, 0])  # right, found
    errors: Dict[str, List[dict]] = field(default_factory=dict)

    def date_value_accuracy(self) -> float:
        right, found = self.date_values
        return right / found if found else 0.0

    def to_dict(self) -> dict:
        return {
            "span": {k: v.to_dict() for k, v in self.span.items()},
            "span+attributes": {k: v.to_dict() for k, v in self.attrs.items()},
            "date_value_accuracy": round(self.date_value_accuracy(), 4),
            "date_values_right_found": list(self.date_values),
        }


def _key(m: dict, attrs: Sequence[str] = ()) -> tuple:
    return (m["start"], m["end"], *(m.get(a) for a in attrs))


def score_record(scores: Scores, gold: Dict[str, list], pred: Dict[str, list], doc_id: str = "") -> None:
    """Add one document's counts. ``gold``/``pred`` map category → list of mention dicts.

    Categories absent from ``gold`` are not scored for this record.
    """
    for cat, gold_ms in gold.items():
        pred_ms = pred.get(cat, [])
        attrs = ATTRIBUTES.get(cat, ())
        scores.span.setdefault(cat, PRF()).add(map(_key, gold_ms), map(_key, pred_ms))
        if attrs:
            scores.attrs.setdefault(cat, PRF()).add(
                (_key(m, attrs) for m in gold_ms), (_key(m, attrs) for m in pred_ms)
            )
        gold_keys = {_key(m) for m in gold_ms}
        pred_keys = {_key(m) for m in pred_ms}
        errs = scores.errors.setdefault(cat, [])
        for m in gold_ms:
            if _key(m) not in pred_keys:
                errs.append({"doc": doc_id, "error": "missed", **_brief(m)})
        for m in pred_ms:
            if _key(m) not in gold_keys:
                errs.append({"doc": doc_id, "error": "spurious", **_brief(m)})
        if cat == "dates":
            by_span = {_key(m): m for m in pred_ms}
            for m in gold_ms:
                p = by_span.get(_key(m))
                if p is None:
                    continue
                scores.date_values[1] += 1
                if p.get("value") == m.get("value") and p.get("mod") == m.get("mod"):
                    scores.date_values[0] += 1
                else:
                    errs.append({"doc": doc_id, "error": "value", **_brief(m),
                                 "got": [p.get("value"), p.get("mod")]})


def _brief(m: dict) -> dict:
    keep = ("start", "end", "text", "value", "mod", "title", "country", "kind", "role")
    return {k: m[k] for k in keep if k in m}


def merge_categories(mentions: Dict[str, list]) -> Dict[str, list]:
    """Add the coarse categories of the GSD comparison: PERSON, PLACE, DATE."""
    out = dict(mentions)
    out["PERSON"] = [*mentions.get("officials", []), *mentions.get("persons", [])]
    out["PLACE"] = list(mentions.get("places", []))
    out["DATE"] = [m for m in mentions.get("dates", []) if m.get("type") != "TIME"]
    return out
