"""Typed errors that say where: every message names the file and, where known, the line."""
from __future__ import annotations


class ClaimscopeError(Exception):
    """Base of every error the pipeline raises on purpose (the CLI prints these without a traceback)."""


class InputError(ClaimscopeError):
    """A malformed input file or record."""

    def __init__(self, path: str, line: int | None, reason: str):
        self.path, self.line, self.reason = str(path), line, reason
        where = f"{path}:{line}" if line is not None else str(path)
        super().__init__(f"{where}: {reason}")


class RulesError(ClaimscopeError):
    """A rules file that does not load: bad key, bad regex, duplicate id, bad unit definition."""

    def __init__(self, path: str, line: int | None, reason: str):
        self.path, self.line, self.reason = str(path), line, reason
        where = f"{path}:{line}" if line is not None else str(path)
        super().__init__(f"{where}: {reason}")
