"""Write and read the pipeline's tables: Parquet (the contract) with CSV copies, atomically.

Files are written to a temporary name (`.NAME.PID.RANDOM`), flushed and renamed, so an interrupted
run never leaves half a table under a table's name; the next write removes temporaries whose writer
is gone. Parquet is written without timestamps so two runs give identical bytes.

`TableWriter` writes a table chunk by chunk (one Parquet row group per chunk, the CSV rows appended)
with the same bytes per row as `write_table`: a table written in one chunk is byte-identical to
`write_table`'s. The papers/claims/quantities tables have a fixed Arrow schema (`record_schema`),
so a chunk with no rows or a column that is all None does not change a column's type.
"""
from __future__ import annotations

import contextlib
import dataclasses
import io
import json
import os
import tempfile
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.core.errors import InputError
from pipeline.core.records import (
    CLAIM_COLUMNS,
    ENTITY_COLUMNS,
    PAPER_COLUMNS,
    QUANTITY_COLUMNS,
    Claim,
    Entity,
    Paper,
    Quantity,
    to_frame,
)

PARQUET_OPTIONS = {"compression": "zstd", "write_statistics": False}
# Arrow types of the record fields (as annotated in core/records.py); `X | None` is a nullable X.
_ARROW_TYPES = {"str": pa.large_string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_(),
                "tuple[str, ...]": pa.list_(pa.string())}


def record_schema(record_type) -> pa.Schema:
    """The Arrow schema of a table of `record_type` rows (a core/records.py dataclass), the types pyarrow
    infers from a typical frame of them, fixed: an empty or all-None column keeps its type."""
    fields = []
    for field in dataclasses.fields(record_type):
        annotation = str(field.type).removesuffix(" | None")
        if annotation not in _ARROW_TYPES:
            raise TypeError(f"{record_type.__name__}.{field.name}: no Arrow type for {field.type!r}")
        fields.append(pa.field(field.name, _ARROW_TYPES[annotation]))
    return pa.schema(fields)


# The tables of an extraction, each with its record type and columns, and its one fixed Arrow schema.
TABLES = {"papers": (Paper, PAPER_COLUMNS), "claims": (Claim, CLAIM_COLUMNS),
          "quantities": (Quantity, QUANTITY_COLUMNS), "entities": (Entity, ENTITY_COLUMNS)}
SCHEMAS = {name: record_schema(record_type) for name, (record_type, _) in TABLES.items()}


def tables_dir(directory: str | Path, names: tuple[str, ...] = ("papers", "claims")) -> Path:
    """DIR, checked before a command reads it: it exists and holds NAME.parquet for each of `names`
    (else an InputError naming what is missing), so a command never succeeds on nothing."""
    directory = Path(directory)
    if not directory.is_dir():
        raise InputError(directory, None, "no such tables directory (write one with `claims extract INPUT --out DIR`)")
    missing = [f"{name}.parquet" for name in names if not (directory / f"{name}.parquet").is_file()]
    if missing:
        raise InputError(directory, None, f"not a tables directory: no {', '.join(missing)} "
                                          "(write one with `claims extract INPUT --out DIR`)")
    return directory


def write_records(records, directory: str | Path, name: str) -> Path:
    """Records of table `name` (papers, claims, quantities) as DIR/NAME.parquet and .csv."""
    return write_table(to_frame(records, TABLES[name][1]), directory, name, SCHEMAS[name])


def read_records(directory: str | Path, name: str) -> list:
    """DIR/NAME.parquet back as records (list columns as tuples, missing values as None)."""
    record_type = TABLES[name][0]
    frame = read_table(Path(directory) / f"{name}.parquet")
    frame = frame.astype(object).where(pd.notna(frame), None)
    return [record_type(**{k: tuple(v) if isinstance(v, list) or hasattr(v, "tolist") else v
                           for k, v in row.items()}) for row in frame.to_dict("records")]


def write_table(frame: pd.DataFrame, directory: str | Path, name: str, schema: pa.Schema | None = None) -> Path:
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    target = directory / f"{name}.parquet"
    table = arrow_table(frame, schema)
    atomic_write(target, lambda tmp: pq.write_table(table, tmp, **PARQUET_OPTIONS))
    text = _csv_text(frame, header=True)
    atomic_write(directory / f"{name}.csv", lambda tmp: Path(tmp).write_text(text, encoding="utf-8", newline=""))
    return target


def arrow_table(frame: pd.DataFrame, schema: pa.Schema | None) -> pa.Table:
    """A frame of a table's rows as the Arrow table written for them (write_table, TableWriter)."""
    table = pa.Table.from_pandas(frame, schema=schema, preserve_index=False)
    return table.replace_schema_metadata(None)


