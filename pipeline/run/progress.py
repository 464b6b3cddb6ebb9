"""The progress bar of a long run: papers done, on stderr, only where a person watches."""
from __future__ import annotations

import os
import sys


class _NoBar:
    def update(self, n: int) -> None:
        pass

    def close(self) -> None:
        pass


def progress_bar(wanted: bool | None = None):
    """A tqdm bar of papers done on stderr; by default only on a terminal and never under CI (the CI
    environment variable set), so logs get no bar."""
    if wanted is None:
        wanted = sys.stderr.isatty() and not os.environ.get("CI")
    if not wanted:
        return _NoBar()
    from tqdm import tqdm

    return tqdm(unit=" papers", file=sys.stderr, dynamic_ncols=True, smoothing=0.1)
