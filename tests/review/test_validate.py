"""Planted defects: one per contract expectation and per reviewer flag, built from real rows of the
bundled corpus; each must be caught and named by its row, and no clean row may be named."""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from pipeline.core.config import ValidateParams
from pipeline.core.records import CLAIM_COLUMNS, ENTITY_COLUMNS, PAPER_COLUMNS, to_frame
from pipeline.core.rules import load_rules
from pipeline.review.contract import ContractChecker, contract_tables
from pipeline.review.flags import FlagChecker
from pipeline.run.chain import run_all


@pytest.fixture(scope="module")
def rules():
    return load_rules("rules")


@pytest.fixture(scope="module")
def tables(rules):
    output = run_all(["data/poster_session_2.txt"], rules)
    return (to_frame(output.papers, PAPER_COLUMNS), to_frame(output.claims, CLAIM_COLUMNS),
            to_frame(output.entities, ENTITY_COLUMNS))


@pytest.fixture(scope="module")
def checker(rules):
    return ContractChecker(rules)


def _claim(claims, contains):
    rows = claims.index[claims["text"].str.contains(contains, regex=False)]
    assert len(rows), contains
    return rows[0]


# --- contract ---------------------------------------------------------------------------------------

def _plant_claims(column, value):
    def plant(papers, claims):
        i = 7
        if column in ("value_low", "value_high") and isinstance(value, str):
            claims[column] = claims[column].astype(object)
        claims.loc[i, column] = value
        return papers, claims, {claims.loc[i, "claim_id"]}
    return plant


def _plant_paper(column, value):
    def plant(papers, claims):
        i = papers.index[papers["n_claims"] == 0][0]  # no claim of it depends on its id
        if column == "n_claims":
            papers[column] = papers[column].astype(object)
        key = papers.loc[i, "paper_id"]
        papers.loc[i, column] = value
        return papers, claims, {None if column == "paper_id" else key}
    return plant


def _duplicate_claim_id(papers, claims):
    claims.loc[9, "claim_id"] = claims.loc[8, "claim_id"]
    return papers, claims, {claims.loc[8, "claim_id"]}


def _duplicate_paper_id(papers, claims):
    papers = pd.concat([papers, papers.iloc[[4]]], ignore_index=True)
    return papers, claims, {papers.loc[4, "paper_id"]}


def _swap_low_high(papers, claims):
    i = _claim(claims, "1.46")
    claims.loc[i, ["value_low", "value_high"]] = [3.0, 1.0]
    return papers, claims, {claims.loc[i, "claim_id"]}


def _shift_offsets(papers, claims):
    claims.loc[11, "start"] = claims.loc[11, "start"] + 1
    return papers, claims, {claims.loc[11, "claim_id"]}


def _big_reduction(papers, claims):
    i = _claim(claims, "51")
    claims.loc[i, "value_high"] = 151.0
    return papers, claims, {claims.loc[i, "claim_id"]}


def _unknown_hardware(papers, claims):
    i = papers.index[papers["hardware"].map(len) > 0][0]
    papers.at[i, "hardware"] = list(papers.loc[i, "hardware"]) + ["H1000"]
    return papers, claims, {papers.loc[i, "paper_id"]}


def _unknown_paper(papers, claims):
    claims.loc[2, "paper_id"] = "no-such-paper"
    return papers, claims, {claims.loc[2, "claim_id"]}


def _drop(table, column):
    def plant(papers, claims):
        if table == "papers":
            papers = papers.drop(columns=[column])
        else:
            claims = claims.drop(columns=[column])
        return papers, claims, {None}
    return plant


def _on_entities(change):
    """A defect planted in the entities table: `change(entities)` returns the row index it spoiled."""
    def plant(papers, claims, entities):
        i = change(entities)
        return papers, claims, entities, {f"{entities.loc[i, 'paper_id']}@{entities.loc[i, 'start']}"}
    return plant


