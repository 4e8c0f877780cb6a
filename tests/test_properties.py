"""Property tests: arbitrary text never breaks extract(), and every offset invariant holds."""
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from usru_nlp import Extractor

EX = Extractor(model="none")
TIMEX = re.compile(r"^([0-9X]{4}(-[0-9X]{2}(-[0-9X]{2})?)?|[0-9X]{4}-W[0-9X]{2}|[0-9X]{4}-(SP|SU|FA|WI|Q[1-4]|H[12])"
                   r"|[0-9X]{4}-[0-9X]{2}-[0-9X]{2}T.*|P.*|PRESENT_REF|PAST_REF|FUTURE_REF|.*/.*)$")

japanese = st.text(alphabet=st.sampled_from(list("米ロ露中朝欧英仏ロシア外相大統領氏日月年前後以来今先週毎の、。・＝【】=()0123456789十二〇ラブロフプーチン\n ")), max_size=200)
anything = st.text(max_size=300)  # includes control characters, lone surrogates, emoji, NUL


def check(text: str) -> None:
    r = EX.extract(text, published="2020-02-29")
    for m in r.mentions():
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text
    for d in r.dates:
        assert d.value is None or TIMEX.match(d.value), d.value
    assert r.text == text


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(anything)
def test_arbitrary_unicode_never_raises(text):
    check(text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(japanese)
def test_japanese_looking_noise_never_raises(text):
    check(text)


def test_huge_and_hostile_strings():
    for text in ["\x00" * 1000, "\ud800\udfff" * 500, "😀" * 5000, "。" * 10000,
                 ("ラブロフ外相は14日、ソチを訪れた。\x00\ud83d" * 6000)[:200_000]]:
        check(text)
