"""Token patterns (the quantity phrases, the unit spellings) as a trie of token tests, walked over a
Doc's attribute columns.

Kept apart from the spaCy component (trie_ruler) so that it is plain Python over lists of ints,
which the build compiles (setup.py). The columns are lists of ints typed Any (see columns.Column):
a 64-bit hash is looked up as the object it is.
"""
from __future__ import annotations

from typing import Any


class TrieNode:
    """A trie node: the (label, id) of the patterns that end here, and the children a next token
    leads to: those of a number test, and by the token's LOWER or ORTH hash (one dict lookup a
    column, however many words the patterns accept here)."""

    def __init__(self, ends: tuple[tuple[str, str], ...], branches: list[tuple[int, frozenset[int] | None, TrieNode]]):
        self.ends = ends
        self.on_number: list[TrieNode] = [child for column, values, child in branches if values is None]
        self.on_lower: dict[Any, list[TrieNode]] = {}  # keyed by hash
        self.on_orth: dict[Any, list[TrieNode]] = {}
        for column, values, child in branches:
            if values is not None:
                index = self.on_lower if column == _LOWER else self.on_orth
                for value in values:
                    index.setdefault(value, []).append(child)


class PatternTrie:
    """The token patterns as a trie of token tests: (column, accepted values) for LOWER / ORTH
    tests, (column, None) for a number. An optional token gives two paths, with and without it."""

    def __init__(self, entries: list[dict], strings: Any):
        self._hash: dict[str, int] = {}  # label / id → its hash in the StringStore (as a Span stores it)
        for entry in entries:
            for name in (entry["label"], entry.get("id", "")):
                self._hash[name] = strings.add(name)
        root: dict = {}
        for entry in entries:
            tests = [(_test(spec, strings), spec.get("OP") == "?") for spec in entry["pattern"]]
            for path in _paths(tests):
                if not path:
                    continue  # an all-optional pattern never matches zero tokens
                node = root
                for test in path:
                    node = node.setdefault(test, {})
                node.setdefault(None, set()).add((entry["label"], entry.get("id", "")))
        self.root = _freeze(root)
        # what a match can begin with: the tests of the root's branches
        self.starts_with_number = bool(self.root.on_number)
        self.first_lower: frozenset[Any] = frozenset(self.root.on_lower)
        self.first_orth: frozenset[Any] = frozenset(self.root.on_orth)

    def find(self, columns: tuple[list[Any], ...]) -> set[tuple[str, str, int, int]]:
        """(label, id, start, end) of every match in the Doc the columns are of: walked only from the
        numbers and the words a pattern can begin with."""
        like_num, lower, orth = columns[_NUMBER], columns[_LOWER], columns[_ORTH]
        by_number, first_lower, first_orth = self.starts_with_number, self.first_lower, self.first_orth
        starts: list[int] = []
        for i in range(len(like_num)):
            if (by_number and like_num[i]) or (first_lower and lower[i] in first_lower) \
                    or (first_orth and orth[i] in first_orth):
                starts.append(i)
        return self.matches(columns, starts)

    def longest(self, columns: tuple[list[Any], ...]) -> list[tuple[int, int, int, int]]:
        """(start, end, label hash, id hash) of the matches spaCy's `filter_spans` keeps of the Spans
        `find` gives, in its order: the longest first (the earlier of equal lengths, and of equal
        spans the first in Span order), none overlapping a kept one, sorted by start."""
        spans = sorted((s, e, self._hash[label], self._hash[span_id]) for label, span_id, s, e in self.find(columns))
        by_length = sorted(spans, key=_length_then_earlier, reverse=True)  # stable, as filter_spans sorts
        kept: list[tuple[int, int, int, int]] = []
        seen: set[int] = set()
        for span in by_length:
            start, end = span[0], span[1]
            if start not in seen and end - 1 not in seen:
                kept.append(span)
            seen.update(range(start, end))
        return sorted(kept, key=_start)

    def matches(self, columns: tuple[list[Any], ...], starts: list[int]) -> set[tuple[str, str, int, int]]:
        """(label, id, start, end) of every match beginning at one of `starts`."""
        like_num, lower, orth = columns[_NUMBER], columns[_LOWER], columns[_ORTH]
        length = len(like_num)
        found: set[tuple[str, str, int, int]] = set()
        for start in starts:
            stack: list[tuple[TrieNode, int]] = [(self.root, start)]
            while stack:
                node, i = stack.pop()
                for label, span_id in node.ends:
                    found.add((label, span_id, start, i))
                if i == length:
                    continue
                if like_num[i]:
                    for child in node.on_number:
                        stack.append((child, i + 1))
                for child in node.on_lower.get(lower[i], ()):
                    stack.append((child, i + 1))
                for child in node.on_orth.get(orth[i], ()):
                    stack.append((child, i + 1))
        return found


_NUMBER, _LOWER, _ORTH = 0, 1, 2  # the columns of token_columns


def _length_then_earlier(span: tuple[int, int, int, int]) -> tuple[int, int]:
    return span[1] - span[0], -span[0]


def _start(span: tuple[int, int, int, int]) -> int:
    return span[0]


def token_test(spec: dict) -> tuple[int, list[str] | None] | None:
    """A Matcher token spec as the trie reads it: (_NUMBER, None) for LIKE_NUM, (_LOWER or _ORTH, the
    words accepted) for an exact or IN test, optional ("?") or not; None for anything else ("+", "*",
    "!", REGEX, other attributes), which the trie cannot walk."""
    if spec.get("OP") not in {None, "?"}:
        return None
    test = {k: v for k, v in spec.items() if k != "OP"}
    if test == {"LIKE_NUM": True}:
        return _NUMBER, None
    if len(test) != 1 or next(iter(test)) not in {"LOWER", "ORTH"}:
        return None
    (attr, value), = test.items()
    words = value["IN"] if isinstance(value, dict) and list(value) == ["IN"] else value
    if isinstance(words, str):
        words = [words]
    if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
        return None
    return (_LOWER if attr == "LOWER" else _ORTH), words


def _test(spec: dict, strings: Any) -> tuple[int, frozenset[int] | None]:
    test = token_test(spec)
    if test is None:
        raise ValueError(f"a token spec the trie cannot walk: {spec}")
    column, words = test
    # the Matcher compares a token's LOWER / ORTH hash with the hash of the word as written
    return column, None if words is None else frozenset(strings.add(w) for w in words)


def _paths(tests: list) -> list[list]:
    """Every sequence of tests the pattern accepts, each optional test taken and skipped."""
    paths: list[list] = [[]]
    for test, optional in tests:
        paths = [p + [test] for p in paths] + (paths if optional else [])
    return paths


def _freeze(node: dict) -> TrieNode:
    return TrieNode(tuple(sorted(node.get(None, ()))),
                    [(test[0], test[1], _freeze(child)) for test, child in node.items() if test is not None])
