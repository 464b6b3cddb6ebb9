"""Attribution by scope and the entity layer, on real sentences (tests/data/scope/claims.jsonl).

Each row of the table gives, for result claims of its sentence picked by value, what the annotation
guideline says their comparators (`baseline`, the per-claim `baselines` list, and the scope that
decided) and their hardware are. A key a row leaves out is not checked for that claim. Rows name the
paper and dev set the sentence is from; `written` rows were written for the test.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import make_paper

TABLE = Path(__file__).resolve().parents[1] / "data" / "scope" / "claims.jsonl"
ROWS = [json.loads(line) for line in TABLE.read_text(encoding="utf-8").splitlines()]
CLAIM_KEYS = {"value", "baseline", "baselines", "scope", "hardware"}


def _squash(text):
    return None if text is None else re.sub(r"^(?:the|a|an)\s+|[\s\-]+", "", text.strip().lower())


def _result(extraction, value):
    found = [q for q in extraction.quantities if q.role == "result" and abs(q.value_low - value) < 1e-9]
    assert found, f"no result claim of value {value}: " + ", ".join(
        f"{q.text}={q.value_low}" for q in extraction.quantities if q.role == "result")
    return found[0]


def test_when_scope_table_is_read_then_every_row_is_well_formed():
    ids = [row["id"] for row in ROWS]
    assert len(ids) == len(set(ids))
    for row in ROWS:
        assert set(row) <= {"id", "source", "sentence", "claims", "comment"}, row["id"]
        for claim in row["claims"]:
            assert "value" in claim and set(claim) <= CLAIM_KEYS, row["id"]


@pytest.mark.parametrize("row", ROWS, ids=[row["id"] for row in ROWS])
def test_when_a_number_is_compared_then_its_comparators_hardware_and_scope_are_as_annotated(extract_text, row):
    extraction = extract_text(row["sentence"])
    for want in row["claims"]:
        q = _result(extraction, want["value"])
        if "baseline" in want:
            assert _squash(q.baseline) == _squash(want["baseline"]), f"{q.text}: baseline {q.baseline!r}"
        if "baselines" in want:
            assert [_squash(b) for b in q.baselines] == [_squash(b) for b in want["baselines"]], q.baselines
        if "scope" in want:
            assert q.baseline_scope == want["scope"], f"{q.text}: scope {q.baseline_scope!r}"
        if "hardware" in want:
            assert list(q.hardware) == want["hardware"], f"{q.text}: hardware {q.hardware!r}"


def test_when_only_the_title_names_the_platform_then_the_claims_take_it(extractor):
    paper = make_paper("With XenoFlow, we achieve an 44% lower latency compared to a comparable eBPF-based load "
                       "balancer running on the host.", title="XenoFlow: How Fast Can a BlueField-3 SmartNIC Be?")
    [result] = extractor.extract([paper])
    [claim] = [q for q in result.quantities if q.role == "result"]
    assert claim.hardware == ("BlueField-3",)


def test_when_a_number_is_no_result_then_it_carries_no_comparator_or_hardware(extract_text):
    extraction = extract_text("We train on 512 H100 GPUs and compare against Megatron-LM. Our planner cuts the "
                              "iteration time by 35%.")
    for q in extraction.quantities:
        if q.role != "result":
            assert (q.baselines, q.hardware, q.baseline_scope) == ((), (), None), q.text


# --- the entity layer -------------------------------------------------------------------------------

ENTITY_CASES = [
    # (sentence, (text, kind, canonical, known, rule id prefix) that must be among its entities)
    ("NVPC achieves at most 3.55x faster than NOVA, Ext-4, and SPFS.",
     [("NOVA", "system", "NOVA", True, "bl-nova"), ("Ext-4", "system", "Ext-4", False, "shape-comparator")]),
    ("In comparison to XDL CPU-only execution, our design is 2.5x faster.",
     [("XDL", "system", "XDL", False, "shape-comparator")]),
    ("The accelerator running on a Virtex-7 FPGA is 8.3x faster than a Titan X GPU.",
     [("Virtex-7", "hardware", "Virtex-7", True, "hw-"), ("Titan X", "hardware", "Titan X", True, "hw-")]),
    ("Our engine is 2x faster than vLLM on NVIDIA H100 GPUs.",
     [("vLLM", "system", "vLLM", True, "bl-vllm"), ("H100", "hardware", "H100", True, "hw-nvidia-h100")]),
    ("It reaches 1.8x over FlashAttention-2 and 2.2x over FlashAttention.",
     [("FlashAttention-2", "system", "FlashAttention-2", True, "bl-"),
      ("FlashAttention", "system", "FlashAttention", True, "bl-")]),
    ("Evaluated on Blackwell, Hopper, and Ampere GPUs, the kernel is 7.5x faster.",
     [("Blackwell", "hardware", "Blackwell", False, "shape-hardware-head"),
      ("Ampere", "hardware", "Ampere", False, "shape-hardware-head")]),
]


@pytest.mark.parametrize("sentence, expected", ENTITY_CASES, ids=[c[0][:30] for c in ENTITY_CASES])
def test_when_a_system_or_device_is_named_then_it_is_an_entity_span(extract_text, sentence, expected):
    entities = extract_text(sentence).entities
    got = {(e.text, e.kind, e.canonical, e.known) for e in entities}
    for text, kind, canonical, known, rule in expected:
        assert (text, kind, canonical, known) in got, f"{text!r} not found: {sorted(got)}"
        assert any(e.text == text and e.rule_id.startswith(rule) for e in entities), text


@pytest.mark.parametrize("sentence, word", [
    ("LiquidGEMM achieves up to 2.90x speedup over state-of-the-art W4A8 kernels.", "W4A8"),
    ("GreenLLM reduces total energy by up to 34 percent versus the default DVFS baseline.", "DVFS"),
    ("We propose MatchRDMA for geo-distributed LLM training over OTN.", "OTN"),
    ("It outperforms PhoenixOS and NVIDIA cuda-checkpoint by 3x.", "NVIDIA"),
])
def test_when_an_acronym_only_modifies_or_is_a_vendor_then_it_is_no_system(extract_text, sentence, word):
    extraction = extract_text(sentence)
    assert word not in extraction.named_baselines
    assert not any(e.text == word and e.kind == "system" for e in extraction.entities)


def test_when_a_version_is_written_then_it_is_not_its_family(extract_text):
    extraction = extract_text("BitDecoding is 7.5x faster than FP16 FlashDecoding-v2.")
    assert "FlashDecoding-v2" in extraction.named_baselines and "FlashDecoding" not in extraction.named_baselines


_ALPHABET = st.sampled_from(list("abcXYZ019 -+.,;:()$\\×%é") + [" vLLM ", " H100 ", " NOVA ", " faster than ",
                                                                  " over ", " GPUs", " such as ", " and "])


@settings(max_examples=60, deadline=None)
@given(st.lists(_ALPHABET, min_size=1, max_size=60).map("".join))
def test_when_any_text_is_extracted_then_every_entity_slices_the_abstract_as_read(extractor, text):
    abstract = "Our system is 2.1x faster than vLLM on H100 GPUs. " + text
    [result] = extractor.extract([make_paper(abstract)])
    for e in result.entities:
        assert abstract[e.start:e.end] == e.text and e.start < e.end
    spans = sorted((e.start, e.end) for e in result.entities)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:])), "entity spans overlap"
