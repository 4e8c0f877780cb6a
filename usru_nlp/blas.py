"""Matrix products for the usru NER model: numpy's BLAS instead of thinc's blis.

thinc's ``NumpyOps.gemm`` multiplies with blis. On the small float32 products of our model
(about a hundred tokens × 288 per call) numpy's bundled OpenBLAS is 3–4 times faster on the
project machine, and it is the same arithmetic: the model's output on 300 livedoor articles,
GSD dev and the seeds is unchanged. :class:`MatmulOps` is ``NumpyOps`` with that one method
replaced; :func:`use_matmul` puts it under every layer of a loaded model.

OpenBLAS would spread each small product over all cores, which is several times slower than
one thread on a busy machine and fights worker processes. :func:`one_thread` limits it to one
thread for the duration of a prediction (threadpoolctl; a few microseconds per call) and
restores the caller's setting afterwards.
"""
from __future__ import annotations

from contextlib import contextmanager, nullcontext
from functools import lru_cache
from typing import Iterator

import numpy
from thinc.api import NumpyOps


class MatmulOps(NumpyOps):
    name = "usru_matmul"

    def gemm(self, x, y, out=None, trans1: bool = False, trans2: bool = False):
        if trans1:
            x = x.T
        if trans2:
            y = y.T
        if out is None:
            return numpy.matmul(x, y)
        numpy.matmul(x, y, out=out)
        return out


def use_matmul(model) -> None:
    """Give every layer of a thinc ``model`` :class:`MatmulOps` (in place)."""
    ops = MatmulOps()
    for node in model.walk():
        node.ops = ops


@lru_cache(maxsize=1)
def _controller():
    try:
        from threadpoolctl import ThreadpoolController
    except ImportError:  # pragma: no cover - threadpoolctl is a dependency
        return None
    return ThreadpoolController()


@contextmanager
def one_thread() -> Iterator[None]:
    """BLAS limited to one thread inside the block (the previous limit comes back after)."""
    controller = _controller()
    with controller.limit(limits=1, user_api="blas") if controller is not None else nullcontext():
        yield
