"""Typed errors that say where: every message names the file and, where known, the line.

`Problems` collects what a run could not use without stopping it: a rejected record (it goes to
DIR/rejects.jsonl with file, line and reason) or a warning (printed on stderr). With
`strict=True` the first rejected record raises InputError instead, as library callers expect.
"""
from __future__ import annotations

import json
import sys
from dataclasses import asdict, dataclass, field


class ClaimscopeError(Exception):
    """Base of every error the pipeline raises on purpose (the CLI prints these without a traceback)."""


class LocatedError(ClaimscopeError):
    """An error at a place in a file: `path:line: reason` (the line where known)."""

    def __init__(self, path: str, line: int | None, reason: str):
        self.path, self.line, self.reason = str(path), line, reason
        super().__init__(f"{where(path, line)}: {reason}")

    def __reduce__(self):  # pickled whole, so an error raised on a Dask worker reaches the client intact
        return type(self), (self.path, self.line, self.reason)


class InputError(LocatedError):
    """A malformed input file or record."""


class RulesError(LocatedError):
    """A rules file that does not load: bad key, bad regex, duplicate id, bad unit definition."""


EXCERPT_CHARS = 200
# Warnings printed on stderr in full; the rest are counted.
WARNINGS_SHOWN = 20


def where(source, line: int | None) -> str:
    return f"{source}:{line}" if line is not None else str(source)


@dataclass(frozen=True, slots=True)
class Reject:
    """A record the run could not use: one line of DIR/rejects.jsonl."""

    source: str  # the input file
    line: int | None  # 1-based line of the record in that file
    stage: str  # ingest | extract | normalize
    reason: str
    paper_id: str | None = None  # when the record had become a paper
    excerpt: str = ""  # the start of the record as read, to find it by eye

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, sort_keys=True)


def _printable(text: str) -> str:
    """Text that encodes as UTF-8: bytes that were not UTF-8 (surrogate escapes) shown as \\xNN."""
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a surrogate that is not an escaped byte
        return text.encode("utf-8", "backslashreplace").decode("utf-8")


@dataclass
class Problems:
    """Rejected records and warnings of one run, in the order they were met."""

    strict: bool = False
    rejects: list[Reject] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def reject(self, source, line: int | None, stage: str, reason: str, *, paper_id: str | None = None,
               excerpt: str = "") -> None:
        """Record a bad record, or raise InputError when strict."""
        if self.strict:
            raise InputError(source, line, reason)
        excerpt = _printable(excerpt[:EXCERPT_CHARS])
        self.rejects.append(Reject(str(source), line, stage, reason, paper_id, excerpt))
        self.warnings.append(f"{where(source, line)}: rejected ({stage}): {reason}")

    def warn(self, source, line: int | None, message: str) -> None:
        self.warnings.append(f"{where(source, line)}: {message}")

    def add(self, rejects: list[Reject], warnings: list[str]) -> None:
        """Take back what `drain` handed over (in the order given)."""
        self.rejects.extend(rejects)
        self.warnings.extend(warnings)

    def drain(self) -> tuple[list[Reject], list[str]]:
        """Hand over the rejects and warnings met so far and forget them (a streaming run passes them on
        chunk by chunk, so a long run does not hold them all)."""
        rejects, warnings = self.rejects, self.warnings
        self.rejects, self.warnings = [], []
        return rejects, warnings

    def report(self, file=None) -> None:
        """The warnings and the reject count on stderr, as every command shows them."""
        report_problems(self.warnings[:WARNINGS_SHOWN], len(self.warnings), len(self.rejects), file=file)


def report_problems(shown: list[str], warnings: int, rejects: int, *, file=None) -> None:
    """The one printer of a run's problems: the warnings `shown` (at most WARNINGS_SHOWN), how many
    more there were of `warnings` in all, and the count of rejected records."""
    file = sys.stderr if file is None else file
    shown = shown[:WARNINGS_SHOWN]
    for line in shown:
        print(f"claims: warning: {line}", file=file)
    if warnings > len(shown):
        print(f"claims: warning: ... and {warnings - len(shown)} more", file=file)
    if rejects:
        print(f"claims: {rejects} record(s) rejected; see rejects.jsonl", file=file)