def _entity_offsets(entities):
    entities.loc[3, "end"] = entities.loc[3, "end"] + 1
    return 3


def _entity_kind(entities):
    entities.loc[2, "kind"] = "person"
    return 2


def _entity_paper(entities):
    entities.loc[1, "paper_id"] = "no-such-paper"
    return 1


def _entity_canonical(entities):
    entities["canonical"] = entities["canonical"].astype(object)
    entities.loc[4, "canonical"] = None
    return 4


def _entity_span(entities):
    entities.loc[5, "end"] = entities.loc[5, "start"]
    entities.loc[5, "text"] = ""
    return 5


def _entity_columns(papers, claims, entities):
    return papers, claims, entities.drop(columns=["known"]), {None}


def _tables_only(plant):
    """A defect planted in papers or claims; the entities of a paper the plant renamed go with it."""
    def planted(papers, claims, entities):
        papers, claims, rows = plant(papers, claims)
        return papers, claims, entities[entities["paper_id"].isin(papers["paper_id"])], rows
    return planted


CONTRACT_CASES = [
    ("papers-columns", _drop("papers", "status")),
    ("papers-id-unique", _duplicate_paper_id),
    ("papers-id-present", _plant_paper("paper_id", None)),  # the key itself is gone: named as None
    ("papers-status", _plant_paper("status", "lost")),
    ("papers-n-claims", _plant_paper("n_claims", -1)),
    ("claims-columns", _drop("claims", "rule_id")),
    ("claims-id-unique", _duplicate_claim_id),
    ("claims-paper-known", _unknown_paper),
    ("claims-low-type", _plant_claims("value_low", "1.5")),
    ("claims-high-type", _plant_claims("value_high", "2")),
    ("claims-low-present", _plant_claims("value_low", np.nan)),
    ("claims-high-present", _plant_claims("value_high", np.nan)),
    ("claims-low-finite", _plant_claims("value_low", -np.inf)),
    ("claims-high-finite", _plant_claims("value_high", np.inf)),
    ("claims-low-le-high", _swap_low_high),
    ("claims-unit-class", _plant_claims("unit_class", "furlongs")),
    ("claims-type", _plant_claims("claim_type", "vibe")),
    ("claims-direction", _plant_claims("direction", "sideways")),
    ("claims-qualifier", _plant_claims("qualifier", "maybe")),
    ("claims-offsets", _shift_offsets),
    ("claims-percent-decrease", _big_reduction),
    ("hardware-known", _unknown_hardware),
    ("claims-scope", _plant_claims("baseline_scope", "somewhere")),
]
CONTRACT_CASES = [(rule, _tables_only(plant)) for rule, plant in CONTRACT_CASES] + [
    ("entities-columns", _entity_columns),
    ("entities-kind", _on_entities(_entity_kind)),
    ("entities-offsets", _on_entities(_entity_offsets)),
    ("entities-paper-known", _on_entities(_entity_paper)),
    ("entities-canonical", _on_entities(_entity_canonical)),
    ("entities-span", _on_entities(_entity_span)),
]


def test_when_tables_are_clean_then_no_contract_failure(tables, checker):
    result = checker.check(contract_tables(*tables))
    assert result.failures == ()
    assert result.evaluated == len(CONTRACT_CASES)


def test_every_expectation_has_a_planted_defect(rules):
    assert {r.id for r in rules.expectations} == {case[0] for case in CONTRACT_CASES}


@pytest.mark.parametrize("expectation_id,plant", CONTRACT_CASES, ids=[c[0] for c in CONTRACT_CASES])
def test_when_a_defect_is_planted_then_its_row_is_named(tables, checker, expectation_id, plant):
    papers, claims, entities, planted = plant(*(table.copy() for table in tables))
    result = checker.check(contract_tables(papers, claims, entities))
    named = {f.row_key for f in result.failures if f.expectation_id == expectation_id}
    assert named == planted
    other_rows = {f.row_key for f in result.failures if f.row_key is not None} - planted
    assert not other_rows, "a clean row was named"


