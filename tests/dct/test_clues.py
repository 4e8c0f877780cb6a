"""New kinds of dated evidence (sentences written for these tests)."""
import datetime as dt

import numpy as np

from usru_nlp.dct import document_date, tier
from usru_nlp.dct.evidence import date_evidence
from usru_nlp.dct.infer import _window_mode
from usru_nlp.dct.intervals import Evidence
from usru_nlp.dct.likelihood import key, offsets, placements


def _o(y, m, d):
    return dt.date(y, m, d).toordinal()


def _kinds(text):
    return [(e.kind, e.text, e.extra.get("role"), e.extra.get("month"), e.extra.get("year_rel"))
            for e in date_evidence(text)]


def test_relative_year_with_its_number_fixes_the_year():
    for text, year in [("昨年の2011年には売上が伸びた。", 2012), ("2012年（今年）の夏は暑い。", 2012),
                       ("来年2014年の大会に向けて準備を進める。", 2013), ("今年は2010年の倍の人出だ。", 2010)]:
        ev = [e for e in date_evidence(text) if e.kind == "year_rel"]
        assert ev and ev[0].extra["year"] == year, text
        assert (ev[0].lo, ev[0].hi) == (_o(year, 1, 1), _o(year, 12, 31))
    d = document_date("昨年の2011年には売上が伸びた。")
    assert (d.earliest, d.latest) == ("2012-01-01", "2012-12-31") and d.value.startswith("2012")
    assert not [e for e in date_evidence("同年の2011年には") if e.kind == "year_rel"]


def test_weekday_day_without_month_is_floating_evidence():
    ev = [e for e in date_evidence("説明会は14日(火)に開く。") if e.kind == "month_day"]
    assert ev and ev[0].extra["month"] is None and ev[0].extra["weekday"] == 2
    assert key(ev[0]).startswith("float-dwd")
    days = [dt.date.fromordinal(int(n)) for n in placements(ev[0], [2012])]
    assert days == [dt.date(2012, 2, 14), dt.date(2012, 8, 14)]


def test_weekday_date_and_a_year_pin_the_day():
    d = document_date("新製品は2012年に出る。発表会は5月14日（月）に東京で開く予定だ。")
    assert d.value[:4] == "2012" and abs((dt.date.fromisoformat(d.value) - dt.date(2012, 5, 14)).days) <= 31
    assert tier(d) == "day"
    assert tier(document_date("発表会は5月14日（月）に開く予定だ。2001年から続く。")) == "day"


def test_bare_day_takes_the_month_and_year_of_the_mention_before_it():
    ev = [e for e in date_evidence("会期は2012年5月14日に始まり、20日に閉幕した。") if e.kind == "near_date"]
    inh = [e for e in ev if e.extra.get("role") == "inh"]
    assert inh and inh[0].lo == _o(2012, 5, 20)
    ev = date_evidence("5月14日に始まった。20日に終わる。")  # another sentence: not taken
    assert not [e for e in ev if e.text == "20日"]
    ev = date_evidence("5月14日、20日と続けて開いた。")
    md = [e for e in ev if e.text == "20日"]
    assert md and md[0].kind == "month_day" and md[0].extra["month"] == 5


def test_roles_birth_deadline_release_and_listed_articles():
    roles = {t.replace("まで", ""): r for _, t, r, _, _ in _kinds(
        "山田さんは1985年4月2日生まれ。生年月日：1986年3月8日。受付は2015年6月30日まで。"
        "映画は2012年3月10日（土）より全国ロードショー。\n・前の記事の見出し（2012年02月04日）\n")}
    assert roles["1985年4月2日"] == "birth" and roles["1986年3月8日"] == "birth"
    assert roles["2015年6月30日"] == "until" and roles["2012年3月10日"] == "release"
    assert roles["2012年02月04日"] == "ref"
    ev = date_evidence("山田さんは1985年4月2日生まれ。2012年5月1日に入社した。")
    near = {e.text: e.extra["latest"] for e in ev if e.kind == "near_date"}
    assert near["2012年5月1日"] == "last"          # a birth date is never the latest day
    assert any(e.kind == "date" and e.text == "1985年4月2日" and e.extra["tense"] == "past" for e in ev)


