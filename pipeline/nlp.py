"""The spaCy pipeline: a blank English model, tokenizer rules and a SpanRuler fed from `rules/`.

No trained model is used or needed; everything the pipeline knows comes from the rules files.
"""
from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

from .rules import Rules

SPANS_KEY = "quantities"
NUMBER = {"LIKE_NUM": True}
RANGE_JOINERS = ["-", "to", "~"]


def build_nlp(rules: Rules) -> Language:
    nlp = spacy.blank("en")
    _customize_tokenizer(nlp, rules)
    nlp.add_pipe("sentencizer")
    ruler = nlp.add_pipe("span_ruler", config={
        "spans_key": SPANS_KEY,
        "spans_filter": {"@misc": "spacy.first_longest_spans_filter.v1"},
        "validate": True,
        "phrase_matcher_attr": None,
    })
    ruler.add_patterns(_patterns(nlp, rules))
    return nlp


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


def _patterns(nlp: Language, rules: Rules) -> list[dict]:
    """SpanRuler patterns: the hand-written families plus one per unit spelling of units.yml."""
    patterns = [{"label": p.label, "pattern": p.pattern, "id": p.id} for p in rules.quantities]
    for unit in rules.units:
        for form in unit.forms:
            attr = "ORTH" if unit.case_sensitive else "LOWER"
            words = [t.text if unit.case_sensitive else t.lower_ for t in nlp.make_doc(form)]
            tail = [{attr: w} for w in words]
            patterns.append({"label": "quantity", "id": unit.id, "pattern": [NUMBER] + tail})
            patterns.append({"label": "quantity", "id": unit.id,
                             "pattern": [NUMBER, {"LOWER": {"IN": RANGE_JOINERS}}, NUMBER] + tail})
    return patterns
