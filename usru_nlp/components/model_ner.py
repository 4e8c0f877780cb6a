"""Component ``usru_model_ner``: runs the model layer and stores its spans as evidence.

The spans go to ``doc._.model_ents`` as ``(start, end, label)``; the rule layers decide what
becomes an official, person or place. ``pipe()`` batches texts through the model. A model with
``predict_docs`` (the "usru" backend) works on the pipeline's own tokens instead of the text.
"""
from __future__ import annotations

from typing import Iterable, Iterator, List

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch

from .. import extensions  # noqa: F401
from ..extensions import text_of
from ..model_layer import load_model


class ModelNER:
    def __init__(self, model: str):
        self.model_name = model
        self.model = load_model(model)

    def _region(self, doc: Doc) -> str:
        start, end = doc._.body or (0, len(text_of(doc)))
        return text_of(doc)[start:end]

    def _store(self, doc: Doc, ents) -> None:
        offset = (doc._.body or (0, 0))[0]
        doc._.model_ents = [(s + offset, e + offset, label) for s, e, label in ents]

    def _predict(self, docs: List[Doc]) -> None:
        if hasattr(self.model, "predict_docs"):  # works on our tokens: no second tokenisation
            items = [(d, *(d._.body or (0, len(d.text)))) for d in docs]
            for doc, ents in zip(docs, self.model.predict_docs(items)):
                doc._.model_ents = list(ents)
            return
        for doc, ents in zip(docs, self.model.predict([self._region(d) for d in docs])):
            self._store(doc, ents)

    def __call__(self, doc: Doc) -> Doc:
        self._predict([doc])
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 32) -> Iterator[Doc]:
        for batch in minibatch(docs, size=batch_size):
            batch: List[Doc] = list(batch)
            self._predict(batch)
            yield from batch


@Language.factory("usru_model_ner", default_config={"model": "usru"})
def make_model_ner(nlp: Language, name: str, model: str):
    return ModelNER(model)
