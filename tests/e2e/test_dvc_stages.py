"""dvc.yaml lists what each stage's output depends on: a module a stage's command imports but the
stage does not list would let `dvc repro` keep stale tables after a code change.

Every stage's command is run here as DVC runs it (its `${...}` filled from params.yaml, its outputs
sent to a temporary folder, the dev sets cut to one file), in a subprocess that reports the modules
it imported; each project module's file must lie under one of that stage's deps.
"""
from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
STAGES = yaml.safe_load((REPO / "dvc.yaml").read_text(encoding="utf-8"))["stages"]
PARAMS = yaml.safe_load((REPO / "params.yaml").read_text(encoding="utf-8"))
# Runs `claims ARGS...` in this interpreter and prints, at exit, the file of every module of the package.
_RUN = """
import atexit, sys
def _report():
    files = {m.__file__ for name, m in list(sys.modules.items())
             if name.split(".")[0] == "pipeline" and getattr(m, "__file__", None)}
    print("\\n".join(sorted(files)), file=sys.__stdout__)
atexit.register(_report)
from pipeline.cli import main
code = main(sys.argv[1:])
sys.stdout.flush()
sys.exit(code)
"""


def _param(path: str, out: Path) -> str:
    value = PARAMS
    for key in path.split("."):
        value = value[key]
    if path.startswith("outputs."):
        return str(out / Path(value).name)
    if path.endswith(("_corpus", "_gold")):  # a dev stage's sets: the first one is enough to run its code
        return value.split()[0]
    return value


def _commands(stage: str, out: Path) -> list[list[str]]:
    cmd = re.sub(r"\$\{([\w.]+)\}", lambda m: _param(m.group(1), out), STAGES[stage]["cmd"])
    return [shlex.split(part) for part in cmd.split("&&")]


def _deps(stage: str) -> list[Path]:
    return [REPO / re.sub(r"\$\{([\w.]+)\}", lambda m: _param(m.group(1), Path("/nonexistent")), d)
            for d in STAGES[stage]["deps"]]


def _source(path: Path) -> Path | None:
    """A compiled module's source (DVC ignores build artifacts, .dvcignore); None for mypyc's shared
    library of them all, which has no source of its own."""
    if path.suffix != ".so":
        return path
    stem = path.name.split(".", 1)[0]
    return None if stem.startswith("_native") else path.with_name(f"{stem}.py")


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("dvc")


# in pipeline order: each stage reads what the ones before it wrote
@pytest.mark.parametrize("stage", list(STAGES))
def test_every_module_a_stage_imports_is_under_its_deps(stage, out):
    deps = _deps(stage)
    for argv in _commands(stage, out):
        assert argv[0] == "claims", argv
        done = subprocess.run([sys.executable, "-c", _RUN, *argv[1:]], cwd=REPO, capture_output=True, text=True,
                              timeout=600)
        assert done.returncode == 0, done.stderr[-2000:]
        files = [_source(Path(line)) for line in done.stdout.splitlines() if line.endswith((".py", ".so"))]
        files = [f for f in files if f is not None]
        assert any(f.name == "cli.py" for f in files), "the command ran no project code?"
        uncovered = [f for f in files if not any(f == d or d in f.parents for d in deps)]
        assert uncovered == [], f"{stage}: imported but not in its deps: {uncovered}"


def test_a_stage_that_writes_claims_depends_on_the_claim_record_and_the_rules_loader():
    writers = [stage for stage in STAGES if stage == "normalize" or stage.startswith("dev")]
    assert len(writers) >= 3
    for stage in writers:
        deps = _deps(stage)
        for module in ("pipeline/core/records.py", "pipeline/core/rules.py"):
            assert any((REPO / module) == d or d in (REPO / module).parents for d in deps), (stage, module)
