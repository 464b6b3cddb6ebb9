"""Shared fixtures: the real rules, one Extractor and one unit registry per test session.

Building the spaCy pipeline and the pint registry is the slow part of every test, so both are
built once here and handed to every module. Tests only read data inside this repository
(`data/`, `rules/`, `tests/`); nothing outside it.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.core.records import Paper
from pipeline.core.rules import Rules, load_rules
from pipeline.core.units import UnitRegistry
from pipeline.extract.extractor import Extractor, PaperExtraction

REPO = Path(__file__).resolve().parents[1]
RULES_DIR = REPO / "rules"
CORPUS = REPO / "data" / "poster_session_2.txt"
TESTS = Path(__file__).resolve().parent


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO


@pytest.fixture(scope="session")
def corpus_path() -> Path:
    return CORPUS


@pytest.fixture(scope="session")
def rules() -> Rules:
    return load_rules(RULES_DIR)


@pytest.fixture(scope="session")
def extractor(rules) -> Extractor:
    return Extractor(rules)


@pytest.fixture(scope="session")
def units(rules) -> UnitRegistry:
    return UnitRegistry.from_rules(rules)


def make_paper(abstract: str, paper_id: str = "t", title: str = "") -> Paper:
    """A one-abstract Paper as the brief prescribes for phrase tests."""
    return Paper(paper_id=paper_id, title=title, authors=(), abstract=abstract, source="test", source_line=1)


@pytest.fixture(scope="session")
def extract_text(extractor):
    """extract_text(abstract) -> PaperExtraction, memoized so a sentence is parsed once per session."""
    cache: dict[str, PaperExtraction] = {}

    def run(abstract: str) -> PaperExtraction:
        if abstract not in cache:
            cache[abstract] = extractor.extract([make_paper(abstract)])[0]
        return cache[abstract]

    return run


# --- golden-file report: matched / missed / spurious per abstract, printed after the run ------------

_GOLDEN_REPORTS = pytest.StashKey[dict]()


def pytest_configure(config):
    config.stash[_GOLDEN_REPORTS] = {}


@pytest.fixture(scope="session")
def golden_reports(pytestconfig) -> dict:
    """stem -> report text; test_golden_abstracts fills it, the terminal summary prints it."""
    return pytestconfig.stash[_GOLDEN_REPORTS]


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    reports = config.stash.get(_GOLDEN_REPORTS, {})
    if reports:
        terminalreporter.section("golden abstracts: matched / missed / spurious")
        for stem in sorted(reports):
            for line in reports[stem].splitlines():
                terminalreporter.write_line(line)
