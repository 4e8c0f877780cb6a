"""Property tests: arbitrary text never raises; values are well-formed TIMEX3."""
import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from usru_nlp.dates import find_dates
from usru_nlp.dates.normalize import MODS, TYPES, is_valid_value

DATEISH = st.sampled_from(list("0123456789０１２３４５６７８９〇一二三四五六七八九十年月日週間時分前後末初旬約今昨来同翌毎~～/（）(火)、。")
                          + ["令和", "平成", "昭和", "カ月", "以来", "以降", "ごろ", "ほど", "中旬", "年度", "世紀"])
TEXT = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(DATEISH, st.text(max_size=3)), max_size=80).map("".join),
    st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x1FFFF), max_size=2000),
)
DCT = st.one_of(st.none(), st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)))


def check(text, ms):
    assert ms == sorted(ms, key=lambda m: m.start)
    for m in ms:
        assert text[m.start:m.end] == m.text
        assert m.type in TYPES
        assert is_valid_value(m.value), m
        assert m.mod is None or m.mod in MODS


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT, DCT)
def test_never_raises_and_values_valid(text, dct):
    check(text, find_dates(text, dct=dct))


@settings(max_examples=100, deadline=None)
@given(TEXT, DCT, st.integers(-5, 400), st.integers(-5, 400))
def test_region(text, dct, a, b):
    ms = find_dates(text, dct=dct, region=(a, b))
    check(text, ms)
    lo = max(0, min(a, len(text)))
    for m in ms:
        assert lo <= m.start and m.end <= max(lo, min(b, len(text)))


def test_special_inputs():
    for text in ["\x00" * 10, "\ud800年\udfff月", "😀14日😀", "14日" * 10000, "\u200b2019年\u200b", None, 123]:
        ms = find_dates(text, dct=dt.date(2020, 1, 1))
        if isinstance(text, str):
            check(text, ms)
