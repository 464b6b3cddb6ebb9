"""Write and read the pipeline's tables: Parquet (the contract) with CSV copies, atomically.

Files are written to a temporary name (`.NAME.PID.RANDOM`), flushed and renamed, so an interrupted
run never leaves half a table under a table's name; the next write removes temporaries whose writer
is gone. Parquet is written without timestamps so two runs give identical bytes.
"""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq


def write_table(frame: pd.DataFrame, directory: str | Path, name: str) -> Path:
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    target = directory / f"{name}.parquet"
    table = pa.Table.from_pandas(frame, preserve_index=False)
    table = table.replace_schema_metadata(None)
    _atomic(target, lambda tmp: pq.write_table(table, tmp, compression="zstd", write_statistics=False))
    csv_frame = frame.copy()
    for column in csv_frame.columns:
        if csv_frame[column].map(lambda v: isinstance(v, (list, tuple))).any():
            csv_frame[column] = csv_frame[column].map(lambda v: json.dumps(list(v), ensure_ascii=False)
                                                      if isinstance(v, (list, tuple)) else v)
    _atomic(directory / f"{name}.csv", lambda tmp: csv_frame.to_csv(tmp, index=False, lineterminator="\n"))
    return target


def read_table(path: str | Path) -> pd.DataFrame:
    return pd.read_parquet(path)


def write_json(data: dict, path: str | Path) -> None:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(data, indent=2, sort_keys=True) + "\n"
    _atomic(path, lambda tmp: Path(tmp).write_text(text, encoding="utf-8"))


def write_jsonl(lines: list[str], path: str | Path) -> Path:
    """JSON Lines, one given line each, atomically (an empty file when there are none)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    text = "".join(line + "\n" for line in lines)
    _atomic(path, lambda tmp: Path(tmp).write_text(text, encoding="utf-8", newline="\n"))
    return path


def _atomic(target: Path, write) -> None:
    """Write through `write(tmp)` to a temporary file beside `target`, flush it to disk and rename it
    over `target`: a reader (or DVC) sees the old file or the new one, never half of one."""
    _remove_stale_temporaries(target)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.{os.getpid()}.", dir=target.parent)
    os.close(fd)
    try:
        write(tmp)
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
