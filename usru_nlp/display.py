"""HTML view of a :class:`~usru_nlp.schema.Result`: the text with its mentions highlighted.

``Result._repr_html_`` calls :func:`render_html`, so a Result shown in Jupyter appears as the
article with officials, persons, places and dates marked in colour (displaCy-like), a legend,
a tooltip on every mark and a table of per-mention details below.

Everything taken from the text or the mentions is HTML-escaped. Mentions may nest or cross
(a date inside a place span, say): the text is cut at every mention boundary and marks are
closed and reopened as needed, so the markup stays well formed and the text reads as given.
"""
from __future__ import annotations

import html
from typing import Iterable, List, Optional, Tuple

KINDS = ("official", "person", "place", "date")
COLORS = {"official": "#fca5a5", "person": "#c4b5fd", "place": "#fde68a", "date": "#a7f3d0"}
LABELS = {"official": "OFFICIAL", "person": "PERSON", "place": "PLACE", "date": "DATE"}

_STYLE = """<style>
.usru-view{font-family:'Noto Sans CJK JP','Noto Sans JP','IPAexGothic','Hiragino Sans','Yu Gothic',
 'Meiryo',sans-serif;font-size:15px;color:#111;background:#fff;max-width:60em}
.usru-head{font-size:13px;color:#444;margin:0 0 .4em}
.usru-legend span.usru-sw{display:inline-block;padding:.05em .5em;margin:0 .4em .2em 0;border-radius:.3em;font-size:12px}
.usru-text{white-space:pre-wrap;line-height:2.3;border:1px solid #e5e7eb;border-radius:.4em;padding:.6em .9em;margin:.4em 0}
.usru-text mark{padding:.15em .2em;border-radius:.3em;color:inherit;box-decoration-break:clone;-webkit-box-decoration-break:clone}
.usru-text mark mark{padding:.05em .15em;outline:1px solid rgba(0,0,0,.25)}
.usru-text mark.usru-former{border:1px dashed #b91c1c}
.usru-text .usru-lab{font-size:.55em;font-weight:bold;letter-spacing:.03em;margin-left:.3em;vertical-align:middle;opacity:.75}
.usru-text .usru-out{color:#9ca3af}
.usru-error{color:#b91c1c;font-weight:bold;margin:.3em 0}
table.usru-details{border-collapse:collapse;font-size:12px;margin-top:.4em}
table.usru-details th,table.usru-details td{border:1px solid #e5e7eb;padding:.15em .45em;text-align:left;vertical-align:top}
table.usru-details th{background:#f3f4f6}
</style>"""


def _e(value) -> str:
    """Escape anything for HTML text or a double-quoted attribute."""
    return html.escape("" if value is None else str(value), quote=True)


def kind_of(m) -> str:
    return getattr(m, "kind_name", "mention")


def detail_fields(m) -> List[Tuple[str, str]]:
    """(label, value) pairs worth showing for a mention; empty values left out."""
    kind = kind_of(m)
    if kind == "official":
        pairs = [("canonical", m.canonical), ("name_en", m.name_en), ("title", m.title),
                 ("title_en", m.title_en), ("country", m.country), ("kb_id", m.kb_id),
                 ("cluster", m.cluster), ("former", "yes" if m.former else None)]
    elif kind == "person":
        pairs = [("role", m.role)]
    elif kind == "place":
        pairs = [("kind", m.kind), ("country", m.country), ("kb_id", m.kb_id),
                 ("dateline", "yes" if m.dateline else None)]
    elif kind == "date":
        pairs = [("type", m.type), ("value", m.value), ("mod", m.mod), ("anchor", m.anchor)]
    else:
        pairs = []
    return [(k, str(v)) for k, v in pairs if v not in (None, "")]


def _tooltip(m) -> str:
    lines = [f"{LABELS.get(kind_of(m), kind_of(m).upper())} {m.text} [{m.start}:{m.end}]"]
    lines += [f"{k}: {v}" for k, v in detail_fields(m)]
    return "\n".join(lines)


def _valid(mentions: Iterable, n: int) -> list:
    """Mentions whose offsets fit the text, outer ones first at equal starts."""
    out = [m for m in mentions if isinstance(m.start, int) and isinstance(m.end, int) and 0 <= m.start < m.end <= n]
    return sorted(out, key=lambda m: (m.start, -m.end, KINDS.index(kind_of(m)) if kind_of(m) in KINDS else 9))


def _open_tag(m, index: int, first: bool) -> str:
    kind = kind_of(m)
    cls = f"usru-m usru-{kind}" + (" usru-former" if getattr(m, "former", False) else "")
    cls += "" if first else " usru-cont"
    color = COLORS.get(kind, "#e5e7eb")
    return (f'<mark class="{cls}" data-kind="{_e(kind)}" data-i="{index}" title="{_e(_tooltip(m))}" '
            f'style="background:{color}">')


