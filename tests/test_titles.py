"""usru_nlp.titles.TitleGrammar.after: the shortcut for names followed by nothing it reads."""
from usru_nlp.schema import Place
from usru_nlp.titles import TitleGrammar

TEXTS = [
    "ロシアのラブロフ外相は14日、ソチで会談した。",
    "ブリンケン米国務長官とパイファー元駐ウクライナ米大使、ラブロフ、ルビオ両外相。",
    "トランプ政権下で、バイデン前米政権は。ルビオ国務長官兼大統領補佐官、王毅共産党政治局員兼外相。",
    "マムダニ・ニューヨーク市長、吉村洋文大阪府知事。パトルシェフ・ロシア安全保障会議書記、バイデン期。",
    "外務次官のリャブコフ氏、トランプ、プーチン両氏、山田さん「ケロッグ・ウクライナ担当特使」",
]


class _Everything:
    def __contains__(self, ch):
        return True


def test_after_is_the_same_with_and_without_the_shortcut():
    grammar = TitleGrammar()
    full = TitleGrammar()
    full._after_starts = _Everything()  # never takes the shortcut
    for text in TEXTS:
        places = {}
        for name, country in (("ニューヨーク", "US"), ("大阪府", "JP"), ("ソチ", "RU")):
            k = text.find(name)
            if k >= 0:
                places[k] = Place(k, k + len(name), name, kind="city", country=country)
        for i in range(len(text) + 1):
            assert grammar.after(text, i) == full.after(text, i), (text, i)
            assert grammar.after(text, i, places) == full.after(text, i, places), (text, i)
