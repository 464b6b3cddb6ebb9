"""The one extract → normalize chain: every caller that turns papers into tables runs it.

`claims extract` (each chunk, in this process or on a Dask worker), `claims check` and library
callers build one `Chain` from the rules and run it on lists of papers. Building it is the slow part
(the spaCy pipeline, the cue tables, the pint registry), so it is built once per process.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from pipeline.core.config import DEFAULT_TIME_LIMIT
from pipeline.core.errors import Problems, Reject
from pipeline.core.records import Claim, Entity, Paper, Quantity
from pipeline.core.rules import Rules
from pipeline.core.units import UnitRegistry
from pipeline.extract.extractor import Extractor
from pipeline.extract.stage import extract_papers
from pipeline.normalize.claims import normalize_papers


@dataclass
class ChainOutput:
    """The rows the chain made of a list of papers, and the problems each stage met (in input order)."""

    papers: list[Paper]
    claims: list[Claim]
    quantities: list[Quantity]
    entities: list[Entity] = field(default_factory=list)
    problems: dict[str, tuple[list[Reject], list[str]]] = field(default_factory=dict)

    def __iter__(self):  # papers, claims, quantities = output
        return iter((self.papers, self.claims, self.quantities))


class Chain:
    """extract → normalize, built once from the rules."""

    def __init__(self, rules: Rules):
        self.rules = rules
        self.registry = UnitRegistry.from_rules(rules)
        self.extractor = Extractor(rules)

    def run(self, papers: list[Paper], problems: Problems | None = None, *,
            time_limit: float | None = DEFAULT_TIME_LIMIT, debug: bool = False) -> ChainOutput:
        """Every paper through both stages. Without `problems` the first bad paper raises; with it, each
        stage's rejects and warnings are handed over in `ChainOutput.problems` (and `problems` is left
        empty), so a caller that runs chunk after chunk can keep them in the whole run's order."""
        problems = Problems(strict=True) if problems is None else problems
        papers, quantities, entities = extract_papers(papers, self.extractor, problems, time_limit=time_limit,
                                                      debug=debug)
        extracted = problems.drain()
        papers, claims = normalize_papers(papers, quantities, self.registry, problems)
        return ChainOutput(papers, claims, quantities, entities,
                           {"extract": extracted, "normalize": problems.drain()})


def run_all(inputs: list[str], rules: Rules, problems: Problems | None = None, *, categories=None,
            time_limit: float | None = DEFAULT_TIME_LIMIT, debug: bool = False) -> ChainOutput:
    """ingest → extract → normalize of whole input files, in memory (library callers and tests; the
    CLI streams them in chunks instead). Rejects and warnings stay in `problems`."""
    from pipeline.ingest.readers import read_inputs

    problems = Problems(strict=True) if problems is None else problems
    output = Chain(rules).run(read_inputs(inputs, problems, categories=categories), problems,
                              time_limit=time_limit, debug=debug)
    for met in output.problems.values():  # ingest's were drained with extract's, in order
        problems.add(*met)
    return output