def test_month_with_relative_year_lies_in_the_dcts_year():
    ev = [e for e in date_evidence("今年4月に発売した。昨年12月にも出した。") if e.kind == "month_day"]
    assert [e.extra["year_rel"] for e in ev] == [0, -1]
    days = np.array([_o(2012, 6, 1), _o(2013, 2, 1)])
    assert offsets(ev[0], days).tolist() == [_o(2012, 6, 1) - _o(2012, 4, 1), _o(2013, 2, 1) - _o(2013, 4, 1)]
    assert offsets(ev[1], days).tolist() == [_o(2012, 6, 1) - _o(2011, 12, 1), _o(2013, 2, 1) - _o(2012, 12, 1)]


def test_today_month_day():
    ev = [e for e in date_evidence("今日（3月8日）は国際女性デーだ。") if e.kind == "month_day"]
    assert ev and ev[0].extra["today"] and key(ev[0]) == "float-today"


def test_decision_to_hold_an_event_is_not_past():
    for text in ["同社は2013年4月27日に幕張で開催することを決定した。", "新作は2016年5月3日、全国で公開されることが決まった。",
                 "展示会を2016年5月3日に開催する事が正式決定しました。"]:
        ev = [e for e in date_evidence(text) if e.kind == "date"]
        assert ev and ev[0].extra["tense"] == "future", text
    ev = [e for e in date_evidence("展示会は2016年5月3日に開催された。") if e.kind == "date"]
    assert ev and ev[0].extra["tense"] == "past"


def test_value_is_the_centre_of_the_densest_window():
    days = np.arange(0, 200)
    score = np.full(200, -10.0)
    score[10] = 0.0                       # one sharp peak ...
    score[100:140] = -0.5                 # ... against a broad plateau holding more mass
    best, conf = _window_mode(days, score)
    assert 100 <= best <= 140 and 0.5 < conf <= 1.0


def test_window_mode_agrees_with_summing_each_window():
    rng = np.random.default_rng(0)
    for days in (np.arange(50, 450), np.concatenate([np.arange(0, 100), np.arange(130, 300), np.arange(900, 950)])):
        score = rng.normal(size=len(days)) * 3
        best, conf = _window_mode(days, score, half=10)
        post = np.exp(score - score.max())
        mass = np.array([post[np.abs(days - d) <= 10].sum() for d in days])
        assert abs(conf - mass.max() / post.sum()) < 1e-9
        assert mass[np.flatnonzero(days == best)[0]] >= mass.max() * (1 - 1e-9) or \
            abs(best - days[np.argmax(mass)]) <= 10


def test_a_historical_year_alone_gives_little_confidence_and_a_weak_tier():
    d = document_date("この祭りは1996年に始まった。")
    assert d.confidence < 0.5 and tier(d) == "year"
    assert tier(None) is None


def test_prior_prefers_the_web_era_among_weekday_candidates():
    d = document_date("物語の舞台は1881年のニューヨーク。映画は4月13日（金）より公開となる。")
    assert d.value is not None and int(d.value[:4]) >= 1995


def test_an_origin_or_a_time_looked_back_on_is_history():
    for text in ["同誌は1977年創刊以来、多くのブームを生んだ。", "このシリーズは2005年に誕生した。",
                 "当時の2003年には誰も知らなかった。", "2009年6月3日以来、白星がない。"]:
        near = [e for e in date_evidence(text) if e.kind == "near_date"]
        assert near and near[0].extra["role"] == "hist", text
        assert key(near[0]).startswith("hist:"), text
    # an ordinary past event keeps no role, and history does not decide the latest year
    ev = [e for e in date_evidence("2011年に新店を開いた。同社は2005年に設立された。") if e.kind == "near_date"]
    assert [e.extra["role"] for e in ev] == ["", "hist"]
    assert ev[0].extra["latest"] == "latest"


def test_cover_date_of_an_issue_is_no_event_ahead():
    text = "特集は雑誌『月刊テスト』（2015年9月3日発売号）に載っている。"
    ev = date_evidence(text)
    assert not [e for e in ev if e.kind == "date"]  # no hard "ahead" bound from 発売
    near = [e for e in ev if e.kind == "near_date"]
    assert near and near[0].extra["tense"] is None and near[0].extra["role"] == ""
    # a release stays a release, ahead of the article
    ev = date_evidence("新刊は2015年9月3日に発売される。")
    assert [e.extra["role"] for e in ev if e.kind == "near_date"] == ["release"]
    assert [e.extra["tense"] for e in ev if e.kind == "date"] == ["future"]


