"""`claims extract` in chunks: papers are read lazily, extracted and normalized a chunk at a time,
and appended to the tables (one Parquet row group per chunk), so memory does not grow with the corpus.

The run holds one chunk of papers and its rows (a few in flight with the Dask engine), the ids met so
far (to keep them unique), and the first few warnings of each stage; rejects go to anonymous
temporary files as they come. Tables are written to temporary files and renamed when the run ends;
a run that fails leaves the previous tables as they were and no temporary file.

Every step after reading is per paper (extract runs each paper alone; claim ids count within a paper),
so the rows do not depend on where chunks end: any chunk size gives the same tables, and a chunk
size at least the corpus's gives the bytes `stages.write_outputs` writes for the whole list.
Rejects are listed as the whole-list run lists them: those of ingest, then extract, then normalize,
each in input order; so are the warnings shown.

The engines: `single` runs the chunks in this process; `dask` (pipeline.engine_dask) sends them, in
partitions, to Dask workers and writes their results in input order, so its tables are
byte-identical to the single-process run's.
"""
from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

import pyarrow as pa

from .errors import Problems, Reject
from .records import CLAIM_COLUMNS, PAPER_COLUMNS, QUANTITY_COLUMNS, Claim, Paper, Quantity, to_frame
from .rules import Rules
from .tables import arrow_table, csv_lines, record_schema

DEFAULT_CHUNK_SIZE = 2_000
STAGES = ("ingest", "extract", "normalize")
WARNINGS_SHOWN = 20
TABLES = {"papers": (Paper, PAPER_COLUMNS), "claims": (Claim, CLAIM_COLUMNS),
          "quantities": (Quantity, QUANTITY_COLUMNS)}
TABLE_SCHEMAS = {name: record_schema(record_type) for name, (record_type, _) in TABLES.items()}


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
    def of(cls, papers: list[Paper], claims: list[Claim], quantities: list[Quantity], problems: dict) -> ChunkResult:
        records = {"papers": papers, "claims": claims, "quantities": quantities}
        arrow, csv = {}, {}
        for name, (_, columns) in TABLES.items():  # one table's frame at a time: it is the bulk of the memory
            frame = to_frame(records[name], columns)
            arrow[name] = [arrow_table(frame, TABLE_SCHEMAS[name])] if len(frame) else []
            csv[name] = csv_lines(frame, TABLE_SCHEMAS[name])
            del frame
        return cls(arrow, csv, problems)

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
        from .extract import Extractor
        from .units import UnitRegistry

        self.rules = rules
        self.registry = UnitRegistry.from_rules(rules)
        self.extractor = Extractor(rules)

    def run(self, papers: list[Paper], *, strict: bool, time_limit: float | None, debug: bool) -> ChunkResult:
        from . import stages

        if not papers:
            return ChunkResult()
        problems = Problems(strict=strict)
        papers, quantities = stages.extract(papers, self.rules, problems, time_limit=time_limit, debug=debug,
                                            extractor=self.extractor)
        extracted = problems.drain()
        papers, claims = stages.normalize(papers, quantities, self.rules, problems, registry=self.registry)
        return ChunkResult.of(papers, claims, quantities, {"extract": extracted, "normalize": problems.drain()})


def chunks(papers: Iterator[Paper], size: int, problems: Problems) -> Iterator[tuple[list[Paper], tuple]]:
    """(chunk of papers, the ingest rejects and warnings met while reading it); the last may be empty
    when only problems were left (bad records at the end of the input)."""
    if size < 1:
        raise ValueError("chunk size must be at least 1")
    while True:
        chunk = list(islice(papers, size))
        met = problems.drain()
        if chunk or met[0] or met[1]:
            yield chunk, met
        if not chunk:
            return


def run_single(stream: Iterable[tuple[list[Paper], tuple]], rules: Rules, *, strict: bool,
               time_limit: float | None, debug: bool) -> Iterator[ChunkResult]:
    """The single-process engine: each chunk in turn, in this process."""
    worker = ChunkWorker(rules)
    for chunk, read_problems in stream:
        result = worker.run(chunk, strict=strict, time_limit=time_limit, debug=debug)
        result.problems["ingest"] = read_problems
        yield result


