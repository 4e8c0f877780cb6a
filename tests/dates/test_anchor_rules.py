"""Anchoring rules on contradictions and ongoing states (sentences written for these tests)."""
import datetime as dt

import pytest

from usru_nlp.dates import find_dates

D = dt.date


def vals(text, dct, **kw):
    return [(m.text, m.value, m.anchor) for m in find_dates(text, dct=dct, **kw)]


# -- a stale explicit year, given away by the date's own weekday marker ----------------------

def test_stale_year_corrected_by_weekday_marker():
    # 2019-06-13 was a Thursday; 2020-06-13, three weeks after the dct, a Saturday.
    got = vals("2019年6月13日（土）・14日（日）に開催します。", D(2020, 5, 25))
    assert got == [("2019年6月13日", "2020-06-13", "dct and weekday marker"),
                   ("14日", "2020-06-14", "previous mention at 0")]


def test_clock_time_follows_the_corrected_date():
    got = vals("2019年6月13日(土)午後2時開演", D(2020, 5, 25))
    assert [v for _, v, _ in got] == ["2020-06-13", "2020-06-13T14:00"]


@pytest.mark.parametrize("text,dct,value", [
    # near the dct the stated date stays: the weekday is the likelier typo
    ("2020年6月13日（金）に開催します。", D(2020, 5, 25), "2020-06-13"),
    # far from the dct, but no date a year off fits the marker near the dct
    ("2015年6月13日（金）に開催した。", D(2020, 5, 25), "2015-06-13"),
    # a historical date whose weekday fits
    ("1995年1月17日（火）に発生した。", D(2020, 1, 17), "1995-01-17"),
    # no marker, nothing to contradict the year
    ("2019年6月13日に開催した。", D(2020, 5, 25), "2019-06-13"),
])
def test_explicit_year_stays(text, dct, value):
    got = vals(text, dct)
    assert got[0][1:] == (value, "explicit")


def test_stale_year_needs_a_dct_known_to_the_day():
    got = vals("2019年6月13日（土）に開催します。", D(2020, 5, 25), dct_precision="month")
    assert got[0][1:] == ("2019-06-13", "explicit")
    assert vals("2019年6月13日（土）に開催します。", None)[0][1] == "2019-06-13"


# -- the start or end of a period that still holds (ている, 中) -------------------------------

@pytest.mark.parametrize("text,dct,value", [
    # the nearest 3rd would be 2021-09-03; a state holding since the 3rd started in the past
    ("新サービスは3日から受け付けています。", D(2021, 8, 20), "2021-08-03"),
    ("新サービスは3日から受け付けている。", D(2021, 8, 20), "2021-08-03"),
    ("新サービスは3日以降、受け付けている。", D(2021, 8, 20), "2021-08-03"),
    ("新サービスは3日より受け付けており、好評だ。", D(2021, 8, 20), "2021-08-03"),
    # a state that still holds until the 30th ends ahead
    ("展示は30日まで開催中。", D(2021, 8, 12), "2021-08-30"),
    # a month too: the nearest May would be 2020-05
    ("新制度は5月から運用されている。", D(2019, 12, 10), "2019-05"),
])
def test_ongoing_state_since_or_until(text, dct, value):
    assert vals(text, dct)[0][1] == value


@pytest.mark.parametrize("text,dct,value", [
    ("新サービスは3日から受け付ける。", D(2021, 8, 20), "2021-09-03"),   # plain future
    ("展示は30日に開催中。", D(2021, 8, 12), "2021-07-30"),              # not a period bound
    ("新制度は5月に運用されている。", D(2019, 12, 10), "2020-05"),        # not a period bound
])
def test_without_bound_or_ongoing_state_nothing_changes(text, dct, value):
    assert vals(text, dct)[0][1] == value
