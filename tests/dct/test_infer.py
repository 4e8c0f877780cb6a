"""Inference from evidence: tense, offices, conflicts (sentences written for these tests)."""
import datetime as dt

import pytest

from usru_nlp.dct import document_date, infer, precision
from usru_nlp.dct.intervals import NEG, POS, Evidence
from usru_nlp.schema import DocumentDate


def _o(y, m, d):
    return dt.date(y, m, d).toordinal()


def dct_of(extractor, text):
    return extractor.extract(text).dct


# -- dates and their tense ---------------------------------------------------------------
def test_future_dated_event_bounds_from_above():
    d = document_date("2022年1月10日には米ロ高官がスイス・ジュネーブで会談する予定だ。")
    assert d.source == "inferred" and d.latest == "2022-01-10" and d.earliest is None
    assert d.value is not None and "2021-11-26" <= d.value <= "2022-01-10"
    ev = [e for e in d.evidence if e["kind"] == "date"]
    assert ev and ev[0]["text"] == "2022年1月10日" and ev[0]["tense"] == "future"


def test_since_bounds_from_below():
    d = document_date("2018年7月以来となる首脳会談も実現は流動的だ。")
    assert d.earliest == "2018-07-01" and d.latest is None


@pytest.mark.parametrize("text,earliest,latest", [
    ("米政府は「14年に実施した経済制裁を上回る」制裁を検討している。", "2014-01-01", None),
    ("2018年11月末に予定していた首脳会談は中止された。", "2018-11-01", None),   # a plan in the past
    ("同社は2012年3月に提供すると発表した。", None, "2012-03-31"),
    ("トランプ氏は20年大統領選で再選を目指す。", None, "2020-12-31"),
])
def test_tense_of_dated_mentions(text, earliest, latest):
    d = document_date(text)
    assert (d.earliest, d.latest) == (earliest, latest)


def test_lengths_of_time_and_attributive_dates_are_not_evidence():
    assert document_date("結婚して30年、夫とは仲がよい。10年ぶりに実家に帰った。") is None
    d = document_date("2012年2月4日公開の映画が話題だ。")  # a date qualifying a noun: soft only
    assert d.earliest is None and d.latest is None and d.value.startswith("2012-0")


def test_past_and_future_dates_give_a_narrow_interval_and_a_day_value():
    d = document_date("同社は2012年5月14日に新製品を発表した。2012年5月20日に発売する予定だ。")
    assert (d.earliest, d.latest) == ("2012-05-14", "2012-05-20")
    assert len(d.value) == 10 and "2012-05-14" <= d.value <= "2012-05-20"
    assert precision(d) == (dt.date.fromisoformat(d.value), "month")


# -- offices --------------------------------------------------------------------------------
def test_office_rubio(extractor):
    d = dct_of(extractor, "ルビオ国務長官は18日、ラブロフ外相と電話で協議した。")
    assert d.earliest == "2025-01-21" and d.latest is None
    ev = [e for e in d.evidence if e["kind"] == "office" and "ルビオ" in e["text"]]
    assert ev and ev[0]["earliest"] == "2025-01-21" and ev[0]["latest"] is None


def test_office_blinken(extractor):
    d = dct_of(extractor, "ブリンケン国務長官は19日、ラブロフ外相と会談した。")
    assert (d.earliest, d.latest) == ("2021-01-26", "2025-01-20")


def test_previous_president_lies_between_his_terms(extractor):
    d = dct_of(extractor, "トランプ前大統領は対ロ融和を探った。")
    assert d.earliest == "2021-01-20" and d.latest < "2025-01-21"


def test_previous_administration(extractor):
    d = dct_of(extractor, "専門家は「バイデン前米政権が残した遺産を整理する」と分析している。")
    assert d.earliest == "2025-01-20" and d.latest is None


def test_offices_and_dates_together(extractor):
    d = dct_of(extractor, "ブリンケン米国務長官は、2022年1月10日にジュネーブで会談する予定だ。"
                          "バイデン大統領はプーチン大統領と電話で協議した。")
    assert (d.earliest, d.latest) == ("2021-01-26", "2022-01-10")
    assert all(e["used"] for e in d.evidence if e["hard"])


# -- conflicts ------------------------------------------------------------------------------
def test_conflicting_evidence_is_outvoted():
    ev = [Evidence("office", "A", 0, 1, [(_o(2021, 1, 26), _o(2025, 1, 20))]),
          Evidence("office", "B", 2, 3, [(_o(2021, 1, 20), _o(2025, 1, 20))]),
          Evidence("date", "C", 4, 5, [(_o(2021, 6, 1), POS)]),
          Evidence("office", "D", 6, 7, [(_o(2009, 1, 20), _o(2017, 1, 20))])]  # a stray 「オバマ大統領」
    d = infer(ev)
    assert (d.earliest, d.latest) == ("2021-06-01", "2025-01-20")
    used = {e["text"]: e["used"] for e in d.evidence}
    assert used == {"A": True, "B": True, "C": True, "D": False}
    assert d.confidence < infer(ev[:3]).confidence


def test_historical_administration_in_past_tense_does_not_conflict(extractor):
    d = dct_of(extractor, "オバマ政権は米ロ関係の「リセット」を掲げて対話を志向した。"
                          "ブリンケン米国務長官は19日、ラブロフ外相と会談した。")
    assert (d.earliest, d.latest) == ("2021-01-26", "2025-01-20")
    assert all(e["used"] for e in d.evidence if e["hard"])


def test_no_evidence_no_dct(extractor):
    r = extractor.extract("ラブロフ外相は14日に会談した。")
    assert r.dct is not None and r.dct.value is None and r.dct.latest is None
    assert r.dates[0].value == "XXXX-XX-14"
    assert extractor.extract("きょうは晴れた。").dct is None


# -- anchoring relative dates to an inferred DCT ------------------------------------------------
def test_year_only_dct_leaves_days_unknown(extractor):
    r = extractor.extract("ルビオ国務長官とウォルツ大統領補佐官は18日、サウジで協議した。"
                          "今年1月の就任以来、3年前の侵攻をめぐり協議を重ねてきた。")
    assert r.dct.earliest >= "2025-01-20" and r.dct.latest <= "2025-12-31"
    vals = {d.text: (d.value, d.anchor) for d in r.dates}
    assert vals["18日"] == ("XXXX-XX-18", "unresolved")
    assert vals["今年1月"] == ("2025-01", "inferred dct (year only)")
    assert vals["3年前"] == ("2022", "inferred dct (year only)")


def test_precision_rules():
    assert precision(None) == (None, "day")
    assert precision(DocumentDate("2019-05-15", "given")) == (dt.date(2019, 5, 15), "day")
    inf = DocumentDate("2025-02-07", "inferred", "2025-01-25", "2025-05-01")
    assert precision(inf) == (dt.date(2025, 7, 1), "year")
    inf = DocumentDate("2021-12-18", "inferred", "2021-01-26", "2022-01-10")
    assert precision(inf) == (None, "day")
    inf = DocumentDate("2025", "inferred", "2025-01-21", None)
    assert precision(inf) == (None, "day")
