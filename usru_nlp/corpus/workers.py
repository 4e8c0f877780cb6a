"""Worker processes for corpus runs: each loads the pipeline once and annotates whole batches.

:func:`run_batches` keeps at most ``2 * workers`` batches in flight (so a huge input is never read
into memory ahead of the workers) and yields their results in input order. Where ``fork`` is
available the workers inherit the parent's loaded pipeline; elsewhere each loads its own.
A worker whose parent dies (a run killed with SIGKILL) exits by itself within a second.
"""
from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from typing import Iterable, Iterator, List, Optional

from ..extractor import Extractor
from ..schema import Result
from .records import Record


def make_extractor(model: Optional[str] = None) -> Extractor:
    """An Extractor with ``model``, or with the library's default model when ``model`` is None."""
    return Extractor() if model is None else Extractor(model=model)


def annotate_batch(extractor: Extractor, batch: List[Record]) -> List[Result]:
    """One Result per record, in order; records that carry an error are not annotated."""
    items = [(r.text if r.error is None else None, {"published": r.published}) for r in batch]
    results = list(extractor.pipe(items, batch_size=max(len(items), 1)))
    out = []
    for record, result in zip(batch, results):
        meta = dict(record.meta)
        if record.error is not None:
            result = Result(text=record.text if isinstance(record.text, str) else "", meta=meta, error=record.error)
        else:
            result.meta = meta
        out.append(result)
    return out


def run_batches(
    batches: Iterable[List[Record]], extractor: Optional[Extractor], model: Optional[str], workers: int
) -> Iterator[List[Result]]:
    """Results of ``batches``, batch by batch in input order, on ``workers`` processes."""
    if workers < 1:
        raise ValueError(f"workers must be >= 1, not {workers!r}")
    if workers == 1:
        extractor = extractor or make_extractor(model)
        for batch in batches:
            yield annotate_batch(extractor, batch)
        return
    global _PARENT
    forking = "fork" in multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context("fork" if forking else "spawn")
    model = extractor.model if extractor is not None else model
    if forking:
        _PARENT = extractor or make_extractor(model)  # loaded once, shared copy-on-write
    pending: deque = deque()
    try:
        init = (model, os.getpid())
        with ProcessPoolExecutor(workers, mp_context=ctx, initializer=_init_worker, initargs=init) as pool:
            for batch in batches:
                pending.append(pool.submit(_work, batch))
                if len(pending) >= 2 * workers:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
    finally:
        _PARENT = None


_PARENT: Optional[Extractor] = None
_WORKER: Optional[Extractor] = None


def _init_worker(model: Optional[str], parent_pid: int) -> None:
    global _WORKER
    _WORKER = _PARENT if _PARENT is not None else make_extractor(model)
    threading.Thread(target=_exit_when_orphaned, args=(parent_pid,), daemon=True).start()


def _exit_when_orphaned(parent_pid: int) -> None:
    while os.getppid() == parent_pid:
        time.sleep(0.5)
    os._exit(1)


def _work(batch: List[Record]) -> List[Result]:
    assert _WORKER is not None
    return annotate_batch(_WORKER, batch)


def peak_rss_kib(pid: Optional[int] = None) -> Optional[int]:
    """Peak resident set size (VmHWM) of a process in KiB, from /proc; None where unavailable."""
    try:
        with open(f"/proc/{pid or os.getpid()}/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None
