"""The result schema: plain dataclasses with ``to_dict()`` and JSON round-trips.

Every mention carries ``start``/``end`` character offsets into the original text
(``text[m.start:m.end] == m.text``). Keys and meanings follow the gold annotation
files (``seeds/gold/*.json``, see their GUIDELINES.md).
"""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from typing import Any, ClassVar, Optional


def _from_dict(cls, data: dict):
    """Build a dataclass from a dict, ignoring unknown keys (forward compatibility)."""
    if not isinstance(data, dict):
        raise TypeError(f"{cls.__name__}.from_dict expects a dict, got {type(data).__name__}")
    names = {f.name for f in fields(cls)}
    return cls(**{k: v for k, v in data.items() if k in names})


@dataclass
class Mention:
    """Base of every span-like result: character offsets into the original text."""

    start: int
    end: int
    text: str

    kind_name: ClassVar[str] = "mention"

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict):
        return _from_dict(cls, data)


@dataclass
class Official(Mention):
    """A named government official. ``text`` is the name as written, or a phrase referring back
    to an official named before (「同外相」: then title, canonical name and cluster are that one's)."""

    canonical: Optional[str] = None
    name_en: Optional[str] = None
    title: Optional[str] = None
    title_en: Optional[str] = None
    country: Optional[str] = None  # ISO 3166-1 alpha-2 of the state served
    former: bool = False
    kb_id: Optional[str] = None  # Wikidata QID where verified, else our KB key
    cluster: Optional[int] = None  # mentions of the same person share a cluster id

    kind_name: ClassVar[str] = "official"


@dataclass
class Person(Mention):
    """A named person who is not an official (journalist, researcher, ...)."""

    role: str = "other"

    kind_name: ClassVar[str] = "person"


@dataclass
class Place(Mention):
    kind: str = "other"  # country | city | region | sea | other
    country: Optional[str] = None
    dateline: bool = False
    kb_id: Optional[str] = None

    kind_name: ClassVar[str] = "place"


@dataclass
class DateMention(Mention):
    type: str = "DATE"  # DATE | DURATION | TIME | SET
    value: Optional[str] = None  # TIMEX3 value
    mod: Optional[str] = None  # TIMEX3 mod (ON_OR_AFTER, APPROX, START, ...)
    anchor: Optional[str] = None  # what the value was resolved against

    kind_name: ClassVar[str] = "date"


@dataclass
class DocumentDate:
    """When the document was written: given, found in the text, or inferred."""

    value: Optional[str] = None  # ISO date (YYYY-MM-DD), or coarser (YYYY-MM, YYYY)
    source: str = "given"  # given | text | inferred
    earliest: Optional[str] = None
    latest: Optional[str] = None
    confidence: float = 1.0
    evidence: list = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict):
        return _from_dict(cls, data)


_LISTS = {"officials": Official, "persons": Person, "places": Place, "dates": DateMention}


@dataclass
class Result:
    """Everything extracted from one text."""

    text: str = ""
    published: Optional[str] = None
    body: Optional[tuple] = None  # (start, end) of the article body, when segmented
    officials: list = field(default_factory=list)
    persons: list = field(default_factory=list)
    places: list = field(default_factory=list)
    dates: list = field(default_factory=list)
    dct: Optional[DocumentDate] = None
    meta: dict = field(default_factory=dict)
    error: Optional[str] = None  # set on error records of batch runs; the input is kept in text/meta

    def mentions(self) -> list:
        """All mentions in text order."""
        out = [*self.officials, *self.persons, *self.places, *self.dates]
        return sorted(out, key=lambda m: (m.start, m.end))

    def to_dict(self) -> dict:
        return {
            "text": self.text,
            "published": self.published,
            "body": list(self.body) if self.body is not None else None,
            **{name: [m.to_dict() for m in getattr(self, name)] for name in _LISTS},
            "dct": self.dct.to_dict() if self.dct is not None else None,
            "meta": dict(self.meta),
            "error": self.error,
        }

    @classmethod
    def from_dict(cls, data: dict) -> "Result":
        if not isinstance(data, dict):
            raise TypeError(f"Result.from_dict expects a dict, got {type(data).__name__}")
        body = data.get("body")
        dct = data.get("dct")
        return cls(
            text=data.get("text", ""),
            published=data.get("published"),
            body=tuple(body) if body is not None else None,
            **{name: [kind.from_dict(m) for m in data.get(name) or []] for name, kind in _LISTS.items()},
            dct=DocumentDate.from_dict(dct) if dct is not None else None,
            meta=dict(data.get("meta") or {}),
            error=data.get("error"),
        )

    def to_json(self, **kwargs: Any) -> str:
        kwargs.setdefault("ensure_ascii", False)
        return json.dumps(self.to_dict(), **kwargs)

    @classmethod
    def from_json(cls, s: str) -> "Result":
        return cls.from_dict(json.loads(s))

    def __len__(self) -> int:
        return len(self.officials) + len(self.persons) + len(self.places) + len(self.dates)

    def _repr_html_(self) -> str:
        from .display import render_html

        return render_html(self)

    def to_frame(self):
        """One row per mention as a pandas DataFrame (see :mod:`usru_nlp.frames`)."""
        from .frames import result_frame

        return result_frame(self)
