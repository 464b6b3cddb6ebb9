"""The mypyc build (setup.py): its modules type-check, it gives the tables the source gives, and a
compiled module whose source changed is not run.

mypyc turns a module's type annotations into checks at run time, so a value of another type than
declared stops extraction with a TypeError: the type check here and the comparison on every bundled
and dev abstract are what guard against that.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import pipeline.extract.fast.compiled as compiled

REPO = Path(__file__).resolve().parents[3]
MODULES = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["claimscope"]["mypyc"]["modules"]

# Extracts the bundled corpus and every dev set, printing one line per paper (every field of every
# record): run once as compiled, once from source.
_DUMP = """
import glob, sys
import pipeline.extract.fast.compiled
from pipeline.extract.extractor import Extractor
from pipeline.ingest.readers import read_papers
from pipeline.core.rules import load_rules
papers = list(read_papers("data/poster_session_2.txt"))
for path in sorted(glob.glob("tests/data/dev2025/corpus_*.jsonl")):
    papers += list(read_papers(path))
print(pipeline.extract.fast.compiled.STATUS)
for r in Extractor(load_rules("rules")).extract(papers):
    print(repr(r.paper), [repr(q) for q in r.quantities], r.named_baselines)
"""


def _source(root: Path, module: str) -> Path:
    """The source file of a compiled module's dotted name below `pipeline`."""
    return root.joinpath("pipeline", *module.split(".")).with_suffix(".py")


def _run(code: str, *, pure: bool, path: Path = REPO) -> list[str]:
    """`code`'s output lines, run with `path` as the directory `pipeline` is imported from."""
    env = {**os.environ, "PYTHONPATH": str(path)}
    env.pop("CLAIMSCOPE_PURE_PYTHON", None)
    if pure:
        env["CLAIMSCOPE_PURE_PYTHON"] = "1"
    done = subprocess.run([sys.executable, "-c", code], cwd=path, env=env, capture_output=True, text=True,
                          timeout=600, check=True)
    return done.stdout.splitlines()


def test_compiled_modules_pass_mypy():
    """mypyc refuses a module mypy rejects; checked here so a type error fails a test, not an install."""
    from mypy import api

    out, err, status = api.run(["--config-file", str(REPO / "pyproject.toml"),
                                *(str(_source(REPO, m)) for m in MODULES)])
    assert status == 0, out + err


def test_every_compiled_module_is_listed_and_exists():
    assert sorted(MODULES) == MODULES
    for module in MODULES:
        assert _source(REPO, module).exists(), module
    assert set(compiled.compiled_modules()) <= set(MODULES)


@pytest.mark.skipif(not compiled.COMPILED, reason=f"this install runs {compiled.STATUS}")
def test_compiled_and_source_give_the_same_records():
    fast, slow = _run(_DUMP, pure=False), _run(_DUMP, pure=True)
    assert fast[0].startswith("compiled with mypyc") and slow[0].startswith("pure Python")
    assert len(fast) > 300  # the bundled corpus and the dev sets, one line a paper
    assert fast[1:] == slow[1:]


def _copy_package(tmp_path: Path) -> Path:
    shutil.copytree(REPO / "pipeline", tmp_path / "pipeline", ignore=shutil.ignore_patterns("__pycache__"))
    return tmp_path


_WHICH = "import pipeline.extract.fast.compiled as c, pipeline.extract.extractor as e, pipeline.extract.roles as r; " \
         "print(c.STATUS); print(e.__file__); print(r.__file__)"


@pytest.mark.skipif(not compiled.COMPILED, reason=f"this install runs {compiled.STATUS}")
def test_a_changed_source_runs_as_source(tmp_path):
    """After an edit (or a pull) the stale C extensions would run instead of the code on disk: every
    compiled module, not only the edited one, is then loaded from its source."""
    root = _copy_package(tmp_path)
    status, extract_file, roles_file = _run(_WHICH, pure=False, path=root)
    assert status.startswith("compiled") and extract_file.endswith(".so"), status

    roles = root / "pipeline" / "extract" / "roles.py"
    roles.write_text(roles.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    status, extract_file, roles_file = _run(_WHICH, pure=False, path=root)
    assert "source changed since compiled: extract.roles" in status
    assert extract_file.endswith("extractor.py") and roles_file.endswith("roles.py")


@pytest.mark.skipif(not compiled.COMPILED, reason=f"this install runs {compiled.STATUS}")
def test_a_stale_build_is_said_once_on_stderr(tmp_path):
    """Running stale C would be wrong and running the source is slower: the user is told, once."""
    root = _copy_package(tmp_path)
    roles = root / "pipeline" / "extract" / "roles.py"
    roles.write_text(roles.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    code = "import pipeline.extract.extractor, pipeline.extract.roles, pipeline.extract.fast.compiled"
    done = subprocess.run([sys.executable, "-c", code], cwd=root, env={**os.environ, "PYTHONPATH": str(root)},
                          capture_output=True, text=True, timeout=600, check=True)
    told = [line for line in done.stderr.splitlines() if line.startswith("claimscope: running pure Python")]
    assert len(told) == 1 and "source changed since compiled: extract.roles" in told[0], done.stderr


def test_no_record_of_the_build_runs_as_source(tmp_path):
    root = _copy_package(tmp_path)
    (root / "pipeline" / "_compiled.json").unlink(missing_ok=True)
    status, extract_file, _ = _run(_WHICH, pure=False, path=root)
    assert status.startswith("pure Python") and extract_file.endswith("extractor.py")


def test_the_record_names_every_compiled_module():
    if not compiled.COMPILED:
        pytest.skip(f"this install runs {compiled.STATUS}")
    recorded = json.loads(compiled.MANIFEST.read_text(encoding="utf-8"))
    assert sorted(recorded) == MODULES
