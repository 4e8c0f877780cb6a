"""Knowledge base (officials), lexicons (titles, country prefixes) and gazetteer loaders.

Data lives in the repository's ``models/`` directory (override with ``$USRU_NLP_MODELS``);
see models/README.md for the file formats.
"""
from .base import KnowledgeBase, default_kb, normalize_surface, normalize_title
from .entries import (CountryPrefix, Office, OfficialEntry, PlaceEntry, TitleEntry,
                      TitleModifier, date_bounds)
from .loaders import (clear_caches, load_country_prefixes, load_international_orgs,
                      load_not_places, load_officials,
                      load_places, load_shared_aliases, load_title_modifiers, load_titles,
                      models_dir)

__all__ = [
    "KnowledgeBase", "default_kb", "normalize_surface", "normalize_title",
    "CountryPrefix", "Office", "OfficialEntry", "PlaceEntry", "TitleEntry", "TitleModifier",
    "date_bounds", "clear_caches", "load_country_prefixes", "load_international_orgs",
    "load_not_places", "load_officials",
    "load_places", "load_shared_aliases", "load_title_modifiers", "load_titles", "models_dir",
]
