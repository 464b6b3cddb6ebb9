"""dvc.yaml lists what each stage's output depends on: a module the extractor imports but the stage
does not list would let `dvc repro` keep stale tables after a code change."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[2]


def _imported(module: str) -> set[str]:
    code = f"import sys, {module}; print(' '.join(m for m in sys.modules if m.startswith('pipeline.')))"
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    # pipeline._native__mypyc is the C library of the compiled modules (setup.py), not a source file
    return {f"pipeline/{name.split('.', 1)[1]}.py" for name in out.stdout.split() if name != "pipeline._native__mypyc"}


def test_the_extract_stage_depends_on_every_module_the_extractor_imports():
    stages = yaml.safe_load((REPO / "dvc.yaml").read_text(encoding="utf-8"))["stages"]
    deps = set(stages["extract"]["deps"])
    assert _imported("pipeline.extract") - deps == set()


def test_the_ingest_stage_depends_on_the_readers_and_records():
    stages = yaml.safe_load((REPO / "dvc.yaml").read_text(encoding="utf-8"))["stages"]
    assert {"pipeline/ingest.py", "pipeline/records.py", "pipeline/errors.py"} <= set(stages["ingest"]["deps"])
