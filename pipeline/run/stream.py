"""`claims extract` in chunks: papers are read lazily, extracted and normalized a chunk at a time,
and appended to the tables (one Parquet row group per chunk), so memory does not grow with the corpus.

The run holds one chunk of papers and its rows (a few in flight with the Dask engine), the ids met so
far (to keep them unique), and the first few warnings of each stage; rejects go to anonymous
temporary files as they come. Tables are written to temporary files and renamed when the run ends;
a run that fails leaves the previous tables as they were and no temporary file.

Every step after reading is per paper (extract runs each paper alone; claim ids count within a paper),
so the rows do not depend on where chunks end: any chunk size gives the same tables, and a chunk
size at least the corpus's gives the bytes `core.tables.write_records` writes for the whole list.
Rejects are listed as the whole-list run lists them: those of ingest, then extract, then normalize,
each in input order; so are the warnings shown.

The engines: `single` runs the chunks in this process; `dask` (`run.dask_engine`) sends them, in
partitions, to Dask workers, and their results are written in input order, so its tables are
byte-identical to the single-process run's. Both speak the chunk contract of `run.chunk`.
"""
from __future__ import annotations

import contextlib
import sys
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from pipeline.core.config import DEFAULT_CHUNK_SIZE, DEFAULT_TIME_LIMIT
from pipeline.core.errors import WARNINGS_SHOWN, Problems, Reject, report_problems
from pipeline.core.records import Paper
from pipeline.core.rules import Rules
from pipeline.core.tables import SCHEMAS, TABLES, atomic_write
from pipeline.run.chunk import ChunkResult, ChunkWorker
from pipeline.run.progress import progress_bar

STAGES = ("ingest", "extract", "normalize")


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

        def copy(tmp: str) -> None:
            with open(tmp, "w", encoding="utf-8", newline="\n") as out:
                for stage in STAGES:
                    spool = self._files[stage]
                    spool.flush()
                    spool.seek(0)
                    while block := spool.read(1 << 20):
                        out.write(block)

        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, copy)

    def report(self, file=None) -> None:
        """The warnings on stderr as `claims` shows them: the first WARNINGS_SHOWN, then a count."""
        report_problems(self.shown(), self.warnings, self.rejects, file=file)

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

    def report(self, out) -> None:
        """The run's warnings, then its counts, on stderr."""
        self.spool.report()
        print(f"{self.papers} papers, {self.claims} claims, {self.quantities} quantities, {self.rejects} rejects "
              f"→ {out}", file=sys.stderr)


def extract_to(inputs: list[str], out: str | Path, rules_dir: str | Path, *, strict: bool = False,
               time_limit: float | None = None, debug: bool = False, chunk_size: int = DEFAULT_CHUNK_SIZE,
               categories: Iterable[str] | None = None, engine: str = "single", scheduler: str | None = None,
               workers: int | None = None, progress: bool | None = None) -> Summary:
    """ingest → extract → normalize over `inputs`, chunk by chunk, into OUT/{papers,claims,quantities}
    (.parquet, .csv) and OUT/rejects.jsonl. Every input is checked and the rules loaded before OUT is
    touched, so an unreadable input or a broken rule writes nothing."""
    from pipeline.core.rules import load_rules
    from pipeline.core.tables import TableWriter
    from pipeline.ingest.readers import stream_inputs

    time_limit = DEFAULT_TIME_LIMIT if time_limit is None else time_limit
    problems = Problems(strict=strict)
    papers = stream_inputs(inputs, problems, categories=categories)
    rules = load_rules(rules_dir)
    pieces = chunks(papers, chunk_size, problems)
    if engine == "single":
        results = run_single(pieces, rules, strict=strict, time_limit=time_limit, debug=debug)
    elif engine == "dask":
        from pipeline.run import dask_engine

        results = dask_engine.run(pieces, rules, rules_dir, strict=strict, time_limit=time_limit, debug=debug,
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
            writers[name] = TableWriter(out, name, SCHEMAS[name])
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
