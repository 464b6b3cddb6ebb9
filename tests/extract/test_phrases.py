"""The heart of the suite: real sentences and the result claims the annotation guideline says they hold.

The tables live in tests/data/phrases/ as JSON Lines, one case a line (its README.md describes every
file and key). Every expectation in them was written by reading the sentence against the project's
annotation guideline (what a claim is; unit x / % / pp / pint unit; direction; qualifier), not by
copying extractor output. A row the extractor currently gets wrong is kept with the correct
expectation and an `xfail` reason, and runs as `xfail(strict=True)`, so it turns into a failure the
day it is fixed.

Sentences tagged CORPUS are verbatim from data/poster_session_2.txt (a test checks that). Rows tagged
`written` were written for the test. The others are verbatim from real 2023-2026 ML-systems abstracts;
the `comment` of each row names the paper and the page it was copied from.

A row's claims are {low, high, unit, direction, qualifier} objects (tuples in the tests below) for
the quantities whose role is "result", in document order. Units: "x", "%", "pp", "" for a bare
score, otherwise a pint unit string; pint units compare by dimension and value as the guideline's
scorer does (so "50 GB/s" == "400 Gbit/s").
"""
from __future__ import annotations

import json
import math
import re
from collections import Counter
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parents[1]
DATA = TESTS / "data" / "phrases"
CORPUS_TEXT = (TESTS.parent / "data" / "poster_session_2.txt").read_text(encoding="utf-8")

X, PCT, PP = "x", "%", "pp"
CORPUS_SRC = "CORPUS"

# file -> (keys every record holds, keys a record may hold besides); "comment" and "xfail" are optional everywhere
NOTES = frozenset({"comment", "xfail"})
TABLES = {
    "claims.jsonl": (frozenset({"id", "source", "sentence", "claims"}), NOTES | {"family"}),
    "not_results.jsonl": (frozenset({"id", "sentence", "forbidden"}), NOTES),
    "baselines.jsonl": (frozenset({"id", "sentence", "pairs"}), NOTES),
    "named.jsonl": (frozenset({"id", "sentence", "names"}), NOTES),
    "not_named.jsonl": (frozenset({"id", "sentence", "names"}), NOTES),
    "hardware.jsonl": (frozenset({"id", "sentence", "hardware"}), NOTES),
    "aliases.jsonl": (frozenset({"id", "alias", "canonical"}), NOTES),
}
# keys of the objects nested in a record: every one is required
NESTED = {"claims": ("low", "high", "unit", "direction", "qualifier"), "pairs": ("value", "baseline")}


# --------------------------------------------------------------------------------------------------
# tables
# --------------------------------------------------------------------------------------------------

def _load(name: str) -> list[dict]:
    """The records of one data file; a line that is no JSON object fails with its file and line."""
    records = []
    for number, line in enumerate((DATA / name).read_text(encoding="utf-8").splitlines(), start=1):
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise ValueError(f"{name}:{number}: {error}") from None
        if not isinstance(record, dict):
            raise ValueError(f"{name}:{number}: not a JSON object")
        records.append(record)
    return records


ROWS = _load("claims.jsonl")
NEGATIVE = _load("not_results.jsonl")
BASELINES = _load("baselines.jsonl")
NAMED = _load("named.jsonl")
NOT_NAMED = _load("not_named.jsonl")
HARDWARE = _load("hardware.jsonl")
ALIASES = _load("aliases.jsonl")


def _param(record: dict, *values):
    """One pytest case of a record, strictly xfail when the record says what the extractor gets wrong."""
    marks = [pytest.mark.xfail(strict=True, reason=record["xfail"])] if "xfail" in record else []
    return pytest.param(*values, marks=marks, id=record["id"])


def _claim(claim: dict) -> tuple:
    """A claim object as the tuple (low, high, unit, direction, qualifier)."""
    return tuple(claim[key] for key in NESTED["claims"])


def _claim_params():
    """Cases (sentence, expected claim tuples) of the positive table."""
    for record in ROWS:
        yield _param(record, record["sentence"], [_claim(claim) for claim in record["claims"]])


def _negative_params():
    """Cases (sentence, surface forms no result may overlap) of the negative table."""
    for record in NEGATIVE:
        yield _param(record, record["sentence"], record["forbidden"])


def _baseline_params():
    """Cases (sentence, [(value_low of a result claim, expected baseline or None)])."""
    for record in BASELINES:
        yield _param(record, record["sentence"], [(pair["value"], pair["baseline"]) for pair in record["pairs"]])


