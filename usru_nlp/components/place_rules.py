"""``models/lexicons/place_rules.json``, read once: the word lists of the place components."""
from __future__ import annotations

import json
from functools import lru_cache

from ..resources import models_path


@lru_cache(maxsize=1)
def place_rules() -> dict:
    with open(models_path("lexicons", "place_rules.json"), encoding="utf-8") as f:
        return json.load(f)
