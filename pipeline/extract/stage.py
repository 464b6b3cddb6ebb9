"""The extract stage over a list of papers: each paper alone, under the per-paper deadline.

A runaway or a failing paper costs that paper's numbers only: it becomes a reject and the paper
stays, with no quantities. Without a `Problems` (library callers) the first such problem raises.
"""
from __future__ import annotations

import re
import traceback
from dataclasses import replace

from pipeline.core.config import DEFAULT_TIME_LIMIT
from pipeline.core.deadline import DocumentTimeout, deadline
from pipeline.core.errors import Problems
from pipeline.core.records import Entity, Paper, Quantity
from pipeline.extract.extractor import Extractor
from pipeline.extract.textnorm import MAX_RUN, long_runs, read_limit

# Only this much of a title is searched for hardware and system names (a title is one line).
MAX_TITLE_CHARS = 1_000
_LONG_RUN = re.compile(rf"\S{{{MAX_RUN},}}")


def extract_papers(papers: list[Paper], extractor: Extractor, problems: Problems | None = None, *,
                   time_limit: float | None = DEFAULT_TIME_LIMIT,
                   debug: bool = False) -> tuple[list[Paper], list[Quantity], list[Entity]]:
    """Every paper out (in input order), with its quantities and its entity mentions."""
    problems = Problems(strict=True) if problems is None else problems
    out_papers: list[Paper] = []
    quantities: list[Quantity] = []
    entities: list[Entity] = []
    for paper in papers:
        _warn_about_limits(paper, problems)
        try:
            with deadline(time_limit):
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
        out_papers.append(replace(result.paper, title=paper.title))
        quantities.extend(result.quantities)
        entities.extend(result.entities)
    return out_papers, quantities, entities


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
