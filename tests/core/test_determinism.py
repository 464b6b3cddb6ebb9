"""Determinism and atomicity: the same input gives the same bytes, and no run leaves half a table.

Two `claims extract` runs under different hash seeds (set and dict order must not leak into the
output) over the corpus plus inputs with bad records must write byte-identical tables and
rejects. A write that fails midway leaves the previous table whole and no temporary file, and a
run killed with SIGKILL while it writes leaves every table readable (and the next run removes its
temporary file).
"""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from pipeline.core import tables
from pipeline.core.tables import write_table

REPO = Path(__file__).resolve().parents[2]
CLAIMS = Path(sys.executable).parent / "claims"
FILES = [f"{name}.{ext}" for name in ("papers", "claims", "quantities", "entities") for ext in ("parquet", "csv")]
GOOD = ("Our evaluation shows that HetRL delivers up to 9.17× and 3.17× on average the throughput of vLLM, "
        "and cuts latency by 38% on 8 H100 GPUs. It is good.")


def _extract(inputs: list[Path], out: Path, seed: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    return subprocess.Popen([str(CLAIMS), "extract", *map(str, inputs), "--out", str(out)], cwd=REPO, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.fixture(scope="module")
def two_runs(tmp_path_factory, corpus_path):
    base = tmp_path_factory.mktemp("determinism")
    mixed = base / "mixed.jsonl"
    mixed.write_bytes(
        json.dumps({"id": "a", "title": "A", "abstract": GOOD}).encode() + b"\n"
        + b'{"title": "bad \xff"}\n[1]\n'
        + json.dumps({"id": "a", "title": "Dup", "abstract": "We are \u202e2×\u202c faster. " + "9" * 500 + " x."},
                     ensure_ascii=False).encode() + b"\n"
        + b'{"id": "cut", "abstract": "We')
    inputs = [corpus_path, mixed, REPO / "tests" / "data" / "dev2025" / "corpus_a.jsonl"]
    outs = [base / "run1", base / "run2"]
    procs = [_extract(inputs, out, seed) for out, seed in zip(outs, ("1", "4242"))]
    for proc in procs:
        _, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
    return outs


@pytest.mark.parametrize("name", FILES + ["rejects.jsonl"])
def test_when_extract_runs_twice_under_different_hash_seeds_then_outputs_are_byte_identical(two_runs, name):
    first, second = (out / name for out in two_runs)
    assert first.read_bytes() == second.read_bytes(), name


def test_when_extract_runs_then_rejects_are_listed_in_input_order(two_runs):
    rejects = [json.loads(line) for line in (two_runs[0] / "rejects.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(Path(r["source"]).name, r["line"]) for r in rejects] == [("mixed.jsonl", 2), ("mixed.jsonl", 3),
                                                                      ("mixed.jsonl", 5)]
    assert list(rejects[0]) == sorted(rejects[0])  # keys sorted: the bytes do not depend on code order


def test_when_extract_runs_then_no_temporary_file_is_left(two_runs):
    for out in two_runs:
        assert sorted(p.name for p in out.iterdir()) == sorted(FILES + ["rejects.jsonl"])


# --- atomic writes --------------------------------------------------------------------------------


def _frame(n: int) -> pd.DataFrame:
    return pd.DataFrame({"paper_id": [f"p{i}" for i in range(n)], "value": [float(i) for i in range(n)],
                         "authors": [["Ada", "Alan"]] * n})


@pytest.mark.parametrize("fails_in", ["parquet", "csv"])
def test_when_a_write_is_interrupted_then_the_previous_table_is_whole_and_no_temporary_is_left(
        tmp_path, monkeypatch, fails_in):
    write_table(_frame(3), tmp_path, "papers")
    before = {name: (tmp_path / name).read_bytes() for name in ("papers.parquet", "papers.csv")}

    def interrupted(target, write):
        if target.suffix == f".{fails_in}":
            def write(tmp, _write=write):  # half a file, then the interrupt
                Path(tmp).write_bytes(b"PAR1 half a table")
                raise KeyboardInterrupt
        real_atomic(target, write)

    real_atomic = tables.atomic_write
    monkeypatch.setattr(tables, "atomic_write", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_table(_frame(1000), tmp_path, "papers")
    monkeypatch.undo()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["papers.csv", "papers.parquet"]
    if fails_in == "parquet":  # nothing of the new table was written
        assert {name: (tmp_path / name).read_bytes() for name in before} == before
    assert len(pq.read_table(tmp_path / "papers.parquet")) in (3, 1000)
    assert len(pd.read_csv(tmp_path / "papers.csv")) in (3, 1000)


def test_when_a_table_is_written_then_it_is_readable_by_others(tmp_path):
    write_table(_frame(2), tmp_path, "papers")
    mask = os.umask(0)
    os.umask(mask)
    for name in ("papers.parquet", "papers.csv"):
        assert (tmp_path / name).stat().st_mode & 0o777 == 0o666 & ~mask


def test_when_a_run_is_killed_while_it_writes_then_every_table_on_disk_is_whole(tmp_path):
    """Kill `claims extract` the moment a temporary table file appears; what is on disk must read."""
    out = tmp_path / "out"
    small = tmp_path / "small.jsonl"
    small.write_text(json.dumps({"id": "s", "title": "S", "abstract": GOOD}) + "\n", encoding="utf-8")
    proc = _extract([small], out, "0")
    assert proc.wait(timeout=300) == 0
    old = {name: len(pd.read_parquet(out / f"{name}.parquet")) for name in ("papers", "claims", "quantities")}

    big = tmp_path / "big.jsonl"  # 10 papers of 2 MB: the papers table takes a while to write
    with open(big, "w", encoding="utf-8") as handle:
        for i in range(10):
            handle.write(json.dumps({"id": f"b{i}", "title": f"B{i}", "abstract": GOOD + " " + "ab " * 700_000}) + "\n")
    proc = _extract([big], out, "0")
    caught = False
    deadline = time.monotonic() + 120
    while proc.poll() is None and time.monotonic() < deadline:
        if any(p.name.startswith(".") for p in out.iterdir()):
            proc.send_signal(signal.SIGKILL)
            caught = True
            break
    proc.wait(timeout=60)
    proc.communicate()
    for name in old:  # each table is the old one or the new one, whole
        pd.read_parquet(out / f"{name}.parquet")
        pd.read_csv(out / f"{name}.csv")
    assert len(pd.read_parquet(out / "papers.parquet")) in (old["papers"], 10)
    if not caught:
        pytest.skip("the run finished before a temporary file was seen; nothing was interrupted")
    assert any(p.name.startswith(".") for p in out.iterdir())  # the killed writer's temporary
    assert _extract([small], out, "0").wait(timeout=300) == 0
    assert sorted(p.name for p in out.iterdir()) == sorted(FILES + ["rejects.jsonl"])  # and the next run cleans it
