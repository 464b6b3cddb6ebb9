"""Reviewer sanity flags: questions a careful reviewer would ask of a paper's claims.

Each flag of rules/flags.yml is one `check_<id>` method here (the constructor fails when the two
lists differ). A check yields (claim row, fields for the message); the row it names is the claim
that raises the question.
"""
from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass

import pandas as pd

from pipeline.core.config import ValidateParams
from pipeline.core.errors import RulesError
from pipeline.core.rules import Rules

FLAG_COLUMNS = ["check_id", "severity", "paper_id", "claim_id", "message"]
AVERAGE_KINDS = ("average", "geomean", "median")


@dataclass(frozen=True, slots=True)
class Flag:
    check_id: str
    severity: str
    paper_id: str
    claim_id: str
    message: str


class FlagChecker:
    def __init__(self, rules: Rules, params: ValidateParams):
        self.params = params
        self.rules = {f.id: f for f in rules.flags}
        methods = {name[len("check_"):].replace("_", "-") for name in dir(self) if name.startswith("check_")}
        if methods != set(self.rules):
            raise RulesError(rules.directory / "flags.yml", None,
                             f"flags without a check: {sorted(set(self.rules) - methods)}; "
                             f"checks without a flag: {sorted(methods - set(self.rules))}")

    def run(self, claims: pd.DataFrame) -> list[Flag]:
        claims = claims.copy()
        for column in ("value_low", "value_high", "start", "end"):  # a broken value fails the contract, not here
            claims[column] = pd.to_numeric(claims[column], errors="coerce")
        records = claims.to_dict("records")
        flags = []
        for flag_id, rule in self.rules.items():
            check = getattr(self, "check_" + flag_id.replace("-", "_"))
            for row, fields in check(records):
                flags.append(Flag(flag_id, rule.severity, row["paper_id"], row["claim_id"],
                                  rule.message.format(**fields)))
        flags.sort(key=lambda f: (f.paper_id, f.claim_id, f.check_id))
        return flags

    # --- checks: one per flag of rules/flags.yml ----------------------------------------------------

    def check_upto_below_average(self, claims) -> Iterator[tuple[dict, dict]]:
        groups: dict[tuple, list[dict]] = {}
        for c in claims:
            family = _blank_to_none(c.get("metric"))  # the same metric as written, not just its family
            if family:
                family = family.lower()
                key = (c["paper_id"], family, c["unit_class"], c.get("direction"))
                groups.setdefault(key, []).append(c)
        for (_, family, _, _), members in groups.items():
            averages = [m for m in members if m.get("qualifier") in AVERAGE_KINDS]
            for up in (m for m in members if m.get("qualifier") == "up_to"):
                above = [a for a in averages if a["value_high"] > up["value_high"]]
                if above:
                    a = max(above, key=lambda x: x["value_high"])
                    yield up, {"upto": _num(up["value_high"]), "avg": _num(a["value_high"]),
                               "avg_kind": a["qualifier"], "family": family}

    def check_reduction_over_100(self, claims):
        for c in claims:
            if c["unit_class"] == "%" and c.get("direction") == "decrease" and c["value_high"] > 100:
                yield c, {"value": _num(c["value_high"])}

    def check_slowdown_as_speedup(self, claims):
        for c in claims:
            if c["unit_class"] == "x" and c.get("direction") == "increase" and c["value_low"] < 1:
                yield c, {"value": _num(c["value_low"])}

    def check_ratio_without_baseline(self, claims):
        for c in claims:
            if c["unit_class"] == "x" and _blank_to_none(c.get("baseline")) is None:
                yield c, {"value": _value(c)}

    def check_percent_ratio_disagree(self, claims):
        by_sentence = _by_sentence(claims)
        for members in by_sentence.values():
            for r in (m for m in members if m["unit_class"] == "x" and not m.get("is_range")):
                for p in members:
                    gap = p["start"] - r["end"]
                    if p["unit_class"] != "%" or p.get("is_range") or not 0 <= gap <= self.params.pair_window_chars:
                        continue
                    if p.get("direction") is None or r["value_high"] <= 0:
                        continue
                    factor = r["value_high"]
                    implied = (1 - 1 / factor) * 100 if p.get("direction") == "decrease" else (factor - 1) * 100
                    if abs(implied - p["value_high"]) > self.params.agreement_tolerance_pp:
                        yield p, {"ratio": _num(factor), "percent": _num(p["value_high"]), "implied": _num(implied)}

    def check_repeated_value_other_metric(self, claims):
        for members in _by_sentence(claims).values():
            seen: dict[tuple, dict] = {}
            for c in members:
                key = (c["value_low"], c["value_high"], c["unit"])
                first = seen.setdefault(key, c)
                metric, first_metric = _blank_to_none(c.get("metric")), _blank_to_none(first.get("metric"))
                if first is not c and metric and first_metric and metric.lower() != first_metric.lower():
                    yield c, {"value": _num(c["value_high"]), "unit": c["unit"]}

    def check_range_equal_ends(self, claims):
        for c in claims:
            if c.get("is_range") and c["value_low"] == c["value_high"]:
                yield c, {"value": _num(c["value_low"])}

    def check_range_reversed(self, claims):
        for c in claims:
            if c.get("reversed_range"):
                yield c, {"text": c["text"]}

    def check_implausible_magnitude(self, claims):
        p = self.params
        for c in claims:
            limit = {"x": p.max_ratio, "pp": p.max_points}.get(c["unit_class"])
            if c["unit_class"] == "%" and c.get("direction") == "increase":
                limit = p.max_percent_increase
            if limit is not None and abs(c["value_high"]) > limit:
                yield c, {"value": _num(c["value_high"]), "unit": c["unit"], "limit": _num(limit)}


def _by_sentence(claims) -> dict[tuple, list[dict]]:
    out: dict[tuple, list[dict]] = {}
    for c in claims:
        out.setdefault((c["paper_id"], c.get("sentence_start")), []).append(c)
    for members in out.values():
        members.sort(key=lambda c: c["start"])
    return out


def _blank_to_none(value):
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    text = str(value).strip()
    return text or None


def _num(value: float) -> str:
    return f"{value:g}"


def _value(claim: dict) -> str:
    low, high = claim["value_low"], claim["value_high"]
    return _num(low) if low == high else f"{_num(low)}–{_num(high)}"
