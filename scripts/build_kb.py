#!/usr/bin/env python3
"""Build the knowledge-base and lexicon JSONL files from the hand-curated sources.

    models/kb/sources/officials.txt            -> models/kb/officials.jsonl
    models/lexicons/sources/titles.tsv         -> models/lexicons/titles.jsonl
    models/lexicons/sources/country_prefixes.tsv -> models/lexicons/country_prefixes.jsonl
    models/lexicons/sources/title_modifiers.tsv  -> models/lexicons/title_modifiers.jsonl

Deterministic: same sources give byte-identical output. Run with the project venv:
    /work/venv/bin/python scripts/build_kb.py
"""
from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MODELS = ROOT / "models"
ORGS = {"EU", "NATO", "UN", "IAEA", "WHO"}
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def _rows(path: Path):
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        yield [None if c in ("-", "") else c for c in line.split("\t")]


def _dump(path: Path, records) -> int:
    with path.open("w", encoding="utf-8", newline="\n") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False, sort_keys=False) + "\n")
    return len(records)


def build_titles() -> list[dict]:
    out = []
    for title, en, cat, needs, hint, norm, org in _rows(MODELS / "lexicons/sources/titles.tsv"):
        out.append({"title": title, "title_en": en, "category": cat,
                    "needs_country": needs == "1", "country_hint": hint,
                    "normalized": norm or title, "org": org})
    return out


def build_prefixes() -> list[dict]:
    out = []
    for row in _rows(MODELS / "lexicons/sources/country_prefixes.tsv"):
        prefix, cc, region, annotate, in_seeds, ambiguous, name, *note = row + [None]
        out.append({"prefix": prefix, "country": cc, "region": region,
                    "annotate_as_place": annotate == "1", "in_seeds": in_seeds == "1",
                    "ambiguous": ambiguous == "1", "name": name, "note": note[0] if note else None})
    return out


def build_modifiers() -> list[dict]:
    return [{"modifier": m, "position": pos, "meaning": meaning, "former": former == "1", "note": note}
            for m, pos, meaning, former, note in _rows(MODELS / "lexicons/sources/title_modifiers.tsv")]


def _slug(name_en: str) -> str:
    s = unicodedata.normalize("NFKD", name_en).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


def _variants(alias: str) -> set[str]:
    """Spelling variants generated automatically: ヴ-forms -> バ行 forms."""
    out = {alias}
    if "ヴ" in alias:
        v = alias
        for a, b in (("ヴァ", "バ"), ("ヴィ", "ビ"), ("ヴェ", "ベ"), ("ヴォ", "ボ"), ("ヴ", "ブ")):
            v = v.replace(a, b)
        out.add(v)
    return out


def parse_officials(titles: set[str]) -> list[dict]:
    people: list[dict] = []
    errors: list[str] = []
    cur = None
    src = MODELS / "kb/sources/officials.txt"
    for n, raw in enumerate(src.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.split("  #")[0].rstrip() if not raw.startswith("#") else ""
        if not line.strip():
            continue
        if not line.startswith(" "):
            parts = [p.strip() for p in line.split("|")]
            while len(parts) < 4:
                parts.append("")
            canonical_src, name_en, qid, aliases = parts[:4]
            auto = set()
            if " " in canonical_src:  # kanji name "姓 名"
                auto.add(canonical_src.split(" ")[0])
            elif re.search(r"[・＝]", canonical_src):
                auto.add(re.split(r"[・＝]", canonical_src)[-1])
            canonical = canonical_src.replace(" ", "")
            extra = [a.strip() for a in aliases.split(",") if a.strip()]
            removed = {a[1:] for a in extra if a.startswith("-")}
            names = set(auto) | {a for a in extra if not a.startswith("-")}
            for a in list(names):
                names |= _variants(a)
            names |= _variants(canonical) - {canonical}
            names -= removed | {canonical}
            cur = {"id": None, "qid": None if qid in ("-", "") else qid, "canonical": canonical,
                   "name_en": name_en, "aliases": sorted(names), "offices": []}
            people.append(cur)
            continue
        toks = line.split()
        if cur is None or len(toks) < 4:
            errors.append(f"{src.name}:{n}: bad office line")
            continue
        cc, title, start, end = toks[:4]
        title_en = " ".join(toks[4:]) or None
        for d in (start, end):
            if d != "-" and not DATE_RE.match(d):
                errors.append(f"{src.name}:{n}: bad date {d}")
        if title not in titles:
            errors.append(f"{src.name}:{n}: unknown title {title}")
        note = raw.split("  #", 1)[1].strip() if "  #" in raw else None
        office = {"title": title, "title_en": title_en, "country": None if cc in ORGS else cc,
                  "org": cc if cc in ORGS else None, "start": None if start == "-" else start,
                  "end": None if end == "-" else end}
        if note:
            office["note"] = note
        cur["offices"].append(office)
    if errors:
        sys.exit("\n".join(errors))
    seen: dict[str, int] = {}
    for p in people:
        base = "usru:" + _slug(p["name_en"])
        seen[base] = seen.get(base, 0) + 1
        p["id"] = base if seen[base] == 1 else f"{base}-{seen[base]}"
    return people


OUTPUTS = {
    "officials": "kb/officials.jsonl",
    "titles": "lexicons/titles.jsonl",
    "country_prefixes": "lexicons/country_prefixes.jsonl",
    "title_modifiers": "lexicons/title_modifiers.jsonl",
}


def build_all() -> dict[str, list[dict]]:
    """All records, keyed like OUTPUTS (used by tests to check the files are up to date)."""
    titles = build_titles()
    by_title = {t["title"]: t for t in titles}
    people = parse_officials(set(by_title))
    for p in people:  # default title_en from the lexicon
        for o in p["offices"]:
            o["title_en"] = o["title_en"] or by_title[o["title"]]["title_en"]
    return {"officials": people, "titles": titles,
            "country_prefixes": build_prefixes(), "title_modifiers": build_modifiers()}


def main() -> None:
    counts = {k: _dump(MODELS / OUTPUTS[k], v) for k, v in build_all().items()}
    print(json.dumps(counts, ensure_ascii=False))


if __name__ == "__main__":
    main()
