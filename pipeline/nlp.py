"""The spaCy pipeline: a blank English model, tokenizer rules and a SpanRuler fed from `rules/`.

No trained model is used or needed; everything the pipeline knows comes from the rules files.
"""
from __future__ import annotations

from typing import NamedTuple

import spacy
from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

from .columns import token_columns
from .rules import Rules
from .trie_ruler import pattern_starts

SPANS_KEY = "quantities"
UNITS_KEY = "unit_forms"
RANGE_JOINERS = ["-", "to", "~"]


def build_nlp(rules: Rules) -> Language:
    """Tokenizer rules, a SpanRuler for the phrase families of quantities.jsonl (its patterns walked as
    a trie from the tokens where one can begin: trie_ruler), and
    PhraseMatcher-backed rulers for the unit spellings of units.yml (a number before a unit is paired
    with it by the extract step: one hash lookup a token instead of a token pattern per spelling)."""
    nlp = spacy.blank("en")
    _customize_tokenizer(nlp, rules)
    ruler = nlp.add_pipe("trie_span_ruler", name="quantity_ruler", config={"spans_key": SPANS_KEY})
    patterns = [{"label": p.label, "pattern": pattern, "id": p.id}
                for p in rules.quantities for pattern in _expand_first_token(p.pattern)]
    ruler.add_patterns(patterns)
    ruler.set_starts(pattern_starts([p["pattern"] for p in patterns]))
    for attr, case_sensitive in (("ORTH", True), ("LOWER", False)):
        forms = [{"label": "unit", "id": u.id, "pattern": form}
                 for u in rules.units if u.case_sensitive == case_sensitive for form in u.forms]
        if forms:
            unit_ruler = nlp.add_pipe("span_ruler", name=f"unit_forms_{attr.lower()}", config={
                "spans_key": UNITS_KEY, "phrase_matcher_attr": attr, "overwrite": False})
            unit_ruler.add_patterns(forms)
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


_WORDS: dict[int, str] = {}  # lower-case hash → text, for the words seen most (bounded)
_MAX_WORDS = 200_000


def lower_words(doc) -> list[str]:
    """The lower-cased token texts (a C-level map over the cache; the vocab only for words not in it)."""
    strings, words = doc.vocab.strings, _WORDS
    hashes = token_columns(doc)[1]
    out = list(map(words.get, hashes))
    if None in out:
        for i, word in enumerate(out):
            if word is None:
                h = hashes[i]
                out[i] = word = strings[h]
                if len(words) < _MAX_WORDS:
                    words[h] = word
    return out


def number_positions(doc) -> list[int]:
    """Indices of tokens that look like numbers."""
    return [i for i, flag in enumerate(token_columns(doc)[0]) if flag]


_SENTENCE_PUNCT: dict = {}


class Sentence(NamedTuple):
    """A sentence's token range [start, end) and character range in the Doc's text (what the extract
    steps read of a sentence; a Span costs several times as much to make)."""

    start: int
    end: int
    start_char: int
    end_char: int
    source: str  # the Doc's text

    @property
    def text(self) -> str:
        return self.source[self.start_char:self.end_char]


def sentences(doc) -> list[Sentence]:
    """The sentences, by spaCy's Sentencizer rule (a sentence ends after its default sentence
    punctuation, once a token that is no punctuation follows), read from the Doc's arrays instead of
    Token objects: the same sentences at a fraction of the cost, and no pipe to run for them."""
    strings = doc.vocab.strings
    punct = _SENTENCE_PUNCT.get(id(strings))
    if punct is None:
        punct = _SENTENCE_PUNCT[id(strings)] = frozenset(strings.add(c) for c in Sentencizer.default_punct_chars)
    _, _, orths, puncts = token_columns(doc)
    length = len(orths)
    starts, resume = [0], 0
    for p in [i for i, orth in enumerate(orths) if orth in punct]:
        if p < resume:
            continue
        j = p + 1  # the next sentence starts at the first token after p that is no punctuation
        while j < length and (puncts[j] or orths[j] in punct):
            j += 1
        if j < length:
            starts.append(j)
        resume = j
    text = doc.user_data.get("text") or doc.text  # the extractor keeps it there (doc.text is rebuilt)
    out = []
    for s, e in zip(starts, starts[1:] + [length]):
        if e > s:
            last = doc[e - 1]
            out.append(Sentence(s, e, doc[s].idx, last.idx + len(last), text))
    return out
