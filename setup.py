"""Build: the extraction modules run per token, per sentence and per number are compiled to C with
mypyc (as black and mypy ship themselves); everything else stays Python.

The compiled modules are the same source files, type-checked by mypy first (pyproject [tool.mypy]),
so the results are identical; `pipeline.extract.fast.compiled` runs the source instead whenever a compiled
module's source changed after the build. With no C compiler, or CLAIMSCOPE_PURE_PYTHON=1 at install,
the package installs as pure Python: the same tables, about 1.3 times slower.
"""
from __future__ import annotations

import importlib.util
import os
import sys
import tomllib
from pathlib import Path

from setuptools import setup
from setuptools.command.build_ext import build_ext

ROOT = Path(__file__).parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
COMPILED = PYPROJECT["tool"]["claimscope"]["mypyc"]["modules"]
MANIFEST = ROOT / "pipeline" / "_compiled.json"


def _build_record() -> str:
    """`_compiled.json`'s text, by pipeline/compiled.py (which reads it back), loaded alone: the
    package's dependencies need not be installed to build it."""
    spec = importlib.util.spec_from_file_location("claimscope_compiled",
                                                  ROOT / "pipeline" / "extract" / "fast" / "compiled.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.build_record(ROOT / "pipeline", COMPILED)


class OptionalBuildExt(build_ext):
    """A failed compile leaves a working pure-Python install (and says so) instead of no install."""

    def run(self) -> None:
        MANIFEST.unlink(missing_ok=True)  # until this build has succeeded, the source runs
        if not self.extensions:
            return
        try:
            super().run()
        except Exception as exc:  # noqa: BLE001  (any compiler failure: fall back, loudly)
            print(f"claimscope: compiling with mypyc failed ({exc}); installing pure Python", file=sys.stderr)
            return
        record = _build_record()
        MANIFEST.write_text(record, encoding="utf-8")  # in place (editable install)
        if not self.inplace:  # and beside the extensions of a wheel
            (Path(self.build_lib) / "pipeline" / MANIFEST.name).write_text(record, encoding="utf-8")


def _extensions() -> list:
    if os.environ.get("CLAIMSCOPE_PURE_PYTHON") == "1":
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:
        print("claimscope: mypyc is not installed; installing pure Python", file=sys.stderr)
        return []
    try:
        return mypycify([f"pipeline/{m.replace('.', '/')}.py" for m in COMPILED], opt_level="3",
                        group_name="pipeline._native")
    except (Exception, SystemExit) as exc:  # a type error is caught by the tests; an install still works
        print(f"claimscope: mypyc could not compile ({exc!r}); installing pure Python", file=sys.stderr)
        return []


setup(ext_modules=_extensions(), cmdclass={"build_ext": OptionalBuildExt})
