"""Property tests (hypothesis): normalization's offset map round-trips, extraction never raises,
every quantity and claim slices the abstract to its text, value_low ≤ value_high and finite,
and ingest turns any bytes into papers, rejects or one InputError.

The default run is quick (a fixed, derandomized handful of examples per property). The heavy run
the issue asks for - 2,000 random examples per property - is a hypothesis profile:

    CLAIMSCOPE_HYPOTHESIS=heavy .venv/bin/python -m pytest tests/extract/test_properties.py -p no:warnings

(add `--hypothesis-show-statistics` to see how many examples each property ran.)
"""
from __future__ import annotations

import math
import os

import pytest
from conftest import make_paper
from hypothesis import HealthCheck, assume, event, given, settings
from hypothesis import strategies as st

from pipeline.core.errors import InputError, Problems
from pipeline.extract.textnorm import GUARDS, MAX_CHARS, normalize, read_limit
from pipeline.ingest.readers import read_papers
from pipeline.normalize.claims import to_claims

_COMMON = dict(deadline=None, database=None, print_blob=True,
               suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                      HealthCheck.function_scoped_fixture])
settings.register_profile("quick", max_examples=60, derandomize=True, **_COMMON)
settings.register_profile("heavy", max_examples=2_000, **_COMMON)
settings.load_profile(os.environ.get("CLAIMSCOPE_HYPOTHESIS", "quick"))

# Pieces of real claims and of the markup, numbers and characters that have broken parsers before.
FRAGMENTS = [
    "2.5", "9.17", "1,000", "30", "0.5", "100", "3", "1.46-1.91", "15%-61%", "1e400", "NaN", "inf", "∞",
    "10^{400}", "9" * 40, "×", "x", "X", "%", "pp", "points", "times", "\\times", "$", "{", "}", "\\textbf{",
    "\\mathbf{", "\\%", "\\", "~", "\\sim", "--", "---", "–", "−", "-", "up to", "over", "than", "compared to",
    "versus", "vs.", "from", "to", "between", "and", "or", "by", "respectively", "on average", "geomean",
    "at least", "nearly", "vLLM", "Megatron-LM", "DeepSpeed", "H100", "A100", "8×H100", "512", "GPUs",
    "speedup", "throughput", "latency", "memory", "accuracy", "lower", "higher", "faster", "fewer", "less",
    "reduces", "improves", "outperforms", "achieves", "orders of magnitude", "halves the", "doubles the",
    "tokens/s", "GB", "GB/s", "ms", "Gbps", "TFLOPS", "kB", ".", ",", ";", ":", "(", ")", "[", "]", "\n",
    "\r\n", "\t", "  ", "\u200b", "\u202e", "\u2066", "\u00a0", "**", "*", "_", "<script>", "&amp;", "📈",
    "é", "שלום", "\x00", "\x7f",
]
SEPARATORS = ["", " ", " ", " ", " ", "\n"]

numbers = st.one_of(st.sampled_from(["2.5", "9.17", "1,000", "30", "0.5", "100", "3", "1e400", "9" * 40, "two"]),
                    st.floats(0, 1e6, allow_nan=False).map(lambda f: f"{f:.2f}"), st.integers(0, 10**6).map(str))
claim_like = st.builds(
    lambda q, n, r, u, d, m, c, b: f"{q}{n}{r}{u} {d} {m} {c} {b}",
    st.sampled_from(["", "up to ", "on average ", "nearly ", "over ", "by ", "from 20% to ", "between 1 and "]),
    numbers,
    st.one_of(st.just(""), numbers.map(lambda n: "–" + n), numbers.map(lambda n: "-" + n)),
    st.sampled_from(["×", "x", "%", " times", " pp", " GB", " ms", " tokens/s", "$\\times$", "\\%", " Gbps",
                     "× (", "%)", ""]),
    st.sampled_from(["", "higher", "lower", "faster", "fewer", "less", "speedup", "reduction"]),
    st.sampled_from(["", "throughput", "latency", "memory", "accuracy", "training time"]),
    st.sampled_from(["", "over", "than", "compared to", "vs.", "relative to", "and", ","]),
    st.sampled_from(["", "vLLM", "Megatron-LM", "DeepSpeed", "the baseline", "8 H100 GPUs", "prior work."]),
)
soup = st.lists(st.tuples(st.one_of(claim_like, st.sampled_from(FRAGMENTS), st.text(max_size=4)),
                          st.sampled_from(SEPARATORS)),
                max_size=40).map(lambda parts: "".join(f + s for f, s in parts))
any_text = st.one_of(soup, st.text(max_size=300))

# Characters a markup rule or guard may write that the original did not have at that place.
REPLACEMENT_CHARS = {" "} | {c for rule in GUARDS for c in (rule.replace or "")}


# --- normalization --------------------------------------------------------------------------------


