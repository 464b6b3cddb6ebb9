"""The stages as functions over tables: ingest → extract → normalize. The CLI and DVC call these.

Each stage reads and writes tables in a directory, so DVC can rerun any one alone; `run_all`
chains them in memory for `claims extract`.

A `Problems` collects what a stage could not use: with one, a bad record or a paper whose
extraction fails or runs out of time becomes a reject (the paper itself stays in `papers`, with no
claims) and the run goes on; without one (library callers) the first such problem raises.
"""
from __future__ import annotations

import ctypes
import math
import re
import signal
import threading
import time
import traceback
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

import pandas as pd

from .errors import Problems
from .extract import Extractor
from .ingest import read_inputs
from .normalize import finish_papers, mark_named, to_claims
from .records import (CLAIM_COLUMNS, PAPER_COLUMNS, QUANTITY_COLUMNS, Claim, Paper, Quantity, to_frame)
from .rules import Rules
from .tables import read_table, record_schema, write_jsonl, write_table
from .textnorm import MAX_RUN, long_runs, read_limit
from .units import UnitRegistry

# Seconds one paper may take in extract (a real abstract takes about 10 ms); 0 or None: no limit.
DEFAULT_TIME_LIMIT = 10.0
# Only this much of a title is searched for hardware and system names (a title is one line).
MAX_TITLE_CHARS = 1_000
_LONG_RUN = re.compile(rf"\S{{{MAX_RUN},}}")
# Fixed Arrow schemas of the tables: an empty table or an all-None column keeps its types.
SCHEMAS = {"papers": record_schema(Paper), "claims": record_schema(Claim), "quantities": record_schema(Quantity)}


class DocumentTimeout(Exception):
    """One paper's extraction ran past the time limit."""


def ingest(inputs: list[str], problems: Problems | None = None, *, categories=None) -> list[Paper]:
    return read_inputs(inputs, problems, categories=categories)


def extract(papers: list[Paper], rules: Rules, problems: Problems | None = None, *,
            time_limit: float | None = DEFAULT_TIME_LIMIT, debug: bool = False,
            extractor: Extractor | None = None) -> tuple[list[Paper], list[Quantity]]:
    """Every paper out (in input order), with its quantities.

    Each paper runs alone under the time limit, so a runaway or a failure costs that paper's claims
    only: it becomes a reject and the paper stays, with no quantities. A caller that extracts chunk
    after chunk passes the `extractor` it built once from `rules`.
    """
    problems = Problems(strict=True) if problems is None else problems
    extractor = Extractor(rules) if extractor is None else extractor
    out_papers, quantities = [], []
    for paper in papers:
        _warn_about_limits(paper, problems)
        try:
            with _deadline(time_limit):
                [result] = extractor.extract([_guarded(paper)])
        except DocumentTimeout:
            problems.reject(paper.source, paper.source_line, "extract",
                            f"paper {paper.paper_id!r}: extraction ran over the time limit of {time_limit:g} s; "
                            "its numbers are not read", paper_id=paper.paper_id, excerpt=paper.abstract)
            out_papers.append(paper)
            continue
        except Exception as exc:
            if problems.strict:
                raise
            if debug:
                traceback.print_exc()
            problems.reject(paper.source, paper.source_line, "extract",
                            f"paper {paper.paper_id!r}: extraction failed ({type(exc).__name__}: {exc}); "
                            "its numbers are not read", paper_id=paper.paper_id, excerpt=paper.abstract)
            out_papers.append(paper)
            continue
        out_papers.append(replace(result.paper, title=paper.title, baselines=result.named_baselines))
        quantities.extend(result.quantities)
    return out_papers, quantities


def normalize(papers: list[Paper], quantities: list[Quantity], rules: Rules, problems: Problems | None = None, *,
              registry: UnitRegistry | None = None):
    problems = Problems(strict=True) if problems is None else problems
    registry = UnitRegistry.from_rules(rules) if registry is None else registry
    claims = _finite(to_claims(quantities, registry), {p.paper_id: p for p in papers}, problems)
    named = {p.paper_id: p.baselines for p in papers}
    return finish_papers(papers, claims, named), mark_named(claims, named)


def run_all(inputs: list[str], rules: Rules, problems: Problems | None = None, *,
            time_limit: float | None = DEFAULT_TIME_LIMIT, debug: bool = False):
    papers, quantities = extract(ingest(inputs, problems), rules, problems, time_limit=time_limit, debug=debug)
    papers, claims = normalize(papers, quantities, rules, problems)
    return papers, claims, quantities


# --- bounds on one paper ----------------------------------------------------------------------------


@contextmanager
def _deadline(seconds: float | None):
    """Raise DocumentTimeout in the block once `seconds` have passed.

    On the main thread: SIGALRM (no thread is started; regex matching and Python loops are both
    interrupted). Off the main thread (a Dask worker runs its tasks in a thread, where no signal
    arrives) a watchdog thread raises the exception in the working thread (PyThreadState_SetAsyncExc),
    which interrupts Python code at its next bytecode, as a signal handler would. Either way a block
    that ends late is judged by its duration too.
    """
    if not seconds:
        yield
        return
    started = time.monotonic()
    on_main = threading.current_thread() is threading.main_thread()
    if not on_main or not hasattr(signal, "setitimer"):
        watchdog = _Watchdog.of_this_thread()
        watchdog.arm(seconds)
        try:
            yield
        finally:
            watchdog.disarm()
        if time.monotonic() - started > seconds:
            raise DocumentTimeout(seconds)
        return
    armed = [True]

    def on_alarm(signum, frame):
        if armed[0]:
            armed[0] = False
            raise DocumentTimeout(seconds)

    previous = signal.signal(signal.SIGALRM, on_alarm)
    outer = signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        armed[0] = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer[0] > 0:  # a caller's own timer goes on with what was left of it
            left = outer[0] - (time.monotonic() - started)
            signal.setitimer(signal.ITIMER_REAL, max(left, 1e-6), outer[1])
    if time.monotonic() - started > seconds:
        raise DocumentTimeout(seconds)


