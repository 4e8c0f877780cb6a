"""Greedy decoding of spaCy's transition-based NER, all Docs at once, in numpy.

spaCy's ``EntityRecognizer.predict`` runs the BILUO transition system state by state in
Cython, and scores the states of each step with BLIS's generic matrix kernel (on this project's
machines BLIS does not detect the CPU, and the per-step products are small): on the window Docs
of our model layer that loop took as long as the whole token-to-vector network. :class:`GreedyNER`
takes the same steps for all Docs together: per step, one gather of the precomputed hidden
features of each state's context tokens, one maxout, one product with the output layer, one
validity cost (0 or -inf) added, one argmax. What it reproduces, from spaCy 3.7's ``_parser_internals``:

- features (``StateC.set_context_tokens``, 3 tokens for NER): the first token of the buffer;
  the first token of the open entity, or padding; the token before the buffer, or padding when
  no entity is open; their rows of the ``lower`` layer's precomputed output are summed, in that
  order, the bias added, the maximum piece kept (``predict_states``);
- moves (``ner.pyx``, no preset entities): B-X needs no open entity, two tokens left, the next
  token not a sentence start and the current one not a space; I-X an entity X open, two tokens
  left and the next not a sentence start; L-X an entity X open; U-X no open entity and no space;
  O no open entity; the best-scoring valid move wins, the first one on a tie
  (``arg_max_if_valid``).

The scores are the same up to the rounding of the output layer's product (numpy's BLAS adds
in another order than BLIS); the entities were the same as spaCy's on every window of 1,000
livedoor articles and of GSD train and dev (``tests/model/test_fast_ner.py`` compares on
sentences). :func:`greedy_decoder` returns None, and the caller keeps spaCy's ``pipe``, for
any model this does not describe (another state type or feature count, no output layer, unseen
classes, a beam).
"""
from __future__ import annotations

from typing import List, Optional, Sequence, Tuple

import numpy

BEGIN, IN, LAST, UNIT, OUT, NONE = range(6)
_MOVE_CODES = {"B": BEGIN, "I": IN, "L": LAST, "U": UNIT, "O": OUT}


def greedy_decoder(ner) -> Optional["GreedyNER"]:
    """A :class:`GreedyNER` for a spaCy ``EntityRecognizer``, or None when its model is not the
    greedy BILUO parser with 3 context features and an output layer this module reproduces."""
    try:
        model = ner.model
        if type(ner.moves).__name__ != "BiluoPushDown" or ner.cfg.get("beam_width", 1) != 1:
            return None
        if not model.attrs.get("has_upper") or model.attrs.get("unseen_classes"):
            return None
        lower, upper = model.get_ref("lower"), model.get_ref("upper")
        if lower.get_dim("nF") != 3 or not upper.has_param("W"):
            return None
        names = [ner.moves.get_class_name(i) for i in range(ner.moves.n_moves)]
    except (AttributeError, KeyError, ValueError):
        return None
    if upper.get_param("W").shape[0] != len(names):
        return None
    return GreedyNER(ner, names)


