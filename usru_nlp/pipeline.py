"""Build the usru_nlp spaCy pipeline.

text → segmenter (body, dateline) → fugashi tokens → model layer → places → officials →
persons → document date → dates. Every stage is a registered spaCy component, so the same
components can be added to any spaCy pipeline that uses :class:`~usru_nlp.tokenizer.FugashiTokenizer`.
"""
from __future__ import annotations

from typing import Sequence

import spacy
from spacy.language import Language

from . import components  # noqa: F401  (registers the factories)
from . import tokenizer  # noqa: F401  (registers the tokenizer)

STAGES: Sequence[str] = (
    "usru_segmenter",
    "usru_model_ner",
    "usru_places",
    "usru_officials",
    "usru_persons",
    "usru_document_date",
    "usru_dates",
)
MODELS = ("usru", "none", "ginza")
# the model layer used unless one is chosen: our trained NER in models/ner (see models/README.md)
DEFAULT_MODEL = "usru"


def blank() -> Language:
    """A Japanese spaCy ``Language`` with the fugashi tokenizer and no components."""
    return spacy.blank(
        "ja", config={"nlp": {"tokenizer": {"@tokenizers": "usru_nlp.FugashiTokenizer.v1"}}}
    )


def build_pipeline(model: str = DEFAULT_MODEL) -> Language:
    """The full pipeline; ``model`` selects the model layer ("ginza", "none" or "usru")."""
    if model not in MODELS:
        raise ValueError(f"unknown model {model!r}: expected one of {', '.join(MODELS)}")
    nlp = blank()
    for name in STAGES:
        config = {"model": model} if name == "usru_model_ner" else {}
        nlp.add_pipe(name, config=config)
    return nlp
