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

from pipeline.extract.fast.columns import token_columns
from pipeline.extract.fast.pattern_trie import PatternTrie, token_test


def walkable(patterns: list[list[dict]]) -> bool:
    """Whether every pattern is a token pattern made of number, LOWER and ORTH tests with optional
    tokens only, which the PatternTrie walks (it works out from the patterns where a match can begin);
    any other ("+", "*", "!", "{n,m}", REGEX, a phrase pattern, ...) leaves the ruler to spaCy."""
    return all(isinstance(pattern, list) and all(isinstance(spec, dict) and token_test(spec) is not None
                                                 for spec in pattern) for pattern in patterns)


class TrieSpanRuler(SpanRuler):
    """SpanRuler whose patterns, when every one is `walkable`, are matched by a PatternTrie.

    Whether they are, and the trie, are worked out from the ruler's own patterns when it first runs,
    and again after the patterns change (add_patterns, remove, remove_by_id, clear; initialize and
    from_disk/from_bytes go through these), so a pattern added later is never missed and one the trie
    cannot walk sends the ruler back to spaCy's Matcher."""

    _plan: PatternTrie | bool | None = None  # the trie, False (the Matcher's work), None: not yet worked out

    @property
    def walks(self) -> bool:
        """Whether the PatternTrie, not spaCy's Matcher, matches the current patterns."""
        return self._trie() is not None

    def _trie(self) -> PatternTrie | None:
        if self._plan is None:
            patterns = self.patterns
            self._plan = PatternTrie(patterns, self.nlp.vocab.strings) \
                if walkable([p["pattern"] for p in patterns]) else False
        return self._plan if isinstance(self._plan, PatternTrie) else None

    def _walk(self, doc: Doc) -> PatternTrie | None:
        """The trie to match `doc` with, or None when spaCy's own matching is to run."""
        if len(doc) == 0:
            return None
        self._require_patterns()
        return self._trie()

    def add_patterns(self, patterns) -> None:
        super().add_patterns(patterns)
        self._plan = None

    def remove(self, label: str) -> None:
        super().remove(label)
        self._plan = None

    def remove_by_id(self, pattern_id: str) -> None:
        super().remove_by_id(pattern_id)
        self._plan = None

    def clear(self) -> None:
        super().clear()
        self._plan = None

    def match(self, doc: Doc):
        trie = self._walk(doc)
        if trie is None:
            return super().match(doc)
        # (phrase patterns are not walkable: a ruler that has any is matched by spaCy)
        return sorted({Span(doc, s, e, label=label, span_id=span_id)
                       for label, span_id, s, e in trie.find(token_columns(doc))})

    def __call__(self, doc: Doc) -> Doc:
        """As SpanRuler's, with this factory's filter (the longest of overlapping spans kept): when the
        Doc has no spans of the key yet, the matches are filtered as plain tuples, and Spans are made
        only of those kept."""
        trie = self._walk(doc)
        if trie is None or self.annotate_ents \
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
