"""The single stages as DVC runs them, each reading and writing a tables directory.

`claims ingest` → `claims find` → `claims normalize` write what `claims extract` writes in one
streamed pass, stage by stage, so DVC can rerun any one alone. Each writes OUT/rejects.jsonl.
"""
from __future__ import annotations

import sys
from pathlib import Path

from pipeline.core.config import DEFAULT_TIME_LIMIT
from pipeline.core.errors import Problems
from pipeline.core.rules import Rules
from pipeline.core.tables import read_records, write_jsonl, write_records


def ingest_stage(inputs: list[str], out: str | Path, *, strict: bool = False, categories=None) -> None:
    """Inputs → OUT/papers."""
    from pipeline.ingest.readers import read_inputs

    problems = Problems(strict=strict)
    papers = read_inputs(inputs, problems, categories=categories)
    write_records(papers, out, "papers")
    _finish(problems, out)
    print(f"{len(papers)} papers, {len(problems.rejects)} rejects → {out}", file=sys.stderr)


def find_stage(source: str | Path, out: str | Path, rules: Rules, *, strict: bool = False,
               time_limit: float | None = DEFAULT_TIME_LIMIT, debug: bool = False) -> None:
    """SOURCE/papers → OUT/papers (with hardware, system, named baselines), OUT/quantities, OUT/entities."""
    from pipeline.extract.extractor import Extractor
    from pipeline.extract.stage import extract_papers

    problems = Problems(strict=strict)
    papers, quantities, entities = extract_papers(read_records(source, "papers"), Extractor(rules), problems,
                                                  time_limit=time_limit, debug=debug)
    write_records(papers, out, "papers")
    write_records(quantities, out, "quantities")
    write_records(entities, out, "entities")
    _finish(problems, out)


def normalize_stage(source: str | Path, out: str | Path, rules: Rules) -> None:
    """SOURCE/papers, quantities and entities → OUT/papers, OUT/claims, OUT/quantities, OUT/entities."""
    from pipeline.core.units import UnitRegistry
    from pipeline.normalize.claims import normalize_papers

    quantities = read_records(source, "quantities")
    problems = Problems()
    papers, claims = normalize_papers(read_records(source, "papers"), quantities, UnitRegistry.from_rules(rules),
                                      problems)
    write_records(papers, out, "papers")
    write_records(claims, out, "claims")
    write_records(quantities, out, "quantities")
    write_records(read_records(source, "entities"), out, "entities")
    _finish(problems, out)


def _finish(problems: Problems, out: str | Path) -> None:
    """OUT/rejects.jsonl (one line per rejected record, in the order met; empty when none), and the
    warnings on stderr."""
    write_jsonl([r.to_json() for r in problems.rejects], Path(out) / "rejects.jsonl")
    problems.report()
