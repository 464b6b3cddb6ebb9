"""The shortcuts in front of text-wide regexes never hide a match: where the required-literal gate
says 'cannot match', the regex indeed finds nothing, and the searches that start from a literal
(intro subjects, heads before a parenthesis, names before 'baseline') find exactly the matches of
the plain pattern."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.core.rules import load_rules
from pipeline.extract import baselines
from pipeline.extract.cuebook import Cuebook
from pipeline.extract.fast.literal_gate import GatedRegex, required_literals
from pipeline.extract.textnorm import GUARDS

RULES = load_rules("rules")
_BOOK = Cuebook(RULES, str.split)
_READER = baselines.BaselineReader(_BOOK)
GATED = [baselines._CALLED]
MARKUP = [rule.regex for rule in (*GUARDS, *RULES.markup)]


@pytest.mark.parametrize("pattern, expected", [
    (r"\b(?:called|named|dubbed)\s+[A-Z]", {"called", "named", "dubbed"}),
    (r"\b(?:[Ww]e|[Tt]his paper) (?:have )?(?:propose|proposes|present)\b", {"propose", "present"}),
    (r"\b(?:[Ww]e|[Tt]his) (?:propose|present)", {f"{w} {v}" for w in ("We", "we", "This", "this")
                                                   for v in ("propose", "present")}),
    (r"[ \t]{2,}", {"  ", "\t"}),
    (r"[ab]{2,}", {"aa", "ab", "ba", "bb"}),
    (r"\\times(?![A-Za-z])", {"\\times"}),
    (r"a+bc", {"bc"}),
    (r"(?:ab|)c", {"c"}),
])
def test_required_literals_of_known_constructs(pattern, expected):
    assert required_literals(pattern) == frozenset(expected)


@pytest.mark.parametrize("pattern", [r"\d+", r"(?i)called", r"(?i:abc)\d", r"(?:ab|)\d", r"[^$]{2}", r"\S{200,}"])
def test_patterns_without_a_sure_literal_always_run(pattern):
    assert required_literals(pattern) is None


def test_the_gate_skips_text_without_the_literals_and_finds_what_the_regex_finds():
    called = GatedRegex(re.compile(r"\b(?:called|named)\s+([A-Z]\w+)"))
    assert not called.may_match("We present FlashX, a serving system.")
    assert called.search("We present a system called FlashX.").group(1) == "FlashX"
    assert [m.group(1) for m in called.finditer("one named Alpha and one called Beta")] == ["Alpha", "Beta"]


PIECES = ["We ", "we ", "This paper ", "propose ", "present ", "presents ", "have ", "a ", "the ", "new ", "system ",
          "called ", "named ", "FlashX ", "Zeta, ", "(vLLM) ",
          "baselines ", "method ", "implementation ", "Megatron-based ", "baseline", "Foo.Bar+", "x/Y", "-",
          "  ", "\t", "\n", "\\times ", "\\textbf{",
          "}", "$2.7$ ", "**x** ", "-- ", "a ", "b ", "1.5 ", "(", ")", "the "]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30).map("".join))
def test_a_gated_regex_never_misses_a_match(text):
    for gated in GATED:
        assert [m.span() for m in gated.finditer(text)] == [m.span() for m in gated.regex.finditer(text)]
    intros = [(m.start(), m.group()) for m in _READER._introductions(text)]
    assert intros == [(m.start(), m.group()) for m in _READER._intro.finditer(text)]
    named = [(m.start(), m.group()) for m in baselines._named_implementations(text)]
    assert named == [(m.start(), m.group()) for m in baselines._NAMED_IMPLEMENTATION.finditer(text)]
    heads = [(m.start(), m.group()) for m in _READER._heads_with_parenthesis(text)]
    assert heads == [(m.start(), m.group()) for m in _READER._named_head.finditer(text)]
    for regex in MARKUP:
        literals = required_literals(regex.pattern, regex.flags)
        if literals is not None and not any(lit in text for lit in literals):
            assert not [m for m in regex.finditer(text) if m.end() > m.start()], (regex.pattern, text)
