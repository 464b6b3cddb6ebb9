"""`claims extract --engine dask`: the same tables as the single-process run, byte for byte.

One LocalCluster of two worker processes (threads_per_worker=1, as the CLI starts it) serves the
module; the runs reach it through --scheduler. Inputs: the bundled corpus, corpus_a of the 2025 dev
set, and a file with bad records, a repeated id, and an abstract that runs past the time limit on
a worker (its reject must reach rejects.jsonl as in one process).
"""
from __future__ import annotations

import json
import pickle
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from pipeline.cli import main

distributed = pytest.importorskip("distributed")

REPO = Path(__file__).resolve().parents[2]
CORPUS_A = REPO / "tests" / "data" / "dev2025" / "corpus_a.jsonl"
TABLES = ("papers", "claims", "quantities")
FILES = [f"{name}.{ext}" for name in TABLES for ext in ("parquet", "csv")] + ["rejects.jsonl"]
GOOD = ("Our evaluation shows that HetRL delivers up to 9.17× and 3.17× on average the throughput of vLLM, "
        "and cuts latency by 38% on 8 H100 GPUs. It is good.")
# One sentence with thousands of numbers: extraction is super-linear in them and runs for minutes unless cut.
DENSE = "2× " * 4000
CHUNK = "25"  # several chunks and partitions, so order across them is exercised


def _jsonl(*records) -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode("utf-8")


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as c:
        yield c


@pytest.fixture(scope="module")
def inputs(tmp_path_factory, corpus_path) -> list[str]:
    mixed = tmp_path_factory.mktemp("dask_inputs") / "mixed.jsonl"
    mixed.write_bytes(_jsonl({"id": "a", "title": "A", "abstract": GOOD})
                      + b'{"title": "bad \xff"}\n'
                      + _jsonl({"id": "dense", "title": "Dense", "abstract": DENSE},
                               {"id": "a", "title": "Dup", "abstract": GOOD})
                      + b'{"id": "cut", "abstract": "We')
    return [str(corpus_path), str(CORPUS_A), str(mixed)]


@pytest.fixture(scope="module")
def runs(tmp_path_factory, cluster, inputs) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("dask_runs")
    outs = {"single": base / "single", "dask": base / "dask"}
    common = ["--time-limit", "1", "--chunk-size", CHUNK]
    assert main(["extract", *inputs, "--out", str(outs["single"]), *common]) == 0
    assert main(["extract", *inputs, "--out", str(outs["dask"]), *common, "--engine", "dask",
                 "--scheduler", cluster.scheduler_address, "--workers", "2"]) == 0
    return outs


@pytest.mark.parametrize("name", FILES)
def test_when_dask_runs_the_extraction_then_every_file_is_byte_identical_to_the_single_process_run(runs, name):
    assert (runs["dask"] / name).read_bytes() == (runs["single"] / name).read_bytes(), name


@pytest.mark.parametrize("name", TABLES)
def test_when_dask_runs_the_extraction_then_tables_equal_row_for_row(runs, name):
    single = pd.read_parquet(runs["single"] / f"{name}.parquet")
    dask = pd.read_parquet(runs["dask"] / f"{name}.parquet")
    assert len(dask) == len(single) > 0
    assert dask.equals(single)
    assert pq.ParquetFile(runs["dask"] / f"{name}.parquet").metadata.num_row_groups == \
           pq.ParquetFile(runs["single"] / f"{name}.parquet").metadata.num_row_groups


def test_when_a_paper_runs_past_the_time_limit_on_a_worker_then_it_is_rejected_and_kept_without_claims(runs):
    rejects = [json.loads(line) for line in (runs["dask"] / "rejects.jsonl").read_text(encoding="utf-8").splitlines()]
    [timed_out] = [r for r in rejects if r["stage"] == "extract"]
    assert (timed_out["paper_id"], timed_out["line"]) == ("dense", 3)
    assert "time limit of 1 s" in timed_out["reason"]
    assert [(r["stage"], r["line"]) for r in rejects] == [("ingest", 2), ("ingest", 5), ("extract", 3)]
    papers = pd.read_parquet(runs["dask"] / "papers.parquet").set_index("paper_id")
    assert papers.loc["dense", "n_claims"] == 0
    assert papers.loc["a-2", "title"] == "Dup"
    assert len(papers) == 47 + 40 + 3


def test_when_strict_and_a_worker_rejects_a_paper_then_the_run_fails_naming_it_and_writes_nothing(
        tmp_path, cluster, capsys):
    path = tmp_path / "dense.jsonl"
    path.write_bytes(_jsonl({"id": "ok", "title": "Ok", "abstract": GOOD},
                            {"id": "dense", "title": "Dense", "abstract": DENSE}))
    out = tmp_path / "out"
    assert main(["extract", "--strict", "--time-limit", "1", str(path), "--out", str(out), "--engine", "dask",
                 "--scheduler", cluster.scheduler_address]) == 2
    err = capsys.readouterr().err
    assert f"claims: error: {path}:2: paper 'dense'" in err and "time limit" in err
    assert not out.exists()


def test_when_no_scheduler_is_given_then_a_local_cluster_is_started_for_the_run(tmp_path, corpus_path):
    out, single = tmp_path / "dask", tmp_path / "single"
    assert main(["extract", str(corpus_path), "--out", str(out), "--engine", "dask", "--workers", "1"]) == 0
    assert main(["extract", str(corpus_path), "--out", str(single)]) == 0
    for name in FILES:
        assert (out / name).read_bytes() == (single / name).read_bytes(), name


def test_when_scheduler_is_given_without_dask_engine_then_it_is_an_error(tmp_path, corpus_path, capsys):
    assert main(["extract", str(corpus_path), "--out", str(tmp_path / "out"), "--scheduler", "tcp://x:1"]) == 2
    assert "--engine dask" in capsys.readouterr().err


def test_when_a_worker_runs_partitions_then_its_pipeline_is_built_once_per_rules_set(rules, corpus_path):
    from pipeline.ingest.readers import read_inputs
    from pipeline.run import dask_engine

    papers = read_inputs([str(corpus_path)])[:3]
    key = dask_engine.rules_key(REPO / "rules")
    dask_engine._worker_state.clear()
    first = dask_engine.run_partition(papers[:2], rules, key, False, 10.0, False)
    built = dask_engine._worker_state[key]
    second = dask_engine.run_partition(papers[2:], rules, key, False, 10.0, False)
    assert dask_engine._worker_state[key] is built and built.chain.extractor is built.chain.extractor
    ids = [table.column("paper_id").to_pylist() for result in (first, second) for table in result.arrow["papers"]]
    assert sum(ids, []) == [p.paper_id for p in papers]
    # only Arrow tables and CSV bytes travel back, never a spaCy object: the result pickles alone
    assert set(vars(first)) == {"arrow", "csv", "problems"}
    assert all(type(t) is pa.Table for tables in first.arrow.values() for t in tables)
    assert all(type(lines) is bytes for lines in first.csv.values())
    assert pickle.loads(pickle.dumps(first)).arrow["papers"][0].equals(first.arrow["papers"][0])
    assert first.count("claims") and first.count("quantities")
    dask_engine.run_partition(papers[:1], rules, "another@rules", False, 10.0, False)
    assert list(dask_engine._worker_state) == ["another@rules"]
    dask_engine._worker_state.clear()
