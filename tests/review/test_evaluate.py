"""`claims evaluate`: the figures follow the guideline's matching, and the errors file names every miss,
every spurious claim with the rule that proposed it, and every wrong field, so the next rule change
starts from evidence. Built from the real extraction of the bundled corpus and its real gold file."""
from __future__ import annotations

import json

import pandas as pd
import pytest

from pipeline.core.records import CLAIM_COLUMNS, PAPER_COLUMNS, to_frame
from pipeline.review.evaluate import Scorer
from pipeline.run.chain import run_all

SCORER = Scorer()


@pytest.fixture(scope="module")
def bundled(repo, rules, units):
    papers, claims, _ = run_all([str(repo / "data" / "poster_session_2.txt")], rules)
    gold = [json.loads(line) for line in (repo / "data" / "dev_gold.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip()]
    return to_frame(papers, PAPER_COLUMNS), to_frame(claims, CLAIM_COLUMNS), gold


def _score(units, gold, papers, claims):
    return SCORER.score(gold, papers, claims)


def test_when_gold_claims_are_the_prediction_then_every_figure_is_perfect(bundled, units):
    papers, _, gold = bundled
    rows = []
    for g in gold:
        pid = papers.loc[papers["title"].str.lower().str.strip() == g["paper"].lower().strip(), "paper_id"]
        if len(pid):
            rows += [{"paper_id": pid.iloc[0], "value_low": c["low"], "value_high": c["high"], "unit": c["unit"],
                      "direction": c["direction"], "qualifier": c["qualifier"], "baseline": c["baseline"],
                      "metric": c["metric"], "text": c["text"], "rule_id": "gold"} for c in g["claims"]]
    titled = {g["paper"].lower().strip() for g in gold} & set(papers["title"].str.lower().str.strip())
    gold_titled = [g for g in gold if g["paper"].lower().strip() in titled]
    summary, errors = _score(units, gold_titled, papers.assign(
        hardware=[[] for _ in range(len(papers))], baselines=[[] for _ in range(len(papers))]), pd.DataFrame(rows))
    assert summary["claim_f1"] == 1.0
    assert summary["direction_accuracy"] == summary["qualifier_accuracy"] == summary["baseline_accuracy"] == 1.0
    assert not any(e["missed"] or e["spurious"] or e["wrong_fields"] for e in errors)


def test_when_a_claim_is_dropped_a_direction_flipped_and_one_invented_then_errors_name_each(bundled, units):
    papers, claims, gold = bundled
    clean, clean_errors = _score(units, gold, papers, claims)
    flawless = set(claims["paper_id"]) - {e.get("paper_id") for e in clean_errors}
    matched = claims[claims["direction"].notna() & claims["paper_id"].isin(flawless)].iloc[0]
    dropped = claims[(claims["paper_id"] != matched["paper_id"])].iloc[0]
    planted = claims[claims["claim_id"] != dropped["claim_id"]].copy()
    planted.loc[planted["claim_id"] == matched["claim_id"], "direction"] = (
        "increase" if matched["direction"] == "decrease" else "decrease")
    invented = matched.copy()
    invented["claim_id"], invented["value_low"], invented["value_high"] = "x#1", 12345.0, 12345.0
    invented["rule_id"] = "ratio-sign"
    planted = pd.concat([planted, invented.to_frame().T], ignore_index=True)

    summary, errors = _score(units, gold, papers, planted)
    by_paper = {e.get("paper_id"): e for e in errors}
    assert summary["claims_matched"] == clean["claims_matched"] - 1
    assert summary["claims_predicted"] == clean["claims_predicted"]
    assert any(m["text"] and float(m["low"]) == pytest.approx(dropped["value_low"], rel=0.005)
               for m in by_paper[dropped["paper_id"]]["missed"])
    mine = by_paper[matched["paper_id"]]
    assert {"text": invented["text"], "low": 12345.0, "unit": invented["unit"], "rule_id": "ratio-sign"} \
        in mine["spurious"]
    assert [(w["field"], w["gold"]) for w in mine["wrong_fields"]] == [("direction", matched["direction"])]


# (gold value, gold unit, predicted value, predicted unit, matches): the guideline's matching. Units pint
# converts must agree once converted; a unit pint cannot read is compared as written, even where the
# extraction registry knows it (TOPS, QPS), so `claims evaluate` and the guideline's scorer agree.
UNIT_CASES = [
    (400, "Gbit/s", 50, "GB/s", True),
    (400, "Gbit/s", 400, "GB/s", False),
    (1.5, "s", 1500, "ms", True),
    (12, "TOPS/W", 12, "TOPS", True),
    (12, "TOPS/W", 13, "TOPS", False),
    (30, "ms", 30, "tokens/s", False),
    (2.3, "samples/s", 2.3, "samples/s", True),
    (2.0, "x", 2.0, "%", False),
    (120, "GPU-hours", 7200, "GPU-minutes", False),
]


@pytest.mark.parametrize(("low", "unit", "value", "pred_unit", "matches"), UNIT_CASES)
def test_values_match_by_the_guidelines_units(low, unit, value, pred_unit, matches):
    gold = {"low": low, "high": low, "unit": unit}
    pred = {"value_low": value, "value_high": value, "unit": pred_unit}
    assert SCORER.values_match(gold, pred) is matches
