"""A SpanRuler that matches its token patterns only from tokens where one of them can begin.

spaCy's Matcher makes Python Token objects for every token it is given and tries every pattern at
every one of them, which made it the single largest cost of extraction. Every quantity pattern
begins with a number or with one of a few fixed words, and uses only number, LOWER and ORTH tests
with optional ("?") tokens; for such patterns the ruler works out, from the patterns themselves,
which tokens can start a match, and walks a trie of the patterns' token tests from those tokens
only, over the Doc's attribute arrays. The spans are exactly those the Matcher finds (a match can
only start on a token that can begin its pattern; every optional token is tried both ways, as the
Matcher does). Patterns outside that subset leave the ruler to spaCy's own Matcher.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.pipeline import SpanRuler
from spacy.pipeline.span_ruler import overlapping_labeled_spans_score
from spacy.tokens import Doc, Span
from spacy.util import filter_chain_spans

from .columns import token_columns
from .pattern_trie import PatternTrie


@dataclass(frozen=True)
class Starts:
    """Which tokens can begin a match: numbers, and tokens of these LOWER / ORTH forms."""

    numbers: bool
    lower: frozenset[str]
    orth: frozenset[str]


def pattern_starts(patterns: list[list[dict]]) -> Starts | None:
    """The tokens that can begin any of the token patterns, or None when some pattern is not made of
    number, LOWER and ORTH tests with optional tokens only (then spaCy's Matcher does the work)."""
    numbers, lower, orth = False, set(), set()
    for pattern in patterns:
        opening = True  # up to and including the first required token, a token can begin a match
        for spec in pattern:
            if spec.get("OP") not in {None, "?"}:
                return None  # "+", "*", "!", "{n,m}": left to the Matcher
            test = {k: v for k, v in spec.items() if k != "OP"}
            if test == {"LIKE_NUM": True}:
                numbers = numbers or opening
            elif len(test) == 1 and next(iter(test)) in {"LOWER", "ORTH"}:
                (attr, value), = test.items()
                words = value["IN"] if isinstance(value, dict) and list(value) == ["IN"] else value
                if isinstance(words, str):
                    words = [words]
                if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
                    return None
                if opening:
                    (lower if attr == "LOWER" else orth).update(words)
            else:
                return None
            opening = opening and spec.get("OP") == "?"
    return Starts(numbers, frozenset(w.lower() for w in lower), frozenset(orth))


class TrieSpanRuler(SpanRuler):
    """SpanRuler with `starts` set: patterns are matched by a PatternTrie from possible starts only."""

    starts: Starts | None = None
    _trie: PatternTrie | None = None

    def set_starts(self, starts: Starts | None) -> None:
        self.starts = starts
        self._trie = None

    def match(self, doc: Doc):
        if self.starts is None or len(doc) == 0:
            return super().match(doc)
        self._require_patterns()
        if self._trie is None:
            self._trie = PatternTrie(self.patterns, self.nlp.vocab.strings)
        spans = {Span(doc, s, e, label=label, span_id=span_id)
                 for label, span_id, s, e in self._trie.find(token_columns(doc))}
        if len(self.phrase_matcher):
            labels = self._match_label_id_map
            spans.update(Span(doc, s, e, label=labels[m]["label"], span_id=labels[m]["id"])
                         for m, s, e in self.phrase_matcher(doc) if s != e)
        return sorted(spans)

    def __call__(self, doc: Doc) -> Doc:
        """As SpanRuler's, with this factory's filter (the longest of overlapping spans kept): when the
        Doc has no spans of the key yet, the matches are filtered as plain tuples, and Spans are made
        only of those kept."""
        if self.starts is None or len(doc) == 0 or len(self.phrase_matcher) or self.annotate_ents \
                or self.spans_filter is not filter_chain_spans or (self.key in doc.spans and not self.overwrite):
            return super().__call__(doc)
        self._require_patterns()
        if self._trie is None:
            self._trie = PatternTrie(self.patterns, self.nlp.vocab.strings)
        doc.spans[self.key] = [Span(doc, s, e, label=label, span_id=span_id)
                               for s, e, label, span_id in self._trie.longest(token_columns(doc))]
        return doc


@Language.factory("trie_span_ruler", default_config={"spans_key": "ruler", "validate": True})
def make_trie_span_ruler(nlp: Language, name: str, spans_key: str, validate: bool) -> TrieSpanRuler:
    """Registered like spaCy's span_ruler; keeps the first-longest span filter of the quantity ruler."""
    return TrieSpanRuler(nlp, name, spans_key=spans_key, spans_filter=filter_chain_spans, validate=validate,
                         scorer=lambda examples, **kw: overlapping_labeled_spans_score(
                             examples, spans_key=spans_key, **kw))
