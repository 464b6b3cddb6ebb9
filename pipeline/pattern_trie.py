"""The quantity patterns as a trie of token tests, walked over a Doc's attribute columns.

Kept apart from the spaCy component (trie_ruler) so that it is plain Python over lists of ints,
which the build compiles (setup.py).
"""
from __future__ import annotations

from typing import Any


class TrieNode:
    """A trie node: the (label, id) of the patterns that end here, and (column, accepted values or
    None for a number, child) for each test that continues one."""

    def __init__(self, ends: tuple[tuple[str, str], ...],
                 branches: list[tuple[int, frozenset[int] | None, TrieNode]]):
        self.ends = ends
        self.branches = branches


class PatternTrie:
    """The token patterns as a trie of token tests: (column, accepted values) for LOWER / ORTH
    tests, (column, None) for a number. An optional token gives two paths, with and without it."""

    def __init__(self, entries: list[dict], strings: Any):
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

    def matches(self, columns: tuple[list[int], ...], starts: list[int]) -> set[tuple[str, str, int, int]]:
        """(label, id, start, end) of every match beginning at one of `starts`."""
        length = len(columns[0])
        found: set[tuple[str, str, int, int]] = set()
        for start in starts:
            stack: list[tuple[TrieNode, int]] = [(self.root, start)]
            while stack:
                node, i = stack.pop()
                for label, span_id in node.ends:
                    found.add((label, span_id, start, i))
                if i == length:
                    continue
                for column, values, child in node.branches:
                    value = columns[column][i]
                    if (value != 0 if values is None else value in values):
                        stack.append((child, i + 1))
        return found


_NUMBER, _LOWER, _ORTH = 0, 1, 2  # the columns of token_columns


def _test(spec: dict, strings: Any) -> tuple[int, frozenset[int] | None]:
    test = {k: v for k, v in spec.items() if k != "OP"}
    if test == {"LIKE_NUM": True}:
        return _NUMBER, None
    (attr, value), = test.items()
    words = value["IN"] if isinstance(value, dict) else [value]
    # the Matcher compares a token's LOWER / ORTH hash with the hash of the word as written
    return (_LOWER if attr == "LOWER" else _ORTH), frozenset(strings.add(w) for w in words)


def _paths(tests: list) -> list[list]:
    """Every sequence of tests the pattern accepts, each optional test taken and skipped."""
    paths: list[list] = [[]]
    for test, optional in tests:
        paths = [p + [test] for p in paths] + (paths if optional else [])
    return paths


def _freeze(node: dict) -> TrieNode:
    return TrieNode(tuple(sorted(node.get(None, ()))),
                    [(test[0], test[1], _freeze(child)) for test, child in node.items() if test is not None])