class _Watchdog:
    """One daemon thread per working thread that raises DocumentTimeout in it at a deadline.

    arm/disarm cost a lock each (no thread is started per paper); the watchdog sleeps until the
    deadline it knows of and, woken, looks again, so a deadline moved on by the next paper costs
    nothing. The exception is raised at most once per arm, and disarm withdraws one that was raised
    but not yet delivered, under the same lock, so it never reaches code after the block.
    """

    _local = threading.local()

    def __init__(self):
        self._target = threading.get_ident()
        self._lock = threading.Condition()
        self._deadline: float | None = None
        self._seconds = 0.0
        self._fired = False
        threading.Thread(target=self._run, name=f"claimscope-deadline-{self._target}", daemon=True).start()

    @classmethod
    def of_this_thread(cls) -> _Watchdog:
        watchdog = getattr(cls._local, "watchdog", None)
        if watchdog is None:
            watchdog = cls._local.watchdog = cls()
        return watchdog

    def arm(self, seconds: float) -> None:
        with self._lock:
            idle = self._deadline is None
            self._deadline, self._seconds, self._fired = time.monotonic() + seconds, seconds, False
            if idle:
                self._lock.notify()

    def disarm(self) -> None:
        with self._lock:
            self._deadline = None
            if self._fired:  # raised; if not yet delivered, withdraw it
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(self._target), None)
                self._fired = False

    def _run(self) -> None:
        with self._lock:
            while True:
                if self._deadline is None:
                    self._lock.wait()
                    continue
                left = self._deadline - time.monotonic()
                if left > 0:
                    self._lock.wait(left)
                    continue
                self._deadline, self._fired = None, True
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(self._target),
                                                           ctypes.py_object(DocumentTimeout))


def _guarded(paper: Paper) -> Paper:
    """The paper as the extractor sees it: a bounded title (textnorm bounds the abstract)."""
    title = paper.title
    if len(title) > MAX_TITLE_CHARS or _LONG_RUN.search(title):
        title = _LONG_RUN.sub(" ", title[:MAX_TITLE_CHARS])
    return paper if title == paper.title else replace(paper, title=title)


def _warn_about_limits(paper: Paper, problems: Problems) -> None:
    read = read_limit(paper.abstract)
    if read < len(paper.abstract):
        problems.warn(paper.source, paper.source_line,
                      f"paper {paper.paper_id!r}: abstract has {len(paper.abstract):,} characters; only the first "
                      f"{read:,} are read")
    runs = long_runs(paper.abstract)
    if runs:
        problems.warn(paper.source, paper.source_line,
                      f"paper {paper.paper_id!r}: {runs} run(s) of {MAX_RUN}+ characters without a space are not "
                      "read (no word or number is that long)")


def _finite(claims, papers: dict[str, Paper], problems: Problems):
    """Claims whose numbers are all finite; any other is rejected (no table holds inf or NaN)."""
    out = []
    for c in claims:
        numbers = (c.value_low, c.value_high, c.base_value_low, c.base_value_high)
        if all(v is None or math.isfinite(v) for v in numbers):
            out.append(c)
            continue
        paper = papers.get(c.paper_id)
        problems.reject(paper.source if paper else "?", paper.source_line if paper else None, "normalize",
                        f"claim {c.claim_id!r} ({c.text!r}): a value is not a finite number", paper_id=c.paper_id,
                        excerpt=c.sentence)
    return out


# --- table I/O per stage --------------------------------------------------------------------------

def write_papers(papers: list[Paper], out: str | Path) -> None:
    write_table(to_frame(papers, PAPER_COLUMNS), out, "papers", SCHEMAS["papers"])


def write_outputs(out: str | Path, papers, claims, quantities) -> None:
    write_papers(papers, out)
    write_table(to_frame(claims, CLAIM_COLUMNS), out, "claims", SCHEMAS["claims"])
    write_table(to_frame(quantities, QUANTITY_COLUMNS), out, "quantities", SCHEMAS["quantities"])


def write_rejects(problems: Problems, out: str | Path) -> Path:
    """DIR/rejects.jsonl: one line per rejected record, in the order met (empty when none)."""
    return write_jsonl([r.to_json() for r in problems.rejects], Path(out) / "rejects.jsonl")


def read_papers_table(directory: str | Path) -> list[Paper]:
    frame = read_table(Path(directory) / "papers.parquet")
    return [Paper(**_tuples(row)) for row in frame.to_dict("records")]


def read_quantities_table(directory: str | Path) -> list[Quantity]:
    frame = read_table(Path(directory) / "quantities.parquet")
    frame = frame.astype(object).where(pd.notna(frame), None)
    return [Quantity(**row) for row in frame.to_dict("records")]


def _tuples(row: dict) -> dict:
    return {k: tuple(v) if hasattr(v, "tolist") or isinstance(v, list) else v for k, v in row.items()}
