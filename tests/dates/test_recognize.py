"""Recognition only: spans and parsed fields, on sentences written for these tests."""
import pytest

from usru_nlp.dates.recognize import parse_number, recognize


def spans(text):
    return [s.text for s in recognize(text)]


@pytest.mark.parametrize("text,expected", [
    ("ラブロフ外相は14日、ソチで会談した。", ["14日"]),
    ("会談は2019年5月14日に行われた。", ["2019年5月14日"]),
    ("期限は２０１９年５月１４日だ。", ["２０１９年５月１４日"]),
    ("2019/05/14に発表", ["2019/05/14"]),
    ("5/14に発表", ["5/14"]),
    ("二〇一九年に就任", ["二〇一九年"]),
    ("十四日に会談", ["十四日"]),
    ("令和6年と平成31年", ["令和6年", "平成31年"]),
    ("2022年度の予算", ["2022年度"]),
    ("18年4月の就任", ["18年4月"]),
    ("16年大統領選", ["16年"]),
    ("今月16日と今年2月27日、昨年12月、来年1月", ["今月16日", "今年2月27日", "昨年12月", "来年1月"]),
    ("6月末、10月末から11月初めにかけて", ["6月末", "10月末", "11月初め"]),
    ("4月中旬から月末まで", ["4月中旬", "月末まで"]),
    ("年内に、年末に、年明けに", ["年内", "年末", "年明け"]),
    ("今秋中に訪問する", ["今秋"]),
    ("今夏、今春、今冬", ["今夏", "今春", "今冬"]),
    ("22年初めに", ["22年初め"]),
    ("週明けにも", ["週明け"]),
    ("異例の月内2度目", ["月内"]),
    ("今日、本日、きょう、昨日、明日", ["今日", "本日", "きょう", "昨日", "明日"]),
    ("同日、前日、翌日、前夜", ["同日", "前日", "翌日", "前夜"]),
    ("先週、今週、来週、先月、今月、来月", ["先週", "今週", "来週", "先月", "今月", "来月"]),
    ("3日前、2週間後、3カ月前、3年前", ["3日前", "2週間後", "3カ月前", "3年前"]),
    ("会談の約1週間前に", ["約1週間前"]),
    ("前年同期比で増えた", ["前年同期"]),
    ("今年の1~4月", ["今年", "1~4月"]),
    ("1～4月の貿易額", ["1～4月"]),
    ("6月5日～6日に開催", ["6月5日～6日"]),
    ("2月27日と4月10日に", ["2月27日", "4月10日"]),
    ("1時間半にわたり、4時間半、2時間ほど", ["1時間半", "4時間半", "2時間ほど"]),
    ("約1時間半の会談", ["約1時間半"]),
    ("数週間内に", ["数週間内"]),
    ("ここ数週間で", ["ここ数週間"]),
    ("3カ月の間", ["3カ月"]),
    ("毎週と毎年", ["毎週", "毎年"]),
    ("日ごとに悪化", ["日ごと"]),
    ("2018年7月以来で、3月以降、5月以前", ["2018年7月以来", "3月以降", "5月以前"]),
    ("6月まで", ["6月まで"]),
    ("5日ごろ、10日頃、15日前後", ["5日ごろ", "10日頃", "15日前後"]),
    ("14日午後3時に", ["14日午後3時"]),
    ("江戸時代と19世紀、1980年代", ["江戸時代", "19世紀", "1980年代"]),
    ("2011年3月期の決算", ["2011年3月期"]),
    ("水曜日に", ["水曜日"]),
    ("きょう31日に", ["きょう31日"]),
    ("同14日に", ["同14日"]),
    ("1971年生産の車", ["1971年"]),
])
def test_spans(text, expected):
    assert spans(text) == expected


@pytest.mark.parametrize("text", [
    "第80回大会", "2500キロを走った", "1泊した", "現地時間で", "20カ国が参加", "2回目の会談",
    "2度目の訪問", "300人が集まった", "3年生の生徒", "試合は3-1で勝った", "19.8%増えた",
    "電話は03-1234-5678まで", "1,000円で", "就任して以来", "十分な時間", "一時停止", "今回の会談",
    "今後の協議", "これまでに", "今も", "当面は", "最近", "", "年", "月日",
])
def test_not_dates(text):
    assert spans(text) == []


def test_offsets_exact():
    text = "（ソチ共同）ラブロフ外相は１４日、ソチで会談した。"
    for s in recognize(text):
        assert text[s.start:s.end] == s.text
    assert [s.text for s in recognize(text)] == ["１４日"]


def test_region_bounds():
    text = "14日に会談。15日に帰国。"
    assert [s.text for s in recognize(text, 6, len(text))] == ["15日"]


def test_fields():
    (s,) = recognize("2019年5月14日")
    assert (s.fields["year"], s.fields["month"], s.fields["day"]) == (2019, 5, 14)
    (s,) = recognize("18年4月")
    assert s.fields["yy"] == 18 and s.fields["month"] == 4
    (s,) = recognize("約1週間前")
    assert s.kind == "reloff" and s.fields["n"] == 1 and s.fields["unit"] == "W" and s.fields["sign"] == -1
    assert s.fields["pre"] == "APPROX" and s.core_start == 1
    (s,) = recognize("3月以降")
    assert s.fields["suf"] == "ON_OR_AFTER" and s.core_end == 2
    (s,) = recognize("14日（火）に")
    assert s.fields["weekday_marker"] == 2 and s.text == "14日"


@pytest.mark.parametrize("s,n", [("14", 14), ("十四", 14), ("二〇一九", 2019), ("二十三", 23), ("百", 100),
                                 ("数", "X"), ("", None)])
def test_parse_number(s, n):
    assert parse_number(s) == n



@pytest.mark.parametrize("text, expected", [
    # time elapsed since an event is a duration, not a two-digit year
    ("チェルノブイリ原発事故から40年。", ("40年", "duration")),
    ("戦後80年の節目を迎えた。", ("80年", "duration")),
    ("結婚して10年。", ("10年", "duration")),
    ("震災から14年を迎えた。", ("14年", "duration")),
    ("14年が経過した。", ("14年", "duration")),
    # ... but a year after another year, after その後, or before に stays a year
    ("15年から18年まで在任した。", ("18年まで", "date")),
    ("その後18年に辞任した。", ("18年", "date")),
    ("事故から40年に当たる。", ("40年", "date")),
])
def test_elapsed_years_are_durations(text, expected):
    last = recognize(text)[-1]
    assert (last.text, last.kind) == expected


def found(text):
    return [(s.text, s.kind) for s in recognize(text)]


def test_only_numbers_and_lexicon_words_start_expressions():
    # the recogniser tries the pattern only where a lexicon word (or a number) begins, and never
    # inside a number: the starters of no word (こ, 大, 度) and digits after digits are passed over
    assert found("これは2012年5月3日、きょうの話。") == [("2012年5月3日", "date"), ("きょう", "word")]
    assert found("売上は1,2012年比で3.5月") == []
    assert found("上旬に十数年ぶり、大正元年と午後3時、度々") == [
        ("上旬", "word"), ("十数年", "duration"), ("大正元年", "date"), ("午後3時", "time")]
    assert found("約3カ月前の今年4月") == [("約3カ月前", "reloff"), ("今年4月", "date")]
