"""Whether the mypyc-compiled extraction modules run, or their Python source does.

setup.py compiles the hot modules (pyproject `[tool.claimscope.mypyc]`, dotted names below
`pipeline`) and records each source file's hash in `pipeline/_compiled.json`. A compiled module is
only trusted while every recorded source is unchanged: after an edit, a `git pull` or a checkout,
the stale C extensions would otherwise run instead of the code on disk. Then, or with
CLAIMSCOPE_PURE_PYTHON=1, every compiled module is loaded from its source (all of them: the
compiled modules call each other directly in C, so a mix would still run stale code). Stale modules
are said once, on stderr, when the package is imported: the source runs about 1.3 times slower.
"""
from __future__ import annotations

import hashlib
import importlib.abc
import importlib.machinery
import importlib.util
import json
import os
import sys
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parents[2]  # the `pipeline` package
MANIFEST = PACKAGE_DIR / "_compiled.json"


def _source(module: str, package_dir: Path = PACKAGE_DIR) -> Path:
    """`extract.roles` -> pipeline/extract/roles.py"""
    return package_dir.joinpath(*module.split(".")).with_suffix(".py")


def compiled_modules() -> set[str]:
    """The modules with a C extension beside their source (mypyc's shared library has no source)."""
    names = set()
    for suffix in importlib.machinery.EXTENSION_SUFFIXES:
        for path in PACKAGE_DIR.rglob(f"*{suffix}"):
            relative = path.relative_to(PACKAGE_DIR)
            names.add(".".join((*relative.parts[:-1], relative.name.split(".", 1)[0])))
    return {name for name in names if _source(name).exists()}


def _decide() -> tuple[bool, str, set[str]]:
    """(compiled, why, the modules that have a C extension)."""
    modules = compiled_modules()
    if not modules:
        return False, "pure Python (not compiled at install)", modules
    if os.environ.get("CLAIMSCOPE_PURE_PYTHON") == "1":
        return False, "pure Python (CLAIMSCOPE_PURE_PYTHON=1)", modules
    try:
        recorded = json.loads(MANIFEST.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False, "pure Python (no record of the compiled sources: `make compile` rebuilds)", modules
    stale = sorted(m for m in modules if recorded.get(m) != _digest(m))
    if stale:
        changed = ", ".join(stale)
        return False, f"pure Python (source changed since compiled: {changed}; `make compile` rebuilds)", modules
    return True, f"compiled with mypyc ({len(modules)} modules)", modules


def build_record(package_dir: Path, modules: list[str]) -> str:
    """The text of `_compiled.json` for a build of `modules` (setup.py writes it; `_decide` reads it)."""
    return json.dumps({m: _digest(m, package_dir) for m in modules}, indent=1) + "\n"


def _digest(module: str, package_dir: Path = PACKAGE_DIR) -> str:
    try:
        return hashlib.sha256(_source(module, package_dir).read_bytes()).hexdigest()
    except OSError:
        return ""


class _SourceFirst(importlib.abc.MetaPathFinder):
    """Loads the named pipeline modules from their .py files, ahead of the C extensions beside them."""

    def __init__(self, modules: set[str]):
        self.paths = {f"pipeline.{m}": _source(m) for m in modules}

    def find_spec(self, fullname, path=None, target=None):
        source = self.paths.get(fullname)
        return importlib.util.spec_from_file_location(fullname, source) if source and source.exists() else None


if __package__:  # imported as part of pipeline; setup.py loads this file alone, for build_record
    COMPILED, STATUS, _modules = _decide()
    if not COMPILED and _modules and not any(isinstance(f, _SourceFirst) for f in sys.meta_path):
        sys.meta_path.insert(0, _SourceFirst(_modules))
        if os.environ.get("CLAIMSCOPE_PURE_PYTHON") != "1":  # asked for: nothing to tell
            print(f"claimscope: running {STATUS}; extraction is about 1.3 times slower", file=sys.stderr)