# --- reviewer flags ---------------------------------------------------------------------------------

def _upto_below_average(claims):
    i = _claim(claims, "3.17")  # "up to 9.17× and 3.17× on average the throughput"
    j = _claim(claims, "9.17")
    claims.loc[j, "value_low"] = claims.loc[j, "value_high"] = 2.0
    return {claims.loc[j, "claim_id"]} if claims.loc[i, "qualifier"] == "average" else set()


def _reduction_over_100(claims):
    i = _claim(claims, "92.45")
    claims.loc[i, ["value_low", "value_high"]] = 120.0
    return {claims.loc[i, "claim_id"]}


def _slowdown(claims):
    i = _claim(claims, "2.35 times")
    claims.loc[i, ["value_low", "value_high"]] = 0.8
    return {claims.loc[i, "claim_id"]}


def _no_baseline(claims):
    i = _claim(claims, "9.78")
    claims.loc[i, "baseline"] = None
    return {claims.loc[i, "claim_id"]}


def _disagree(claims):
    i = _claim(claims, "84.15")
    claims.loc[i, ["value_low", "value_high"]] = 60.0
    return {claims.loc[i, "claim_id"]}


def _repeated(claims):
    i, j = _claim(claims, "2.2–3.9"), _claim(claims, "92.45")
    claims.loc[i, ["value_low", "value_high", "unit", "unit_class", "is_range"]] = [92.45, 92.45, "%", "%", False]
    assert claims.loc[i, "metric"] != claims.loc[j, "metric"]
    return {claims.loc[i, "claim_id"]}


def _equal_ends(claims):
    i = _claim(claims, "1.36-1.77")
    claims.loc[i, "value_low"] = 1.77
    return {claims.loc[i, "claim_id"]}


def _reversed(claims):
    i = _claim(claims, "10-20x")
    claims.loc[i, "reversed_range"] = True
    return {claims.loc[i, "claim_id"]}


def _implausible(claims):
    i = _claim(claims, "4.5x")
    claims.loc[i, ["value_low", "value_high"]] = 4500.0
    return {claims.loc[i, "claim_id"]}


FLAG_CASES = [
    ("upto-below-average", _upto_below_average),
    ("reduction-over-100", _reduction_over_100),
    ("slowdown-as-speedup", _slowdown),
    ("ratio-without-baseline", _no_baseline),
    ("percent-ratio-disagree", _disagree),
    ("repeated-value-other-metric", _repeated),
    ("range-equal-ends", _equal_ends),
    ("range-reversed", _reversed),
    ("implausible-magnitude", _implausible),
]


def _flags(rules, claims):
    return {(f.check_id, f.claim_id) for f in FlagChecker(rules, ValidateParams()).run(claims)}


def test_every_flag_has_a_planted_defect(rules):
    assert {f.id for f in rules.flags} == {case[0] for case in FLAG_CASES}


@pytest.mark.parametrize("flag_id,plant", FLAG_CASES, ids=[c[0] for c in FLAG_CASES])
def test_when_a_flag_defect_is_planted_then_only_its_claim_is_flagged(rules, tables, flag_id, plant):
    claims = tables[1].copy()
    before = _flags(rules, claims)
    planted = plant(claims)
    assert planted
    after = _flags(rules, claims)
    assert after - before == {(flag_id, cid) for cid in planted}
    assert {cid for _, cid in before - after} <= planted, "an unrelated flag changed"


def test_when_percent_and_ratio_agree_then_no_flag(rules, tables):
    """'6.31x smaller (84.15% fewer bytes)': 1 - 1/6.31 = 84.15%."""
    flags = _flags(rules, tables[1])
    i = _claim(tables[1], "84.15")
    assert ("percent-ratio-disagree", tables[1].loc[i, "claim_id"]) not in flags
    assert not math.isnan(tables[1].loc[i, "value_high"])