def test_end_of_a_period():
    kinds = _kinds("応募期間：2015年6月1日（月）〜2015年6月14日（日）\n展示は7月1日（水）～7月20日（月）に開く。")
    roles = {t: r for k, t, r, _, _ in kinds if k != "date"}
    assert roles["2015年6月1日"] == "" and roles["2015年6月14日"] == "end"
    assert roles["7月1日"] == "" and roles["7月20日"] == "end"
    md = [e for e in date_evidence("展示は7月1日（水）〜7月20日（月）に開く。") if e.text == "7月20日"]
    assert md and key(md[0]).startswith("float-end")


def test_elapsed_time_since_a_dated_origin():
    from usru_nlp.dct.clues import elapsed
    cases = [
        ("このアプリは2014年3月1日に配信を開始し、3周年を迎えた。", 2017),       # an anniversary
        ("劇団は1990年に結成されて以来、今年で30周年を迎える。", 2020),
        ("その店は2001年に開業した。", None),                                   # no count
        ("2009年の引退以来、6年ぶりに舞台に立った。", 2015),                       # 以来…ぶり
        ("球場は1985年（今から40年前）に完成した。", 2025),                        # 今からN年前
        ("8年前の2007年に初めて訪れた。", 2015),
        ("2016年に登場して以来、昨年で5周年を迎えた。", 2022),                    # the year after
        ("2018年夏、サイトの10周年記念として催した。", None),                     # no origin: no anniversary
        ("「2019年冬モデル」を出し、連載20周年を祝った。", None),                 # the noun is part of the count
        ("1980年に誕生し、2020年に誕生40周年を迎えた。", None),                   # another year in between
    ]
    for text, year in cases:
        ev = elapsed(text, 0, len(text))
        assert [e.extra["year"] for e in ev] == ([year] if year else []), text
        if year and "昨年" not in text:
            assert ev[0].covers(_o(year, 7, 1)), text
    # an age after a birth date: from that birthday to the day before the next
    ev = elapsed("選手は1990年5月3日生まれ、25歳の誕生日を迎えた。", 0, 30)
    assert ev and (ev[0].lo, ev[0].hi) == (_o(2015, 5, 3), _o(2016, 5, 2))
    ev = elapsed("会社員の花子さんは1980年生まれの35歳。", 0, 30)
    assert ev and (ev[0].lo, ev[0].hi) == (_o(2015, 1, 1), _o(2016, 12, 31))
    for text in ["1990年生まれで、20歳の時に上京した。", "1990年生まれ。20歳でデビュー。", "1990年生まれ、18歳以下の部で優勝。"]:
        assert elapsed(text, 0, len(text)) == [], text
    ev = elapsed("2010年5月10日以来、1000日ぶりに勝った。", 0, 25)
    day = _o(2010, 5, 10) + 1000
    assert ev and ev[0].covers(day) and ev[0].covers(day + 20) and not ev[0].covers(day - 10)
    # the origin is no mention near the DCT: only the time added to it is
    ev = date_evidence("2010年5月10日以来、1000日ぶりに勝った。")
    assert [e.kind for e in ev if not e.hard] == [] and {e.kind for e in ev} == {"elapsed", "date"}
    d = document_date("このアプリは2014年3月1日に配信を開始し、3周年を迎えた。")
    assert d.value[:4] == "2017" and d.earliest <= "2017-03-01" <= d.latest


def test_dates_around_the_body_are_weak_mentions():
    from usru_nlp.dct import collect
    body = "新しい公園が開園した。週末は家族連れでにぎわった。"
    text = body + "\n■関連記事\n・駅前の商店街に新店舗（2016年4月12日）\n"
    ev, stamp = collect(text, (0, len(body)))
    assert stamp is None
    out = [e for e in ev if e.extra.get("role") == "out"]
    assert [e.text for e in out] == ["2016年4月12日"] and not [e for e in ev if e.hard]
    assert key(out[0]).startswith("out:day")
    d = document_date(text, (0, len(body)))
    assert d is not None and d.value[:4] == "2016"
    assert document_date(body, (0, len(body))) is None
