"""Calibrated likelihood of the DCT given dated mentions (sentences written for these tests)."""
import datetime as dt

import numpy as np

from usru_nlp.dct import document_date, infer
from usru_nlp.dct.evidence import date_evidence
from usru_nlp.dct.intervals import NEG, Evidence
from usru_nlp.dct.likelihood import EDGES, OffsetModel, backoff, histograms, key, offsets, placements


def _o(y, m, d):
    return dt.date(y, m, d).toordinal()


def test_weekday_fixes_the_year_of_a_month_day():
    ev = Evidence("month_day", "6月5日（土）", 0, 8, [], 0.0, hard=False,
                  extra={"month": 6, "day": 5, "weekday": 6, "tense": None})
    assert [dt.date.fromordinal(int(n)) for n in placements(ev, range(2008, 2014))] == [dt.date(2010, 6, 5)]
    ev.extra["weekday"] = None
    assert len(placements(ev, range(2008, 2014))) == 6


def test_weekday_month_day_picks_the_matching_year():
    text = "2010年から続く音楽祭が今年も開かれる。6月5日（土）に開幕する予定だ。"
    d = document_date(text)
    assert d.value is not None and d.value[:4] == "2010"
    used = [e for e in d.evidence if e["kind"] == "month_day" and e["used"]]
    assert used and used[0]["text"].startswith("6月5日")


def test_a_dated_day_gives_a_close_value():
    d = document_date("同社は本日、2012年5月14日に新製品を発表した。")
    day = dt.date.fromisoformat(d.value)
    assert abs((day - dt.date(2012, 5, 14)).days) <= 31
    assert 0 < d.confidence <= 1 and d.source == "inferred"
    near = [e for e in d.evidence if e["kind"] == "near_date"]
    assert near and near[0]["today"] is True


def test_a_lone_year_gives_a_value_with_little_confidence():
    d = document_date("この祭りは1996年に始まった。")
    assert d.value is not None and d.earliest == "1996-01-01" and d.confidence < 0.5


def test_product_boxes_are_not_evidence_but_their_widget_day_is():
    text = ("新作が話題だ。\n\nカイジ [DVD]posted with amazlet at 11.09.29バップ (2009-03-18)\n"
            "売り上げランキング: 3007\nAmazon.co.jp で詳細を見る")
    ev = date_evidence(text)
    assert not any(e.kind == "near_date" for e in ev)
    widget = [e for e in ev if e.kind == "widget"]
    assert widget and widget[0].lo == _o(2011, 9, 29)
    ev = date_evidence("デジカメ写真の見本帳\n翔泳社(2012-01-18)\n販売元：Amazon.co.jp\n")
    assert ev == []


def test_many_mentions_overrule_one_misread_constraint():
    hard = Evidence("date", "2002年", 0, 5, [(NEG, _o(2002, 12, 31))], 0.8, extra={"tense": "future"})
    near = [Evidence("near_date", "2012年5月30日", 10 * i, 10 * i + 9, [(_o(2012, 5, 30),) * 2], 1.0,
                     hard=False, extra={"gran": "day", "day": True, "tense": None, "latest": "last"})
            for i in range(1, 4)]
    d = infer([hard, *near])
    assert abs((dt.date.fromisoformat(d.value) - dt.date(2012, 5, 30)).days) <= 31
    assert d.latest is None or d.latest >= "2012-05-30"          # the interval holds the value
    assert [e["used"] for e in d.evidence if e["kind"] == "date"] == [False]


def test_offset_model_from_histograms():
    samples = [("day:last:none", 0)] * 50 + [("day:last:none", 5)] * 10 + [("year:older:past", 4000)] * 45
    hist = histograms(samples)
    assert set(hist) >= {"day", "day:last", "day:last:none", "year", "year:older:past"}
    assert all(len(v) == len(EDGES) + 1 for v in hist.values())
    model = OffsetModel(hist)
    ev = Evidence("near_date", "x", 0, 1, [(1000, 1000)], 1.0, hard=False,
                  extra={"gran": "day", "day": True, "tense": None, "latest": "last", "lead": True})
    assert key(ev) == "day:last:none:lead" and backoff(key(ev))[-1] == "day"
    ll = model.loglik(ev, np.array([1000, 1005, 1400]))
    assert ll[0] > ll[1] > ll[2]


def test_a_rare_kind_without_coarser_key_counts_from_few_samples():
    # 12 widgets, all made on the DCT: fewer than MIN_COUNT, but the kind has no coarser key
    hist = histograms([("widget", 0)] * 12 + [("day", d) for d in range(-40, 40)])
    model = OffsetModel(hist, prior={})
    w = Evidence("widget", "posted with amazlet at 12.04.09", 0, 10, [(_o(2012, 4, 9),) * 2], 1.0, hard=False,
                 extra={"day": True})
    days = np.arange(_o(2012, 3, 1), _o(2012, 6, 1))
    ll = model.loglik(w, days)
    assert ll is not None and days[int(np.argmax(ll))] == _o(2012, 4, 9)
    assert model.table("widget") is not None and model.table("nothing") is None


def test_repeated_mentions_of_one_period_do_not_outvote_others():
    from usru_nlp.dct.infer import _repeats
    a = [Evidence("near_date", "2012年", 0, 5, [(_o(2012, 1, 1), _o(2012, 12, 31))], 1.0, hard=False,
                  extra={"gran": "year", "tense": None, "latest": "latest"}) for _ in range(4)]
    b = Evidence("near_date", "2012年5月14日", 9, 19, [(_o(2012, 5, 14),) * 2], 1.0, hard=False,
                 extra={"gran": "day", "day": True, "tense": None, "latest": "last"})
    n = _repeats(a + [b])
    assert [n[id(e)] for e in a] == [4, 4, 4, 4] and n[id(b)] == 1


def test_weekday_of_a_month_day_in_a_relative_year_restricts_the_year():
    from usru_nlp.dct.evidence import date_evidence
    ev = [e for e in date_evidence("今年5月14日（月）に発表会を開いた。") if e.kind == "month_day"]
    assert ev and ev[0].extra["year_rel"] == 0 and ev[0].extra["weekday"] == 1
    days = np.array([dt.date(2012, 6, 1).toordinal(), dt.date(2013, 6, 1).toordinal()])
    off = offsets(ev[0], days)
    assert off[0] == 18                   # 2012-05-14 was a Monday
    assert abs(off[1]) > 365              # 2013-05-14 was not: the nearest Monday 14 May is years away
