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

from spacy.language import Language
from spacy.pipeline import SpanRuler
from spacy.pipeline.span_ruler import overlapping_labeled_spans_score
from spacy.tokens import Doc, Span
from spacy.util import filter_chain_spans

from .columns import token_columns
from .pattern_trie import PatternTrie, token_test


def walkable(patterns: list[list[dict]]) -> bool:
    """Whether every token pattern is made of number, LOWER and ORTH tests with optional tokens only,
    which the PatternTrie walks (it works out from the patterns where a match can begin); any other
    ("+", "*", "!", "{n,m}", REGEX, ...) leaves the ruler to spaCy's Matcher."""
    return all(token_test(spec) is not None for pattern in patterns for spec in pattern)


class TrieSpanRuler(SpanRuler):
    """SpanRuler whose patterns, once `set_walkable` says they can be, are matched by a PatternTrie."""

    walks: bool = False
    _trie: PatternTrie | None = None

    def set_walkable(self, walks: bool) -> None:
        self.walks = walks
        self._trie = None

    def _walk(self, doc: Doc) -> PatternTrie | None:
        """The trie to match `doc` with, or None when spaCy's own matching is to run."""
        if not self.walks or len(doc) == 0:
            return None
        self._require_patterns()
        if self._trie is None:
            self._trie = PatternTrie(self.patterns, self.nlp.vocab.strings)
        return self._trie

    def match(self, doc: Doc):
        trie = self._walk(doc)
        if trie is None:
            return super().match(doc)
        spans = {Span(doc, s, e, label=label, span_id=span_id)
                 for label, span_id, s, e in trie.find(token_columns(doc))}
        if len(self.phrase_matcher):
            labels = self._match_label_id_map
            spans.update(Span(doc, s, e, label=labels[m]["label"], span_id=labels[m]["id"])
                         for m, s, e in self.phrase_matcher(doc) if s != e)
        return sorted(spans)

    def __call__(self, doc: Doc) -> Doc:
        """As SpanRuler's, with this factory's filter (the longest of overlapping spans kept): when the
        Doc has no spans of the key yet, the matches are filtered as plain tuples, and Spans are made
        only of those kept."""
        trie = self._walk(doc)
        if trie is None or len(self.phrase_matcher) or self.annotate_ents \
                or self.spans_filter is not filter_chain_spans or (self.key in doc.spans and not self.overwrite):
            return super().__call__(doc)
        doc.spans[self.key] = [Span(doc, s, e, label=label, span_id=span_id)
                               for s, e, label, span_id in trie.longest(token_columns(doc))]
        return doc


@Language.factory("trie_span_ruler", default_config={"spans_key": "ruler", "validate": True})
def make_trie_span_ruler(nlp: Language, name: str, spans_key: str, validate: bool) -> TrieSpanRuler:
    """Registered like spaCy's span_ruler; keeps the first-longest span filter of the quantity ruler."""
    return TrieSpanRuler(nlp, name, spans_key=spans_key, spans_filter=filter_chain_spans, validate=validate,
                         scorer=lambda examples, **kw: overlapping_labeled_spans_score(
                             examples, spans_key=spans_key, **kw))
