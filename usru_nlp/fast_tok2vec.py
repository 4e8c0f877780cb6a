"""A fused prediction forward for the NER model's token-to-vector network.

spaCy's ``TransitionBasedParser.v2`` starts with ``Tok2Vec.v2`` (``MultiHashEmbed.v2`` without
static vectors, then ``MaxoutWindowEncoder.v2``) followed by ``list2array`` and a ``Linear``
projection, which thinc runs as a tree of about sixty small layers per batch. :func:`install`
replaces the forward function of that chain, at prediction only (training, or input it does
not expect, goes through thinc's own forward), by one pass over all tokens of the batch.

The embedding mixer is the one product that need not be done per token. It is a Maxout over
the concatenated hash embeddings, ``W · [e_1; …; e_k] + b``, and each ``e_i`` is a sum of rows
of one table ``E_i``, so ``W · e_i`` is the same sum of rows of ``E_i · W_iᵀ``. These products
are computed once per model (:class:`_Spec`, 13 MB for the shipped model), and the mixer costs
per token a few row sums instead of a third of the tok2vec's multiplications. The sums are
added in another order than the product's, so the token vectors differ from thinc's in the
last bits (relative 1e-6); the entities were the same on 800 livedoor articles and GSD dev.
The encoder's layers run with thinc's own ops on thinc's padded layout.

The model tree is not changed (serialisation and copies work; a copy runs thinc's forward until
it is installed itself); a model of another architecture is left alone (:func:`install`
returns False).
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import List, Optional, Tuple

import numpy
from thinc.model import Model


def _forward_of(module: str):
    """The forward function of a thinc/spaCy layer module (thinc.layers.chain is a function
    as an attribute of thinc.layers, so the module is taken from importlib)."""
    try:
        return importlib.import_module(module).forward
    except (ImportError, AttributeError):  # pragma: no cover - another thinc/spaCy version
        return None


_L = "thinc.layers."
_FORWARD = {name: _forward_of(_L + name) for name in (
    "array_getitem", "chain", "concatenate", "dropout", "expand_window", "hashembed",
    "layernorm", "linear", "list2array", "list2ragged", "maxout", "ragged2list", "residual",
    "with_array")}
_FORWARD["featureextractor"] = _forward_of("spacy.ml.featureextractor")
_CHAIN_FORWARD = _FORWARD["chain"]


@dataclass
class _Block:
    """maxout >> layernorm (>> dropout, the identity at prediction)."""
    maxout: Model
    norm: Model


@dataclass
class _Spec:
    top: Model               # the chain this was read from
    columns: list            # token attributes read by the feature extractor
    embeds: List[Tuple[int, Model]]  # (column, hashembed layer) in concatenation order
    mixer: _Block
    pad: int                 # zero rows around each Doc in the encoder (with_array pad)
    window: List[int]        # expand_window size of each residual layer
    convs: List[_Block]
    output: Model            # the Linear after list2array
    mixed: Optional[list] = None  # E_i · W_iᵀ per embedding table, made on first use

    def mixed_tables(self) -> list:
        """For each hash embedding table E_i, its rows multiplied by the mixer's weights for
        that table's block of the concatenation (rows × nO·nP)."""
        if self.mixed is None:
            mo = self.mixer.maxout
            ops = mo.ops
            n_o, n_p = mo.get_dim("nO"), mo.get_dim("nP")
            W = mo.get_param("W")
            W2 = ops.reshape2f(W, n_o * n_p, W.shape[-1])
            tables, col = [], 0
            for _, emb in self.embeds:
                E = emb.get_param("E")
                tables.append(numpy.ascontiguousarray(ops.gemm(E, numpy.ascontiguousarray(W2[:, col:col + E.shape[1]]),
                                                               trans2=True), dtype=E.dtype))
                col += E.shape[1]
            self.mixed = tables
        return self.mixed


def _is(node: Model, kind: str) -> bool:
    if kind == "chain" and isinstance(node._func, _FusedForward):
        return True  # a copy of an installed chain
    return _FORWARD[kind] is not None and node._func is _FORWARD[kind]


