"""Typed records at stage boundaries, and the one function that turns records into a table.

spaCy objects never leave the extract stage: it hands these frozen records on. Each table has a
declared column list, so a column never appears or vanishes by accident.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, fields
from operator import attrgetter

import pandas as pd

from pipeline.core.vocab import BASELINE_SCOPES, CLAIM_TYPES, DIRECTIONS, ENTITY_KINDS, QUALIFIERS, ROLES


@dataclass(frozen=True, slots=True)
class Paper:
    paper_id: str
    title: str
    authors: tuple[str, ...]
    abstract: str
    source: str  # file the paper was read from
    source_line: int  # 1-based line (or record) number in that file
    status: str = "ok"  # ok | no_abstract | no_claims
    hardware: tuple[str, ...] = ()
    hardware_counts: tuple[str, ...] = ()  # "512×H200" where a count is stated
    baselines: tuple[str, ...] = ()
    system: str = ""
    n_claims: int = 0

    def __post_init__(self):
        if not self.paper_id:
            raise ValueError("paper_id must not be empty")


@dataclass(frozen=True, slots=True)
class Quantity:
    """Every number mention of an abstract, whether or not it is a claim."""

    quantity_id: str
    paper_id: str
    text: str  # the original abstract's characters, as written
    start: int  # offsets into the original abstract
    end: int
    sentence: str
    sentence_start: int
    value_low: float
    value_high: float
    unit: str  # as proposed by extract: x, %, pp, a pint unit string, or "" (bare number)
    claim_type: str
    role: str
    role_reason: str
    direction: str | None
    qualifier: str | None
    metric: str | None
    metric_family: str | None
    baseline: str | None
    is_range: bool
    reversed_range: bool
    rule_id: str
    baselines: tuple[str, ...] = ()  # every comparator, `baseline` (the primary one) first
    hardware: tuple[str, ...] = ()  # what this number was measured on (canonical names)
    baseline_scope: str | None = None  # the scope that chose the comparator (vocab.BASELINE_SCOPES)

    def __post_init__(self):
        if self.claim_type not in CLAIM_TYPES:
            raise ValueError(f"claim_type {self.claim_type!r} not in {CLAIM_TYPES}")
        if self.role not in ROLES:
            raise ValueError(f"role {self.role!r} not in {ROLES}")
        if self.direction not in DIRECTIONS + (None,):
            raise ValueError(f"direction {self.direction!r}")
        if self.qualifier not in QUALIFIERS + (None,):
            raise ValueError(f"qualifier {self.qualifier!r}")
        if self.baseline_scope not in BASELINE_SCOPES + (None,):
            raise ValueError(f"baseline_scope {self.baseline_scope!r}")
        if not (math.isfinite(self.value_low) and math.isfinite(self.value_high)):
            raise ValueError("values must be finite")
        if self.value_low > self.value_high:
            raise ValueError("value_low > value_high")
        if not 0 <= self.start <= self.end:
            raise ValueError("bad offsets")


@dataclass(frozen=True, slots=True)
class Claim:
    """A result claim after unit normalization: what the claims table holds."""

    claim_id: str
    paper_id: str
    text: str
    start: int
    end: int
    sentence: str
    sentence_start: int
    value_low: float
    value_high: float
    unit: str
    unit_class: str  # x | % | pp | other
    base_value_low: float | None
    base_value_high: float | None
    base_unit: str | None
    claim_type: str
    direction: str | None
    qualifier: str | None
    metric: str | None
    metric_family: str | None
    baseline: str | None
    baseline_named: bool
    is_range: bool
    reversed_range: bool
    rule_id: str
    baselines: tuple[str, ...] = ()
    hardware: tuple[str, ...] = ()
    baseline_scope: str | None = None


@dataclass(frozen=True, slots=True)
class Entity:
    """A mention of a system (method, library, framework) or of hardware: what the comparisons stand on."""

    paper_id: str
    start: int  # offsets into the original abstract: abstract[start:end] == text
    end: int
    text: str
    kind: str  # system | hardware
    canonical: str  # the lexicon's name, or the name as written when the lexicon does not know it
    known: bool  # in rules/baselines.yml or rules/hardware.yml
    rule_id: str  # the lexicon entry, or the shape rule that found it

    def __post_init__(self):
        if self.kind not in ENTITY_KINDS:
            raise ValueError(f"kind {self.kind!r} not in {ENTITY_KINDS}")
        if not 0 <= self.start < self.end:
            raise ValueError("bad offsets")


PAPER_COLUMNS = [f.name for f in fields(Paper)]
QUANTITY_COLUMNS = [f.name for f in fields(Quantity)]
CLAIM_COLUMNS = [f.name for f in fields(Claim)]
ENTITY_COLUMNS = [f.name for f in fields(Entity)]


def to_rows(records, columns: list[str]) -> list[tuple]:
    """Records as plain row tuples in `columns` order; tuples become lists (Parquet list columns).

    Fields are read by name (no `asdict`, which deep-copies every record: a streaming run turns every
    chunk's rows into a frame, and this is 4-5 times faster)."""
    get = attrgetter(*columns)
    values = get if len(columns) > 1 else (lambda record: (get(record),))
    return [tuple(list(v) if isinstance(v, tuple) else v for v in values(record)) for record in records]


def to_frame(records, columns: list[str]) -> pd.DataFrame:
    """Records to a DataFrame with exactly `columns`; tuples become lists (Parquet list columns)."""
    return pd.DataFrame(to_rows(records, columns), columns=columns)
