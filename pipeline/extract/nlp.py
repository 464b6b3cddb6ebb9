"""The spaCy pipeline: a blank English model, tokenizer rules and a SpanRuler fed from `rules/`.

No trained model is used or needed; everything the pipeline knows comes from the rules files.
"""
from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

from pipeline.core.rules import Rules
from pipeline.extract.fast import OFF, trie_ruler  # noqa: F401  (trie_ruler registers the "trie_span_ruler" factory)

SPANS_KEY = "quantities"
UNITS_KEY = "unit_forms"
RANGE_JOINERS = ["-", "to", "~"]
# the trie ruler finds the spans spaCy's own SpanRuler finds, faster (extract/fast/trie_ruler.py); both
# keep the first-longest span at each place
_RULER = "span_ruler" if "trie_ruler" in OFF else "trie_span_ruler"
_RULER_CONFIG = {"spans_filter": {"@misc": "spacy.first_longest_spans_filter.v1"}} if "trie_ruler" in OFF else {}


def build_nlp(rules: Rules) -> Language:
    """Tokenizer rules, a SpanRuler for the phrase families of quantities.jsonl, and one for the unit
    spellings of units.yml (a number before a unit is paired with it by the extract step). Both
    walk their patterns as a trie from the tokens where one can begin (trie_ruler)."""
    nlp = spacy.blank("en")
    _customize_tokenizer(nlp, rules)
    ruler = nlp.add_pipe(_RULER, name="quantity_ruler", config={"spans_key": SPANS_KEY, **_RULER_CONFIG})
    patterns = [{"label": p.label, "pattern": pattern, "id": p.id}
                for p in rules.quantities for pattern in _expand_first_token(p.pattern)]
    ruler.add_patterns(patterns)
    unit_patterns = [{"label": "unit", "id": u.id, "pattern": _phrase_pattern(nlp, form, u.case_sensitive)}
                     for u in rules.units for form in u.forms]
    unit_patterns = [p for p in unit_patterns if p["pattern"]]
    if unit_patterns:
        # the longest unit spelling at each place is kept; the extract step pairs a number with it
        unit_ruler = nlp.add_pipe(_RULER, name="unit_forms", config={"spans_key": UNITS_KEY, **_RULER_CONFIG})
        unit_ruler.add_patterns(unit_patterns)
    return nlp


def _phrase_pattern(nlp: Language, form: str, case_sensitive: bool) -> list[dict]:
    """A unit spelling as the token pattern a PhraseMatcher would match: its tokens' ORTH (case
    sensitive) or LOWER, as the tokenizer splits the spelling."""
    attr = "ORTH" if case_sensitive else "LOWER"
    return [{attr: token.text if case_sensitive else token.lower_} for token in nlp.make_doc(form)]


def _customize_tokenizer(nlp: Language, rules: Rules) -> None:
    by_kind = {"prefix": [], "suffix": [], "infix": [], "remove_exception": []}
    for rule in rules.tokenizer:
        by_kind[rule.kind].append(rule.pattern)
    tokenizer = nlp.tokenizer
    removed = set(by_kind["remove_exception"])
    tokenizer.rules = {k: v for k, v in tokenizer.rules.items() if k not in removed}
    tokenizer.prefix_search = compile_prefix_regex(by_kind["prefix"] + list(nlp.Defaults.prefixes)).search
    tokenizer.suffix_search = compile_suffix_regex(by_kind["suffix"] + list(nlp.Defaults.suffixes)).search
    tokenizer.infix_finditer = compile_infix_regex(list(nlp.Defaults.infixes) + by_kind["infix"]).finditer


def _expand_first_token(pattern: list[dict]) -> list[list[dict]]:
    """One pattern per word of a first-token IN list ("halves", "halved", ...): the Matcher tests a
    pattern's first token on every token of every abstract, and an exact attribute test runs in C
    where an IN set is a Python call."""
    first = pattern[0]
    if len(first) != 1:
        return [pattern]
    (attr, test), = first.items()
    if not (isinstance(test, dict) and list(test) == ["IN"]):
        return [pattern]
    return [[{attr: word}] + pattern[1:] for word in test["IN"]]
