"""The one loader of every file in `rules/`: strict schemas, compiled regexes, failing at load time.

Rules are data a linguist edits; code only reads them. Each record has a stable `id` that the
pipeline carries onto the rows it makes (spaCy's SpanRuler does the same with `span.id_`).
A broken file raises `RulesError` naming the file, the line and the reason.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from pipeline.core.errors import RulesError
from pipeline.core.vocab import CLAIM_TYPES, CUE_ROLES, DIRECTION_CUES, DIRECTIONS, POLARITIES, QUALIFIERS, UNIT_ROLES

_LINE = "__line__"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _compile(pattern: str, flags: int = 0) -> re.Pattern:
    try:
        return re.compile(pattern, flags)
    except re.error as exc:
        raise ValueError(f"bad regular expression {pattern!r}: {exc}") from exc


class MarkupRule(_Strict):
    id: str
    pattern: str
    replace: str | None = None
    keep: int | None = None
    repeat: bool = False

    @model_validator(mode="after")
    def _one_action(self):
        if (self.replace is None) == (self.keep is None):
            raise ValueError("give exactly one of 'replace' or 'keep'")
        regex = self.regex  # compiled here, whichever action, so a bad pattern fails at load time
        if self.keep is not None and self.keep > regex.groups:
            raise ValueError(f"keep={self.keep} but the pattern has {self.regex.groups} groups")
        return self

    @cached_property
    def regex(self) -> re.Pattern:
        return _compile(self.pattern)


class TokenizerRule(_Strict):
    id: str
    kind: Literal["prefix", "suffix", "infix", "remove_exception"]
    pattern: str

    @model_validator(mode="after")
    def _valid(self):
        if self.kind != "remove_exception":
            _compile(self.pattern)
        return self


class QuantityPattern(_Strict):
    """A spaCy Matcher token pattern that proposes a number mention."""

    id: str
    label: Literal[CLAIM_TYPES]
    pattern: list[dict[str, Any]]
    value: float | None = None
    power_of_ten: bool = False
    direction: Literal[DIRECTIONS] | None = None
    note: str | None = None


class UnitEntry(_Strict):
    """Surface spellings of one unit, its pint string, and whether it usually describes setup."""

    id: str
    unit: str
    forms: list[str] = Field(min_length=1)
    role: Literal[UNIT_ROLES] = "result"
    case_sensitive: bool = True


class LexiconEntry(_Strict):
    """A named thing (hardware or a baseline system) with its canonical name and aliases."""

    id: str
    canonical: str
    kind: str
    vendor: str | None = None
    aliases: list[str] = Field(min_length=1)
    source: str | None = None  # where the name comes from: the paper that introduced it, or the vendor's product
    family: str | None = None  # the id of the entry this one is a version or variant of (views group by it)


class MetricEntry(_Strict):
    id: str
    family: str
    polarity: Literal[POLARITIES]
    terms: list[str] = Field(min_length=1)


class ExpectationRule(_Strict):
    """One great-expectations expectation of the output contract (rules/expectations.yml)."""

    id: str
    table: Literal["papers", "claims", "hardware", "entities"]
    expectation: str = Field(pattern=r"^Expect[A-Za-z]+$")
    kwargs: dict[str, Any] = {}
    why: str


class FlagRule(_Strict):
    """A reviewer sanity flag (rules/flags.yml); its check is a method of review.flags.FlagChecker."""

    id: str
    severity: Literal["info", "warning", "error"]
    message: str


class QualifierCue(_Strict):
    id: str
    qualifier: Literal[QUALIFIERS]
    phrases: list[str] = Field(min_length=1)
    side: Literal["left", "right", "both"] = "left"
    max_distance: int = Field(default=1, ge=1, le=10)


class BaselineCue(_Strict):
    id: str
    phrases: list[str] = Field(min_length=1)
    after_number_only: bool = False
    within: int = Field(default=0, ge=0, le=10)
    requires_qualifier: list[str] = []
    requires_label: list[str] = []
    kind: Literal["preposition", "verb"] = "preposition"
    requires_name: bool = False  # a cue only when what follows names a system ("boosts the performance of RocksDB")


class DirectionCue(_Strict):
    id: str
    # improve/worsen: by the metric's polarity; faster/slower: of a time (latency, training time) a
    # decrease/increase, of anything else (convergence, inference) an increase/decrease of its speed
    direction: Literal[DIRECTION_CUES]
    words: list[str] = Field(min_length=1)
    position: Literal["after", "before", "both"] = "both"


class RoleCue(_Strict):
    id: str
    role: Literal[CUE_ROLES]
    scope: Literal["before", "after", "sentence"]
    phrases: list[str] = Field(min_length=1)
    window: int = 3


class Cues(_Strict):
    qualifiers: list[QualifierCue]
    baselines: list[BaselineCue]
    baseline_stops: list[str]
    directions: list[DirectionCue]
    roles: list[RoleCue]
    self_reference: list[str]
    own_work: list[str]
    result_cues: list[str]
    level_verbs: list[str]
    range_words: list[str]
    determiners: list[str]
    reference_words: list[str]
    aside_openers: list[str]
    time_families: list[str]
    same_metric_after: list[str]
    baseline_subjects: list[str]
    example_openers: list[str]
    naming_heads: list[str]
    not_comparing: list[str]
    modifier_suffixes: list[str]
    generic_names: list[str]
    not_names: list[str]
    frame_verbs: list[str]
    system_intro_verbs: list[str]
    baseline_heads: list[str]
    hardware_heads: list[str]
    hardware_families: list[str]
    share_nouns: list[str]
    coordinators: list[str]
    number_words: dict[str, float]
    scale_words: dict[str, float]
    scale_suffixes: dict[str, float]


@dataclass(frozen=True)
class Rules:
    """Everything in `rules/`, validated; built once per process and passed down, never global."""

    directory: Path
    markup: tuple[MarkupRule, ...]
    tokenizer: tuple[TokenizerRule, ...]
    quantities: tuple[QuantityPattern, ...]
    units: tuple[UnitEntry, ...]
    hardware: tuple[LexiconEntry, ...]
    baselines: tuple[LexiconEntry, ...]
    metrics: tuple[MetricEntry, ...]
    cues: Cues
    expectations: tuple[ExpectationRule, ...]
    flags: tuple[FlagRule, ...]

    @property
    def unit_definitions(self) -> Path:
        return self.directory / "units.txt"

    def files(self) -> list[Path]:
        return sorted(p for p in self.directory.iterdir() if p.is_file())


# --- reading -------------------------------------------------------------------------------------


# libyaml's parser where PyYAML was built with it (about ten times faster), else PyYAML's own; both
# give the nodes their line, so the constructor below can record it
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineLoader(_BaseLoader):
    """A YAML loader that rejects duplicate keys and records each mapping's line."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
    seen: set = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise RulesError(loader.name, key_node.start_mark.line + 1, f"duplicate key {key!r}")
        seen.add(key)
    mapping = yaml.SafeLoader.construct_mapping(loader, node, deep=True)
    mapping[_LINE] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _read_yaml(path: Path) -> Any:
    try:
        with open(path, encoding="utf-8") as handle:
            loader = _LineLoader(handle)
            loader.name = str(path)
            try:
                return loader.get_single_data()
            finally:
                loader.dispose()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise RulesError(path, mark.line + 1 if mark else None, f"not valid YAML: {exc}") from exc