class ProblemSpool:
    """Rejects and warnings of a chunked run, kept in the whole-list run's order: stage by stage, each
    in input order. Rejects go to one anonymous temporary file per stage (gone with the process,
    whatever ends it); of the warnings the first WARNINGS_SHOWN per stage are kept, the rest counted."""

    def __init__(self):
        self._files = {stage: tempfile.TemporaryFile("w+", encoding="utf-8", newline="\n")  # noqa: SIM115
                       for stage in STAGES}
        self._warnings: dict[str, list[str]] = {stage: [] for stage in STAGES}
        self.rejects = 0
        self.warnings = 0

    def add(self, stage: str, rejects: list[Reject], warnings: list[str]) -> None:
        for reject in rejects:
            self._files[stage].write(reject.to_json() + "\n")
        self.rejects += len(rejects)
        kept = self._warnings[stage]
        kept.extend(warnings[:max(0, WARNINGS_SHOWN - len(kept))])
        self.warnings += len(warnings)

    def shown(self) -> list[str]:
        return [w for stage in STAGES for w in self._warnings[stage]][:WARNINGS_SHOWN]

    def write(self, path: Path) -> None:
        """DIR/rejects.jsonl, atomically (empty when nothing was rejected)."""
        from .tables import _atomic

        def copy(tmp: str) -> None:
            with open(tmp, "w", encoding="utf-8", newline="\n") as out:
                for stage in STAGES:
                    spool = self._files[stage]
                    spool.flush()
                    spool.seek(0)
                    while block := spool.read(1 << 20):
                        out.write(block)

        path.parent.mkdir(parents=True, exist_ok=True)
        _atomic(path, copy)

    def report(self, file=None) -> None:
        """The warnings on stderr as `claims` shows them: the first WARNINGS_SHOWN, then a count."""
        file = sys.stderr if file is None else file
        shown = self.shown()
        for line in shown:
            print(f"claims: warning: {line}", file=file)
        if self.warnings > len(shown):
            print(f"claims: warning: ... and {self.warnings - len(shown)} more", file=file)
        if self.rejects:
            print(f"claims: {self.rejects} record(s) rejected; see rejects.jsonl", file=file)

    def close(self) -> None:
        for spool in self._files.values():
            spool.close()


@dataclass
class Summary:
    papers: int
    claims: int
    quantities: int
    rejects: int
    spool: ProblemSpool


def extract_to(inputs: list[str], out: str | Path, rules_dir: str | Path, *, strict: bool = False,
               time_limit: float | None = None, debug: bool = False, chunk_size: int = DEFAULT_CHUNK_SIZE,
               categories: Iterable[str] | None = None, engine: str = "single", scheduler: str | None = None,
               workers: int | None = None, progress: bool | None = None) -> Summary:
    """ingest → extract → normalize over `inputs`, chunk by chunk, into OUT/{papers,claims,quantities}
    (.parquet, .csv) and OUT/rejects.jsonl. Every input is checked and the rules loaded before OUT is
    touched, so an unreadable input or a broken rule writes nothing."""
    from .ingest import stream_inputs
    from .rules import load_rules
    from .stages import DEFAULT_TIME_LIMIT
    from .tables import TableWriter

    time_limit = DEFAULT_TIME_LIMIT if time_limit is None else time_limit
    problems = Problems(strict=strict)
    papers = stream_inputs(inputs, problems, categories=categories)
    rules = load_rules(rules_dir)
    pieces = chunks(papers, chunk_size, problems)
    if engine == "single":
        results = run_single(pieces, rules, strict=strict, time_limit=time_limit, debug=debug)
    elif engine == "dask":
        from . import engine_dask

        results = engine_dask.run(pieces, rules, rules_dir, strict=strict, time_limit=time_limit, debug=debug,
                                  scheduler=scheduler, workers=workers)
    else:
        raise ValueError(f"unknown engine {engine!r} (single or dask)")

    out = Path(out)
    created = not out.exists()
    out.mkdir(parents=True, exist_ok=True)
    writers: dict[str, TableWriter] = {}
    spool = ProblemSpool()
    bar = progress_bar(progress)
    counts = dict.fromkeys(TABLES, 0)
    try:
        for name in TABLES:
            writers[name] = TableWriter(out, name, TABLE_SCHEMAS[name])
        for result in results:
            for stage in STAGES:
                spool.add(stage, *result.problems.get(stage, ([], [])))
            for name in TABLES:
                writers[name].append(result.arrow[name], result.csv[name])
                counts[name] += result.count(name)
            bar.update(result.count("papers"))
        for writer in writers.values():
            writer.commit()
        spool.write(out / "rejects.jsonl")
    except BaseException:
        for writer in writers.values():
            writer.abort()
        if created:
            _remove_if_empty(out)
        spool.close()
        raise
    finally:
        close = getattr(results, "close", None)
        if close is not None:
            close()  # a Dask engine shuts its cluster down here
        bar.close()
    spool.close()
    return Summary(counts["papers"], counts["claims"], counts["quantities"], spool.rejects, spool)


def _remove_if_empty(directory: Path) -> None:
    with contextlib.suppress(OSError):
        directory.rmdir()


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
