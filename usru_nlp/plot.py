"""Charts of a corpus with matplotlib (``pip install "usru-nlp[plot]"``).

- :func:`timeline`: resolved dates per month (or day) as bars, each bar annotated with the
  officials most often involved in that period;
- :func:`cooccurrence`: which officials appear together, as a heatmap or a circular network.

Both take a list of :class:`~usru_nlp.schema.Result` or the mention frame of
:func:`usru_nlp.frames.corpus_frame`, and return a :class:`matplotlib.figure.Figure` (made
without pyplot: nothing global is touched, call ``fig.savefig(...)`` or show it in Jupyter).

Japanese names need a CJK font. :func:`japanese_font` looks for one (Noto Sans CJK, IPAex
from the ``matplotlib-fontja`` package, anything ``fc-list :lang=ja`` knows); without one,
officials are labelled with their English name or KB id, and text is never left unreadable.
"""
from __future__ import annotations

import importlib.util
import math
import shutil
import subprocess
import warnings
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any, List, Optional

from . import plotdata

_FAMILIES = ("Noto Sans CJK JP", "Noto Sans JP", "IPAexGothic", "IPAGothic", "TakaoGothic", "VL Gothic",
             "Hiragino Sans", "Yu Gothic", "MS Gothic", "Noto Serif CJK JP")


@lru_cache(maxsize=1)
def japanese_font() -> Optional[str]:
    """The family name of a font with Japanese glyphs, registered with matplotlib, or None."""
    from matplotlib import font_manager

    known = {f.name for f in font_manager.fontManager.ttflist}
    for family in _FAMILIES:
        if family in known:
            return family
    paths: List[str] = []
    spec = importlib.util.find_spec("matplotlib_fontja")  # found, not imported: no global rc change
    if spec is not None and spec.origin:
        paths.append(str(Path(spec.origin).parent / "fonts" / "ipaexg.ttf"))
    if shutil.which("fc-list"):
        try:
            out = subprocess.run(["fc-list", ":lang=ja", "file"], capture_output=True, text=True, timeout=10).stdout
            paths += [line.split(":")[0].strip() for line in out.splitlines() if line.strip()]
        except (OSError, subprocess.SubprocessError):
            pass
    for path in paths:
        try:
            if Path(path).is_file():
                font_manager.fontManager.addfont(path)
                return font_manager.FontProperties(fname=path).get_name()
        except Exception:  # an unreadable font file: try the next
            continue
    return None


@contextmanager
def _style():
    """Use the Japanese font (with DejaVu Sans for anything it lacks); silence glyph warnings."""
    import matplotlib

    family = japanese_font()
    rc = {"font.family": [family, "DejaVu Sans"] if family else ["DejaVu Sans"], "axes.unicode_minus": False}
    with matplotlib.rc_context(rc), warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r".*[Gg]lyph .* missing from")
        yield


def _labeller(docs, names: str):
    if names not in ("auto", "ja", "en"):
        raise ValueError(f"names must be 'auto', 'ja' or 'en', not {names!r}")
    return plotdata.labeller(docs, names == "ja" or (names == "auto" and japanese_font() is not None))


def _empty(ax, message: str) -> None:
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes)
    ax.set_axis_off()


def _short(name: str, limit: int = 12) -> str:
    return name if len(name) <= limit else name[: limit - 1] + "…"


def _names_note(labels: List[str]) -> str:
    """Labels joined with ' · '; officials without a readable label ('?') only counted."""
    named = [_short(t) for t in labels if t != "?"]
    unnamed = len(labels) - len(named)
    return " · ".join(named + ([f"+{unnamed}"] if unnamed else []))


def _unique(labels: List[str]) -> List[str]:
    """Labels shortened for axes; unreadable ones ('?') numbered so they stay apart."""
    return [f"? {i + 1}" if t == "?" else _short(t, 18) for i, t in enumerate(labels)]


