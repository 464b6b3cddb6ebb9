"""The first-character analysis that lets normalization skip markup rules is never wrong: a rule it
skips has no match in the text."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.core.rules import load_rules
from pipeline.extract.fast.firstchars import first_chars
from pipeline.extract.textnorm import GUARDS

RULES = [*GUARDS, *load_rules("rules").markup]


@pytest.mark.parametrize("pattern, expected", [
    (r"\\times(?![A-Za-z])", {"\\"}),
    (r"(?:ab|cd)?e", {"a", "c", "e"}),
    (r"\b(?:called|named)", {"c", "n"}),
    (r"[‐‑–]", {"‐", "‑", "–"}),
    (r"(?<=\S)~x", {"~"}),
    (r"(?i)gb", {"g", "G"}),
    (r"x*y+", {"x", "y"}),
])
def test_first_characters_of_known_constructs(pattern, expected):
    assert first_chars(pattern) == frozenset(expected)


@pytest.mark.parametrize("pattern", [r"\d+", r"[^$]", r".x", r"\S{3,}", r"(a)?\1x"])
def test_constructs_that_can_begin_with_anything_give_none(pattern):
    assert first_chars(pattern) is None


ALPHABET = sorted({c for rule in RULES for c in (first_chars(rule.regex.pattern) or ())} | set("ab 1{}$\\x%~-"))


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(ALPHABET + ["\\textbf{", "\\times", "$2.7$", "**x**"]), max_size=40).map("".join))
def test_a_rule_skipped_for_lack_of_its_first_characters_never_matches(text):
    present = set(text)
    for rule in RULES:
        first = first_chars(rule.regex.pattern, rule.regex.flags)
        if first is not None and present.isdisjoint(first):
            assert not [m for m in rule.regex.finditer(text) if m.end() > m.start()], (rule.id, text)


def test_the_analysis_is_exact_on_the_rules_it_is_used_for():
    """Each rule's every match in a text made of its own first characters and their neighbours begins
    with one of them (not only a superset check: the skip must not hide real work either)."""
    for rule in RULES:
        first = first_chars(rule.regex.pattern, rule.regex.flags)
        if first is None:
            continue
        for m in rule.regex.finditer(r"a \textbf{x} $2$ ~GB -- — ‘q’ “q” **b** {y} \, 1  2"):
            if m.end() > m.start():
                assert m.group()[0] in first, (rule.id, m.group())
