"""usru_nlp.matching.Trie against a plain leftmost-longest search."""
import random

from usru_nlp.matching import Trie


def _reference(phrases, text, start, end, accept=None):
    """Leftmost-longest, non-overlapping, by trying every length at every position."""
    out = []
    i = start
    longest = max(map(len, phrases))
    while i < end:
        for n in range(min(longest, end - i), 0, -1):
            if text[i : i + n] in phrases and (accept is None or accept(i, i + n)):
                out.append((i, i + n, phrases[text[i : i + n]]))
                i += n
                break
        else:
            i += 1
    return out


def _random_case(rng, alphabet, max_phrase, max_phrases, max_text):
    """Random phrases (numbered), their Trie, and a random text over ``alphabet``."""
    phrases = {}
    for _ in range(rng.randint(1, max_phrases)):
        phrases.setdefault("".join(rng.choice(alphabet) for _ in range(rng.randint(1, max_phrase))), len(phrases))
    text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, max_text)))
    return phrases, Trie(phrases), text


def test_finditer_matches_reference_on_random_texts():
    rng = random.Random(7)
    alphabet = "アイロシ米国-]^\\.ab"  # regex metacharacters among them
    for _ in range(300):
        phrases, trie, text = _random_case(rng, alphabet, 4, 8, 30)
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))

        def accept(s, e):
            return (s + e) % 3 != 0

        assert list(trie.finditer(text, start, end)) == _reference(phrases, text, start, end)
        assert list(trie.finditer(text, start, end, accept)) == _reference(phrases, text, start, end, accept)


def test_finditer_with_many_phrases_sharing_prefixes():
    # the start pattern is a tree of common prefixes, cut where a phrase ends (ロ before ロシア)
    rng = random.Random(5)
    for _ in range(300):
        phrases, trie, text = _random_case(rng, "ロシアン米国(|)", 6, 40, 40)
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        assert list(trie.finditer(text, start, end)) == _reference(phrases, text, start, end)
        assert list(trie.finditer(text, start, end, lambda s, e: e - s != 2)) == \
            _reference(phrases, text, start, end, lambda s, e: e - s != 2)


def test_match_at_is_the_longest_accepted_phrase_at_every_position():
    rng = random.Random(3)
    for _ in range(300):
        phrases, trie, text = _random_case(rng, "ロシアン米国ab", 5, 12, 20)
        end = rng.randint(0, len(text) + 2)

        def accept(s, e):
            return (s * e) % 4 != 1

        for i in range(len(text) + 2):
            for acc in (None, accept):
                expected = next(((i + n, phrases[text[i : i + n]]) for n in range(min(end, len(text)) - i, 0, -1)
                                 if text[i : i + n] in phrases and (acc is None or acc(i, i + n))), None)
                assert trie.match_at(text, i, end, acc) == expected


def test_one_character_phrase_that_also_starts_longer_ones():
    trie = Trie({"米": "US", "米国": "US2", "ロシア": "RU"})
    text = "米ロ首脳、米国とロシア"
    assert list(trie.finditer(text)) == [(0, 1, "US"), (5, 7, "US2"), (8, 11, "RU")]
    assert list(trie.finditer(text, 0, 6)) == [(0, 1, "US"), (5, 6, "US")]


def test_phrases_added_after_a_search():
    trie = Trie({"ロシア": 1})
    assert list(trie.finditer("ロシアと米国")) == [(0, 3, 1)]
    trie.add("米国", 2)
    assert list(trie.finditer("ロシアと米国")) == [(0, 3, 1), (4, 6, 2)]


def test_lengths_ending_at_covers_every_phrase_ending_there():
    rng = random.Random(11)
    alphabet = "アイロシ米国"
    for _ in range(300):
        phrases = {"".join(rng.choice(alphabet) for _ in range(rng.randint(1, 5))): True for _ in range(6)}
        trie = Trie(phrases)
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        for p in range(len(text) + 1):
            lengths = list(trie.lengths_ending_at(text, p))
            assert lengths == sorted(set(lengths), reverse=True)
            ending = {n for n in range(1, p + 1) if text[p - n : p] in phrases}
            assert ending <= set(lengths)
