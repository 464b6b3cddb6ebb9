"""Which characters a regular expression's matches can begin with, read from the pattern itself.

A markup rule whose possible first characters are all absent from an abstract cannot match it, so
normalization skips it without scanning (most abstracts have no `$`, `\\`, curly quote or dash of
every kind). The analysis is conservative: any construct it does not know gives None, "could begin
with anything", and the rule is always run.
"""
from __future__ import annotations

import re
from functools import cache
from re import _constants as C  # noqa: N812  (the stdlib's own names for parsed regex nodes)
from re import _parser

_MAX_RANGE = 2_000  # a character range wider than this is not spelled out: the rule just runs


@cache
def first_chars(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """Every character a non-empty match of `pattern` can begin with, or None when unknown."""
    try:
        parsed = _parser.parse(pattern, flags)
    except re.error:
        return None
    chars, _ = _sequence(list(parsed))
    if chars is None:
        return None
    if (flags | parsed.state.flags) & re.IGNORECASE:
        chars = {variant for c in chars for variant in (c, c.lower(), c.upper())}
    return frozenset(chars)


def _sequence(items) -> tuple[set[str] | None, bool]:
    """(first characters, whether the sequence can match the empty string)."""
    chars: set[str] = set()
    for op, av in items:
        first, nullable = _item(op, av)
        if first is None:
            return None, False
        chars |= first
        if not nullable:
            return chars, False
    return chars, True


def _item(op, av) -> tuple[set[str] | None, bool]:
    if op is C.LITERAL:
        return {chr(av)}, False
    if op is C.IN:
        return _charset(av), False
    if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
        return set(), True  # zero-width: the match begins with what follows
    if op is C.SUBPATTERN:
        return _sequence(list(av[-1]))
    if op is C.BRANCH:
        chars, nullable = set(), False
        for branch in av[1]:
            first, empty = _sequence(list(branch))
            if first is None:
                return None, False
            chars |= first
            nullable = nullable or empty
        return chars, nullable
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", C.MAX_REPEAT)):
        low, _high, sub = av
        first, nullable = _sequence(list(sub))
        return first, nullable or low == 0
    return None, False  # ANY, NOT_LITERAL, group references, ...: could begin with anything


def _charset(items) -> set[str] | None:
    chars: set[str] = set()
    for op, av in items:
        if op is C.LITERAL:
            chars.add(chr(av))
        elif op is C.RANGE and av[1] - av[0] <= _MAX_RANGE:
            chars.update(chr(c) for c in range(av[0], av[1] + 1))
        else:  # NEGATE, CATEGORY (\d, \s, \w), a huge range
            return None
    return chars
