"""Anchoring against the document date and context (sentences written for these tests)."""
import datetime as dt

import pytest

from usru_nlp.dates import find_dates

D = dt.date


def vals(text, dct, **kw):
    return [(m.text, m.value, m.mod) for m in find_dates(text, dct=dct, **kw)]


@pytest.mark.parametrize("text,dct,expected", [
    ("14日に会談した。", D(2019, 5, 15), "2019-05-14"),
    ("30日に電話協議へ", D(2021, 12, 29), "2021-12-30"),
    ("28日に会談した。", D(2019, 5, 3), "2019-04-28"),   # past, well after the dct day -> previous month
    ("3日に会談する予定だ。", D(2019, 5, 28), "2019-06-03"),  # future, well before -> next month
    ("5日にも訪問する方針だ。", D(2019, 5, 28), "2019-06-05"),
    ("6日に両日で開催される。", D(2010, 5, 31), "2010-06-06"),
    ("12月に会談した。", D(2020, 1, 10), "2019-12"),
    ("1月に訪問する予定だ。", D(2020, 12, 10), "2021-01"),
    ("8月に失効する。", D(2019, 5, 15), "2019-08"),
    ("今月16日に", D(2025, 9, 30), "2025-09-16"),
    ("今年2月27日", D(2025, 9, 30), "2025-02-27"),
    ("昨年12月", D(2025, 9, 30), "2024-12"),
    ("来年1月", D(2025, 9, 30), "2026-01"),
    ("18年4月", D(2019, 5, 15), "2018-04"),
    ("1〜3月期のGDPは伸びた。", D(2025, 6, 10), "2025-01/2025-03"),  # a quarter, not a fiscal year
    ("20年12月", D(2021, 5, 20), "2020-12"),
    ("16年大統領選", D(2019, 5, 15), "2016"),
    ("90年代", D(2019, 5, 15), "199"),
    ("今日", D(2025, 2, 19), "2025-02-19"),
    ("きょう", D(2025, 2, 19), "2025-02-19"),
    ("昨日", D(2025, 2, 19), "2025-02-18"),
    ("明日", D(2025, 2, 19), "2025-02-20"),
    ("先週", D(2025, 2, 19), "2025-W07"),
    ("今週", D(2025, 2, 19), "2025-W08"),
    ("来週", D(2025, 2, 19), "2025-W09"),
    ("先月", D(2025, 1, 19), "2024-12"),
    ("来月", D(2025, 12, 19), "2026-01"),
    ("去年", D(2025, 2, 19), "2024"),
    ("3日前", D(2025, 3, 2), "2025-02-27"),
    ("2週間後", D(2025, 2, 19), "2025-03-05"),
    ("3カ月前", D(2025, 2, 19), "2024-11"),
    ("3年前", D(2025, 2, 19), "2022"),
    ("今秋中に", D(2025, 9, 30), "2025-FA"),
    ("今夏", D(2025, 2, 19), "2025-SU"),
    ("月内", D(2021, 12, 30), "2021-12"),
    ("年内", D(2021, 12, 30), "2021"),
    ("年明け", D(2021, 12, 30), "2022"),
    ("今年度", D(2022, 2, 1), "2021-04/2022-03"),
    ("週末", D(2025, 2, 19), "2025-W08-WE"),
    ("本日25日から発売", D(2012, 6, 10), "2012-05-25"),  # 本日 + a later day: the dct lags
    ("今週20日から発売予定", D(2012, 7, 15), "2012-07-20"),
])
def test_single(text, dct, expected):
    assert vals(text, dct)[0][1] == expected


def test_approx_week_before():
    assert vals("会談の約1週間前には", D(2025, 2, 19)) == [("約1週間前", "2025-02-12", "APPROX")]


def test_same_day_words_follow_last_full_date():
    got = vals("2019年5月14日に会談した。同日夜に帰国。前日には準備会合。翌日も協議。", D(2019, 5, 20))
    assert [v for _, v, _ in got] == ["2019-05-14", "2019-05-14", "2019-05-13", "2019-05-15"]
    assert find_dates("2019年5月14日に会談した。同日に帰国。", D(2019, 5, 20))[1].anchor == "previous mention at 0"


def test_bare_day_after_month_day_in_sentence():
    got = vals("映画は8月22日から24日まで上映される。", D(2012, 7, 19))
    assert [v for _, v, _ in got] == ["2012-08-22", "2012-08-24"]


def test_bare_day_list_rolls_into_next_month():
    got = vals("まとめ：29日（火）｜30日（水）｜1日｜2日（金）", D(2011, 12, 3))
    assert [v for _, v, _ in got] == ["2011-11-29", "2011-11-30", "2011-12-01", "2011-12-02"]


def test_month_only_mention_does_not_capture_bare_day():
    got = vals("早ければ10月にも協議を再開する見通しだと、同紙が29日に報じた。", D(2025, 9, 30))
    assert got[1][1] == "2025-09-29"


def test_ranges_and_lists():
    got = vals("今年の1~4月の貿易額は前年同期比で増えた。", D(2021, 5, 20))
    assert got == [("今年", "2021", None), ("1~4月", "2021-01/2021-04", None), ("前年同期", "2020-01/2020-04", None)]
    got = vals("10月末から11月初めに開く予定だ。", D(2025, 9, 30))
    assert got == [("10月末", "2025-10", "END"), ("11月初め", "2025-11", "START")]
    got = vals("12月30日から1月3日まで休む。", D(2019, 12, 1))
    assert [v for _, v, _ in got] == ["2019-12-30", "2020-01-03"]


def test_weekday_marker_picks_month():
    assert vals("6日（日）に開催。", D(2010, 5, 20))[0][1] == "2010-06-06"


def test_anchor_field():
    ms = find_dates("2019年5月14日と14日と同日", D(2019, 5, 20))
    assert [m.anchor for m in ms] == ["explicit", "previous mention at 0", "previous mention at 11"]
    assert find_dates("14日に会談した。", D(2019, 5, 15))[0].anchor == "dct"


@pytest.mark.parametrize("text,value", [
    ("14日に会談した。", "XXXX-XX-14"), ("5月14日", "XXXX-05-14"), ("18年4月", "XX18-04"),
    ("先週", "XXXX-WXX"), ("今年", "XXXX"), ("3年前", "XXXX"), ("今秋", "XXXX-FA"),
])
def test_no_dct_stays_unknown(text, value):
    (m,) = find_dates(text)
    assert m.value == value and m.anchor in ("unresolved", None)


def test_region_ignores_outside():
    text = "2018年4月1日。本文：14日に会談した。"
    ms = find_dates(text, D(2019, 5, 15), region=(8, len(text)))
    assert [(m.text, m.value) for m in ms] == [("14日", "2019-05-14")]
    assert all(text[m.start:m.end] == m.text for m in ms)
