"""The model layer: a statistical NER behind one small interface.

A model takes texts and returns, per text, ``(start, end, label)`` character spans with labels
from our small set (:data:`LABELS`). The rule layers use these as evidence (e.g. that an unknown
katakana word is a person). Backends:

- ``"ginza"``: GiNZA's ``ja_ginza`` NER (189 Sekine labels mapped to ours). Slow (~2,000 chars/s).
- ``"none"``: no model; the rules, lexicons and UniDic tags alone.
"""
from __future__ import annotations

from typing import Iterable, List, Protocol, Sequence, Tuple

Ent = Tuple[int, int, str]
LABELS = ("PERSON", "GPE", "LOC", "ORG", "NORP", "FAC", "DATE", "TIME", "TITLE")


class EntityModel(Protocol):
    name: str

    def predict(self, texts: Sequence[str]) -> List[List[Ent]]: ...


class NullModel:
    name = "none"

    def predict(self, texts: Sequence[str]) -> List[List[Ent]]:
        return [[] for _ in texts]


_GINZA_MAP = {
    "Person": "PERSON",
    "Country": "GPE", "City": "GPE", "Province": "GPE", "County": "GPE", "GPE_Other": "GPE",
    "Domestic_Region": "LOC", "Continental_Region": "LOC", "Region_Other": "LOC",
    "Location_Other": "LOC", "Geological_Region_Other": "LOC", "Sea": "LOC", "Bay": "LOC",
    "Island": "LOC", "Mountain": "LOC", "River": "LOC", "Lake": "LOC", "Astral_Body_Other": "LOC",
    "Date": "DATE", "Era": "DATE", "Period_Year": "DATE", "Period_Month": "DATE",
    "Period_Week": "DATE", "Period_Day": "DATE", "Time": "TIME", "Period_Time": "TIME",
    "Position_Vocation": "TITLE", "Title_Other": "TITLE",
    "Nationality": "NORP", "Ethnic_Group_Other": "NORP",
    "Company": "ORG", "Company_Group": "ORG", "Corporation_Other": "ORG", "Government": "ORG",
    "International_Organization": "ORG", "Political_Organization_Other": "ORG",
    "Political_Party": "ORG", "Public_Institution": "ORG", "Military": "ORG", "Cabinet": "ORG",
    "Newspaper": "ORG", "Magazine": "ORG", "Organization_Other": "ORG", "School": "ORG",
    "Research_Institute": "ORG", "Sports_Organization_Other": "ORG", "Pro_Sports_Organization": "ORG",
    "Show_Organization": "ORG", "Family": "ORG",
    "Facility_Other": "FAC", "Worship_Place": "FAC", "Airport": "FAC", "Station": "FAC",
    "Museum": "FAC", "Park": "FAC", "Sports_Facility": "FAC", "Theater": "FAC",
}

# Sudachi (GiNZA's tokenizer) fails above 49,149 bytes; stay well below.
_GINZA_MAX_BYTES = 12000


def _chunks(text: str, max_bytes: int) -> Iterable[Tuple[int, str]]:
    """Cut text into pieces of at most ``max_bytes`` UTF-8 bytes, at line ends where possible."""
    start = 0
    while start < len(text):
        end = start
        size = 0
        last_break = -1
        while end < len(text):
            size += len(text[end].encode("utf-8", "surrogatepass"))
            if size > max_bytes:
                break
            end += 1
            if text[end - 1] in "\n。":
                last_break = end
        if end < len(text) and last_break > start:
            end = last_break
        end = max(end, start + 1)
        yield start, text[start:end]
        start = end


class GinzaModel:
    name = "ginza"

    def __init__(self, package: str = "ja_ginza"):
        import spacy

        try:
            self.nlp = spacy.load(
                package,
                exclude=["parser", "attribute_ruler", "morphologizer", "compound_splitter",
                         "bunsetu_recognizer"],
            )
        except OSError as err:  # pragma: no cover - depends on the environment
            raise RuntimeError(
                f"the GiNZA model {package!r} is not installed: pip install ja-ginza"
            ) from err

    def predict(self, texts: Sequence[str]) -> List[List[Ent]]:
        pieces: List[Tuple[int, int, str]] = []  # (text index, offset, piece)
        for i, text in enumerate(texts):
            for offset, piece in _chunks(text, _GINZA_MAX_BYTES):
                if piece.strip():
                    pieces.append((i, offset, piece))
        out: List[List[Ent]] = [[] for _ in texts]
        docs = self.nlp.pipe(p for _, _, p in pieces)
        for (i, offset, _), doc in zip(pieces, docs):
            for ent in doc.ents:
                label = _GINZA_MAP.get(ent.label_)
                if label:
                    out[i].append((offset + ent.start_char, offset + ent.end_char, label))
        return out


def load_model(name: str) -> EntityModel:
    """The model layer named ``name``: "ginza" or "none"."""
    if name == "ginza":
        return GinzaModel()
    if name in ("none", None, "rules"):
        return NullModel()
    raise ValueError(f"unknown model {name!r}: expected 'ginza' or 'none'")
