"""Token-level context readers: phrase lookup around a number, within one sentence.

They work on lower-cased token texts of a sentence, so the rules stay plain word lists.
"""
from __future__ import annotations

from typing import Any

PUNCT_STOPS = {",", ";", ":", "(", ")", ".", "!", "?", "[", "]", "\"", "''", "``"}


def figures_aside(words: list[str], like_num: list[int], at: int, end: int) -> bool:
    """'2.03x (vs. Inductor: 1.89x, TensorRT: 1.85x)': whether the comparison word at `at` opens a
    parenthesis that lists what the compared systems reach, as 'name: figure'. Such an aside names
    the systems but is no baseline of the number before it, and its figures are no results."""
    if at == 0 or words[at - 1] != "(":
        return False
    for k in range(at + 1, min(at + 24, end)):
        if words[k] == ")":
            return False
        if like_num[k] and k > at + 1 and words[k - 1] == ":":
            return True
    return False


def _sizes_by(phrases: dict[tuple[str, ...], Any], end: int) -> dict[str, tuple[int, ...]]:
    """The lengths of the phrases that begin (end=0) or end (end=-1) with each word, longest first."""
    sizes: dict[str, set[int]] = {}
    for key in phrases:
        sizes.setdefault(key[end], set()).add(len(key))
    return {word: tuple(sorted(lengths, reverse=True)) for word, lengths in sizes.items()}



class PhraseTable:
    """Phrases (tuples of lower-case tokens) mapped to a value, for longest-first lookup.

    Lookups run for every token of every abstract, so the table indexes its phrases by first and
    last word: a word that starts no phrase costs one set lookup, and one that does is tried only at
    the lengths of its own phrases ("of" at one word, not at every length up to the longest phrase).
    """

    __slots__ = ("phrases", "_firsts", "_sizes_from", "_sizes_to")

    def __init__(self, phrases: dict[tuple[str, ...], Any]):
        self.phrases = phrases
        self._firsts = {k[0] for k in phrases}
        self._sizes_from = _sizes_by(phrases, 0)  # word → lengths of the phrases it begins, longest first
        self._sizes_to = _sizes_by(phrases, -1)  # word → lengths of the phrases it ends

    @classmethod
    def build(cls, tokenize, items: list[tuple[str, object]]) -> PhraseTable:
        table: dict[tuple[str, ...], object] = {}
        for phrase, value in items:
            key = tuple(tokenize(phrase))
            if key:
                table.setdefault(key, value)
        return cls(table)

    @classmethod
    def build_multi(cls, tokenize, items: list[tuple[str, object]]) -> PhraseTable:
        """Like build, but each phrase maps to the list of all values that use it."""
        table: dict[tuple[str, ...], list] = {}
        for phrase, value in items:
            key = tuple(tokenize(phrase))
            if key:
                table.setdefault(key, []).append(value)
        return cls(table)

    def ending_at(self, words: list[str], end: int):
        """(phrase, value) of the longest phrase whose last token is words[end - 1]."""
        sizes = self._sizes_to.get(words[end - 1]) if end >= 1 else None
        if sizes is None:
            return None
        for size in sizes:
            if size <= end:
                key = tuple(words[end - size:end])
                if key in self.phrases:
                    return key, self.phrases[key]
        return None

    def any_in(self, words: list[str], start: int, end: int) -> bool:
        """Whether a phrase starts anywhere in words[start:end] (a set test a token, a lookup only
        where a phrase's first word stands)."""
        firsts, segment = self._firsts, words[start:end]
        return any(self.starting_at(words, start + k) for k, w in enumerate(segment) if w in firsts)

    def first_positions(self, words: list[str], start: int, end: int) -> list[int]:
        """Positions in [start, end) whose word begins some phrase."""
        firsts, segment = self._firsts, words[start:end]
        return [start + k for k, w in enumerate(segment) if w in firsts]

    def starting_at(self, words: list[str], start: int):
        sizes = self._sizes_from.get(words[start]) if start < len(words) else None
        if sizes is None:
            return None
        room = len(words) - start
        for size in sizes:
            if size <= room:
                key = tuple(words[start:start + size])
                if key in self.phrases:
                    return key, self.phrases[key]
        return None
