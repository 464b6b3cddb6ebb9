"""Normalize stage: result quantities become claims, with pint-checked units and base values.

Only quantities whose role is `result` become claims; the rest stay in the quantities table so a
reviewer still sees them. Baseline names were canonicalized by extract; here each paper gets its
final `baselines`, `n_claims` and `status`.
"""
from __future__ import annotations

from dataclasses import replace

from .records import Claim, Paper, Quantity
from .units import UnitRegistry

UNIT_CLASS = {"x": "x", "%": "%", "pp": "pp"}


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
        ))
    return claims


def finish_papers(papers: list[Paper], claims: list[Claim], named: dict[str, tuple[str, ...]]) -> list[Paper]:
    """Fill n_claims, baselines and status; mark which claim baselines are named systems."""
    per_paper: dict[str, int] = {}
    for c in claims:
        per_paper[c.paper_id] = per_paper.get(c.paper_id, 0) + 1
    out = []
    for p in papers:
        n = per_paper.get(p.paper_id, 0)
        status = p.status if p.status != "ok" else ("ok" if n else "no_claims")
        out.append(replace(p, n_claims=n, baselines=named.get(p.paper_id, ()), status=status))
    return out


def mark_named(claims: list[Claim], named: dict[str, tuple[str, ...]]) -> list[Claim]:
    return [replace(c, baseline_named=c.baseline in named.get(c.paper_id, ())) for c in claims]
