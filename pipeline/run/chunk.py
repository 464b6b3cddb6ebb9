"""The chunk contract between the driver of a streaming run and its engines.

An engine (this process, or Dask workers) runs `ChunkWorker.run` on runs of papers and hands back a
`ChunkResult` per run: each table's rows as Arrow tables and CSV lines, and the problems met. The
driver (`run.stream`) writes results in input order whatever engine made them. Both engines import
this module; neither imports the other.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import pyarrow as pa

from pipeline.core.errors import Problems, Reject
from pipeline.core.records import Paper, to_frame
from pipeline.core.rules import Rules
from pipeline.core.tables import SCHEMAS, TABLES, arrow_table, csv_lines
from pipeline.run.chain import Chain, ChainOutput


@dataclass
class ChunkResult:
    """What extract + normalize make of a run of papers: the rows of each table as Arrow tables and
    as CSV lines (the records' fields in the table's column order), and the rejects and warnings met.
    No spaCy object, and no second copy of the rows: these are what the tables are written from.

    They are made where the rows are made (on a Dask worker, not by the client, whose one process
    writes every table): a row's values and line depend on that row alone, so consecutive results
    joined hold what their rows made at once would."""

    arrow: dict[str, list[pa.Table]] = field(default_factory=lambda: {name: [] for name in TABLES})
    csv: dict[str, bytes] = field(default_factory=lambda: dict.fromkeys(TABLES, b""))
    # stage -> (rejects, warnings) met in it, in input order
    problems: dict[str, tuple[list[Reject], list[str]]] = field(default_factory=dict)

    @classmethod
    def of(cls, output: ChainOutput) -> ChunkResult:
        records = {"papers": output.papers, "claims": output.claims, "quantities": output.quantities,
                   "entities": output.entities}
        arrow, csv = {}, {}
        for name, (_, columns) in TABLES.items():  # one table's frame at a time: it is the bulk of the memory
            frame = to_frame(records[name], columns)
            arrow[name] = [arrow_table(frame, SCHEMAS[name])] if len(frame) else []
            csv[name] = csv_lines(frame, SCHEMAS[name])
            del frame
        return cls(arrow, csv, output.problems)

    def count(self, name: str) -> int:
        """How many rows of table `name` the result holds."""
        return sum(table.num_rows for table in self.arrow[name])

    @classmethod
    def joined(cls, parts: Iterable[ChunkResult]) -> ChunkResult:
        """Results of consecutive runs of papers, as one (in the order given)."""
        out = cls()
        for part in parts:
            for name in TABLES:
                out.arrow[name] += part.arrow[name]
                out.csv[name] += part.csv[name]
            for stage, (rejects, warnings) in part.problems.items():
                have = out.problems.setdefault(stage, ([], []))
                have[0].extend(rejects)
                have[1].extend(warnings)
        return out


class ChunkWorker:
    """The per-process state of extraction: one Extractor and one unit registry, built from the rules
    once and reused for every chunk.

    spaCy's vocabulary and tokenizer cache keep each new word form, so they grow with the number of
    distinct forms (slowly: a language has only so many), not with the number of papers. Neither a
    spaCy memory zone per chunk (it turns the tokenizer cache off: extraction took twice as long) nor a
    fresh pipeline every 50,000 papers (the old one's freed memory stayed fragmented: RSS grew faster)
    paid for itself."""

    def __init__(self, rules: Rules):
        self.chain = Chain(rules)

    def run(self, papers: list[Paper], *, strict: bool, time_limit: float | None, debug: bool) -> ChunkResult:
        if not papers:
            return ChunkResult()
        return ChunkResult.of(self.chain.run(papers, Problems(strict=strict), time_limit=time_limit, debug=debug))