def _flatten(node: Model) -> List[Model]:
    """The layers of nested chains, in order (a non-chain node is itself)."""
    if _is(node, "chain"):
        return [leaf for child in node.layers for leaf in _flatten(child)]
    return [node]


def _block(nodes: List[Model], width: int, n_in: int) -> Optional[_Block]:
    """maxout (n_in -> width) >> layernorm(width) [>> dropout], or None."""
    if len(nodes) not in (2, 3) or not _is(nodes[0], "maxout") or not _is(nodes[1], "layernorm"):
        return None
    if len(nodes) == 3 and not _is(nodes[2], "dropout"):
        return None
    mo, norm = nodes[0], nodes[1]
    if not all(node.has_param(name) for node, name in
               ((mo, "W"), (mo, "b"), (norm, "G"), (norm, "b"))):
        return None
    n_p = mo.get_dim("nP")
    if mo.get_param("W").shape != (width, n_p, n_in) or mo.get_param("b").shape != (width, n_p):
        return None
    if norm.get_param("G").shape != (width,) or norm.get_param("b").shape != (width,):
        return None
    return _Block(mo, norm)


def _match(top: Model) -> Optional[_Spec]:
    """The layers of ``tok2vec >> list2array >> Linear`` with MultiHashEmbed (no static
    vectors) and MaxoutWindowEncoder, with consistent parameter shapes; else None."""
    if not _is(top, "chain") or len(top.layers) != 3:
        return None
    t2v, to_array, output = top.layers
    if not (_is(t2v, "chain") and _is(to_array, "list2array") and _is(output, "linear")):
        return None
    if len(t2v.layers) != 2:
        return None
    embed, encode = t2v.layers
    parts = _flatten(embed)
    if len(parts) != 5 or not all(_is(n, m) for n, m in zip(
            parts, ("featureextractor", "list2ragged", "with_array", "with_array", "ragged2list"))):
        return None
    feats, _, concat, mix, _ = parts
    columns = list(feats.attrs["columns"])
    concat = concat.layers[0]
    if not _is(concat, "concatenate") or len(concat.layers) != len(columns):
        return None
    embeds = []
    for node in concat.layers:
        pair = _flatten(node)
        if len(pair) != 2 or not (_is(pair[0], "array_getitem") and _is(pair[1], "hashembed")):
            return None
        index = pair[0].attrs.get("index")
        if not (isinstance(index, tuple) and len(index) == 2 and index[0] == slice(0, None)
                and isinstance(index[1], int) and 0 <= index[1] < len(columns)):
            return None
        if not pair[1].has_param("E") or pair[1].get_param("E").ndim != 2:
            return None
        embeds.append((index[1], pair[1]))
    width = embeds[0][1].get_param("E").shape[1]
    if any(e.get_param("E").shape[1] != width for _, e in embeds):
        return None
    mixer = _block(_flatten(mix.layers[0]), width, width * len(embeds))
    if mixer is None or not _is(encode, "with_array"):
        return None
    window, convs = [], []
    for res in _flatten(encode.layers[0]):
        if not _is(res, "residual"):
            return None
        nodes = _flatten(res.layers[0])
        if not nodes or not _is(nodes[0], "expand_window"):
            return None
        n_w = nodes[0].attrs["window_size"]
        conv = _block(nodes[1:], width, width * (2 * n_w + 1))
        if conv is None:
            return None
        window.append(n_w)
        convs.append(conv)
    if not convs or not (output.has_param("W") and output.has_param("b")):
        return None
    if output.get_param("W").ndim != 2 or output.get_param("W").shape[1] != width:
        return None
    return _Spec(top, columns, embeds, mixer, int(encode.attrs["pad"]), window, convs, output)


def _maxout_norm(block: _Block, X):
    """thinc's Maxout then LayerNorm forward, the same operations in the same order."""
    mo = block.maxout
    n_o, n_p = mo.get_dim("nO"), mo.get_dim("nP")
    W = mo.get_param("W")
    return _bias_maxout_norm(block, mo.ops.gemm(X, mo.ops.reshape2f(W, n_o * n_p, W.shape[-1]), trans2=True))


