"""Cached loaders for the data files under ``models/``.

The models directory is :func:`usru_nlp.resources.models_dir` (``$USRU_NLP_MODELS`` if set). Every loader takes an optional
explicit path; results are cached per resolved path (``functools.lru_cache``).
"""
from __future__ import annotations

import json
import os
from functools import lru_cache
from pathlib import Path
from typing import Union

from ..resources import models_dir as _models_dir
from .entries import CountryPrefix, OfficialEntry, PlaceEntry, TitleEntry, TitleModifier

PathLike = Union[str, os.PathLike, None]
ENV_VAR = "USRU_NLP_MODELS"


def models_dir() -> Path:
    """``$USRU_NLP_MODELS``, else the installed ``usru_nlp/models`` or the checkout's ``models/``."""
    return _models_dir()


def _resolve(path: PathLike, default: str) -> str:
    return str(Path(path) if path is not None else models_dir() / default)


def read_jsonl(path: Union[str, Path]) -> list[dict]:
    """Parse a JSON-lines file; blank lines are skipped, errors name the line."""
    out = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                out.append(json.loads(line))
            except json.JSONDecodeError as e:
                raise ValueError(f"{path}:{n}: {e}") from e
    return out


def read_lines(path: Union[str, Path]) -> list[str]:
    """Non-empty, non-comment lines of a text list."""
    with open(path, encoding="utf-8") as f:
        return [s.strip() for s in f if s.strip() and not s.lstrip().startswith("#")]


@lru_cache(maxsize=8)
def _officials(path: str) -> tuple[OfficialEntry, ...]:
    return tuple(OfficialEntry.from_dict(d) for d in read_jsonl(path))


@lru_cache(maxsize=8)
def _titles(path: str) -> tuple[TitleEntry, ...]:
    return tuple(TitleEntry.from_dict(d) for d in read_jsonl(path))


@lru_cache(maxsize=8)
def _places(path: str) -> tuple[PlaceEntry, ...]:
    return tuple(PlaceEntry.from_dict(d) for d in read_jsonl(path))


@lru_cache(maxsize=8)
def _prefixes(path: str) -> tuple[CountryPrefix, ...]:
    return tuple(CountryPrefix.from_dict(d) for d in read_jsonl(path))


@lru_cache(maxsize=8)
def _modifiers(path: str) -> tuple[TitleModifier, ...]:
    return tuple(TitleModifier.from_dict(d) for d in read_jsonl(path))


@lru_cache(maxsize=16)
def _lines(path: str) -> frozenset:
    return frozenset(read_lines(path))


def load_officials(path: PathLike = None) -> tuple[OfficialEntry, ...]:
    return _officials(_resolve(path, "kb/officials.jsonl"))


def load_titles(path: PathLike = None) -> tuple[TitleEntry, ...]:
    return _titles(_resolve(path, "lexicons/titles.jsonl"))


def load_places(path: PathLike = None) -> tuple[PlaceEntry, ...]:
    return _places(_resolve(path, "gazetteer/places.jsonl"))


def load_country_prefixes(path: PathLike = None) -> tuple[CountryPrefix, ...]:
    return _prefixes(_resolve(path, "lexicons/country_prefixes.jsonl"))


def load_title_modifiers(path: PathLike = None) -> tuple[TitleModifier, ...]:
    return _modifiers(_resolve(path, "lexicons/title_modifiers.jsonl"))


def load_not_places(path: PathLike = None) -> frozenset:
    """Institutions, media and descriptive words that are never annotated as places."""
    return _lines(_resolve(path, "lexicons/not_places.txt"))


def load_international_orgs(path: PathLike = None) -> frozenset:
    """International organisations whose officers serve no single state (IMF, アジア開発銀行)."""
    return _lines(_resolve(path, "lexicons/international_orgs.txt"))


def load_shared_aliases(path: PathLike = None) -> frozenset:
    """Aliases deliberately shared by several officials (e.g. ジョンソン)."""
    return _lines(_resolve(path, "kb/shared_aliases.txt"))


def clear_caches() -> None:
    for fn in (_officials, _titles, _places, _prefixes, _modifiers, _lines):
        fn.cache_clear()


__all__ = ["models_dir", "read_jsonl", "read_lines", "load_officials", "load_titles",
           "load_places", "load_country_prefixes", "load_title_modifiers", "load_not_places",
           "load_shared_aliases", "clear_caches", "ENV_VAR"]