def _read_jsonl(path: Path) -> list[dict]:
    records = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip() or line.lstrip().startswith("//"):
                continue
            try:
                record = json.loads(line, object_pairs_hook=_no_duplicate_keys)
            except ValueError as exc:
                raise RulesError(path, number, f"not valid JSON: {exc}") from exc
            if not isinstance(record, dict):
                raise RulesError(path, number, "each line must be a JSON object")
            record[_LINE] = number
            records.append(record)
    return records


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict:
    out: dict = {}
    for key, value in pairs:
        if key in out:
            raise ValueError(f"duplicate key {key!r}")
        out[key] = value
    return out


def _strip_lines(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _strip_lines(v) for k, v in value.items() if k != _LINE}
    if isinstance(value, list):
        return [_strip_lines(v) for v in value]
    return value


def _records(path: Path, model: type[_Strict], raw: Any) -> tuple:
    return tuple(record for record, _ in _records_with_lines(path, model, raw))


def _records_with_lines(path: Path, model: type[_Strict], raw: Any) -> list[tuple[Any, int | None]]:
    """Each validated record with the line of its entry in the file."""
    if not isinstance(raw, list):
        raise RulesError(path, 1, "expected a list of records")
    out, ids = [], {}
    for item in raw:
        line = item.get(_LINE) if isinstance(item, dict) else None
        try:
            record = model.model_validate(_strip_lines(item))
        except ValidationError as exc:
            raise RulesError(path, line, _explain(exc)) from exc
        if record.id in ids:
            raise RulesError(path, line, f"duplicate id {record.id!r} (first on line {ids[record.id]})")
        ids[record.id] = line
        out.append((record, line))
    return out


