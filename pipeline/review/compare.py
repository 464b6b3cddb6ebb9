"""Compare stage: line papers up by the named baseline they measured against.

Every claim becomes one comparison row for each named system among its comparators (the claim's
`baselines` list, restricted to its paper's named baselines; "2× over vLLM and SGLang" is a row of
the vLLM view and one of the SGLang view), except the paper's own system and variants of it ("BEAM
without batching"). Each row carries the baseline's family from rules/baselines.yml (Megatron-Core
→ Megatron-LM) so views can group versions, the claim's own hardware, and the scope that chose the
comparator, so a reader sees which comparisons stand on a paper-level frame rather than the number's
own phrase. Each row has a normalized *improvement factor*, so "51% lower energy" and "1.9×
throughput" sit on one axis:

    unit x    good direction: f = v          bad direction: f = 1 / v
    unit %    good increase:  f = 1 + v/100  good decrease: f = 1 / (1 - v/100)   (v < 100)
              bad increase:   f = 1 / (1 + v/100)            bad decrease: f = 1 - v/100
    other     no factor (a point or an absolute value says nothing relative by itself)

"Good" means the direction improves the metric family's polarity (rules/metrics.yml): latency
down, throughput up. When the family is unknown the paper's own direction is taken as the good one.
Two papers measured against the same baseline on the same metric family give an *indirect*
estimate of one against the other, f_A / f_B, with a caveat when their hardware differs.
"""
from __future__ import annotations

import math
from dataclasses import asdict, dataclass
from itertools import combinations

import pandas as pd

from pipeline.core.rules import Rules

COMPARISON_COLUMNS = [
    "baseline", "baseline_family", "baseline_scope", "paper_id", "claim_id", "system", "title", "metric",
    "metric_family", "value_low", "value_high", "unit", "direction", "qualifier", "factor_low", "factor_high",
    "hardware", "text", "sentence", "start", "end"]
VIEW_COLUMNS = ["baseline", "baseline_family", "paper_id", "system", "title", "n_claims"]
INDIRECT_COLUMNS = [
    "baseline", "metric_family", "paper_a", "system_a", "claim_a", "factor_a", "paper_b", "system_b",
    "claim_b", "factor_b", "estimate", "hardware_a", "hardware_b", "caveat"]


def improvement_factor(value: float, unit_class: str, direction: str | None, polarity: str | None) -> float | None:
    """The formula of the module docstring; None where a claim has no relative meaning."""
    if direction not in ("increase", "decrease") or not math.isfinite(value) or value <= 0:
        return None
    good = polarity is None or (direction == "increase") == (polarity == "up")
    if unit_class == "x":
        return value if good else 1 / value
    if unit_class == "%":
        if direction == "increase":
            return 1 + value / 100 if good else 1 / (1 + value / 100)
        if value >= 100:
            return None
        return 1 / (1 - value / 100) if good else 1 - value / 100
    return None


@dataclass(frozen=True, slots=True)
class Comparison:
    baseline: str
    baseline_family: str
    baseline_scope: str | None
    paper_id: str
    claim_id: str
    system: str
    title: str
    metric: str | None
    metric_family: str | None
    value_low: float
    value_high: float
    unit: str
    direction: str | None
    qualifier: str | None
    factor_low: float | None
    factor_high: float | None
    hardware: tuple[str, ...]
    text: str
    sentence: str
    start: int
    end: int


def comparisons(papers: pd.DataFrame, claims: pd.DataFrame, rules: Rules) -> list[Comparison]:
    polarity = {m.family: m.polarity for m in rules.metrics}
    families = baseline_families(rules)
    info = {r["paper_id"]: r for r in papers.to_dict("records")}
    out = []
    claims = claims.astype(object).where(claims.notna(), None)
    for c in claims.to_dict("records"):
        paper = info.get(c["paper_id"], {})
        system = paper.get("system") or ""
        named = set(_listed(paper.get("baselines")))
        compared = _listed(c.get("baselines")) or ([c["baseline"]] if c.get("baseline") else [])
        chosen = [b for b in dict.fromkeys(compared) if b in named and not own_variant(b, system)]
        if not chosen:
            continue
        family = c.get("metric_family") or None
        pol = polarity.get(family)
        lo = improvement_factor(c["value_low"], c["unit_class"], c.get("direction"), pol)
        hi = improvement_factor(c["value_high"], c["unit_class"], c.get("direction"), pol)
        if lo is not None and hi is not None and lo > hi:
            lo, hi = hi, lo
        hardware = tuple(_listed(c.get("hardware")) or _listed(paper.get("hardware")))
        for baseline in chosen:
            out.append(Comparison(
                baseline=baseline, baseline_family=families.get(baseline, baseline),
                baseline_scope=c.get("baseline_scope"), paper_id=c["paper_id"], claim_id=c["claim_id"],
                system=system, title=paper.get("title") or "", metric=c.get("metric"),
                metric_family=family, value_low=c["value_low"], value_high=c["value_high"], unit=c["unit"],
                direction=c.get("direction"), qualifier=c.get("qualifier"), factor_low=lo, factor_high=hi,
                hardware=hardware, text=c["text"], sentence=c["sentence"], start=int(c["start"]),
                end=int(c["end"])))
    out.sort(key=lambda x: (x.baseline.lower(), x.paper_id, x.claim_id))
    return out


