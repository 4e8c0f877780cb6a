"""Character-level dictionary matching (leftmost-longest) and script classes.

Japanese has no spaces and UniDic splits unknown names into pieces (ソ|チ), so lexicon
matching runs on characters and checks word boundaries by script: a katakana name must not
continue into more katakana (イラン is not found inside ミライランド).
"""
from __future__ import annotations

import re
from typing import Callable, Dict, Generic, Iterator, List, Optional, Sequence, Tuple, TypeVar

T = TypeVar("T")


def is_katakana(ch: str) -> bool:
    # ``ch`` may be "" (the edge of a text): "" is in every string, so test it first
    return "\u30a1" <= ch <= "\u30fa" or (ch != "" and ch in "ーヽヾ\u30fc")


def is_kanji(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or (ch != "" and ch in "々〆ヶ")


def is_hiragana(ch: str) -> bool:
    return "\u3041" <= ch <= "\u309f"


def is_latin(ch: str) -> bool:
    return ch.isascii() and ch.isalpha() or "\uff21" <= ch <= "\uff3a" or "\uff41" <= ch <= "\uff5a"


def katakana_bounded(text: str, start: int, end: int) -> bool:
    """False when a katakana match continues into katakana on either side."""
    if start > 0 and is_katakana(text[start]) and is_katakana(text[start - 1]):
        return False
    if end < len(text) and is_katakana(text[end - 1]) and is_katakana(text[end]):
        return False
    if end < len(text) and is_latin(text[end - 1]) and is_latin(text[end]):
        return False
    if start > 0 and is_latin(text[start]) and is_latin(text[start - 1]):
        return False
    return True


class Trie(Generic[T]):
    """Exact phrases → payload, matched leftmost-longest over a text."""

    def __init__(self, phrases: Optional[Dict[str, T]] = None):
        self._phrases: Dict[str, T] = {}
        self._lengths: Dict[str, List[int]] = {}  # first character -> phrase lengths, longest first
        # first two characters -> lengths (2 and more) of the phrases starting with them: most
        # positions where a first character matches go no further than one dict lookup
        self._lengths2: Dict[str, List[int]] = {}
        # last two characters -> lengths (2 and more) of the phrases ending with them, for
        # searches backwards from a position (a title written before a name)
        self._end_lengths2: Dict[str, List[int]] = {}
        # where a phrase starts (any of them, see ``_starts_pattern``); found in C by
        # ``finditer``, which calls ``match_at`` only there
        self._starts: Optional[re.Pattern] = None
        for phrase, payload in (phrases or {}).items():
            self.add(phrase, payload)

    def add(self, phrase: str, payload: T) -> None:
        if not phrase:
            return
        self._phrases[phrase] = payload
        self._starts = None
        pair = len(phrase) > 1
        for table, key in ((self._lengths, phrase[0]), (self._lengths2, phrase[:2] if pair else None),
                           (self._end_lengths2, phrase[-2:] if pair else None)):
            if key is None:
                continue
            lengths = table.setdefault(key, [])
            if len(phrase) not in lengths:
                lengths.append(len(phrase))
                lengths.sort(reverse=True)

    def __contains__(self, phrase: str) -> bool:
        return phrase in self._phrases

    def get(self, phrase: str, default=None):
        return self._phrases.get(phrase, default)

    def __len__(self) -> int:
        return len(self._phrases)

    def first_chars(self) -> frozenset:
        """The characters the phrases start with."""
        return frozenset(self._lengths)

    def lengths_ending_at(self, text: str, p: int) -> Sequence[int]:
        """Lengths, longest first, of the phrases that may end at ``p``: those whose last two
        characters are ``text[p - 2 : p]``, and 1 when ``text[p - 1]`` is a phrase. A length
        is a candidate only: look the slice up with :meth:`get`."""
        lengths = self._end_lengths2.get(text[p - 2 : p], ()) if p >= 2 else ()
        if p >= 1 and text[p - 1] in self._phrases:
            return [*lengths, 1]
        return lengths

    def match_at(self, text: str, i: int, end: Optional[int] = None,
                 accept: Optional[Callable[[int, int], bool]] = None) -> Optional[Tuple[int, T]]:
        """Longest phrase starting at ``i`` (and ending by ``end``) that ``accept`` allows."""
        limit = len(text) if end is None else min(end, len(text))
        if i >= limit or text[i] not in self._lengths:
            return None  # most calls: no phrase starts with this character
        for n in self._lengths2.get(text[i : i + 2], ()):
            if i + n > limit:
                continue
            payload = self._phrases.get(text[i : i + n])
            if payload is not None and (accept is None or accept(i, i + n)):
                return i + n, payload
        payload = self._phrases.get(text[i])
        if payload is not None and (accept is None or accept(i, i + 1)):
            return i + 1, payload
        return None

    def finditer(self, text: str, start: int = 0, end: Optional[int] = None,
                 accept: Optional[Callable[[int, int], bool]] = None) -> Iterator[Tuple[int, int, T]]:
        """Non-overlapping leftmost-longest matches in ``text[start:end]``."""
        end = len(text) if end is None else end
        if not self._lengths:
            return
        if self._starts is None:
            self._starts = self._starts_pattern()
        search = self._starts.search
        i = start
        while i < end:
            m = search(text, i, end)
            if m is None:
                return
            i = m.start()
            hit = self.match_at(text, i, end, accept)
            if hit is None:
                i += 1
                continue
            j, payload = hit
            yield i, j, payload
            i = j

    def _starts_pattern(self) -> re.Pattern:
        """A regex matching where a phrase starts: the phrases as a tree of their common
        prefixes, cut where the shortest phrase ends (ロシア|ロンドン|ロ → ``ロ``; ロシア|ロンドン →
        ``ロ(?:シア|ンドン)``). The regex engine skips in C the positions where no phrase is
        written, so ``match_at`` runs only where one is (and ``accept`` may still refuse it)."""
        tree: Dict[str, dict] = {}
        for phrase in self._phrases:
            node = tree
            for ch in phrase:
                node = node.setdefault(ch, {})
            node[""] = {}  # a phrase ends here
        return re.compile(_tree_pattern(tree))


def _tree_pattern(node: Dict[str, dict]) -> str:
    """The regex of a prefix tree (see ``Trie._starts_pattern``): empty where a phrase ends, as
    the search needs no more than one phrase at a position."""
    if "" in node:
        return ""
    branches = [re.escape(ch) + _tree_pattern(child) for ch, child in sorted(node.items())]
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