def _bias_maxout_norm(block: _Block, Y):
    """Maxout (bias, max over pieces) and LayerNorm of the products ``Y`` (rows × nO·nP)."""
    mo, norm = block.maxout, block.norm
    ops = mo.ops
    n_o, n_p = mo.get_dim("nO"), mo.get_dim("nP")
    Y += ops.reshape1f(mo.get_param("b"), n_o * n_p)
    best, _ = ops.maxout(ops.reshape3f(Y, Y.shape[0], n_o, n_p))
    # LayerNorm as numpy's mean() and var() compute it (float32 sums along the rows, divided
    # by the width), without computing the mean and the differences twice: same bits.
    width = best.shape[1]
    mu = best.sum(axis=1, keepdims=True)
    mu /= width
    dist = best - mu
    var = (dist * dist).sum(axis=1, keepdims=True)
    var /= width
    var += 1e-08
    var **= -1.0 / 2.0
    dist *= var
    dist *= norm.get_param("G")
    dist += norm.get_param("b")
    return dist


def _no_backprop(_dY):
    raise NotImplementedError("the fused tok2vec forward is for prediction only")


class _FusedForward:
    """The forward function installed on one chain (thinc calls it as ``f(model, X, is_train)``);
    it keeps that chain's :class:`_Spec`. A copy of the chain shares the function but not the
    weights: it is sent to thinc's forward."""

    def __init__(self, spec: _Spec):
        self.spec = spec

    def __call__(self, model: Model, docs, is_train: bool):
        spec = self.spec
        if is_train or model is not spec.top or not docs or not all(
                hasattr(d, "to_array") and len(d) for d in docs):
            return _CHAIN_FORWARD(model, docs, is_train)
        return _fused_forward(spec, docs), _no_backprop


def _fused_forward(spec: _Spec, docs):
    # Features of all tokens (FeatureExtractor + list2ragged).
    feats = [d.to_array(spec.columns) for d in docs]
    ids = numpy.concatenate(feats) if len(feats) > 1 else feats[0]
    if ids.ndim == 1:
        ids = ids.reshape((-1, 1))
    ids = ids.astype("uint64", copy=False)
    # HashEmbed per column through the mixer: sums of rows of E_i · W_iᵀ; then bias, Maxout
    # and LayerNorm.
    Y = None
    for (column, emb), table in zip(spec.embeds, spec.mixed_tables()):
        ops = emb.ops
        keys = ops.hash(ops.as_contig(ids[:, column], dtype="uint64"), emb.attrs["seed"])
        keys %= table.shape[0]
        part = ops.gather_add(table, keys)
        if Y is None:
            Y = part
        else:
            Y += part
    X = _bias_maxout_norm(spec.mixer, Y)
    # The encoder runs on one array with `pad` zero rows before, between and after the Docs
    # (thinc's with_array(pad=...) on a list); the pad rows are computed through like tokens.
    pad = spec.pad
    lengths = numpy.fromiter((len(d) for d in docs), dtype=numpy.int64, count=len(docs))
    rows = numpy.arange(len(ids)) + numpy.repeat(pad * numpy.arange(1, len(docs) + 1), lengths)
    Xp = numpy.zeros((len(ids) + pad * (len(docs) + 1), X.shape[1]), dtype=X.dtype)
    Xp[rows] = X
    for n_w, conv in zip(spec.window, spec.convs):
        ops = conv.maxout.ops
        Xp = Xp + _maxout_norm(conv, ops.seq2col(Xp, n_w))
    # list2array drops the pad rows; then the Linear projection.
    out = spec.output
    Y = out.ops.gemm(Xp[rows], out.get_param("W"), trans2=True)
    Y += out.get_param("b")
    return Y


def install(parser_model: Model) -> bool:
    """Use the fused forward for the tok2vec chain of a spaCy parser/NER ``parser_model``
    (``TransitionModel``: its first layer). True if installed; False, and the model untouched,
    when the chain is not exactly the expected architecture."""
    if not parser_model.layers:
        return False
    top = parser_model.layers[0]
    if isinstance(top._func, _FusedForward) and top._func.spec.top is top:
        return True
    spec = _match(top)
    if spec is None:
        return False
    top._func = _FusedForward(spec)
    return True
