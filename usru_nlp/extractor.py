"""The user-facing entry points: :class:`Extractor` and :func:`extract`."""
from __future__ import annotations

import gc
import multiprocessing
import threading
from contextlib import contextmanager
from dataclasses import replace
from typing import Any, Iterable, Iterator, List, Optional, Tuple

from spacy.tokens import Doc
from spacy.util import minibatch

from .inputs import check_text, parse_published
from .pipeline import DEFAULT_MODEL, build_pipeline
from .schema import Result
from .tokenizer import spacy_safe

Item = Any  # str, or (text, meta) where meta is a dict that may hold "published"


class Extractor:
    """Loads the pipeline once; ``extract()`` one text, ``pipe()`` many.

    >>> ex = Extractor(model="none")
    >>> r = ex.extract("ラブロフ外相は14日、ソチを訪れた。", published="2019-05-15")
    """

    def __init__(self, model: str = DEFAULT_MODEL):
        self.model = model
        self.nlp = build_pipeline(model)

    def __reduce__(self):
        return (Extractor, (self.model,))

    # -- one text -------------------------------------------------------------------------
    def make_doc(self, text: Any, published: Any = None) -> Doc:
        """A tokenised Doc with ``doc._.published`` set, ready for the components."""
        text = check_text(text)
        doc = self.nlp.make_doc(spacy_safe(text))
        doc._.published = parse_published(published)
        return doc

    def extract(self, text: Any, published: Any = None, meta: Optional[dict] = None) -> Result:
        """Officials, persons, places and dates of ``text``.

        ``published``: ISO string, ``datetime.date``/``datetime`` or None. Raises TypeError for
        a non-str text and ValueError for an invalid date.
        """
        with gc_paused():
            doc = self.make_doc(text, published)
            for _, proc in self.nlp.pipeline:
                doc = proc(doc)
            result = to_result(doc, text, meta)
            # freed by reference counting now, or the first collection after the block would
            # walk all of the Doc's objects (about 1,000 per article) only to keep them
            del doc
        return result

    # -- many texts -----------------------------------------------------------------------
    def pipe(
        self, items: Iterable[Item], batch_size: int = 32, n_process: int = 1
    ) -> Iterator[Result]:
        """Results for ``items`` (texts or ``(text, meta)`` tuples), in input order.

        A bad item (not a string, an invalid ``published`` in meta) yields a Result with
        ``error`` set and the input kept in ``meta``; the run goes on. ``n_process > 1`` runs
        that many worker processes, each with its own pipeline.
        """
        if n_process is None or n_process < 1:
            raise ValueError(f"n_process must be >= 1, not {n_process!r}")
        if batch_size < 1:
            raise ValueError(f"batch_size must be >= 1, not {batch_size!r}")
        if n_process == 1:
            yield from self._pipe_local(items, batch_size)
            return
        global _PARENT
        forking = "fork" in multiprocessing.get_all_start_methods()
        ctx = multiprocessing.get_context("fork" if forking else "spawn")
        _PARENT = self if forking else None  # forked workers inherit the loaded pipeline
        with ctx.Pool(n_process, initializer=_init_worker, initargs=(self.model,)) as pool:
            for chunk in pool.imap(_work_batch, minibatch(items, size=batch_size)):
                yield from chunk

    def _pipe_local(self, items: Iterable[Item], batch_size: int) -> Iterator[Result]:
        for batch in minibatch(items, size=batch_size):
            yield from self._run_batch(batch)

    def _run_batch(self, batch: List[Item]) -> List[Result]:
        with gc_paused():
            return self._run_batch_now(batch)

    def _run_batch_now(self, batch: List[Item]) -> List[Result]:
        prepared: List[Tuple[Any, Optional[Doc], dict, Optional[str]]] = []
        for item in batch:
            text, meta = _split_item(item)
            try:
                doc = self.make_doc(text, meta.get("published"))
                prepared.append((text, doc, meta, None))
            except (TypeError, ValueError) as err:
                prepared.append((text, None, meta, f"{type(err).__name__}: {err}"))
        docs = [p[1] for p in prepared if p[1] is not None]
        done = iter(self.nlp.pipe(docs, batch_size=max(len(docs), 1)))
        out = []
        for text, doc, meta, error in prepared:
            if doc is None:
                out.append(_error_result(text, meta, error))
            else:
                out.append(to_result(next(done), text, meta))
        return out


@contextmanager
def gc_paused():
    """Python's cycle collector paused while texts are processed, then back as it was.

    One article makes tens of thousands of small objects (tokens, spans, candidates); the
    collections they trigger would scan the loaded lexicons, gazetteer and model each time,
    about 7% of ``extract()`` on livedoor articles. Reference counting still frees everything
    as usual; only cyclic garbage waits for the next collection after the block.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _split_item(item: Item) -> Tuple[Any, dict]:
    if isinstance(item, tuple) and len(item) == 2 and isinstance(item[1], dict):
        return item[0], dict(item[1])
    return item, {}


def _error_result(text: Any, meta: dict, error: str) -> Result:
    meta = dict(meta)
    if not isinstance(text, str):
        meta["input"] = repr(text)
    return Result(text=text if isinstance(text, str) else "", meta=meta, error=error)


def to_result(doc: Doc, text: str, meta: Optional[dict] = None) -> Result:
    """The plain Result of a processed Doc; mention texts are slices of the original ``text``."""

    def mentions(name: str) -> list:
        found = getattr(doc._, name) or []
        return [replace(m, text=text[m.start : m.end]) for m in found]

    return Result(
        text=text,
        published=doc._.published,
        body=tuple(doc._.body) if doc._.body is not None else None,
        officials=mentions("officials"),
        persons=mentions("persons"),
        places=mentions("places"),
        dates=mentions("dates"),
        dct=doc._.dct,
        meta=dict(meta or {}),
    )


# -- worker processes --------------------------------------------------------------------
_WORKER: Optional[Extractor] = None
_PARENT: Optional[Extractor] = None


def _init_worker(model: str) -> None:
    global _WORKER
    if _PARENT is not None and _PARENT.model == model:
        _WORKER = _PARENT
    else:
        _WORKER = Extractor(model=model)


def _work_batch(batch: List[Item]) -> List[Result]:
    assert _WORKER is not None
    return _WORKER._run_batch(batch)


# -- the module-level default ------------------------------------------------------------
_DEFAULT: Optional[Extractor] = None
_DEFAULT_LOCK = threading.Lock()


def default_extractor() -> Extractor:
    """The lazily created default :class:`Extractor`."""
    global _DEFAULT
    with _DEFAULT_LOCK:
        if _DEFAULT is None:
            _DEFAULT = Extractor()
        return _DEFAULT


def extract(text: Any, published: Any = None, meta: Optional[dict] = None) -> Result:
    """Extract with the default :class:`Extractor` (created on first use)."""
    check_text(text)
    parse_published(published)
    return default_extractor().extract(text, published=published, meta=meta)
