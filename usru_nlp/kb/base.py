"""``KnowledgeBase``: alias, title and place look-ups with date-aware candidate ranking."""
from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from typing import Iterable, Optional

from .entries import DateLike, Office, OfficialEntry, PlaceEntry, TitleEntry
from .loaders import load_country_prefixes, load_officials, load_places, load_titles

# abbreviations that may stand between 駐X and 大使 (駐ウクライナ米大使 -> 駐ウクライナ大使)
_AMB_RE = re.compile(r"^駐(.+?)(?:米|ロ|露|中|英|仏|独|日|韓|朝)?大使$")


def normalize_surface(s: str) -> str:
    """NFKC, no middle dots or '＝'/'=' and no spaces: JD・バンス == JDバンス == ＪＤバンス."""
    s = unicodedata.normalize("NFKC", s)
    return re.sub(r"[・･=＝\s]", "", s)


def normalize_title(title: str) -> str:
    """Drop the sender-country abbreviation of ambassador titles: 駐ウクライナ米大使 -> 駐ウクライナ大使."""
    m = _AMB_RE.match(title)
    return f"駐{m.group(1)}大使" if m else title


class KnowledgeBase:
    """In-memory indexes over officials, titles, places and country prefixes."""

    def __init__(self, officials: Optional[Iterable[OfficialEntry]] = None,
                 titles: Optional[Iterable[TitleEntry]] = None,
                 places: Optional[Iterable[PlaceEntry]] = None) -> None:
        self.officials = tuple(load_officials() if officials is None else officials)
        self.titles = tuple(load_titles() if titles is None else titles)
        self.places = tuple(load_places() if places is None else places)
        self.prefixes = {p.prefix: p for p in load_country_prefixes()}
        self._by_id = {e.id: e for e in self.officials}
        self._alias: dict[str, list[OfficialEntry]] = defaultdict(list)
        for e in self.officials:
            for key in {normalize_surface(n) for n in e.names}:
                self._alias[key].append(e)
        self._title = {t.title: t for t in self.titles}
        self._place: dict[str, list[PlaceEntry]] = defaultdict(list)
        for p in self.places:
            for key in {normalize_surface(n) for n in p.names}:
                self._place[key].append(p)

    # ------------------------------------------------------------------ look-ups
    def by_id(self, entry_id: str) -> Optional[OfficialEntry]:
        return self._by_id.get(entry_id)

    def by_alias(self, surface: str) -> list[OfficialEntry]:
        """Officials whose canonical form or an alias equals ``surface`` (dot-insensitive)."""
        return list(self._alias.get(normalize_surface(surface), ()))

    def title(self, surface: str) -> Optional[TitleEntry]:
        t = self._title.get(surface) or self._title.get(normalize_title(surface))
        if t is None and surface.startswith("駐") and surface.endswith("大使"):
            return self._title.get("大使")
        return t

    def canonical_title(self, surface: str) -> str:
        t = self.title(surface)
        return (t.normalized or t.title) if t else normalize_title(surface)

    def place(self, surface: str) -> list[PlaceEntry]:
        return list(self._place.get(normalize_surface(surface), ()))

    def country_prefix(self, surface: str):
        return self.prefixes.get(surface)

    def is_alias(self, surface: str) -> bool:
        return normalize_surface(surface) in self._alias

    def aliases(self) -> list[str]:
        """Every official surface form, longest first (for dictionary matching)."""
        names = {n for e in self.officials for n in e.names}
        return sorted(names, key=lambda s: (-len(s), s))

    # ------------------------------------------------------------------ dates and ranking
    @staticmethod
    def offices_at(entry: OfficialEntry, date: DateLike) -> list[Office]:
        """Offices held on ``date`` (day, month or year precision); None = current offices."""
        return [o for o in entry.offices if o.active_on(date)]

    def _title_score(self, office: Office, title: str) -> int:
        want, have = self.canonical_title(title), self.canonical_title(office.title)
        if normalize_title(office.title) == normalize_title(title) or want == have:
            return 4
        # generic written title vs specific office: 報道官 ~ 大統領報道官, 長官 ~ 国務長官
        if office.title.endswith(title) or have.endswith(want):
            return 2
        return 0

    def rank(self, surname: str, title: Optional[str] = None, country: Optional[str] = None,
             date: DateLike = None) -> list[tuple[OfficialEntry, int]]:
        """Candidates for a name mention with scores, best first.

        Score: title match on some office (+4 exact/normalized, +2 suffix), +4 more when that
        office is held on ``date``; +2 when an office in ``country`` exists (+2 more if held on
        ``date``); +2 when any office is held on ``date``; +1 for an exact canonical match.
        Without ``country``, the title's ``country_hint`` (国務長官 -> US) is used.
        """
        if country is None and title:
            t = self.title(title)
            country = t.country_hint if t else None
        out = []
        for e in self.by_alias(surname):
            score = 1 if normalize_surface(e.canonical) == normalize_surface(surname) else 0
            active = self.offices_at(e, date) if date is not None else []
            if title:
                best = 0
                for o in e.offices:
                    s = self._title_score(o, title)
                    if s and date is not None and o.active_on(date):
                        s += 4
                    best = max(best, s)
                score += best
            if country:
                if country in e.countries:
                    score += 2
                if any(o.country == country for o in active):
                    score += 2
            if active:
                score += 2
            out.append((e, score))
        out.sort(key=lambda x: (-x[1], x[0].canonical, x[0].id))
        return out

    def candidates(self, surname: str, title: Optional[str] = None, country: Optional[str] = None,
                   date: DateLike = None) -> list[OfficialEntry]:
        return [e for e, _ in self.rank(surname, title=title, country=country, date=date)]

    def best(self, surname: str, title: Optional[str] = None, country: Optional[str] = None,
             date: DateLike = None) -> Optional[OfficialEntry]:
        """Top candidate, or None when nothing matches or the top two tie."""
        ranked = self.rank(surname, title=title, country=country, date=date)
        if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
            return None
        return ranked[0][0]


_DEFAULT: Optional[KnowledgeBase] = None


def default_kb() -> KnowledgeBase:
    """A process-wide KnowledgeBase over the default models directory."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = KnowledgeBase()
    return _DEFAULT