# -- timeline --------------------------------------------------------------------------------
def timeline(data: Any, freq: str = "M", top: int = 3, max_bins: int = 36, scope: str = "document",
             names: str = "auto", title: Optional[str] = None, figsize=(11, 4.5)):
    """Bars of dated references per month (``freq="M"``) or day (``"D"``) across a corpus.

    A reference is a distinct resolved date (a DATE or TIME value with at least year and month,
    or a full date for ``"D"``) in one article; unresolved values (``XXXX-XX-14``) are left out.
    Each bar is annotated with the ``top`` officials most often involved: named in the same
    article (``scope="document"``) or sentence (``"sentence"``, Results only). When the dates
    span more than ``max_bins`` periods, the densest window of ``max_bins`` is shown.
    ``names``: ``"auto"`` (Japanese when a CJK font is found), ``"ja"`` or ``"en"``.
    """
    from matplotlib.figure import Figure

    if freq not in ("M", "D"):
        raise ValueError(f"freq must be 'M' or 'D', not {freq!r}")
    docs = plotdata.documents(data, scope)
    counts, who = plotdata.date_counts(docs, freq)
    label = _labeller(docs, names)
    with _style():
        fig = Figure(figsize=figsize, layout="constrained")
        ax = fig.add_subplot()
        ax.set_title(title or f"Dated references per {'month' if freq == 'M' else 'day'}, with the officials involved")
        if not counts:
            _empty(ax, "no resolved dates")
            return fig
        lo, hi = plotdata.window(counts, max_bins)
        xs = list(range(lo, hi + 1))
        ys = [counts.get(p, 0) for p in xs]
        ax.bar(range(len(xs)), ys, color="#60a5fa", edgecolor="#1d4ed8", linewidth=0.5)
        notes = {i: _names_note([label(k) for k, _ in who[p].most_common(top)]) for i, p in enumerate(xs) if ys[i]}
        # room above each bar for its vertical note: about one em (7 pt) per character
        per_char = 7.5 / max((figsize[1] - 1.6) * 72, 72)
        ax.set_ylim(0, max(y / max(0.97 - len(notes.get(i, "")) * per_char, 0.3) for i, y in enumerate(ys)))
        for i, note in notes.items():
            if note:
                ax.text(i, ys[i], " " + note, ha="center", va="bottom", fontsize=7, rotation=90, color="#7f1d1d")
        step = max(1, math.ceil(len(xs) / 24))
        ax.set_xticks(range(0, len(xs), step))
        ax.set_xticklabels([plotdata.period_label(p, freq) for p in xs[::step]], rotation=60, ha="right", fontsize=8)
        ax.set_ylabel("date references (article × period)")
        hidden = sum(counts.values()) - sum(ys)
        if hidden:
            ax.annotate(f"{hidden} references outside this window not shown", (1, 1), xycoords="axes fraction",
                        ha="right", va="bottom", fontsize=7, color="#6b7280")
    return fig


# -- co-occurrence ---------------------------------------------------------------------------
def cooccurrence_matrix(data: Any, top: int = 15, scope: str = "document", names: str = "auto"):
    """(labels, matrix): the ``top`` officials and, for each pair, how many articles (or
    sentences) name both; the diagonal is how many name each."""
    docs = plotdata.documents(data, scope)
    keys, n, pairs = plotdata.pair_counts(docs, top)
    label = _labeller(docs, names)
    matrix = [[n[a] if a == b else pairs[tuple(sorted((a, b)))] for b in keys] for a in keys]
    return [label(k) for k in keys], matrix


def cooccurrence(data: Any, top: int = 15, scope: str = "document", kind: str = "heatmap",
                 names: str = "auto", title: Optional[str] = None, figsize=(8, 7)):
    """Officials appearing together: a heatmap (``kind="heatmap"``) of how many articles (or
    sentences, ``scope="sentence"``) name both, the diagonal being how many name each, or a
    circular network (``kind="network"``): node size ~ articles, edge width ~ co-occurrences."""
    from matplotlib.figure import Figure

    if kind not in ("heatmap", "network"):
        raise ValueError(f"kind must be 'heatmap' or 'network', not {kind!r}")
    labels, matrix = cooccurrence_matrix(data, top, scope, names)
    with _style():
        fig = Figure(figsize=figsize, layout="constrained")
        ax = fig.add_subplot()
        ax.set_title(title or f"Officials named in the same {scope}")
        if not labels:
            _empty(ax, "no officials")
        elif kind == "heatmap":
            _heatmap(fig, ax, matrix, _unique(labels), scope)
        else:
            _network(ax, _unique(labels), matrix)
    return fig


def _heatmap(fig, ax, matrix, labels, scope) -> None:
    image = ax.imshow(matrix, cmap="Blues")
    ax.set_xticks(range(len(labels)), labels, rotation=60, ha="right", fontsize=8)
    ax.set_yticks(range(len(labels)), labels, fontsize=8)
    peak = max(max(row) for row in matrix) or 1
    for i, row in enumerate(matrix):
        for j, v in enumerate(row):
            if v:
                ax.text(j, i, str(v), ha="center", va="center", fontsize=7,
                        color="white" if v > peak * 0.6 else "black", fontweight="bold" if i == j else None)
    fig.colorbar(image, ax=ax, shrink=0.7, label=f"{scope}s")


def _network(ax, labels, matrix) -> None:
    k = len(labels)
    pos = [(math.cos(2 * math.pi * i / k + math.pi / 2), math.sin(2 * math.pi * i / k + math.pi / 2))
           for i in range(k)]
    peak = max((matrix[i][j] for i in range(k) for j in range(k) if i != j), default=0) or 1
    for i in range(k):
        for j in range(i + 1, k):
            if matrix[i][j]:
                w = matrix[i][j] / peak
                ax.plot([pos[i][0], pos[j][0]], [pos[i][1], pos[j][1]], color="#6b7280",
                        linewidth=0.5 + 5 * w, alpha=0.35 + 0.5 * w, zorder=1)
    sizes = [matrix[i][i] for i in range(k)]
    most = max(sizes) or 1
    ax.scatter([p[0] for p in pos], [p[1] for p in pos], s=[80 + 900 * s / most for s in sizes],
               color="#fca5a5", edgecolor="#b91c1c", zorder=2)
    for (x, y), text, size in zip(pos, labels, sizes):
        ha = "left" if x > 0.2 else "right" if x < -0.2 else "center"
        ax.text(x * 1.13, y * 1.13, f"{text} ({size})", ha=ha, va="center", fontsize=8, zorder=3)
    ax.set_xlim(-1.7, 1.7)
    ax.set_ylim(-1.4, 1.4)
    ax.set_aspect("equal")
    ax.set_axis_off()