def baseline_views(papers: pd.DataFrame, rows: list[Comparison], rules: Rules) -> pd.DataFrame:
    """The compare views: one row per (named baseline, paper) for every paper that compares against it,
    with or without a figure (a paper whose abstract names the baseline as compared but states no
    number for it is in the view with `n_claims` 0), never the paper's own system or a variant of it."""
    families = baseline_families(rules)
    counts: dict[tuple[str, str], int] = {}
    for r in rows:
        counts[(r.baseline, r.paper_id)] = counts.get((r.baseline, r.paper_id), 0) + 1
    out = []
    for p in papers.astype(object).where(papers.notna(), None).to_dict("records"):
        system = p.get("system") or ""
        named = dict.fromkeys(_listed(p.get("baselines")) + [b for b, pid in counts if pid == p["paper_id"]])
        for baseline in named:
            if not own_variant(baseline, system):
                out.append({"baseline": baseline, "baseline_family": families.get(baseline, baseline),
                            "paper_id": p["paper_id"], "system": system, "title": p.get("title") or "",
                            "n_claims": counts.get((baseline, p["paper_id"]), 0)})
    out.sort(key=lambda v: (v["baseline"].lower(), v["paper_id"]))
    return pd.DataFrame(out, columns=VIEW_COLUMNS)


def baseline_families(rules: Rules) -> dict[str, str]:
    """canonical name → the canonical name of its family's head (itself when it has none), following
    `family` links of rules/baselines.yml to the top."""
    by_id = {e.id: e for e in rules.baselines}
    out = {}
    for entry in rules.baselines:
        head, seen = entry, {entry.id}
        while head.family and head.family in by_id and head.family not in seen:
            seen.add(head.family)
            head = by_id[head.family]
        out[entry.canonical] = head.canonical
    return out


def own_variant(baseline: str, system: str) -> bool:
    """Whether a comparator is the paper's own system or a variant of it ("BEAM", "BEAM-static",
    "BEAM without batching", "our system without caching")."""
    words = baseline.lower().split()
    if "our" in words or "ours" in words:
        return True
    if not system:
        return False
    b, s = baseline.lower(), system.lower()
    return b == s or b.startswith((s + "-", s + " ", s + "(", s + "_"))


def _listed(value) -> list[str]:
    if value is None or isinstance(value, float):
        return []
    if isinstance(value, str):
        return [value] if value else []
    return [str(v) for v in value]


def indirect(rows: list[Comparison]) -> list[dict]:
    """Pairs of papers through a shared baseline and metric family, each by its headline claim."""
    best: dict[tuple, Comparison] = {}
    for r in rows:
        if r.factor_high is None or not r.metric_family:
            continue
        key = (r.baseline, r.metric_family, r.paper_id)
        if key not in best or r.factor_high > best[key].factor_high:
            best[key] = r
    by_group: dict[tuple, list[Comparison]] = {}
    for (baseline, family, _), r in sorted(best.items()):
        by_group.setdefault((baseline, family), []).append(r)
    out = []
    for (baseline, family), members in sorted(by_group.items()):
        for a, b in combinations(members, 2):
            fa, fb = _mid(a), _mid(b)
            same_hw = bool(a.hardware) and set(a.hardware) == set(b.hardware)
            caveat = "" if same_hw else (
                f"hardware differs ({', '.join(a.hardware) or 'unstated'} vs {', '.join(b.hardware) or 'unstated'})")
            out.append({
                "baseline": baseline, "metric_family": family,
                "paper_a": a.paper_id, "system_a": a.system, "claim_a": a.claim_id, "factor_a": fa,
                "paper_b": b.paper_id, "system_b": b.system, "claim_b": b.claim_id, "factor_b": fb,
                "estimate": fa / fb, "hardware_a": list(a.hardware), "hardware_b": list(b.hardware),
                "caveat": caveat})
    return out


def _mid(r: Comparison) -> float:
    """One number for a claimed range: the geometric midpoint of its factors."""
    return math.sqrt(r.factor_low * r.factor_high)


def comparison_frame(rows: list[Comparison]) -> pd.DataFrame:
    records = [{**asdict(r), "hardware": list(r.hardware)} for r in rows]
    return pd.DataFrame(records, columns=COMPARISON_COLUMNS)


def indirect_frame(rows: list[dict]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=INDIRECT_COLUMNS)


def run_compare(directory, rules: Rules, *, out=None) -> tuple[int, int]:
    """Read DIR's papers and claims, write comparisons.parquet, indirect.parquet and views.parquet (+ CSV)."""
    from pipeline.core.tables import tables_dir, write_table

    directory = tables_dir(directory)
    papers = pd.read_parquet(directory / "papers.parquet")
    claims = pd.read_parquet(directory / "claims.parquet")
    rows = comparisons(papers, claims, rules)
    pairs = indirect(rows)
    write_table(comparison_frame(rows), out or directory, "comparisons")
    write_table(indirect_frame(pairs), out or directory, "indirect")
    write_table(baseline_views(papers, rows, rules), out or directory, "views")
    return len(rows), len(pairs)
