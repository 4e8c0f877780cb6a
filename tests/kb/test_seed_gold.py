"""Every official and (multi-character) place of the seed gold files is covered by the data."""
from __future__ import annotations

import re

from kbutil import MODELS, read_jsonl

_AMB = re.compile(r"^駐(.+?)(?:米|ロ|露|中|英|仏|独|日|韓|朝)?大使$")


def _norm_title(t: str) -> str:
    m = _AMB.match(t)
    return f"駐{m.group(1)}大使" if m else t


def test_gold_officials_in_kb(gold, officials):
    titles = {t["title"]: t for t in read_jsonl(MODELS / "lexicons" / "titles.jsonl")}
    canon = lambda t: titles[t]["normalized"] if t in titles else t  # noqa: E731
    by = {}
    for o in officials:
        by.setdefault(o["canonical"], []).append(o)
    problems = []
    for doc in gold:
        for m in doc["officials"]:
            entries = [e for e in by.get(m["canonical"], []) if m["country"] in
                       {f["country"] for f in e["offices"]}]
            if not entries:
                problems.append(f"{m['canonical']} ({m['country']}) missing")
                continue
            names = {n for e in entries for n in [e["canonical"], *e["aliases"]]}
            if m["text"] not in names and m["text"].replace("・", "") not in {n.replace("・", "") for n in names}:
                problems.append(f"surface {m['text']} not an alias of {m['canonical']}")
            if m["title"]:
                want = _norm_title(m["title"])
                held = {_norm_title(f["title"]) for e in entries for f in e["offices"]}
                if not any(want == h or canon(want) == canon(h) or h.endswith(want) for h in held):
                    problems.append(f"{m['canonical']}: no office matching {m['title']}")
    assert not problems, sorted(set(problems))


def test_gold_places_in_gazetteer(gold, places, prefixes):
    pre = {p["prefix"]: p for p in prefixes}
    problems = []
    for doc in gold:
        for m in doc["places"]:
            text = m["text"]
            if len(text) == 1:
                p = pre.get(text)
                if not p or p["country"] != m["country"] or not p["annotate_as_place"]:
                    problems.append(f"prefix {text}")
                continue
            if text.isascii():
                ok = any(p["name_en"] == text and p["kind"] == m["kind"] and p["country"] == m["country"]
                         for p in places)
            else:
                ok = any(text in [p["name"], *p["aliases"]] and p["kind"] == m["kind"]
                         and p["country"] == m["country"] for p in places)
            if not ok:
                problems.append(f"{text} {m['kind']} {m['country']}")
    assert not problems, sorted(set(problems))
