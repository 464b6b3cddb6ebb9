"""Markup to plain text, with a map from every plain character back to the original abstract.

The NLP stage reads the plain text; claims report offsets into the original, so a reviewer can
find the number exactly as the authors typed it (`2.7$\\times$`, `\\textbf{70\\%}`).

Before the markup rules, fixed guards keep the time per abstract bounded whatever the input: a
run of MAX_RUN or more characters without a space (a 1,000-digit number, 10,000 nested braces,
base64) is read as one space, only MAX_CHARS characters are read (a run counting as one; cut at a
sentence end), invisible format characters (bidi controls, zero-width marks) are dropped and control
characters read as spaces. The guards go through the same offset map as the rules.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from pipeline.core.rules import MarkupRule
from pipeline.extract.fast import OFF
from pipeline.extract.fast.firstchars import first_chars
from pipeline.extract.fast.literal_gate import required_literals

_MAX_REPEAT = 20

MAX_CHARS = 20_000  # ten times the longest abstract seen; the rest of a longer text is not read
MAX_RUN = 200  # no word, number or LaTeX group of an abstract is this long without a space
_CUT_WINDOW = 2_000  # look this far back from MAX_CHARS for a sentence end to cut at

GUARDS = (
    MarkupRule(id="guard-long-run", pattern=rf"(?<!\S)\S{{{MAX_RUN},}}", replace=" "),
    MarkupRule(id="guard-format-chars",
               pattern="[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]",
               replace=""),
    MarkupRule(id="guard-control-chars", pattern="[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]", replace=" "),
)


@dataclass(frozen=True, slots=True)
class Layer:
    """What one pass of one rule did: the text after it is a run of pieces, each either copied from
    the text before it (`copied`: character k of the piece is character first + k before) or put in
    place of the characters first..last before it (a replacement)."""

    at: list[int]  # where each piece begins in the text after the pass (ascending)
    first: list[int]
    last: list[int]
    copied: list[bool]

    def back(self, pos: int, end_side: bool) -> int:
        """The index before this pass that character `pos` after it starts (or ends) at."""
        k = bisect_right(self.at, pos) - 1
        if self.copied[k]:
            return self.first[k] + pos - self.at[k]
        return self.last[k] if end_side else self.first[k]


@dataclass(frozen=True, slots=True)
class NormalizedText:
    """Plain text plus the way back from every plain character to the [start, end) of the original
    it came from: the rule passes that changed something, as layers. A rule pass records its edits
    only (no per-character copy of the map), and a position is mapped back when a claim asks."""

    original: str  # the part of the abstract that was read (all of it unless `truncated`)
    text: str
    layers: tuple[Layer, ...] = ()
    truncated: bool = False

    def start_of(self, pos: int) -> int:
        """Where plain character `pos` begins in the original."""
        for layer in reversed(self.layers):
            pos = layer.back(pos, False)
        return pos

    def end_of(self, pos: int) -> int:
        """Where plain character `pos` ends in the original (exclusive)."""
        for layer in reversed(self.layers):
            pos = layer.back(pos, True)
        return pos + 1

    @property
    def starts(self) -> tuple[int, ...]:
        """Per plain character, its start in the original (the whole map: for tests and tools)."""
        return tuple(self.start_of(i) for i in range(len(self.text)))

    @property
    def ends(self) -> tuple[int, ...]:
        return tuple(self.end_of(i) for i in range(len(self.text)))

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a plain-text span to the original, widened to whole LaTeX groups and math."""
        if start >= end:
            pos = self.start_of(start) if start < len(self.text) else len(self.original)
            return pos, pos
        return _balance(self.original, self.start_of(start), self.end_of(end - 1))


def normalize(original: str, rules: Sequence[MarkupRule]) -> NormalizedText:
    cut = read_limit(original)
    truncated = cut < len(original)
    original = text = original[:cut]
    layers = []
    ascii_text = text.isascii()
    for rule in (*GUARDS, *rules):
        if rule is GUARDS[0] and not _may_have_long_run(text):
            continue
        first, literals = _skip_hints(rule)
        if first is not None and not first.can_begin(text, ascii_text):
            continue  # no match can begin here: skip the scan
        if literals is not None and not any(lit in text for lit in literals):
            continue  # a string every match contains is absent: skip the scan
        for _ in range(_MAX_REPEAT if rule.repeat else 1):
            new = _apply(rule, text)
            if new is None:
                break
            text, layer = new
            layers.append(layer)
            ascii_text = text.isascii()
    return NormalizedText(original, text, tuple(layers), truncated)


def _may_have_long_run(text: str) -> bool:
    """Whether a run of MAX_RUN non-space characters can be in `text`: such a run covers a whole
    aligned window of MAX_RUN // 2 characters, and a window with a plain space has none (a C search;
    the guard's own pattern is tried at every character)."""
    half = MAX_RUN // 2
    for k in range(0, len(text) - half + 1, half):
        window = text[k:k + half]
        if " " not in window and not any(c.isspace() for c in window):
            return True
    return False


class FirstChars:
    """The characters a rule's match can begin with, and the cheapest test for any of them in a text:
    a few substring searches (C), or one character-class search for a long list; a text of ASCII
    only cannot hold a list with no ASCII character (a rule for Unicode dashes or spaces)."""

    def __init__(self, chars: frozenset[str]):
        self.any_ascii = any(c.isascii() for c in chars)
        self.few: tuple[str, ...] | None = tuple(sorted(chars)) if len(chars) <= _FEW_CHARS else None
        self.search = re.compile("[" + "".join(map(re.escape, sorted(chars))) + "]").search

    def can_begin(self, text: str, ascii_text: bool) -> bool:
        if ascii_text and not self.any_ascii:
            return False
        if self.few is not None:
            return any(c in text for c in self.few)
        return self.search(text) is not None


