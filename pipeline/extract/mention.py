"""A number mention while the extract steps work on it: token indices into one Doc, and the fields
each step fills in for the steps after it. It never leaves the extract package: the extractor turns
each one into a frozen `Quantity` record."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(eq=False)  # a mention is itself: `m in group` by identity, not field by field
class Mention:
    """A number mention while the extractor works on it (token indices into the Doc)."""

    start: int
    end: int
    label: str
    rule_id: str
    low: float
    high: float
    unit: str
    fixed_direction: str | None = None
    role: str = "result"
    role_reason: str = "result phrase"
    qualifier: str | None = None
    own_qualifier: bool = False
    direction: str | None = None
    metric: str | None = None
    metric_polarity: str | None = None
    metric_family: str | None = None
    is_range: bool = False  # two numbers written as one claim ("1.46–1.91×")
    reversed_range: bool = False  # written high-to-low ("9-3×"); values are stored low ≤ high
    baseline: str | None = None
    baseline_names: tuple[str, ...] = ()  # every system its comparator names, canonical (baselines, scope)
    baseline_scope: str | None = None  # where its comparator was found (scope)
    baseline_cue: Any = None  # the comparison cue that gave its baseline (extractor)
    hardware: tuple[str, ...] = ()  # what it was measured on (scope)
    change_from: float | None = None
    # What the steps learn of a mention on the way, for the steps after them:
    written: list[float] = field(default_factory=list)  # the numbers as written, in order (mentions)
    from_to: bool = False  # the end value of a from-to change ("from 20% to 1%") (mentions)
    is_source: bool = False  # the start value of a from-to change (mentions)
    between_range: bool = False  # "between 1.4x and 2.0x": both ends with their unit, one range (mentions)
    sentence: tuple[int, int] = (0, 0)  # its sentence's plain-text offsets (extractor)
    qualifier_before: bool = False  # its qualifier is written on its left, so it may bound a list (attributes)
    carried_qualifier: bool = False  # its qualifier came from the number before it (attributes)
    # "... respectively": the metric term paired with it by position, (start, end, metrics.yml entry) (attributes)
    respective_metric: tuple[int, int, Any] | None = None
    continues: Mention | None = None  # the number whose clause it continues ("and recovery by 2.1x") (attributes)
    level: bool = False  # a level reached ("reaches 93%"), not a change (attributes)
    direction_word: str | None = None  # the word that set its direction, for the numbers that continue it (attributes)

    def set_role(self, role: str, reason: str) -> None:
        self.role, self.role_reason = role, reason
