"""The rules loader: the real rules load, and each kind of broken file fails at load time with a
RulesError naming the file and the line.

Broken fixtures live in tests/fixtures/broken_rules/. Each test copies the real rules directory
into tmp_path and overwrites one file with a fixture, so the other files stay the real ones. The
line the error must name is the fixture line marked `BROKEN` (JSONL has no comments: its line is
given in the table).
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pipeline.core.errors import RulesError
from pipeline.core.rules import Rules, load_rules

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "broken_rules"

# (fixture file, rules file it replaces, expected line or None = the line marked BROKEN,
#  reason for an xfail of the line check, or None)
BROKEN = [
    ("metrics_unknown_key.yml", "metrics.yml", None, None),
    ("metrics_duplicate_id.yml", "metrics.yml", None, None),
    ("metrics_duplicate_key.yml", "metrics.yml", None, None),
    ("markup_bad_regex_keep.yml", "markup.yml", None, None),
    ("markup_bad_regex_replace.yml", "markup.yml", None, None),
    ("baselines_alias_twice.yml", "baselines.yml", None, None),
    ("quantities_bad_pattern.jsonl", "quantities.jsonl", 4, None),
    ("units_bad_definition.txt", "units.txt", None, None),
    ("units_unknown_unit.yml", "units.yml", None, None),
]

# Fixtures that the loader does not reject at all (so both checks fail): none at present.
NOT_REJECTED: dict[str, str] = {}


def _marked_line(path: Path) -> int:
    lines = [n for n, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if "BROKEN" in text
             and not text.lstrip().startswith(("#", "//"))]
    assert len(lines) == 1, f"{path.name} must mark exactly one line BROKEN"
    return lines[0]


def _broken_rules_dir(tmp_path: Path, fixture: str, target: str) -> Path:
    directory = tmp_path / "rules"
    shutil.copytree(Path(__file__).resolve().parents[2] / "rules", directory)
    shutil.copyfile(FIXTURES / fixture, directory / target)
    return directory


@pytest.fixture(scope="module")
def load_error(tmp_path_factory):
    """load_error(fixture, target) -> (rules dir, RulesError); each broken directory is loaded once."""
    cache: dict[str, tuple[Path, RulesError]] = {}

    def run(fixture: str, target: str) -> tuple[Path, RulesError]:
        if fixture not in cache:
            directory = _broken_rules_dir(tmp_path_factory.mktemp(Path(fixture).stem), fixture, target)
            with pytest.raises(RulesError) as info:
                load_rules(directory)
            cache[fixture] = (directory, info.value)
        return cache[fixture]

    return run


def _params(with_line_reason: bool):
    for fixture, target, line, line_reason in BROKEN:
        marks = []
        if fixture in NOT_REJECTED:
            marks = [pytest.mark.xfail(strict=True, raises=pytest.fail.Exception, reason=NOT_REJECTED[fixture])]
        elif with_line_reason and line_reason:
            marks = [pytest.mark.xfail(strict=True, reason=line_reason)]
        yield pytest.param(fixture, target, line, marks=marks, id=fixture)


# --- the real rules -------------------------------------------------------------------------------


def test_when_real_rules_are_loaded_then_every_family_is_present(rules):
    assert isinstance(rules, Rules)
    for family in ("markup", "tokenizer", "quantities", "units", "hardware", "baselines", "metrics"):
        assert getattr(rules, family), f"rules/{family} is empty"
    assert rules.cues.qualifiers and rules.cues.baselines and rules.cues.roles


def test_when_real_rules_are_loaded_then_ids_are_unique_per_file(rules):
    for family in ("markup", "tokenizer", "quantities", "units", "hardware", "baselines", "metrics"):
        ids = [r.id for r in getattr(rules, family)]
        assert len(ids) == len(set(ids)), family


def test_when_real_markup_rules_are_loaded_then_every_pattern_compiles(rules):
    for rule in rules.markup:
        assert rule.regex.pattern == rule.pattern


def test_when_rules_directory_is_missing_then_rules_error_names_it(tmp_path):
    with pytest.raises(RulesError) as info:
        load_rules(tmp_path / "no-such-rules")
    assert Path(info.value.path) == tmp_path / "no-such-rules"


def test_when_a_rules_file_is_missing_then_rules_error_names_it(tmp_path):
    directory = tmp_path / "rules"
    shutil.copytree(Path(__file__).resolve().parents[2] / "rules", directory)
    (directory / "cues.yml").unlink()
    with pytest.raises(RulesError) as info:
        load_rules(directory)
    assert Path(info.value.path) == directory / "cues.yml"


# --- broken fixtures ------------------------------------------------------------------------------


@pytest.mark.parametrize("fixture, target, line", list(_params(with_line_reason=False)))
def test_when_rules_file_is_broken_then_rules_error_names_the_file(load_error, fixture, target, line):
    directory, error = load_error(fixture, target)
    assert Path(error.path) == directory / target
    assert str(directory / target) in str(error)
    assert error.reason


@pytest.mark.parametrize("fixture, target, line", list(_params(with_line_reason=True)))
def test_when_rules_file_is_broken_then_rules_error_names_the_line(load_error, fixture, target, line):
    _, error = load_error(fixture, target)
    expected = line if line is not None else _marked_line(FIXTURES / fixture)
    assert error.line == expected
    assert f"{target}:{expected}" in str(error)


@pytest.mark.parametrize("fixture, words", [
    ("metrics_unknown_key.yml", ["polarty"]),
    ("metrics_duplicate_id.yml", ["duplicate", "m-latency"]),
    ("metrics_duplicate_key.yml", ["duplicate", "terms"]),
    ("markup_bad_regex_keep.yml", ["regular expression"]),
    ("markup_bad_regex_replace.yml", ["regular expression", "unterminated character set"]),
    ("baselines_alias_twice.yml", ["Megatron", "bl-megatron-lm", "bl-megatron-deepspeed"]),
    ("quantities_bad_pattern.jsonl", ["LIKE_NUMBER"]),
    ("units_bad_definition.txt", ["bogus_unit"]),
    ("units_unknown_unit.yml", ["furlongs_per_fortnightx", "unit-furlong-per-fortnight"]),
])
def test_when_rules_file_is_broken_then_reason_says_what_is_wrong(load_error, fixture, words):
    target = next(t for f, t, _, _ in BROKEN if f == fixture)
    _, error = load_error(fixture, target)
    for word in words:
        assert word in error.reason
