"""Where the data files live: the ``models/`` directory shipped with the package.

``USRU_NLP_MODELS`` overrides the location (e.g. to try an edited lexicon).
"""
from __future__ import annotations

import os
from pathlib import Path

_PACKAGED = Path(__file__).resolve().parent / "models"
_REPO = Path(__file__).resolve().parents[1] / "models"


def models_dir() -> Path:
    env = os.environ.get("USRU_NLP_MODELS")
    if env:
        return Path(env)
    return _PACKAGED if _PACKAGED.is_dir() else _REPO


def models_path(*parts: str) -> Path:
    return models_dir().joinpath(*parts)
