"""Charts of a corpus (usru_nlp.plot, usru_nlp.plotdata), drawn with the Agg backend."""
from __future__ import annotations

import io
import warnings

import pytest

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")

from usru_nlp import plot, plotdata  # noqa: E402
from usru_nlp.schema import DateMention, Official, Result  # noqa: E402


def _official(start, name, kb=None, en=None, cluster=None):
    return Official(start, start + len(name), name, canonical=name, kb_id=kb, name_en=en, cluster=cluster)


def _corpus():
    """Three articles: dates in 2021-05/06 (and one far-off year), four officials."""
    text = "x" * 200
    lavrov = lambda s, c=None: _official(s, "ラブロフ", "Q1", "Sergey Lavrov", c)  # noqa: E731
    blinken = lambda s: _official(s, "ブリンケン", "Q2", "Antony Blinken")  # noqa: E731
    return [
        Result(text=text, officials=[lavrov(0, 0), blinken(20), _official(150, "ラブロフ氏", cluster=0)],
               dates=[DateMention(40, 43, "21日", value="2021-06-21"), DateMention(50, 53, "来月", value="2021-07"),
                      DateMention(60, 63, "14日", value="XXXX-XX-14"), DateMention(70, 74, "2時間", type="DURATION",
                                                                                 value="PT2H")]),
        Result(text=text, officials=[lavrov(0), _official(30, "山田一郎")],
               dates=[DateMention(40, 43, "22日", value="2021-06-22"), DateMention(45, 48, "同日", value="2021-06-22")]),
        Result(text=text, officials=[blinken(0)], dates=[DateMention(40, 45, "1990年", value="1990")]),
        Result(text="", error="TypeError: bad"),
    ]


def _png(fig) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=50)
    return buf.getvalue()


def test_documents_merge_clusters_and_keep_resolved_dates():
    docs = plotdata.documents(_corpus())
    assert len(docs) == 3  # the error result is skipped
    dates, officials = docs[0][0]
    assert dates == ["2021-06-21", "2021-07"]  # no unresolved value, no duration
    assert [k for k, _, _ in officials] == ["Q1", "Q2", "Q1"]  # 「ラブロフ氏」 joins its cluster
    counts, who = plotdata.date_counts(docs, "M")
    june = plotdata.period("2021-06-22", "M")
    assert counts[june] == 2 and plotdata.period_label(june, "M") == "2021-06"
    assert who[june]["Q1"] == 2 and who[june]["Q2"] == 1
    day_counts, _ = plotdata.date_counts(docs, "D")
    assert sum(day_counts.values()) == 2  # 2021-06-21, 2021-06-22 (twice in one article: once)
    assert plotdata.period("2021-13", "M") is None and plotdata.period("2021-02-30", "D") is None


def test_window_keeps_the_densest_run():
    from collections import Counter

    counts = Counter({0: 1, 100: 5, 101: 3, 102: 4, 200: 1})
    assert plotdata.window(counts, 10) == (100, 109)
    assert plotdata.window(Counter({5: 1, 7: 2}), 10) == (5, 7)


def test_frame_and_results_give_the_same_counts():
    pytest.importorskip("pandas")
    from usru_nlp.frames import corpus_frame

    results = _corpus()
    frame = corpus_frame(results)
    assert plot.cooccurrence_matrix(results, names="en") == plot.cooccurrence_matrix(frame, names="en")
    labels, matrix = plot.cooccurrence_matrix(results, names="en")
    assert labels == ["Sergey Lavrov", "Antony Blinken", "?"]  # 2, 2 and 1 articles; ties by key
    assert matrix[0][0] == matrix[1][1] == 2 and matrix[0][1] == matrix[1][0] == 1 and matrix[1][2] == 0
    with pytest.raises(ValueError):
        plot.timeline(frame, scope="sentence")


@pytest.mark.parametrize("call", [
    lambda d: plot.timeline(d),
    lambda d: plot.timeline(d, freq="D", scope="sentence", top=2),
    lambda d: plot.cooccurrence(d),
    lambda d: plot.cooccurrence(d, kind="network", scope="sentence"),
])
def test_charts_draw_japanese_names_without_warnings(call):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig = call(_corpus())
        data = _png(fig)
    assert data.startswith(b"\x89PNG") and len(data) > 2000
    from matplotlib.figure import Figure

    assert isinstance(fig, Figure)


def test_empty_corpus_and_bad_arguments():
    for fig in (plot.timeline([]), plot.cooccurrence([]), plot.cooccurrence([Result(text="a")], kind="network")):
        assert _png(fig).startswith(b"\x89PNG")
    with pytest.raises(ValueError):
        plot.timeline([], freq="Y")
    with pytest.raises(ValueError):
        plot.cooccurrence([], kind="pie")
    with pytest.raises(ValueError):
        plot.timeline([], names="fr")


def test_without_a_japanese_font_labels_are_latin(monkeypatch):
    monkeypatch.setattr(plot, "japanese_font", lambda: None)
    labels, _ = plot.cooccurrence_matrix(_corpus())
    assert set(labels) == {"Sergey Lavrov", "Antony Blinken", "?"}
    assert plot._unique(["a", "?", "?"]) == ["a", "? 2", "? 3"]
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no glyph is missing: nothing Japanese is drawn
        _png(plot.timeline(_corpus()))
        _png(plot.cooccurrence(_corpus(), kind="network"))


def test_a_japanese_font_is_found():
    family = plot.japanese_font()
    if family is None:
        pytest.skip("no Japanese font here (install matplotlib-fontja or fonts-noto-cjk)")
    from matplotlib import font_manager

    path = font_manager.findfont(font_manager.FontProperties(family=family), fallback_to_default=False)
    assert path