def _close_tag(m, last: bool) -> str:
    label = f'<span class="usru-lab">{LABELS.get(kind_of(m), "")}</span>' if last else ""
    return f"{label}</mark>"


def highlight(text: str, mentions: Iterable, body: Optional[tuple] = None) -> str:
    """``text`` escaped, with ``<mark>`` elements for ``mentions`` (nested or crossing allowed).

    Text outside ``body`` (start, end) that is not inside a mark is shown greyed out.
    """
    ms = _valid(mentions, len(text))
    index = {id(m): i for i, m in enumerate(ms, 1)}
    cuts = sorted({0, len(text), *(m.start for m in ms), *(m.end for m in ms)})
    if body is not None:
        cuts = sorted(set(cuts) | {b for b in body if isinstance(b, int) and 0 <= b <= len(text)})
    parts: List[str] = []
    stack: list = []
    for a, b in zip(cuts, cuts[1:]):
        target = [m for m in ms if m.start <= a and b <= m.end]
        keep = 0
        while keep < min(len(stack), len(target)) and stack[keep] is target[keep]:
            keep += 1
        while len(stack) > keep:  # close what does not go on (a crossing mark is reopened)
            m = stack.pop()
            parts.append(_close_tag(m, last=m.end <= a))
        for m in target[keep:]:
            parts.append(_open_tag(m, index[id(m)], first=m.start == a))
            stack.append(m)
        chunk = _e(text[a:b])
        outside = body is not None and not stack and not (body[0] <= a and b <= body[1])
        parts.append(f'<span class="usru-out">{chunk}</span>' if outside else chunk)
    while stack:
        parts.append(_close_tag(stack.pop(), last=True))
    return "".join(parts)


def legend(result) -> str:
    counts = {k: len(getattr(result, k + "s", []) or []) for k in KINDS}
    items = [f'<span class="usru-sw" style="background:{COLORS[k]}">{LABELS[k]} {counts[k]}</span>' for k in KINDS]
    return f'<div class="usru-legend">{"".join(items)}</div>'


def _header(result) -> str:
    bits = []
    meta = result.meta or {}
    for key in ("id", "title"):
        if meta.get(key) not in (None, ""):
            bits.append(f"<b>{_e(key)}</b>: {_e(meta[key])}")
    if result.published:
        bits.append(f"<b>published</b>: {_e(result.published)}")
    dct = result.dct
    if dct is not None and dct.value:
        bits.append(f"<b>document date</b>: {_e(dct.value)} ({_e(dct.source)})")
    bits.append(f"{len(result.text)} characters")
    return f'<div class="usru-head">{" · ".join(bits)}</div>'


def details_table(mentions: list) -> str:
    """One row per mention: index, type, text, offsets and every detail field."""
    if not mentions:
        return '<div class="usru-head">no mentions</div>'
    rows = ["<tr><th>#</th><th>type</th><th>text</th><th>span</th><th>canonical / value</th>"
            "<th>title / kind / role</th><th>country</th><th>KB id</th><th>more</th></tr>"]
    for i, m in enumerate(mentions, 1):
        d = dict(detail_fields(m))
        main = d.pop("canonical", None) or d.pop("value", None) or ""
        d.pop("value", None)
        second = d.pop("title", None) or d.pop("kind", None) or d.pop("role", None) or ""
        country, kb = d.pop("country", ""), d.pop("kb_id", "")
        more = "; ".join(f"{k}: {v}" for k, v in d.items())
        kind = kind_of(m)
        swatch = f'<span style="background:{COLORS.get(kind, "#eee")};padding:0 .3em;border-radius:.2em">{_e(kind)}</span>'
        cells = [str(i), swatch, _e(m.text), f"{m.start}–{m.end}", _e(main), _e(second), _e(country), _e(kb), _e(more)]
        rows.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    return f'<table class="usru-details">{"".join(rows)}</table>'


def render_html(result, details: bool = True, style: bool = True) -> str:
    """The HTML fragment shown for ``result`` in Jupyter (``Result._repr_html_``)."""
    ms = _valid(result.mentions(), len(result.text or ""))
    parts = [_STYLE if style else "", '<div class="usru-view">', _header(result), legend(result)]
    if result.error:
        parts.append(f'<div class="usru-error">error: {_e(result.error)}</div>')
    parts.append(f'<div class="usru-text">{highlight(result.text or "", ms, result.body)}</div>')
    if details:
        parts.append("<details open><summary>mentions</summary>" + details_table(ms) + "</details>")
    parts.append("</div>")
    return "".join(parts)


def render_page(result, title: str = "usru_nlp") -> str:
    """A complete UTF-8 HTML document for ``result`` (to save as a file or open in a browser)."""
    return ('<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8">'
            f"<title>{_e(title)}</title></head><body>{render_html(result)}</body></html>")


def save_html(result, path) -> None:
    """Write :func:`render_page` of ``result`` to ``path``."""
    with open(path, "w", encoding="utf-8") as f:
        f.write(render_page(result))
