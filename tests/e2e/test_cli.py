"""The `claims` command line, run as a user runs it: a subprocess of the installed entry point."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

REPO = Path(__file__).resolve().parents[2]
CLAIMS = Path(sys.executable).parent / "claims"
TABLES = ("papers", "claims", "quantities")

PAPER_COLUMNS = ["paper_id", "title", "authors", "abstract", "hardware", "baselines", "n_claims"]
CLAIM_COLUMNS = ["claim_id", "paper_id", "text", "start", "end", "sentence", "value_low", "value_high", "unit",
                 "claim_type", "direction", "qualifier", "metric", "baseline", "rule_id"]


def _start(*args: str) -> subprocess.Popen:
    return subprocess.Popen([str(CLAIMS), *args], cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)


@pytest.fixture(scope="module")
def two_runs(tmp_path_factory):
    """Two independent `claims extract` runs on the bundled corpus, started side by side."""
    assert CLAIMS.exists(), f"entry point not installed next to {sys.executable}"
    base = tmp_path_factory.mktemp("cli")
    outs = [base / "run1", base / "run2"]
    procs = [_start("extract", "data/poster_session_2.txt", "--out", str(out)) for out in outs]
    results = [(p, *p.communicate(timeout=300)) for p in procs]
    for proc, _, err in results:
        assert proc.returncode == 0, err
    return outs


@pytest.fixture(scope="module")
def tables(two_runs):
    return {name: pd.read_parquet(two_runs[0] / f"{name}.parquet") for name in TABLES}


def test_when_extract_runs_then_parquet_and_csv_of_three_tables_are_written(two_runs):
    for name in TABLES:
        assert (two_runs[0] / f"{name}.parquet").stat().st_size > 0
        assert (two_runs[0] / f"{name}.csv").stat().st_size > 0


def test_when_extract_runs_then_papers_has_47_rows_and_required_columns(tables):
    papers = tables["papers"]
    assert len(papers) == 47
    assert set(PAPER_COLUMNS) <= set(papers.columns)
    assert papers["paper_id"].is_unique


def test_when_extract_runs_then_claims_has_required_columns(tables):
    claims = tables["claims"]
    assert len(claims) > 0
    assert set(CLAIM_COLUMNS) <= set(claims.columns)
    assert claims["claim_id"].is_unique
    assert set(claims["paper_id"]) <= set(tables["papers"]["paper_id"])


def test_when_extract_runs_then_n_claims_counts_each_papers_claims(tables):
    counts = tables["claims"].groupby("paper_id").size()
    for row in tables["papers"].itertuples():
        assert row.n_claims == counts.get(row.paper_id, 0), row.paper_id


def test_when_extract_runs_then_every_claim_offset_slices_its_text_from_the_abstract(tables):
    abstracts = dict(zip(tables["papers"]["paper_id"], tables["papers"]["abstract"]))
    for claim in tables["claims"].itertuples():
        assert abstracts[claim.paper_id][claim.start:claim.end] == claim.text, claim.claim_id


def test_when_extract_runs_then_csv_has_the_same_rows_as_parquet(two_runs, tables):
    for name in TABLES:
        csv = pd.read_csv(two_runs[0] / f"{name}.csv")
        assert list(csv.columns) == list(tables[name].columns)
        assert len(csv) == len(tables[name])


def test_when_extract_runs_twice_then_parquet_files_are_byte_identical(two_runs):
    first, second = two_runs
    for name in TABLES:
        assert (first / f"{name}.parquet").read_bytes() == (second / f"{name}.parquet").read_bytes(), name
        assert (first / f"{name}.csv").read_bytes() == (second / f"{name}.csv").read_bytes(), name


def _malformed_jsonl(tmp_path: Path) -> Path:
    bad = tmp_path / "papers.jsonl"
    bad.write_text('{"title": "HetRL", "abstract": "We show 9.17x higher throughput. It is good."}\n'
                   '{"title": "Broken", "abstract": \n', encoding="utf-8")
    return bad


def test_when_jsonl_line_is_malformed_then_it_is_rejected_with_file_and_line_and_its_neighbour_kept(tmp_path):
    bad = _malformed_jsonl(tmp_path)
    proc = _start("extract", str(bad), "--out", str(tmp_path / "out"))
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err
    assert f"{bad}:2" in err and "warning" in err
    assert "Traceback" not in err and "Traceback" not in out
    assert list(pd.read_parquet(tmp_path / "out" / "papers.parquet")["title"]) == ["HetRL"]
    [reject] = (tmp_path / "out" / "rejects.jsonl").read_text(encoding="utf-8").splitlines()
    assert '"line": 2' in reject and str(bad) in reject


def test_when_jsonl_input_is_malformed_and_strict_then_exit_nonzero_with_file_and_line_and_no_traceback(tmp_path):
    bad = _malformed_jsonl(tmp_path)
    proc = _start("extract", "--strict", str(bad), "--out", str(tmp_path / "out"))
    out, err = proc.communicate(timeout=300)
    assert proc.returncode != 0
    assert f"{bad}:2" in err
    assert "Traceback" not in err and "Traceback" not in out
    assert not (tmp_path / "out" / "claims.parquet").exists()


def test_when_input_file_is_missing_then_exit_nonzero_without_traceback(tmp_path):
    proc = _start("extract", str(tmp_path / "missing.jsonl"), "--out", str(tmp_path / "out"))
    out, err = proc.communicate(timeout=300)
    assert proc.returncode != 0
    assert "missing.jsonl" in err
    assert "Traceback" not in err


# --- the rules a command reads: --rules, $CLAIMSCOPE_RULES, else the ones shipped with the package -----

def _run_in(folder: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k != "CLAIMSCOPE_RULES"}
    return subprocess.run([str(CLAIMS), *args], cwd=folder, capture_output=True, text=True, timeout=300,
                          env={**environment, **(env or {})}, stdin=subprocess.DEVNULL)


def test_when_claims_runs_outside_the_checkout_then_it_reads_the_rules_shipped_with_the_package(tmp_path):
    pasted = tmp_path / "one.txt"
    pasted.write_text("FlashServe is up to 2.5x faster than vLLM on 8xH100 GPUs.\n", encoding="utf-8")
    done = _run_in(tmp_path, "check", str(pasted))
    assert done.returncode == 0, done.stderr
    assert "vLLM" in done.stdout and "up_to" in done.stdout and "H100" in done.stdout


def test_when_claimscope_rules_names_a_folder_then_it_is_read_and_a_missing_one_is_named(tmp_path):
    corpus = REPO / "data" / "poster_session_2.txt"
    done = _run_in(tmp_path, "extract", str(corpus), "--out", str(tmp_path / "out"),
                   env={"CLAIMSCOPE_RULES": str(REPO / "rules")})
    assert done.returncode == 0, done.stderr
    missing = tmp_path / "no-rules-here"
    done = _run_in(tmp_path, "extract", str(corpus), "--out", str(tmp_path / "out2"),
                   env={"CLAIMSCOPE_RULES": str(missing)})
    assert done.returncode == 2 and f"{missing}: rules directory not found" in done.stderr
    assert "Traceback" not in done.stderr


# --- a command never succeeds on nothing: each failure is exit 2 and one line naming the thing ----------

@pytest.mark.parametrize("args, said", [
    (["check", "missing.txt"], "missing.txt: no such file"),
    (["validate", "no-such-dir"], "no-such-dir: no such tables directory"),
    (["compare", "no-such-dir"], "no-such-dir: no such tables directory"),
    (["report", "no-such-dir"], "no-such-dir: no such tables directory"),
    (["evaluate", "--gold", str(REPO / "data" / "dev_gold.jsonl"), "no-such-dir"], "no-such-dir: no such tables"),
    (["validate", "."], ".: not a tables directory: no papers.parquet, claims.parquet"),
], ids=["check-missing-file", "validate-missing", "compare-missing", "report-missing", "evaluate-missing",
        "validate-not-tables"])
def test_when_an_input_is_missing_then_exit_2_with_one_line_naming_it_and_no_wait_on_stdin(tmp_path, args, said):
    done = _run_in(tmp_path, *args)
    assert done.returncode == 2, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and said in lines[0] and "Traceback" not in done.stderr
    assert not any(tmp_path.iterdir()), "a failed command wrote something"


def test_when_evaluate_gets_gold_files_then_the_directory_may_follow_them(two_runs, tmp_path):
    gold = str(REPO / "data" / "dev_gold.jsonl")
    after = _run_in(tmp_path, "evaluate", "--gold", gold, gold, str(two_runs[0]))
    before = _run_in(tmp_path, "evaluate", str(two_runs[0]), "--gold", gold, gold)
    assert after.returncode == before.returncode == 0, after.stderr
    assert after.stdout == before.stdout and "claim_f1" in after.stdout


def test_version_names_the_package():
    from pipeline import __version__

    done = _run_in(REPO, "--version")
    assert done.returncode == 0 and done.stdout.strip() == f"claimscope {__version__}"


def test_every_subcommand_and_option_has_help():
    import argparse

    from pipeline.cli import _parser

    parser = _parser()
    [commands] = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    assert {c.dest for c in commands._choices_actions} == set(commands.choices)  # each subcommand has help
    for name, sub in [("claims", parser), *commands.choices.items()]:
        for action in sub._actions:
            if not isinstance(action, (argparse._HelpAction, argparse._SubParsersAction)):
                assert action.help, f"{name} {action.option_strings or action.dest} has no help"
