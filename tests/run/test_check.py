"""`claims check`: what a reviewer pastes becomes the papers they expect, printed within the terminal."""
from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.core.errors import InputError
from pipeline.run.check import _papers, check

REPO = Path(__file__).resolve().parents[2]
CLAIMS = Path(sys.executable).parent / "claims"
# two paragraphs of one abstract (verbatim sentences of the bundled corpus's GhostServe abstract)
TWO_PARAGRAPHS = (
    "Evaluations demonstrate that GhostServe reduces checkpointing latency by up to 2.7$\\times$ and recovery\n"
    "latency by 2.1$\\times$ over existing methods.\n"
    "\n"
    "NEST achieves up to 2.35 times higher throughput, better memory efficiency, and improved scalability over\n"
    "state-of-the-art baselines.\n")


@pytest.mark.parametrize("split, papers", [(False, 1), (True, 2)], ids=["one-abstract", "split"])
def test_when_plain_text_is_pasted_then_it_is_one_abstract_unless_split(tmp_path, split, papers):
    path = tmp_path / "pasted.txt"
    path.write_text(TWO_PARAGRAPHS, encoding="utf-8")
    got = _papers(str(path), split=split)
    assert len(got) == papers
    assert "".join(p.abstract for p in got).replace("\n", "") == TWO_PARAGRAPHS.replace("\n", "")
    for paper in got:  # each abstract is the pasted text itself (no line joined or space added)
        assert paper.abstract in TWO_PARAGRAPHS


def test_when_a_file_is_missing_or_empty_then_it_is_named(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        _papers(str(tmp_path / "missing.txt"))
    (tmp_path / "empty.txt").write_text("\n \n", encoding="utf-8")
    with pytest.raises(InputError, match="nothing to check"):
        _papers(str(tmp_path / "empty.txt"))


@pytest.mark.parametrize("width", [100, 80])
def test_when_check_prints_then_no_line_is_wider_than_the_terminal(rules, tmp_path, width):
    path = tmp_path / "set_a.jsonl"
    lines = (REPO / "tests" / "data" / "dev2025" / "corpus_a.jsonl").read_text(encoding="utf-8").splitlines()[:4]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = io.StringIO()
    assert check(str(path), rules, out=out, width=width) == 0
    printed = out.getvalue().splitlines()
    assert sum(line.lstrip().startswith("“") for line in printed) >= 4  # claims were printed
    assert max(len(line) for line in printed) <= width, max(printed, key=len)


def test_when_jsonl_is_piped_then_its_records_are_the_papers_and_nothing_is_left_behind(tmp_path):
    records = [json.loads(line) for line in
               (REPO / "tests" / "data" / "dev2025" / "corpus_a.jsonl").read_text(encoding="utf-8").splitlines()[:2]]
    piped = "".join(json.dumps(r) + "\n" for r in records)
    done = subprocess.run([str(CLAIMS), "--rules", str(REPO / "rules"), "check", "-"], input=piped, text=True,
                          capture_output=True, cwd=tmp_path, timeout=300, env={"COLUMNS": "100", "PATH": ""})
    assert done.returncode == 0, done.stderr
    for record in records:
        assert record["title"][:40] in done.stdout
    assert list(tmp_path.iterdir()) == []
