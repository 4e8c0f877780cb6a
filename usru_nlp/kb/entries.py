"""Dataclasses for knowledge-base and lexicon records (see models/README.md)."""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, fields
from typing import Optional, Union

DateLike = Union[str, _dt.date, None]
_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def _build(cls, data: dict):
    names = {f.name for f in fields(cls)}
    return cls(**{k: v for k, v in data.items() if k in names})


def date_bounds(value: DateLike) -> Optional[tuple[str, str]]:
    """Return the (first day, last day) of an ISO date of day, month or year precision.

    ``"2025"`` -> ("2025-01-01", "2025-12-31"); ``"2025-02"`` -> ("2025-02-01", "2025-02-31")
    (an upper bound that compares correctly as a string). ``None`` -> None.
    """
    if value is None:
        return None
    if isinstance(value, _dt.datetime):
        value = value.date()
    if isinstance(value, _dt.date):
        s = value.isoformat()
        return s, s
    m = _DATE_RE.match(str(value).strip())
    if not m:
        raise ValueError(f"not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD): {value!r}")
    y, mo, d = m.groups()
    if d:
        return f"{y}-{mo}-{d}", f"{y}-{mo}-{d}"
    if mo:
        return f"{y}-{mo}-01", f"{y}-{mo}-31"
    return f"{y}-01-01", f"{y}-12-31"


@dataclass(frozen=True)
class Office:
    """One term in one office. ``end`` None = still in office (or unknown)."""

    title: str
    title_en: Optional[str] = None
    country: Optional[str] = None  # ISO 3166-1 alpha-2 of the state served
    org: Optional[str] = None  # EU / NATO / UN / IAEA / WHO for international offices
    start: Optional[str] = None
    end: Optional[str] = None
    note: Optional[str] = None

    @classmethod
    def from_dict(cls, data: dict) -> "Office":
        return _build(cls, data)

    def active_on(self, date: DateLike) -> bool:
        """True if the term overlaps ``date`` (a day, a month or a year)."""
        q = date_bounds(date)
        if q is None:
            return self.end is None
        lo = date_bounds(self.start)[0] if self.start else "0000-00-00"
        hi = date_bounds(self.end)[1] if self.end else "9999-99-99"
        return lo <= q[1] and hi >= q[0]


@dataclass(frozen=True)
class OfficialEntry:
    id: str
    canonical: str
    name_en: Optional[str] = None
    qid: Optional[str] = None
    aliases: tuple[str, ...] = ()
    offices: tuple[Office, ...] = ()

    @classmethod
    def from_dict(cls, data: dict) -> "OfficialEntry":
        d = dict(data)
        d["aliases"] = tuple(d.get("aliases") or ())
        d["offices"] = tuple(Office.from_dict(o) for o in d.get("offices") or ())
        return _build(cls, d)

    @property
    def names(self) -> tuple[str, ...]:
        """Canonical form first, then the aliases."""
        return (self.canonical, *self.aliases)

    @property
    def countries(self) -> frozenset:
        return frozenset(o.country for o in self.offices if o.country)

    @property
    def kb_id(self) -> str:
        """Wikidata QID where verified, else the project id (schema.Official.kb_id)."""
        return self.qid or self.id


@dataclass(frozen=True)
class TitleEntry:
    title: str
    title_en: Optional[str] = None
    category: str = "generic"
    needs_country: bool = True
    country_hint: Optional[str] = None
    normalized: Optional[str] = None
    org: Optional[str] = None

    @classmethod
    def from_dict(cls, data: dict) -> "TitleEntry":
        return _build(cls, data)


@dataclass(frozen=True)
class PlaceEntry:
    id: str
    name: str
    kind: str  # country | city | region | sea
    country: Optional[str] = None
    aliases: tuple[str, ...] = ()
    name_en: Optional[str] = None
    lat: Optional[float] = None
    lon: Optional[float] = None
    coord: Optional[str] = None  # capital | geonames | approx
    qid: Optional[str] = None
    iso: Optional[str] = None
    source: Optional[str] = None
    note: Optional[str] = None

    @classmethod
    def from_dict(cls, data: dict) -> "PlaceEntry":
        d = dict(data)
        d["aliases"] = tuple(d.get("aliases") or ())
        return _build(cls, d)

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class CountryPrefix:
    prefix: str
    country: Optional[str] = None
    region: Optional[str] = None
    annotate_as_place: bool = True
    in_seeds: bool = False
    ambiguous: bool = False
    name: Optional[str] = None
    note: Optional[str] = None

    @classmethod
    def from_dict(cls, data: dict) -> "CountryPrefix":
        return _build(cls, data)


@dataclass(frozen=True)
class TitleModifier:
    modifier: str
    position: str = "prefix"
    meaning: str = ""
    former: bool = False
    note: Optional[str] = None

    @classmethod
    def from_dict(cls, data: dict) -> "TitleModifier":
        return _build(cls, data)


__all__ = ["Office", "OfficialEntry", "TitleEntry", "PlaceEntry", "CountryPrefix",
           "TitleModifier", "date_bounds"]
