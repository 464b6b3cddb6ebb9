"""The trie-shaped alias regex finds exactly what the plain longest-first alternation finds."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.core.rules import load_rules
from pipeline.extract.lexicon import Lexicon, _trie_pattern

RULES = load_rules("rules")
ALIASES = sorted({a for e in RULES.hardware for a in e.aliases} | {a for e in RULES.baselines for a in e.aliases})


def _flat(words):
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def test_trie_matches_the_same_as_the_longest_first_alternation_on_every_alias_in_context():
    flat, trie = re.compile(rf"(?<!\w)(?:{_flat(ALIASES)})s?(?!\w)"), re.compile(
        rf"(?<!\w)(?:{_trie_pattern(ALIASES)})s?(?!\w)")
    text = " ".join(f"on {a} and {a}s, {a}-based ({a})" for a in ALIASES)
    assert [m.span() for m in flat.finditer(text)] == [m.span() for m in trie.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(ALIASES[:80] + [" ", "-", "s", "0", "x", "G"]), max_size=12))
def test_trie_and_alternation_agree_on_random_glued_aliases(pieces):
    text = "".join(pieces)
    flat = re.compile(rf"(?<![\w-])(?:{_flat(ALIASES)})s?(?![\w]|-\d)")
    trie = re.compile(rf"(?<![\w-])(?:{_trie_pattern(ALIASES)})s?(?![\w]|-\d)")
    assert [m.span() for m in flat.finditer(text)] == [m.span() for m in trie.finditer(text)]


def test_hardware_counts_still_read_through_the_trie():
    hardware = Lexicon(RULES.hardware, vendor_prefix=True)
    hits = hardware.find("trained on 512 H200 GPUs and 8×A100, compared with 32x A10G")
    assert [(h.canonical, h.count) for h in hits] == [("H200", 512), ("A100", 8), ("A10G", 32)]