@given(original=any_text)
def test_offset_map_round_trips(rules, original):
    replaced = REPLACEMENT_CHARS | {c for rule in rules.markup for c in (rule.replace or "")}
    norm = normalize(original, rules.markup)
    assert norm.original == original[:read_limit(original)]
    assert len(norm.starts) == len(norm.ends) == len(norm.text)
    assert list(norm.starts) == sorted(norm.starts)
    assert list(norm.ends) == sorted(norm.ends)
    for i, char in enumerate(norm.text):
        s, e = norm.starts[i], norm.ends[i]
        assert 0 <= s < e <= len(norm.original)
        if char not in replaced:  # a copied character maps back to itself, one for one
            assert (norm.original[s], e - s) == (char, 1), (i, char)
        if char.isdigit():  # no rule writes a digit: every digit is the authors' own
            assert (norm.original[s], e - s) == (char, 1), (i, char)


@given(original=any_text, data=st.data())
def test_mapped_span_covers_its_characters_and_stays_in_the_original(rules, original, data):
    norm = normalize(original, rules.markup)
    assume(norm.text)
    a = data.draw(st.integers(0, len(norm.text) - 1))
    b = data.draw(st.integers(a + 1, len(norm.text)))
    s, e = norm.to_original(a, b)
    assert 0 <= s <= norm.starts[a] and norm.ends[b - 1] <= e <= len(norm.original)


_PLAIN_WORDS = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,;:()%×=+/",
                       min_size=1, max_size=12)


@given(words=st.lists(_PLAIN_WORDS, max_size=40))
def test_text_without_markup_is_its_own_normal_form(rules, words):
    original = " ".join(words)
    assume("--" not in original)
    norm = normalize(original, rules.markup)
    assert norm.text == original
    assert norm.starts == tuple(range(len(original)))
    assert norm.ends == tuple(range(1, len(original) + 1))


def test_when_text_is_longer_than_the_limit_then_it_is_cut_at_a_sentence_end(rules):
    sentence = "We get 2.5× higher throughput than vLLM on 8 H100 GPUs. "
    original = sentence * (2 * MAX_CHARS // len(sentence))
    norm = normalize(original, rules.markup)
    assert norm.truncated and len(norm.original) <= MAX_CHARS
    assert original.startswith(norm.original) and norm.original.endswith("GPUs.")
    assert not normalize(original[:MAX_CHARS], rules.markup).truncated


# --- extraction -----------------------------------------------------------------------------------


def _extract(extractor, units, abstract: str, title: str = ""):
    [result] = extractor.extract([make_paper(abstract, title=title)])
    return result.quantities, to_claims(list(result.quantities), units)


@given(abstract=any_text, title=any_text)
def test_extraction_never_raises(extractor, units, abstract, title):
    _extract(extractor, units, abstract, title)


@given(abstract=soup)
def test_every_quantity_and_claim_slices_the_abstract_to_its_text(extractor, units, abstract):
    quantities, claims = _extract(extractor, units, abstract)
    event(f"claims per abstract: {min(len(claims), 3)}{'+' if len(claims) >= 3 else ''}")
    for row in (*quantities, *claims):
        assert 0 <= row.start <= row.end <= len(abstract)
        assert abstract[row.start:row.end] == row.text, row
        assert abstract[row.sentence_start:].lstrip().startswith(row.sentence), row


@given(abstract=soup)
def test_values_are_finite_and_low_is_not_above_high(extractor, units, abstract):
    quantities, claims = _extract(extractor, units, abstract)
    for row in quantities:
        assert math.isfinite(row.value_low) and math.isfinite(row.value_high), row
        assert row.value_low <= row.value_high, row
    for row in claims:
        numbers = [row.value_low, row.value_high, row.base_value_low, row.base_value_high]
        assert all(v is None or math.isfinite(v) for v in numbers), row
        assert row.value_low <= row.value_high, row
        if row.base_value_low is not None:
            assert row.base_value_low <= row.base_value_high, row


# --- ingest ---------------------------------------------------------------------------------------

_JSONISH = st.lists(st.one_of(
    st.sampled_from([b'{"title": "T", "abstract": "We get 2x. Yes."}', b'{"title": ', b"[1, 2]", b"null", b"",
                     b'{"abstract": "\\ud800"}', b'{"id": 1, "title": "A", "authors": 5}', b"\xff\xfe", b"\xe9",
                     b"id,title,abstract", b"p1,T,A. B.", b'"unterminated', b"\x00", b"\r", b"\xef\xbb\xbf"]),
    st.binary(max_size=20)), max_size=12).map(b"\n".join)


@pytest.mark.parametrize("strict", [False, True])
@given(content=st.one_of(_JSONISH, st.binary(max_size=200)))
def test_ingest_turns_any_bytes_into_papers_rejects_or_one_input_error(tmp_path_factory, content, strict):
    path = tmp_path_factory.mktemp("fuzz") / "input"
    path.write_bytes(content)
    problems = Problems(strict=strict)
    try:
        papers = read_papers(path, problems)
    except InputError as exc:
        assert exc.path == str(path) and exc.reason
        return
    for paper in papers:
        assert paper.paper_id and paper.source == str(path) and paper.source_line >= 1
        for text in (paper.paper_id, paper.title, paper.abstract, *paper.authors):
            text.encode("utf-8")  # no surrogate or undecodable byte gets into a paper
    for reject in problems.rejects:
        assert reject.source == str(path) and reject.line >= 1 and reject.reason
        reject.to_json().encode("utf-8")
