"""Markup to plain text, with a map from every plain character back to the original abstract.

The NLP stage reads the plain text; claims report offsets into the original, so a reviewer can
find the number exactly as the authors typed it (`2.7$\\times$`, `\\textbf{70\\%}`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .rules import MarkupRule

_MAX_REPEAT = 20


@dataclass(frozen=True, slots=True)
class NormalizedText:
    """Plain text plus, per plain character, the [start, end) of the original it came from."""

    original: str
    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a plain-text span to the original, widened to whole LaTeX groups and math."""
        if start >= end:
            pos = self.starts[start] if start < len(self.starts) else len(self.original)
            return pos, pos
        return _balance(self.original, self.starts[start], self.ends[end - 1])


def normalize(original: str, rules: list[MarkupRule]) -> NormalizedText:
    text = original
    starts = list(range(len(original)))
    ends = [i + 1 for i in range(len(original))]
    for rule in rules:
        for _ in range(_MAX_REPEAT if rule.repeat else 1):
            new = _apply(rule, text, starts, ends)
            if new is None:
                break
            text, starts, ends = new
    return NormalizedText(original, text, tuple(starts), tuple(ends))


def _apply(rule: MarkupRule, text: str, starts: list[int], ends: list[int]):
    """One pass of one rule; None when it matched nothing."""
    pieces: list[str] = []
    new_starts: list[int] = []
    new_ends: list[int] = []
    last = 0
    changed = False
    for m in rule.regex.finditer(text):
        if m.end() == m.start():
            continue
        changed = True
        pieces.append(text[last:m.start()])
        new_starts.extend(starts[last:m.start()])
        new_ends.extend(ends[last:m.start()])
        if rule.keep is not None:
            g0, g1 = m.span(rule.keep)
            if g0 >= 0:
                pieces.append(text[g0:g1])
                new_starts.extend(starts[g0:g1])
                new_ends.extend(ends[g0:g1])
        else:
            s, e = starts[m.start()], ends[m.end() - 1]
            pieces.append(rule.replace)
            new_starts.extend([s] * len(rule.replace))
            new_ends.extend([e] * len(rule.replace))
        last = m.end()
    if not changed:
        return None
    pieces.append(text[last:])
    new_starts.extend(starts[last:])
    new_ends.extend(ends[last:])
    return "".join(pieces), new_starts, new_ends


_COMMAND_BEFORE = re.compile(r"\\[A-Za-z]+\*?$")


def _balance(original: str, start: int, end: int) -> tuple[int, int]:
    """Widen [start, end) so braces and `$` pairs inside it are balanced."""
    for _ in range(_MAX_REPEAT):
        piece = original[start:end]
        opened, closed = piece.count("{"), piece.count("}")
        if closed > opened:
            brace = original.rfind("{", 0, start)
            if brace < 0:
                break
            cmd = _COMMAND_BEFORE.search(original, 0, brace)
            start = cmd.start() if cmd else brace
        elif opened > closed:
            brace = original.find("}", end)
            if brace < 0:
                break
            end = brace + 1
        elif original.count("$", 0, start) % 2:  # starts inside $...$: take the opening $
            start = original.rfind("$", 0, start)
        elif original.count("$", 0, end) % 2:  # ends inside $...$: take the closing $
            found = original.find("$", end)
            if found < 0:
                break
            end = found + 1
        else:
            break
    return start, end
