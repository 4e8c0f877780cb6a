"""Bare days and months without a year from the text's own earlier dates, across sentences
(sentences written for these tests)."""
import datetime as dt

import pytest

from usru_nlp.dates import find_dates

D = dt.date
OPENING = "2012年5月14日に会議が始まった。"


def vals(text, dct=None, **kw):
    return [(m.text, m.value, m.anchor) for m in find_dates(text, dct=dct, **kw)]


# -- no document date at all ---------------------------------------------------------------

def test_bare_day_in_the_next_sentence():
    assert vals(OPENING + "20日には閉幕した。") == [
        ("2012年5月14日", "2012-05-14", "explicit"), ("20日", "2012-05-20", "previous mention at 0")]


def test_same_sentence_still_works():
    assert vals("会議は2012年5月14日に始まり、20日に終わった。")[1][1:] == ("2012-05-20", "previous mention at 3")


def test_across_a_paragraph_break():
    got = vals(OPENING + "\n\n各国の代表が集まった。20日には閉幕した。")
    assert got[1][1:] == ("2012-05-20", "previous mention at 0")


def test_not_from_paragraphs_further_back():
    # a list of days at the foot of an article is no continuation of its first paragraph
    got = vals(OPENING + "\n\n代表が集まった。\n\n議長が演説した。\n\n20日には閉幕した。")
    assert got[1][1:] == ("XXXX-XX-20", "unresolved")


def test_month_without_year():
    got = vals(OPENING + "6月に再開する予定だ。")
    assert got[1][1:] == ("2012-06", "previous mention at 0")
    got = vals("2012年5月に会議が始まった。6月に再開した。7月に閉幕した。")
    assert [v for _, v, _ in got] == ["2012-05", "2012-06", "2012-07"]
    assert got[2][2] == "previous mention at 16"  # a chain: 7月 follows 6月, which follows 5月


def test_month_day_without_year_rolls_into_next_year():
    got = vals("2011年12月29日に発表した。1月5日に再開する予定だ。")
    assert got[1][1:] == ("2012-01-05", "previous mention at 0")


def test_chain_of_bare_days():
    got = vals(OPENING + "20日に閉幕した。22日に報告書が出た。")
    assert [v for _, v, _ in got] == ["2012-05-14", "2012-05-20", "2012-05-22"]


def test_same_day_next_day_after_explicit_date():
    got = vals(OPENING + "同日、首相が演説した。翌日には閉幕した。前日には準備会合があった。")
    assert [v for _, v, _ in got] == ["2012-05-14", "2012-05-14", "2012-05-15", "2012-05-13"]
    assert {a for _, _, a in got[1:]} == {"previous mention at 0"}


def test_range_continues_from_its_end():
    got = vals("2012年5月27日〜6月9日に紹介した。11日に新製品が出る。")
    assert got[1][1] == "2012-06-11"


def test_tenses_must_agree():
    # 17日 is past, the 10th still ahead: the 17th cannot be January 17th
    assert vals("2022年1月10日に会談する予定だ。17日に案を提示した。")[1][1] == "XXXX-XX-17"
    assert vals("2022年1月10日に会談する予定だ。17日に案を提示する。")[1][1] == "2022-01-17"


def test_a_date_its_weekday_contradicts_is_no_context():
    # 2011-06-09 was a Thursday: the year may be stale (a copied notice)
    assert vals("2011年6月9日（土）に開催した。10日も開催した。")[1][1] == "XXXX-XX-10"


def test_month_only_mention_gives_no_day_context():
    assert vals("2012年5月に会議が始まった。14日には閉幕した。")[1][1] == "XXXX-XX-14"


def test_no_context_stays_unknown():
    assert vals("会議が始まった。20日には閉幕した。") == [("20日", "XXXX-XX-20", "unresolved")]


# -- a document date known to the day --------------------------------------------------------

@pytest.mark.parametrize("dct,value,anchor", [
    (D(2012, 5, 21), "2012-05-20", "previous mention at 0"),
    # the dct alone would say June 20th; the text says May
    (D(2012, 6, 25), "2012-05-20", "previous mention at 0"),
    # far from the dct the text's date is out of the dct's reach: the dct decides
    (D(2019, 6, 25), "2019-06-20", "dct"),
])
def test_with_dct(dct, value, anchor):
    assert vals(OPENING + "20日には閉幕した。", dct)[1][1:] == (value, anchor)


def test_with_dct_reading_must_fit_tense():
    # ahead of a dct of 2012-06-10, the 20th cannot be May 20th
    got = vals(OPENING + "20日に閉幕する予定だ。", D(2012, 6, 10))
    assert got[1][1:] == ("2012-06-20", "dct")


def test_with_dct_nearer_reading_wins():
    # in an article of 2019-05-03, 「2日」 after April 28th is May 2nd (4 days on), not April 2nd
    got = vals("4月28日に会談した。2日に発表した。", D(2019, 5, 3))
    assert [v for _, v, _ in got] == ["2019-04-28", "2019-05-02"]


def test_dct_chosen_day_is_no_context():
    got = vals("28日に会談した。2日に発表した。", D(2019, 5, 3))
    assert got == [("28日", "2019-04-28", "dct"), ("2日", "2019-05-02", "dct")]


def test_month_with_dct():
    assert vals(OPENING + "6月に再開した。", D(2012, 8, 1))[1][1:] == ("2012-06", "previous mention at 0")
    # out of the dct's reach: the dct decides
    assert vals(OPENING + "6月に再開した。", D(2019, 8, 1))[1][1:] == ("2019-06", "dct")


# -- an uncertain (inferred) document date -----------------------------------------------------

def test_month_precision_dct():
    got = vals(OPENING + "20日には閉幕した。", D(2012, 5, 28), dct_precision="month")
    assert got[1][1:] == ("2012-05-20", "previous mention at 0")
    # without context the dct month still serves
    assert vals("20日には閉幕した。", D(2012, 5, 28), dct_precision="month")[0][1:] == \
        ("2012-05-20", "dct (month only)")


def test_year_precision_dct():
    got = vals(OPENING + "20日には閉幕した。6月に再開した。", D(2012, 7, 1), dct_precision="year")
    assert [(v, a) for _, v, a in got[1:]] == [("2012-05-20", "previous mention at 0"),
                                              ("2012-06", "previous mention at 19")]
    # a bare day with neither context nor a known month stays unknown
    assert vals("20日には閉幕した。", D(2012, 7, 1), dct_precision="year")[0][1] == "XXXX-XX-20"


def test_extractor_with_inferred_dct():
    from usru_nlp import Extractor

    ex = Extractor(model="none")
    res = ex.extract(OPENING + "20日には閉幕した。")
    assert [(m.text, m.value, m.anchor) for m in res.dates][1] == ("20日", "2012-05-20", "previous mention at 0")
    res = ex.extract(OPENING + "同日、首相が演説した。翌日には閉幕した。6月に再開する。")
    assert [m.value for m in res.dates] == ["2012-05-14", "2012-05-14", "2012-05-15", "2012-06"]
