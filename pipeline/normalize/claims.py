"""Normalize stage: result quantities become claims, with pint-checked units and base values.

Only quantities whose role is `result` become claims; the rest stay in the quantities table so a
reviewer still sees them. Baseline names were canonicalized by extract, and each paper's named
`baselines` set there; here each paper gets its `n_claims` and `status`, each claim `baseline_named`.
A claim whose numbers are not all finite is rejected (no table holds inf or NaN).
"""
from __future__ import annotations

import math
from dataclasses import replace

from pipeline.core.errors import Problems
from pipeline.core.records import Claim, Paper, Quantity
from pipeline.core.units import UnitRegistry
from pipeline.core.vocab import UNIT_CLASSES

UNIT_CLASS = {unit: unit for unit in UNIT_CLASSES if unit != "other"}  # any pint unit: "other"


def normalize_papers(papers: list[Paper], quantities: list[Quantity], registry: UnitRegistry,
                     problems: Problems | None = None) -> tuple[list[Paper], list[Claim]]:
    """The normalize stage: the papers with their claim counts and status, and their claims."""
    problems = Problems(strict=True) if problems is None else problems
    claims = _finite(to_claims(quantities, registry), {p.paper_id: p for p in papers}, problems)
    return finish_papers(papers, claims), mark_named(claims, papers)


def to_claims(quantities: list[Quantity], registry: UnitRegistry) -> list[Claim]:
    claims: list[Claim] = []
    counters: dict[str, int] = {}
    for q in quantities:
        if q.role != "result":
            continue
        counters[q.paper_id] = counters.get(q.paper_id, 0) + 1
        unit_class = UNIT_CLASS.get(q.unit, "other")
        unit, base_low, base_high, base_unit = q.unit, None, None, None
        if unit_class == "other" and q.unit:
            info = registry.info(q.unit)
            unit, base_unit = info.canonical, info.base_unit
            base_low, base_high = q.value_low * info.factor, q.value_high * info.factor
        claims.append(Claim(
            claim_id=f"{q.paper_id}#c{counters[q.paper_id]}", paper_id=q.paper_id, text=q.text,
            start=q.start, end=q.end, sentence=q.sentence, sentence_start=q.sentence_start,
            value_low=q.value_low, value_high=q.value_high, unit=unit, unit_class=unit_class,
            base_value_low=base_low, base_value_high=base_high, base_unit=base_unit,
            claim_type=q.claim_type, direction=q.direction, qualifier=q.qualifier, metric=q.metric,
            metric_family=q.metric_family, baseline=q.baseline, baseline_named=False,
            is_range=q.is_range, reversed_range=q.reversed_range, rule_id=q.rule_id,
            baselines=q.baselines, hardware=q.hardware, baseline_scope=q.baseline_scope,
        ))
    return claims


def finish_papers(papers: list[Paper], claims: list[Claim]) -> list[Paper]:
    """Fill n_claims and status."""
    per_paper: dict[str, int] = {}
    for c in claims:
        per_paper[c.paper_id] = per_paper.get(c.paper_id, 0) + 1
    out = []
    for p in papers:
        n = per_paper.get(p.paper_id, 0)
        status = p.status if p.status != "ok" else ("ok" if n else "no_claims")
        out.append(replace(p, n_claims=n, status=status))
    return out


def mark_named(claims: list[Claim], papers: list[Paper]) -> list[Claim]:
    """`baseline_named`: whether a claim's baseline is one of its paper's named baselines."""
    named = {p.paper_id: p.baselines for p in papers}
    return [replace(c, baseline_named=c.baseline in named.get(c.paper_id, ())) for c in claims]


def _finite(claims: list[Claim], papers: dict[str, Paper], problems: Problems) -> list[Claim]:
    """Claims whose numbers are all finite; any other is rejected."""
    out = []
    for c in claims:
        numbers = (c.value_low, c.value_high, c.base_value_low, c.base_value_high)
        if all(v is None or math.isfinite(v) for v in numbers):
            out.append(c)
            continue
        paper = papers.get(c.paper_id)
        problems.reject(paper.source if paper else "?", paper.source_line if paper else None, "normalize",
                        f"claim {c.claim_id!r} ({c.text!r}): a value is not a finite number", paper_id=c.paper_id,
                        excerpt=c.sentence)
    return out
