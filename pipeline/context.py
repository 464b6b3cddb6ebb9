"""Token-level context readers: phrase lookup around a number, within one sentence.

They work on lower-cased token texts of a sentence, so the rules stay plain word lists.
"""
from __future__ import annotations

from dataclasses import dataclass

PUNCT_STOPS = {",", ";", ":", "(", ")", ".", "!", "?", "[", "]"}


@dataclass(frozen=True)
class PhraseTable:
    """Phrases (tuples of lower-case tokens) mapped to a value, for longest-first lookup."""

    phrases: dict[tuple[str, ...], object]

    @classmethod
    def build(cls, tokenize, items: list[tuple[str, object]]) -> "PhraseTable":
        table: dict[tuple[str, ...], object] = {}
        for phrase, value in items:
            key = tuple(tokenize(phrase))
            if key:
                table.setdefault(key, value)
        return cls(table)

    @classmethod
    def build_multi(cls, tokenize, items: list[tuple[str, object]]) -> "PhraseTable":
        """Like build, but each phrase maps to the list of all values that use it."""
        table: dict[tuple[str, ...], list] = {}
        for phrase, value in items:
            key = tuple(tokenize(phrase))
            if key:
                table.setdefault(key, []).append(value)
        return cls(table)

    @property
    def longest(self) -> int:
        return max((len(k) for k in self.phrases), default=0)

    def ending_at(self, words: list[str], end: int):
        """(phrase, value) of the longest phrase whose last token is words[end - 1]."""
        for size in range(min(self.longest, end), 0, -1):
            key = tuple(words[end - size:end])
            if key in self.phrases:
                return key, self.phrases[key]
        return None

    def starting_at(self, words: list[str], start: int):
        for size in range(min(self.longest, len(words) - start), 0, -1):
            key = tuple(words[start:start + size])
            if key in self.phrases:
                return key, self.phrases[key]
        return None