class GreedyNER:
    def __init__(self, ner, class_names: Sequence[str]):
        self.ner = ner
        model = ner.model
        self.tok2vec = model.get_ref("tok2vec")
        self.lower = model.get_ref("lower")
        self.upper = model.get_ref("upper")
        self.labels: List[str] = [""]  # label number 0: none
        moves, labels = [], []
        for name in class_names:
            move, _, label = name.partition("-")
            moves.append(_MOVE_CODES.get(move, NONE))
            if label and label not in self.labels:
                self.labels.append(label)
            labels.append(self.labels.index(label) if label else 0)
        self.moves = numpy.array(moves)
        self.label_of = numpy.array(labels)
        # a move with no label (U-: preset blocked tokens only) is never valid here
        self.moves[(self.label_of == 0) & (self.moves != OUT)] = NONE
        self.valid_for = self._valid_table()  # (open label * 8 + token flags) -> valid moves
        # the same as scores to add: 0 for a valid move, -inf for an invalid one
        self.invalid_cost = numpy.where(self.valid_for, 0.0, -numpy.inf).astype(numpy.float32)

    def _valid_table(self):
        """Valid moves (bool, per class) for each ``open label * 8 + token flags``."""
        moves, label_of = self.moves, self.label_of
        table = numpy.zeros((len(self.labels) * 8, len(moves)), dtype=bool)
        for flags in range(8):
            begin_ok, in_ok, unit_ok = bool(flags & 4), bool(flags & 2), bool(flags & 1)
            table[flags] = ((moves == BEGIN) & begin_ok) | ((moves == UNIT) & unit_ok) | (moves == OUT)
            for label in range(1, len(self.labels)):
                table[label * 8 + flags] = (label_of == label) & (((moves == IN) & in_ok) | (moves == LAST))
        return table

    def _hidden_features(self, docs, batch_size: int):
        """The ``lower`` layer's precomputed output for all tokens (row 0: its padding),
        computed per batch of ``batch_size`` Docs as spaCy's pipe does."""
        parts, pad = [], None
        for i in range(0, len(docs), batch_size):
            Yf = self.lower.predict(self.tok2vec.predict(docs[i : i + batch_size]))
            pad = Yf[0]
            parts.append(Yf[1:])
        return numpy.concatenate([pad[None]] + parts)

    def __call__(self, docs, batch_size: int = 128) -> List[List[Tuple[int, int, str]]]:
        """Entities of each Doc as (start token, end token, label)."""
        from spacy.attrs import IS_SPACE, SENT_START

        docs = list(docs)
        out: List[List[Tuple[int, int, str]]] = [[] for _ in docs]
        lengths = numpy.array([len(d) for d in docs], dtype=numpy.int64)
        if not lengths.sum():
            return out
        full = self._hidden_features([d for d in docs if len(d)], batch_size)
        n_f, n_o, n_p = full.shape[1:]
        full = full.reshape(full.shape[0], n_f, n_o * n_p)
        bias = self.lower.get_param("b").reshape(-1)
        W, b = self.upper.get_param("W"), self.upper.get_param("b")
        arrays = [d.to_array([IS_SPACE, SENT_START]) for d in docs if len(d)]
        arr = numpy.concatenate(arrays).reshape(-1, 2)
        n_tokens = len(arr)
        ends = numpy.cumsum(lengths)  # global index after each Doc's last token
        # what each token allows as the buffer's first token (bits): 4 B (two tokens left, the
        # next not a sentence start, this one not a space), 2 I (two left, next not a start),
        # 1 U (not a space)
        space = arr[:, 0].astype(bool)
        last = numpy.zeros(n_tokens, dtype=bool)
        last[ends[lengths > 0] - 1] = True
        next_start = numpy.zeros(n_tokens, dtype=bool)
        next_start[:-1] = arr[1:, 1].astype(numpy.int64) == 1
        go_on = ~last & ~next_start
        flags = (go_on & ~space) * 4 + go_on * 2 + ~space
        invalid_cost = self.invalid_cost
        moves, label_of = self.moves, self.label_of
        # the states still going, as parallel arrays: Doc, buffer's first token (global), end
        # of its Doc, label of the open entity (0: none) and the row of its first token (0)
        doc_of = numpy.flatnonzero(lengths > 0)
        b0 = ends[doc_of] - lengths[doc_of]
        end = ends[doc_of]
        open_label = numpy.zeros(len(doc_of), dtype=numpy.int64)
        first = numpy.zeros(len(doc_of), dtype=numpy.int64)
        found = []  # per step: (Doc, start, end, label number) of the entities it closed
        while len(doc_of):
            is_open = open_label > 0
            H = full[b0 + 1, 0]
            H += full[first, 1]
            H += full[b0 * is_open, 2]  # the token before the buffer's first (row b0), or padding
            H += bias
            H = H.reshape(len(b0), n_o, n_p)
            hidden = numpy.maximum(H[:, :, 0], H[:, :, 1]) if n_p == 2 else H.max(axis=2)
            scores = hidden @ W.T
            scores += b
            scores += invalid_cost[open_label * 8 + flags[b0]]
            guess = scores.argmax(axis=1)
            move, label = moves[guess], label_of[guess]
            closing = (move == UNIT) | (move == LAST)
            if closing.any():
                start = numpy.where(move == UNIT, b0 + 1, first) - 1  # (rows are tokens + 1)
                found.append((doc_of[closing], start[closing], b0[closing] + 1, label[closing]))
            begin, inside = move == BEGIN, move == IN  # (never both)
            open_label = label * begin + open_label * inside  # else 0: nothing open
            first = (b0 + 1) * begin + first * inside
            b0 = b0 + 1
            going = b0 < end
            if not going.all():
                doc_of, b0, end, open_label, first = (x[going] for x in (doc_of, b0, end, open_label, first))
        starts_of = ends - lengths
        for doc_i, starts, stops, labels in found:
            for i, s, e, lab in zip(doc_i.tolist(), (starts - starts_of[doc_i]).tolist(),
                                    (stops - starts_of[doc_i]).tolist(), labels.tolist()):
                out[i].append((s, e, self.labels[lab]))
        for ents in out:
            ents.sort()
        return out
