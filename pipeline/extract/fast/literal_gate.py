"""The literal strings a regular expression cannot match without, read from the pattern itself.

Python's `re` tries a pattern such as `\\b(?:called|named|dubbed)\\s+...` at every position of an
abstract (tens of microseconds for a page of text); asking `"called" in text` first is a C substring
search. A gated regex runs its scan only when one of its required literals is present, and gives
exactly the matches of the plain regex: without one of them, no match exists.
The analysis is conservative: a pattern it cannot read gives no literals, and always runs.
"""
from __future__ import annotations

import re
from functools import cache

# the stdlib's own parser and names for parsed regex nodes (private, so not in typeshed)
from re import _constants as C  # type: ignore[attr-defined]  # noqa: N812
from re import _parser  # type: ignore[attr-defined]

from pipeline.extract.fast import OFF

_MAX_CHARSET = 4  # "[Ww]e" is read as "We" or "we"; a wider class ends a literal
_MAX_ALTERNATIVES = 32  # more alternatives than this cost more to test than the scan itself


@cache
def required_literals(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """A set of strings, one of which every match contains (the most selective such set found), or
    None when the pattern shows none (then the regex must always run)."""
    try:
        parsed = _parser.parse(pattern, flags)
    except re.error:
        return None
    if (flags | parsed.state.flags) & re.IGNORECASE:
        return None
    best = None
    for candidate in _required(list(parsed)):
        candidate = _minimal(candidate)
        if not candidate or len(candidate) > _MAX_ALTERNATIVES or "" in candidate:
            continue
        if best is None or (min(map(len, candidate)), -len(candidate)) > (min(map(len, best)), -len(best)):
            best = candidate
    return best


class GatedRegex:
    """A compiled regex whose search/finditer first check for one of its required literals."""

    __slots__ = ("regex", "literals")

    def __init__(self, regex: re.Pattern):
        self.regex = regex
        self.literals = None if "regex_gates" in OFF else required_literals(regex.pattern, regex.flags)

    def may_match(self, text: str) -> bool:
        return self.literals is None or any(lit in text for lit in self.literals)

    def search(self, text: str):
        return self.regex.search(text) if self.may_match(text) else None

    def finditer(self, text: str):
        return self.regex.finditer(text) if self.may_match(text) else iter(())


def _required(items):
    """Candidate literal sets of a sequence: each required item's, and each run of literals."""
    run = [""]
    for op, av in items:
        strings = _strings(op, av)
        if strings is not None:
            longer = [r + s for r in run for s in strings]
            if len(longer) > _MAX_ALTERNATIVES:  # too many spellings: the run so far is one candidate
                if run != [""]:
                    yield set(run)
                longer = strings
            run = longer
            continue
        if run != [""]:
            yield set(run)
        run = [""]
        if op is C.SUBPATTERN:
            if not av[1] & re.IGNORECASE:  # "(?i:...)": its literals are not case-exact
                yield from _required(list(av[-1]))
        elif op is C.BRANCH:
            yield from _branch(av[1])
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT) and av[0] >= 1:
            sub = list(av[2])
            strings = _strings(*sub[0]) if len(sub) == 1 else None
            if strings is None:
                yield from _required(sub)
            elif av[0] >= 2 and " " in strings:  # "[ \t\r\n]{2,}": two spaces, or any of the others
                yield {c for c in strings if c != " "} | {"  "}
            elif len(strings) ** min(av[0], 2) <= _MAX_ALTERNATIVES:  # "[ab]{2,}": one of the pairs
                yield {a + b for a in strings for b in strings} if av[0] >= 2 else set(strings)
    if run != [""]:
        yield set(run)


def _branch(alternatives):
    """A branch needs, of each alternative, one of that alternative's literals."""
    union = set()
    for alternative in alternatives:
        options = [_minimal(c) for c in _required(list(alternative))]
        options = [o for o in options if o and min(map(len, o)) >= 1]
        if not options:
            return
        union |= max(options, key=lambda o: (min(map(len, o)), -len(o)))
    yield union


def _strings(op, av) -> list[str] | None:
    """The strings one item matches, when it is a literal or a small character class."""
    if op is C.LITERAL:
        return [chr(av)]
    if op is C.IN and all(o is C.LITERAL for o, _ in av) and len(av) <= _MAX_CHARSET:
        return [chr(a) for _, a in av]
    if op is C.BRANCH:  # "(?:propose|present)" after "pr": every alternative spelled out
        out = []
        for alternative in av[1]:
            spelled = [""]
            for item in alternative:
                strings = _strings(*item)
                if strings is None:
                    return None
                spelled = [a + b for a in spelled for b in strings]
            out += spelled
        return out if len(out) <= _MAX_ALTERNATIVES else None
    return None


def _minimal(strings: set[str]) -> frozenset[str]:
    """Drop every string that contains another one: where it occurs, so does the shorter."""
    ordered = sorted(strings, key=len)
    kept: list[str] = []
    for s in ordered:
        if not any(k in s for k in kept):
            kept.append(s)
    return frozenset(kept)