def _set_params(records: list[dict], key: str):
    """Cases (sentence, set of the record's `key` list) for the name and hardware tables."""
    for record in records:
        yield _param(record, record["sentence"], set(record[key]))


def _alias_params():
    """Cases (alias, canonical name) for the template sentences."""
    for record in ALIASES:
        yield _param(record, record["alias"], record["canonical"])


def _record_problems(name: str, index: int, record: dict) -> list[str]:
    """What is wrong with one record of `name`: missing or unknown keys, a bad id, bad nested objects."""
    required, optional = TABLES[name]
    where = f"{name} record {index + 1} ({record.get('id')!r})"
    problems = [f"{where}: missing key {key!r}" for key in sorted(required - record.keys())]
    problems += [f"{where}: unknown key {key!r}" for key in sorted(record.keys() - required - optional)]
    if not isinstance(record.get("id"), str) or not record.get("id"):
        problems.append(f"{where}: id must be a non-empty string")
    for key, fields in NESTED.items():
        for item in record.get(key, []):
            if not isinstance(item, dict) or set(item) != set(fields):
                problems.append(f"{where}: {key} item {item!r} must have exactly the keys {fields}")
    return problems


def _file_problems(name: str) -> list[str]:
    """What is wrong with one data file: every record's problems and every id used twice."""
    records = _load(name)
    problems = [p for index, record in enumerate(records) for p in _record_problems(name, index, record)]
    repeated = [id_ for id_, count in Counter(r.get("id") for r in records).items() if count > 1]
    problems += [f"{name}: id {id_!r} is used more than once" for id_ in repeated]
    return problems


# --------------------------------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------------------------------

def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=0.005, abs_tol=1e-12)


def _same_unit_value(units, exp_unit: str, exp_value: float, got_unit: str, got_value: float) -> bool:
    if exp_unit in (X, PCT, PP, "") or got_unit in (X, PCT, PP, ""):
        return exp_unit == got_unit and _close(exp_value, got_value)
    try:
        e, g = units.info(exp_unit), units.info(got_unit)
    except Exception:
        return False
    return e.base_unit == g.base_unit and _close(exp_value * e.factor, got_value * g.factor)


def _matches(units, expected, q) -> bool:
    low, high, unit, direction, qualifier = expected
    return (_same_unit_value(units, unit, low, q.unit, q.value_low)
            and _same_unit_value(units, unit, high, q.unit, q.value_high)
            and q.direction == direction and q.qualifier == qualifier)


def _show(q) -> str:
    return f"{q.text!r}: ({q.value_low:g}, {q.value_high:g}, {q.unit!r}, {q.direction}, {q.qualifier})"


def _results(extraction):
    return [q for q in extraction.quantities if q.role == "result"]


def _norm_baseline(text: str | None) -> str | None:
    if text is None:
        return None
    text = re.sub(r"^(?:the|a|an)\s+", "", text.strip(), flags=re.IGNORECASE)
    return re.sub(r"[\s\-]+", "", text).lower()


# --------------------------------------------------------------------------------------------------
# tests
# --------------------------------------------------------------------------------------------------

def test_when_phrase_data_is_read_then_every_file_parses_with_unique_ids_and_known_keys():
    assert sorted(path.name for path in DATA.glob("*.jsonl")) == sorted(TABLES), "unknown or missing data file"
    problems = [problem for name in TABLES for problem in _file_problems(name)]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("sentence, expected", list(_claim_params()))
def test_when_sentence_is_extracted_then_result_claims_are_as_annotated(extract_text, units, sentence, expected):
    got = _results(extract_text(sentence))
    shown = "\n  ".join(_show(q) for q in got)
    assert len(got) == len(expected), f"expected {len(expected)} results, got:\n  {shown}"
    for want, q in zip(expected, got):
        assert _matches(units, want, q), f"expected {want}, got {_show(q)}\nall results:\n  {shown}"


@pytest.mark.parametrize("sentence, forbidden", list(_negative_params()))
def test_when_number_is_setup_motivation_or_name_then_it_is_not_a_result(extract_text, sentence, forbidden):
    results = _results(extract_text(sentence))
    if not forbidden:
        assert results == [], "no result expected, got: " + ", ".join(_show(q) for q in results)
    for piece in forbidden:
        start = sentence.index(piece)
        end = start + len(piece)
        overlapping = [q for q in results if q.start < end and q.end > start]
        assert not overlapping, f"{piece!r} is setup/name, got result " + ", ".join(_show(q) for q in overlapping)


