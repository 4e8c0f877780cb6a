import numpy
import pytest
from thinc.api import NumpyOps

from usru_nlp.blas import MatmulOps, one_thread, use_matmul


@pytest.mark.parametrize("trans1,trans2", [(False, False), (False, True), (True, False), (True, True)])
def test_matmul_gemm_is_thincs_gemm(trans1, trans2):
    rng = numpy.random.default_rng(0)
    x = rng.random((7, 5), dtype="float32")
    y = rng.random((5, 3), dtype="float32")
    a = x.T.copy() if trans1 else x
    b = y.T.copy() if trans2 else y
    want = NumpyOps().gemm(a, b, trans1=trans1, trans2=trans2)
    got = MatmulOps().gemm(a, b, trans1=trans1, trans2=trans2)
    assert got.dtype == numpy.float32 and got.shape == (7, 3)
    numpy.testing.assert_allclose(got, want, rtol=1e-5)
    out = numpy.zeros((7, 3), dtype="float32")
    assert MatmulOps().gemm(a, b, out=out, trans1=trans1, trans2=trans2) is out
    numpy.testing.assert_allclose(out, want, rtol=1e-5)


def test_use_matmul_reaches_every_layer():
    from thinc.api import Linear, chain, Relu

    model = chain(Relu(4, 3), Linear(2, 4))
    model.initialize(X=numpy.zeros((2, 3), dtype="float32"))
    before = model.predict(numpy.ones((2, 3), dtype="float32"))
    use_matmul(model)
    assert all(isinstance(node.ops, MatmulOps) for node in model.walk())
    numpy.testing.assert_allclose(model.predict(numpy.ones((2, 3), dtype="float32")), before, rtol=1e-5)


def test_one_thread_limits_blas_and_restores_it():
    threadpoolctl = pytest.importorskip("threadpoolctl")
    before = [p["num_threads"] for p in threadpoolctl.threadpool_info() if p["user_api"] == "blas"]
    with one_thread():
        inside = [p["num_threads"] for p in threadpoolctl.threadpool_info() if p["user_api"] == "blas"]
        assert all(n == 1 for n in inside)
    after = [p["num_threads"] for p in threadpoolctl.threadpool_info() if p["user_api"] == "blas"]
    assert after == before
