"""Publication timestamps written in the page (sentences written for these tests)."""
import datetime as dt

import pytest

from usru_nlp.dct import best_timestamp, find_timestamps

HEAD = "米ロ、関係修復へ前途多難\n"
BODY = "【ワシントン=永沢毅】米国とロシアが関係改善に向けて間合いを探っている。\n"


@pytest.mark.parametrize("line,date", [
    ("2019年5月15日 2:00", "2019-05-15"),
    ("2021/12/30 5:00", "2021-12-30"),
    ("２０２１年１２月３０日　５：００", "2021-12-30"),
    ("（2021年12月30日 5:41更新）", "2021-12-30"),
    ("配信日：2024年3月1日", "2024-03-01"),
    ("[有料会員限定] 2021年12月30日 5:00", "2021-12-30"),
    ("2025年2月19日(水)", "2025-02-19"),
    ("2024.03.01 10時30分", "2024-03-01"),
])
def test_timestamp_lines(line, date):
    text = HEAD + line + "\n" + BODY
    ts = best_timestamp(text, (0, len(text)))
    assert ts is not None and ts.date.isoformat() == date
    assert text[ts.start:ts.end] == ts.text


@pytest.mark.parametrize("line", [
    "2012年5月20日に開催した。",               # a date in a sentence
    "日時：2012年5月20日（日）10:00～",        # an event notice
    "2012年3月1日から2013年2月28日まで",       # a period
])
def test_not_timestamps(line):
    text = HEAD + BODY + line + "\n"
    assert best_timestamp(text, (0, len(text))) is None


def test_publication_beats_update_and_bare_dates_count_only_near_the_headline():
    text = HEAD + "（2021年12月30日 5:41更新）\n2021年12月29日 20:00\n" + BODY
    assert best_timestamp(text, (0, len(text))).date == dt.date(2021, 12, 29)
    far = HEAD + BODY * 10 + "2020年1月1日\n" + BODY
    assert best_timestamp(far, (0, len(far))) is None


def test_a_list_of_other_articles_is_not_a_timestamp():
    items = "".join(f"2024/03/0{i} 10:00\n関連記事の見出し{i}\n" for i in range(1, 5))
    text = HEAD + BODY + items
    assert len(find_timestamps(text, (0, len(text)))) == 4
    assert best_timestamp(text, (0, len(text))) is None


def test_timestamp_gives_source_text(extractor):
    r = extractor.extract(HEAD + "2019年5月15日 2:00\n" + BODY + "ロシアのラブロフ外相は14日、会談した。")
    assert r.dct.source == "text" and r.dct.value == "2019-05-15"
    assert r.dct.earliest == r.dct.latest == "2019-05-15"
    assert [d.value for d in r.dates if d.text == "14日"] == ["2019-05-14"]
