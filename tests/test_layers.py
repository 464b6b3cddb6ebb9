"""The package's layers, fenced: which subpackage may import which, read from every import statement
(at module level or inside a function) of every module, and checked at run time for spaCy.

    core            imports no other subpackage
    ingest          core
    extract         core (and its own fast/); extract/fast imports nothing outside itself
    normalize       core
    review          core; never spaCy (nor do ingest and normalize; in core only the rules loader)
    run             any stage, never the CLI
    cli.py          any
"""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "pipeline"
ALLOWED = {
    "core": {"core"},
    "ingest": {"core", "ingest"},
    "extract": {"core", "extract"},
    "normalize": {"core", "normalize"},
    "review": {"core", "review"},
    "run": {"core", "ingest", "extract", "normalize", "review", "run"},
}


def _modules() -> dict[str, Path]:
    """Dotted module name -> source file, for every module of the package."""
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(REPO).with_suffix("").parts
        out[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return out


def _imports(path: Path) -> set[str]:
    """Every module name an import statement of the file names (absolute imports only: a relative one
    fails `test_imports_are_absolute`)."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


MODULES = _modules()


def _layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "pipeline"


def _project_imports(module: str) -> set[str]:
    return {name for name in _imports(MODULES[module]) if name in MODULES and name != "pipeline"}


def test_the_package_root_holds_at_most_six_modules():
    top = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert len(top) <= 6, top


def test_imports_are_absolute():
    for module, path in MODULES.items():
        relative = [n for n in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
                    if isinstance(n, ast.ImportFrom) and n.level]
        assert not relative, f"{module}: relative import at line {relative[0].lineno}"


@pytest.mark.parametrize("module", [m for m in MODULES if _layer(m) in ALLOWED])
def test_a_stage_imports_only_the_layers_below_it(module):
    layer = _layer(module)
    wrong = {name for name in _project_imports(module) if _layer(name) not in ALLOWED[layer]}
    assert not wrong, f"{module} ({layer}) imports {sorted(wrong)}"


@pytest.mark.parametrize("module", [m for m in MODULES if m.startswith("pipeline.extract.fast")])
def test_the_speed_devices_import_nothing_above_them(module):
    above = {name for name in _project_imports(module) if not name.startswith("pipeline.extract.fast")}
    assert not above, f"{module} imports {sorted(above)}"


# the one module outside extract that may import spaCy, and why
SPACY_OUTSIDE_EXTRACT = {"pipeline.core.rules": "the loader lets spaCy's own schema judge each token pattern"}


@pytest.mark.parametrize("module", [m for m in MODULES if _layer(m) in {"review", "core", "ingest", "normalize"}])
def test_only_extract_imports_spacy(module):
    spacy = {name for name in _imports(MODULES[module]) if name.split(".")[0] == "spacy"}
    assert not spacy or module in SPACY_OUTSIDE_EXTRACT, f"{module} imports {sorted(spacy)}"


def test_no_import_cycle_between_subpackages():
    edges: dict[str, set[str]] = {}
    for module in MODULES:
        for name in _project_imports(module):
            if _layer(name) != _layer(module):
                edges.setdefault(_layer(module), set()).add(_layer(name))
    seen, done = set(), set()

    def visit(node: str, path: list[str]) -> None:
        assert node not in seen or node in done, f"import cycle: {' -> '.join(path + [node])}"
        if node in seen:
            return
        seen.add(node)
        for nxt in sorted(edges.get(node, ())):
            visit(nxt, path + [node])
        done.add(node)

    for node in sorted(edges):
        visit(node, [])


def test_importing_every_review_module_loads_no_spacy():
    code = ("import importlib, sys; "
            f"[importlib.import_module(m) for m in {sorted(m for m in MODULES if _layer(m) == 'review')!r}]; "
            "print('spacy' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