def _csv_text(frame: pd.DataFrame, *, header: bool, list_columns: list[str] | None = None) -> str:
    """The frame as CSV (lists as JSON), with or without its header line. `list_columns`: the columns
    that may hold lists, when known (else every column holding one is found by looking)."""
    if list_columns is None:
        list_columns = [c for c in frame.columns if frame[c].map(lambda v: isinstance(v, (list, tuple))).any()]
    if list_columns:
        frame = frame.assign(**{c: frame[c].map(lambda v: json.dumps(list(v), ensure_ascii=False)
                                                if isinstance(v, (list, tuple)) else v) for c in list_columns})
    buffer = io.StringIO()
    frame.to_csv(buffer, index=False, header=header, lineterminator="\n")
    return buffer.getvalue()


def csv_lines(frame: pd.DataFrame, schema: pa.Schema) -> bytes:
    """A table's rows as the CSV lines TableWriter writes for them (no header line), UTF-8: a str of
    text with one character beyond Latin-1 holds 2 or 4 bytes a character, kept until written."""
    lists = [f.name for f in schema if pa.types.is_list(f.type)]
    return _csv_text(frame, header=False, list_columns=lists).encode("utf-8")


class TableWriter:
    """One table (NAME.parquet and NAME.csv in a directory) written chunk by chunk into temporary files,
    renamed over the table's names by `commit`; `abort` removes them. Memory holds one chunk."""

    def __init__(self, directory: str | Path, name: str, schema: pa.Schema):
        directory = Path(directory)
        self.schema, self.rows = schema, 0
        self._columns = list(schema.names)
        self._header = _csv_text(pd.DataFrame([], columns=self._columns), header=True).encode("utf-8")
        self._targets = [directory / f"{name}.parquet", directory / f"{name}.csv"]
        self._temporaries: list[str] = []
        for target in self._targets:
            _remove_stale_temporaries(target)
            self._temporaries.append(_temporary(target))
        self._parquet = pq.ParquetWriter(self._temporaries[0], schema, **PARQUET_OPTIONS)
        self._csv = open(self._temporaries[1], "wb")  # noqa: SIM115  (UTF-8 bytes: csv_lines)

    def append(self, tables: list[pa.Table], csv: bytes) -> None:
        """One row group: rows made into Arrow tables and CSV lines by `arrow_table` and `csv_lines`
        (where they were extracted: on a Dask worker), in order; tables without rows add nothing."""
        tables = [t for t in tables if t.num_rows]
        if not tables:
            return
        table = pa.concat_tables(tables).combine_chunks() if len(tables) > 1 else tables[0]
        if table.schema != self.schema:
            raise ValueError(f"schema {table.schema} is not the table's {self.schema}")
        self._parquet.write_table(table)
        if self.rows == 0:
            self._csv.write(self._header)
        self._csv.write(csv)
        self.rows += table.num_rows

    def commit(self) -> None:
        if self.rows == 0:  # as write_table writes an empty table: one empty row group, the header line
            self._parquet.write_table(arrow_table(pd.DataFrame([], columns=self._columns), self.schema))
            self._csv.write(self._header)
        self._parquet.close()
        self._csv.close()
        for tmp, target in zip(self._temporaries, self._targets):
            _install(tmp, target)
        self._temporaries = []

    def abort(self) -> None:
        for closing in (self._parquet.close, self._csv.close):
            with contextlib.suppress(Exception):  # the files are being thrown away
                closing()
        for tmp in self._temporaries:
            Path(tmp).unlink(missing_ok=True)
        self._temporaries = []


def read_table(path: str | Path) -> pd.DataFrame:
    return pd.read_parquet(path)


def write_json(data: dict, path: str | Path) -> None:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(data, indent=2, sort_keys=True) + "\n"
    atomic_write(path, lambda tmp: Path(tmp).write_text(text, encoding="utf-8"))


def write_jsonl(lines: list[str], path: str | Path) -> Path:
    """JSON Lines, one given line each, atomically (an empty file when there are none)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    text = "".join(line + "\n" for line in lines)
    atomic_write(path, lambda tmp: Path(tmp).write_text(text, encoding="utf-8", newline="\n"))
    return path


def atomic_write(target: Path, write) -> None:
    """Write through `write(tmp)` to a temporary file beside `target`, flush it to disk and rename it
    over `target`: a reader (or DVC) sees the old file or the new one, never half of one."""
    _remove_stale_temporaries(target)
    tmp = _temporary(target)
    try:
        write(tmp)
        _install(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _temporary(target: Path) -> str:
    """A new empty temporary file beside `target`, named `.NAME.PID.RANDOM`."""
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.{os.getpid()}.", dir=target.parent)
    os.close(fd)
    return tmp


def _install(tmp: str, target: Path) -> None:
    """Flush a finished temporary file to disk and rename it over `target`."""
    try:
        with open(tmp, "rb") as handle:
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes the file private; a table is not
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _remove_stale_temporaries(target: Path) -> None:
    """Delete the temporary files of `target` left by a writer that was killed (its process is gone);
    a temporary name is `.NAME.PID.RANDOM`."""
    prefix = f".{target.name}."
    for path in target.parent.iterdir():
        if not path.name.startswith(prefix):
            continue
        pid = path.name[len(prefix):].split(".", 1)[0]
        if pid.isdigit() and int(pid) != os.getpid() and not _alive(int(pid)):
            path.unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's live process
        return True
    return True


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