@pytest.mark.parametrize("sentence, pairs", list(_baseline_params()))
def test_when_sentence_compares_then_claim_baseline_is_attributed(extract_text, sentence, pairs):
    results = _results(extract_text(sentence))
    for value, baseline in pairs:
        [q] = [q for q in results if _close(q.value_low, value)] or [None]
        assert q is not None, f"no result claim with value {value}: " + ", ".join(_show(r) for r in results)
        assert _norm_baseline(q.baseline) == _norm_baseline(baseline), f"{_show(q)} baseline {q.baseline!r}"


@pytest.mark.parametrize("sentence, names", list(_set_params(NAMED, "names")))
def test_when_sentence_names_compared_systems_then_named_baselines_are_canonical(extract_text, sentence, names):
    assert names <= set(extract_text(sentence).named_baselines)


@pytest.mark.parametrize("sentence, expected", list(_set_params(HARDWARE, "hardware")))
def test_when_sentence_names_hardware_then_the_reported_set_is_exact(extract_text, sentence, expected):
    assert set(extract_text(sentence).paper.hardware) == expected


@pytest.mark.parametrize("sentence, names", list(_set_params(NOT_NAMED, "names")))
def test_when_a_word_only_looks_like_a_name_then_it_is_no_named_baseline(extract_text, sentence, names):
    assert not names & set(extract_text(sentence).named_baselines)


@pytest.mark.parametrize("alias, canonical", list(_alias_params()))
@pytest.mark.parametrize("template", [
    "Our evaluation shows that our system achieves up to 1.9× higher training throughput than {}.",
    "Our evaluation shows that our system achieves up to 1.9× higher training throughput compared to {}.",
    "Our evaluation shows that our system outperforms {} by up to 1.9× in training throughput.",
], ids=["than", "compared-to", "outperforms-by"])
def test_when_alias_is_the_baseline_then_claim_baseline_is_canonical(extract_text, alias, canonical, template):
    # Template sentences (not quotations): they isolate the alias -> canonical mapping on the claim.
    extraction = extract_text(template.format(alias))
    [q] = _results(extraction)
    assert (q.value_low, q.unit, q.qualifier) == (1.9, X, "up_to")
    assert q.baseline == canonical
    assert canonical in extraction.named_baselines


# --- offsets: every quantity points at the characters the authors typed ----------------------------

def _all_sentences():
    """Every sentence of the positive, negative and baseline tables, for the offsets check."""
    for record in ROWS:
        yield pytest.param(record["sentence"], id=record["id"])
    for record in NEGATIVE + BASELINES:
        yield pytest.param(record["sentence"], id="neg-or-baseline-" + record["id"])


NUM = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _assert_offsets(abstract: str, quantities):
    for q in quantities:
        assert abstract[q.start:q.end] == q.text, q
        numbers = [float(n.replace(",", "")) for n in NUM.findall(q.text) if n.replace(",", "").strip(".")]
        # a written number, or one times the scale written after it ("1.41M tokens/s", "2 million")
        numbers = [n * scale for n in numbers for scale in (1, 1e3, 1e6, 1e9, 1e12)]
        if numbers:  # spelled-out quantities ("two orders of magnitude", "halves") have no digits
            assert any(_close(n, q.value_low) or _close(n, q.value_high) for n in numbers) or (
                q.value_low != q.value_high and any(_close(n, q.value_high) for n in numbers)), _show(q)


@pytest.mark.parametrize("sentence", list(_all_sentences()))
def test_when_quantity_is_extracted_then_offsets_slice_its_text_and_digits(extract_text, sentence):
    _assert_offsets(sentence, extract_text(sentence).quantities)


def test_when_corpus_is_extracted_then_every_quantity_offset_slices_its_text(extractor, corpus_path):
    from pipeline.ingest.readers import read_papers

    papers = read_papers(corpus_path)
    for extraction in extractor.extract(papers):
        _assert_offsets(extraction.paper.abstract, extraction.quantities)


def test_when_row_is_tagged_corpus_then_sentence_is_verbatim_in_the_bundled_corpus():
    for record in ROWS:
        if record["source"] == CORPUS_SRC:
            assert record["sentence"] in CORPUS_TEXT, record["id"]
