"""Improvement factors and baseline views: the formula of pipeline/review/compare.py, row by row."""
from __future__ import annotations

import math

import pytest

from pipeline.core.records import CLAIM_COLUMNS, PAPER_COLUMNS, to_frame
from pipeline.review.compare import comparisons, improvement_factor, indirect
from pipeline.run.chain import run_all

FACTORS = [
    # value, unit class, direction, metric polarity, expected factor
    (1.9, "x", "increase", "up", 1.9),          # "1.9× higher throughput"
    (5.0, "x", "decrease", "down", 5.0),        # "5× lower tail TTFT"
    (2.0, "x", "increase", "down", 0.5),        # latency 2× higher: a regression
    (51.0, "%", "decrease", "down", 1 / 0.49),  # "reduces energy by up to 51%" ≈ 2.04×
    (21.0, "%", "increase", "up", 1.21),        # "21% higher throughput"
    (20.0, "%", "increase", "down", 1 / 1.2),   # cost up 20%: a regression
    (10.0, "%", "decrease", "up", 0.9),         # accuracy down 10%: a regression
    (3.0, "x", "increase", None, 3.0),          # unknown metric: the paper's own direction is the good one
]


@pytest.mark.parametrize("value, unit_class, direction, polarity, expected", FACTORS)
def test_when_a_claim_is_normalized_then_its_factor_follows_the_formula(value, unit_class, direction, polarity,
                                                                       expected):
    assert improvement_factor(value, unit_class, direction, polarity) == pytest.approx(expected)


@pytest.mark.parametrize("value, unit_class, direction", [
    (7.5, "pp", "increase"),      # points need the base value
    (400.0, "other", None),       # an absolute result compares nothing
    (100.0, "%", "decrease"),     # a 100% reduction has no finite factor
    (2.0, "x", None),
])
def test_when_a_claim_has_no_relative_meaning_then_no_factor(value, unit_class, direction):
    assert improvement_factor(value, unit_class, direction, "up") is None


@pytest.fixture(scope="module")
def bundled(rules):
    papers, claims, _ = run_all(["data/poster_session_2.txt"], rules)
    return comparisons(to_frame(papers, PAPER_COLUMNS), to_frame(claims, CLAIM_COLUMNS), rules)


def test_when_papers_compare_against_vllm_then_beam_energy_is_lined_up(bundled):
    rows = [r for r in bundled if r.baseline == "vLLM"]
    beam = next(r for r in rows if r.system == "BEAM")
    assert beam.metric_family == "energy" and beam.value_high == 51
    assert beam.factor_high == pytest.approx(1 / 0.49)


def test_when_papers_compare_against_megatron_then_distca_is_lined_up(bundled):
    row = next(r for r in bundled if r.baseline == "Megatron-LM")
    assert (row.system, row.value_high, row.factor_high, row.qualifier) == ("DistCA", 1.9, 1.9, "up_to")


def test_when_two_papers_share_a_baseline_then_an_indirect_estimate_carries_both(bundled):
    a = next(r for r in bundled if r.baseline == "vLLM")
    b = type(a)(**{**{f: getattr(a, f) for f in a.__slots__}, "paper_id": "other", "claim_id": "other#c1",
                   "system": "Other", "factor_low": 1.5, "factor_high": 1.5, "hardware": ("A100",)})
    (pair,) = indirect([a, b])
    assert pair["claim_a"] == a.claim_id and pair["claim_b"] == "other#c1"
    assert pair["estimate"] == pytest.approx(a.factor_high / 1.5)
    assert "hardware differs" in pair["caveat"]
    assert math.isfinite(pair["estimate"])