def _explain(exc: ValidationError) -> str:
    parts = []
    for err in exc.errors():
        where = ".".join(str(p) for p in err["loc"])
        parts.append(f"{where}: {err['msg']}" if where else err["msg"])
    return "; ".join(parts)


def _lexicon(path: Path) -> tuple[LexiconEntry, ...]:
    """A lexicon file (hardware.yml, baselines.yml): records whose aliases belong to one entry each."""
    entries = _records_with_lines(path, LexiconEntry, _read_yaml(path))
    owner: dict[str, tuple[str, int | None]] = {}
    for entry, line in entries:
        for alias in entry.aliases:
            if alias in owner and owner[alias][0] != entry.id:
                first_id, first_line = owner[alias]
                raise RulesError(path, line, f"alias {alias!r} is in both {first_id!r} (line {first_line}) "
                                             f"and {entry.id!r}")
            owner[alias] = (entry.id, line)
    return tuple(entry for entry, _ in entries)


def _check_units(path: Path, rules: Rules, unit_lines: list[int | None]) -> None:
    """units.txt defines valid pint units, and every unit string of units.yml is known to pint;
    a bad unit names the line of its units.yml entry."""
    from pipeline.core.units import UnitRegistry

    registry = UnitRegistry.for_definitions(rules.unit_definitions)  # checks units.txt line by line
    for entry, line in zip(rules.units, unit_lines):
        try:
            registry.info(entry.unit)
        except Exception as exc:  # pint raises several unrelated types here
            raise RulesError(path, line, f"{entry.id}: unit {entry.unit!r} is not known to pint: {exc}") from exc


def _check_matcher_patterns(path: Path, raw: list[dict], patterns: tuple[QuantityPattern, ...]) -> None:
    """Let spaCy's own schema judge each token pattern, so a typo fails here and not mid-run."""
    from spacy.matcher import Matcher
    from spacy.vocab import Vocab

    matcher = Matcher(Vocab(), validate=True)
    for item, pattern in zip(raw, patterns):
        try:
            matcher.add(pattern.id, [pattern.pattern])
        except Exception as exc:  # spaCy raises MatchPatternError or ValueError
            raise RulesError(path, item.get(_LINE), f"bad token pattern: {exc}") from exc


def load_rules(directory: str | Path) -> Rules:
    """Read and validate every rules file; raise RulesError on the first problem."""
    directory = Path(directory)
    if not directory.is_dir():
        raise RulesError(directory, None, "rules directory not found")

    def path(name: str) -> Path:
        p = directory / name
        if not p.exists():
            raise RulesError(p, None, "required rules file is missing")
        return p

    quantities_raw = _read_jsonl(path("quantities.jsonl"))
    quantities = _records(path("quantities.jsonl"), QuantityPattern, quantities_raw)
    _check_matcher_patterns(path("quantities.jsonl"), quantities_raw, quantities)
    hardware = _lexicon(path("hardware.yml"))
    baselines = _lexicon(path("baselines.yml"))
    units = _records_with_lines(path("units.yml"), UnitEntry, _read_yaml(path("units.yml")))
    cues_raw = _read_yaml(path("cues.yml"))
    try:
        cues = Cues.model_validate(_strip_lines(cues_raw))
    except ValidationError as exc:
        raise RulesError(path("cues.yml"), None, _explain(exc)) from exc
    rules = Rules(
        directory=directory,
        markup=_records(path("markup.yml"), MarkupRule, _read_yaml(path("markup.yml"))),
        tokenizer=_records(path("tokenizer.yml"), TokenizerRule, _read_yaml(path("tokenizer.yml"))),
        quantities=quantities,
        units=tuple(entry for entry, _ in units),
        hardware=hardware,
        baselines=baselines,
        metrics=_records(path("metrics.yml"), MetricEntry, _read_yaml(path("metrics.yml"))),
        cues=cues,
        expectations=_records(path("expectations.yml"), ExpectationRule, _read_yaml(path("expectations.yml"))),
        flags=_records(path("flags.yml"), FlagRule, _read_yaml(path("flags.yml"))),
    )
    _check_units(path("units.yml"), rules, [line for _, line in units])
    return rules
