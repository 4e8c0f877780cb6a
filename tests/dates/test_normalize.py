"""Normalisation without a document date: unknown parts stay X."""
import pytest

from usru_nlp.dates.normalize import is_valid_value, normalize
from usru_nlp.dates.recognize import recognize


def norm(text):
    (s,) = recognize(text)
    return normalize(s)


@pytest.mark.parametrize("text,typ,value,mod", [
    ("2019年5月14日", "DATE", "2019-05-14", None),
    ("2019/05/14", "DATE", "2019-05-14", None),
    ("14日", "DATE", "XXXX-XX-14", None),
    ("十四日", "DATE", "XXXX-XX-14", None),
    ("5月14日", "DATE", "XXXX-05-14", None),
    ("2014年", "DATE", "2014", None),
    ("令和6年", "DATE", "2024", None),
    ("平成31年", "DATE", "2019", None),
    ("昭和64年", "DATE", "1989", None),
    ("2022年度", "DATE", "2022-04/2023-03", None),
    ("18年4月", "DATE", "XX18-04", None),
    ("6月末", "DATE", "XXXX-06", "END"),
    ("11月初め", "DATE", "XXXX-11", "START"),
    ("4月中旬", "DATE", "XXXX-04", "MID"),
    ("2024年上半期", "DATE", "2024", "START"),
    ("2024年下半期", "DATE", "2024", "END"),
    ("2018年7月以来", "DATE", "2018-07", "ON_OR_AFTER"),
    ("3月以降", "DATE", "XXXX-03", "ON_OR_AFTER"),
    ("5月以前", "DATE", "XXXX-05", "ON_OR_BEFORE"),
    ("10日ごろ", "DATE", "XXXX-XX-10", "APPROX"),
    ("2021年1~4月", "DATE", "2021-01/2021-04", None),
    ("2019年6月5日～6日", "DATE", "2019-06-05/2019-06-06", None),
    ("1時間半", "DURATION", "PT1H30M", None),
    ("4時間半", "DURATION", "PT4H30M", None),
    ("2時間ほど", "DURATION", "PT2H", "APPROX"),
    ("約1時間半", "DURATION", "PT1H30M", "APPROX"),
    ("数週間", "DURATION", "PXW", None),
    ("数週間内", "DURATION", "PXW", "EQUAL_OR_LESS"),
    ("ここ数週間", "DURATION", "PXW", None),
    ("3カ月", "DURATION", "P3M", None),
    ("1年半", "DURATION", "P1Y6M", None),
    ("3年3カ月", "DURATION", "P3Y3M", None),
    ("毎週", "SET", "P1W", None),
    ("毎年", "SET", "P1Y", None),
    ("日ごと", "SET", "P1D", None),
    ("先週", "DATE", "XXXX-WXX", None),
    ("今秋", "DATE", "XXXX-FA", None),
    ("3年前", "DATE", "XXXX", None),
    ("約1週間前", "DATE", "XXXX-XX-XX", "APPROX"),
    ("19世紀", "DATE", "18", None),
    ("1980年代", "DATE", "198", None),
    ("江戸時代", "DATE", "1603/1868", None),
    ("2011年3月期", "DATE", "2010-04/2011-03", None),
    # a range of months with 期 is that range (a quarter), not a fiscal year
    ("2024年10～12月期", "DATE", "2024-10/2024-12", None),
    ("2024年1〜3月期", "DATE", "2024-01/2024-03", None),
    ("午後3時", "TIME", "XXXX-XX-XXT15:00", None),
    ("2019年5月14日午後3時半", "TIME", "2019-05-14T15:30", None),
])
def test_normalize(text, typ, value, mod):
    assert norm(text) == (typ, value, mod)
    assert is_valid_value(value)


@pytest.mark.parametrize("value", ["2019", "2019-05", "2019-05-14", "XXXX-XX-14", "XX18-04", "2025-W07",
                                   "2025-W08-WE", "2025-FA", "198", "18", "2021-01/2021-04", "P1D", "PT1H30M",
                                   "PXW", "P1Y6M", "2019-05-14T15:00", "XXXX-XX-XXTMO", "PAST_REF"])
def test_validator_accepts(value):
    assert is_valid_value(value)


@pytest.mark.parametrize("value", ["", "2019-5-14", "P", "PT", "14日", None, "2019/", "W07", "P1H"])
def test_validator_rejects(value):
    assert not is_valid_value(value)
