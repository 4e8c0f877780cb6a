"""The Jupyter view of a Result (usru_nlp.display, Result._repr_html_)."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from usru_nlp.display import COLORS, highlight, render_html, render_page
from usru_nlp.schema import DateMention, DocumentDate, Official, Person, Place, Result

from .htmlcheck import parse

SCRIPT = '<script>alert("x")</script>'


def _result_with_script() -> Result:
    text = f"{SCRIPT}ロシアのラブロフ外相は14日、<b>ソチ</b>を訪れた。"
    i = text.index("ラブロフ")
    j = text.index("14日")
    k = text.index("ソチ")
    return Result(
        text=text,
        published="2019-05-15",
        officials=[Official(i, i + 4, "ラブロフ", canonical='"><script>alert(1)</script>', title="外相",
                            country="RU", kb_id="Q' onmouseover='x")],
        places=[Place(k, k + 2, "ソチ", kind="city", country="RU")],
        dates=[DateMention(j, j + 3, "14日", value="2019-05-14")],
        meta={"id": "<img src=x onerror=alert(1)>", "title": SCRIPT},
        error=None,
    )


def test_everything_is_escaped_and_inert():
    out = render_html(_result_with_script())
    low = out.lower()
    assert "<script" not in low and "<img" not in low and "<b>ソチ" not in out
    assert "&lt;script&gt;" in out and "&lt;b&gt;" in out and "&lt;/b&gt;" in out
    p = parse(out)
    assert set(p.tags) <= {"style", "div", "span", "mark", "b", "details", "summary", "table", "tr", "th", "td"}
    assert all("script" not in t for t in p.tags)
    assert p.balanced and not p.stack
    assert "".join(p.text) == _result_with_script().text  # the text reads exactly as given


def test_repr_html_is_the_view_with_details(extractor):
    from usru_nlp.cli import EXAMPLE_PUBLISHED, example_text

    r = extractor.extract(example_text(), published=EXAMPLE_PUBLISHED)
    out = r._repr_html_()
    assert out == render_html(r)
    p = parse(out)
    assert p.balanced and "".join(p.text) == r.text
    assert p.tags.count("mark") == len(r)  # nothing crosses in the example: one mark per mention
    for label in ("OFFICIAL", "PERSON", "PLACE", "DATE"):
        assert label in out
    official = next(o for o in r.officials if o.kb_id)
    assert any(official.canonical in t and official.kb_id in t for t in p.titles)  # tooltip
    assert official.kb_id in out.split('<table class="usru-details">')[1]  # and the details table
    dated = next(d for d in r.dates if d.value)
    assert any(f"value: {dated.value}" in t for t in p.titles)
    for color in COLORS.values():
        assert color in out


def test_nested_and_crossing_mentions_keep_the_text():
    text = "2021年6月のジュネーブ会談"
    r = Result(
        text=text,
        places=[Place(0, 13, text[0:13], kind="city")],  # a (made-up) place holding a date
        dates=[DateMention(0, 7, "2021年6月", value="2021-06"), DateMention(10, 15, text[10:15], value="X")],
    )
    out = render_html(r)
    p = parse(out)
    assert p.balanced and not p.stack
    assert "".join(p.text) == text
    # the crossing date is closed at the place's end and reopened after it
    assert out.count('data-i="3"') == 2 and "usru-cont" in out
    assert out.count('<span class="usru-lab">') == 3  # one label per mention


def test_bad_offsets_error_results_and_empty_text():
    r = Result(text="abc", dates=[DateMention(2, 9, "c", value="X"), DateMention(-1, 1, "a")])
    p = parse(render_html(r))
    assert "".join(p.text) == "abc" and "mark" not in p.tags
    err = Result(text="", error="TypeError: <bad>", meta={"input": "None"})
    out = render_html(err)
    assert "TypeError: &lt;bad&gt;" in out and parse(out).balanced
    assert "<!DOCTYPE html>" in render_page(r) and 'charset="utf-8"' in render_page(r)


def test_text_outside_the_body_is_greyed_but_kept():
    text = "ホーム > 国際\n本文ロシア\n関連記事"
    r = Result(text=text, body=(8, 13), places=[Place(10, 13, "ロシア", kind="country", country="RU")],
               dct=DocumentDate(value="2021-06-24"))
    out = render_html(r)
    assert out.count('class="usru-out"') == 2
    assert "".join(parse(out).text) == text
    assert "2021-06-24" in out


_KINDS = [
    lambda s, e, t: Official(s, e, t, canonical="<c>"),
    lambda s, e, t: Person(s, e, t),
    lambda s, e, t: Place(s, e, t),
    lambda s, e, t: DateMention(s, e, t, value="&"),
]


@st.composite
def _results(draw):
    text = draw(st.text(alphabet=st.sampled_from(list("ab<>&\"' \n日本東京")), min_size=1, max_size=30))
    spans = draw(st.lists(st.tuples(st.integers(0, len(text)), st.integers(0, len(text)), st.integers(0, 3)),
                          max_size=8))
    r = Result(text=text)
    for a, b, k in spans:
        s, e = min(a, b), max(a, b)
        if s < e:
            m = _KINDS[k](s, e, text[s:e])
            getattr(r, m.kind_name + "s").append(m)
    return r


@settings(max_examples=150, deadline=None)
@given(_results())
def test_any_overlap_renders_well_formed(r):
    out = highlight(r.text, r.mentions())
    p = parse(f'<div class="usru-text">{out}</div>')
    assert p.balanced and not p.stack
    assert "".join(p.text) == r.text
    assert out.count('<span class="usru-lab">') == len(r)


def test_to_frame_is_the_frames_module():
    pytest.importorskip("pandas")
    r = _result_with_script()
    frame = r.to_frame()
    assert len(frame) == len(r)
    assert list(frame["kind"]) == [m.kind_name for m in r.mentions()]