_HINTS: dict[tuple[str, int], tuple[FirstChars | None, frozenset[str] | None]] = {}
_NO_GATES = "regex_gates" in OFF
_MAX_LITERALS = 4  # each absent literal is a scan of the text: more of them cost more than the rule
_FEW_CHARS = 6  # up to this many first characters, a search each; more, one character-class search


def _skip_hints(rule: MarkupRule) -> tuple[FirstChars | None, frozenset[str] | None]:
    """(first characters, required literals) of a rule's regex, read once per pattern."""
    key = (rule.pattern, rule.regex.flags)
    hints = _HINTS.get(key)
    if hints is None and _NO_GATES:
        hints = _HINTS[key] = (None, None)
    if hints is None:
        literals = required_literals(rule.regex.pattern, rule.regex.flags)
        first = first_chars(rule.regex.pattern, rule.regex.flags)
        hints = _HINTS[key] = (FirstChars(first) if first is not None else None,
                               literals if literals is not None and len(literals) <= _MAX_LITERALS else None)
    return hints


_SENTENCE_END = re.compile(r"[.!?][\s)]")
_LONG_RUN = GUARDS[0].regex


def read_limit(original: str) -> int:
    """How many characters of `original` are read: MAX_CHARS of them, where a long run (read as one
    space) counts as one, cut at a sentence end (else a space) shortly before, so no sentence or
    word is cut in two where it can be helped. Garbage before the text does not use up its budget."""
    if len(original) <= MAX_CHARS:
        return len(original)
    end = MAX_CHARS
    for m in _LONG_RUN.finditer(original):
        if m.start() >= end:
            break
        end += m.end() - m.start() - 1
    if end >= len(original):
        return len(original)
    ends = [m.end() - 1 for m in _SENTENCE_END.finditer(original, max(0, end - _CUT_WINDOW), end + 1)]
    if ends:
        return ends[-1]
    for i in range(end, max(end - MAX_RUN, 0), -1):
        if original[i].isspace():
            return i
    return end


def long_runs(original: str) -> int:
    """How many runs of MAX_RUN or more non-space characters the read part of `original` has
    (each is read as one space): for a warning. Most abstracts cannot hold one, which a few C
    searches tell (`_may_have_long_run`), so the guard's pattern is not tried at every character."""
    if not _may_have_long_run(original):
        return 0
    return sum(1 for _ in _LONG_RUN.finditer(original, 0, read_limit(original)))


def _apply(rule: MarkupRule, text: str) -> tuple[str, Layer] | None:
    """One pass of one rule: the new text and its layer; None when it matched nothing."""
    pieces: list[str] = []
    at: list[int] = []
    first: list[int] = []
    last_: list[int] = []
    copied: list[bool] = []
    size = 0  # length of the new text so far

    def copy(start: int, end: int) -> None:
        nonlocal size
        if end > start:
            pieces.append(text[start:end])
            at.append(size)
            first.append(start)
            last_.append(end - 1)
            copied.append(True)
            size += end - start

    last = 0
    changed = False
    for m in rule.regex.finditer(text):
        if m.end() == m.start():
            continue
        changed = True
        copy(last, m.start())
        if rule.keep is not None:
            g0, g1 = m.span(rule.keep)
            if g0 >= 0:
                copy(g0, g1)
        elif rule.replace:
            pieces.append(rule.replace)
            at.append(size)
            first.append(m.start())
            last_.append(m.end() - 1)
            copied.append(False)
            size += len(rule.replace)
        last = m.end()
    if not changed:
        return None
    copy(last, len(text))
    return "".join(pieces), Layer(at, first, last_, copied)


_COMMAND_BEFORE = re.compile(r"\\[A-Za-z]+\*?$")
_MAX_COMMAND = 64  # a LaTeX command name is shorter; looking further back only costs time
_MAX_WIDEN = 300  # as far as a claim's span widens to its $...$ or {...} (latex-math-delimiters' limit too)


def _balance(original: str, start: int, end: int) -> tuple[int, int]:
    """Widen [start, end) so braces and `$` pairs inside it are balanced, by at most _MAX_WIDEN
    characters each way: an unclosed `$` or brace far away is a typo, not the claim's group."""
    low, high = max(0, start - _MAX_WIDEN), min(len(original), end + _MAX_WIDEN)
    for _ in range(_MAX_REPEAT):
        piece = original[start:end]
        opened, closed = piece.count("{"), piece.count("}")
        if closed > opened:
            brace = original.rfind("{", low, start)
            if brace < 0:
                break
            cmd = _COMMAND_BEFORE.search(original, max(low, brace - _MAX_COMMAND), brace)
            start = cmd.start() if cmd else brace
        elif opened > closed:
            brace = original.find("}", end, high)
            if brace < 0:
                break
            end = brace + 1
        elif original.count("$", 0, start) % 2:  # starts inside $...$: take the opening $
            found = original.rfind("$", low, start)
            if found < 0:
                break
            start = found
        elif original.count("$", 0, end) % 2:  # ends inside $...$: take the closing $
            found = original.find("$", end, high)
            if found < 0:
                break
            end = found + 1
        else:
            break
    return start, end
