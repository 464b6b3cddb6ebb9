"""A SpanRuler whose token Matcher runs only where one of its patterns can begin.

spaCy's Matcher makes Python Token objects for every token of what it is given, which made it the
single largest cost of extraction. Every quantity pattern begins with a number or with one of a few
fixed words, so the ruler works out, from the patterns themselves, which tokens can start a match
and runs the Matcher on short windows from those tokens only (as long as the longest pattern). The
spans found are exactly those the whole-Doc Matcher finds: a match can only start on a token that
can begin its pattern, and it ends within the window.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.pipeline import SpanRuler
from spacy.pipeline.span_ruler import overlapping_labeled_spans_score
from spacy.tokens import Doc, Span
from spacy.util import filter_chain_spans

from .columns import token_columns

_OPTIONAL = {"?", "*"}


@dataclass(frozen=True)
class Starts:
    """Which tokens can begin a match: numbers, and tokens of these LOWER / ORTH forms."""

    numbers: bool
    lower: frozenset[str]
    orth: frozenset[str]
    longest: int  # tokens in the longest match


def pattern_starts(patterns: list[list[dict]]) -> Starts | None:
    """The tokens that can begin any of the token patterns, or None when some pattern can begin on a
    token that is not described by a number or by fixed words (then the whole Doc is matched)."""
    numbers, lower, orth, longest = False, set(), set(), 0
    for pattern in patterns:
        if any(spec.get("OP") in {"+", "*"} for spec in pattern):
            return None  # no bound on a match's length
        longest = max(longest, len(pattern))
        for spec in pattern:
            test = {k: v for k, v in spec.items() if k != "OP"}
            if test == {"LIKE_NUM": True}:
                numbers = True
            elif len(test) == 1 and next(iter(test)) in {"LOWER", "ORTH"}:
                (attr, value), = test.items()
                words = value["IN"] if isinstance(value, dict) and list(value) == ["IN"] else value
                if isinstance(words, str):
                    words = [words]
                if not isinstance(words, list):
                    return None
                (lower if attr == "LOWER" else orth).update(words)
            else:
                return None
            if spec.get("OP") not in _OPTIONAL:
                break  # the first required token always takes part in the match
    return Starts(numbers, frozenset(w.lower() for w in lower), frozenset(orth), longest)


class WindowedSpanRuler(SpanRuler):
    """SpanRuler with `starts` set: the token Matcher sees only windows that can hold a match."""

    starts: Starts | None = None
    _hashes: tuple[frozenset[int], frozenset[int]] | None = None

    def set_starts(self, starts: Starts | None) -> None:
        self.starts = starts
        strings = self.nlp.vocab.strings
        self._hashes = None if starts is None else (frozenset(strings.add(w) for w in starts.lower),
                                                    frozenset(strings.add(w) for w in starts.orth))

    def match(self, doc: Doc):
        if self.starts is None or len(doc) == 0:
            return super().match(doc)
        self._require_patterns()
        lower_hashes, orth_hashes = self._hashes
        numbers = self.starts.numbers
        like_num, lower, orth, _ = token_columns(doc)
        can_start = [i for i, (num, low, o) in enumerate(zip(like_num, lower, orth))
                     if (numbers and num) or low in lower_hashes or o in orth_hashes]
        matches = []
        for start, end in _windows(can_start, self.starts.longest, len(doc)):
            matches += [(m_id, start + s, start + e) for m_id, s, e in self.matcher(doc[start:end])]
        matches += list(self.phrase_matcher(doc))
        labels = self._match_label_id_map
        return sorted({Span(doc, s, e, label=labels[m]["label"], span_id=labels[m]["id"])
                       for m, s, e in matches if s != e})


def _windows(starts: list[int], longest: int, length: int):
    """[start, end) runs covering `longest` tokens from every start, overlapping ones merged."""
    run_start = run_end = None
    for s in starts:
        end = min(s + longest, length)
        if run_end is not None and s <= run_end:
            run_end = max(run_end, end)
            continue
        if run_end is not None:
            yield run_start, run_end
        run_start, run_end = s, end
    if run_end is not None:
        yield run_start, run_end


@Language.factory("windowed_span_ruler", default_config={"spans_key": "ruler", "validate": True})
def make_windowed_span_ruler(nlp: Language, name: str, spans_key: str, validate: bool) -> WindowedSpanRuler:
    """Registered like spaCy's span_ruler; keeps the first-longest span filter of the quantity ruler."""
    return WindowedSpanRuler(nlp, name, spans_key=spans_key, spans_filter=filter_chain_spans, validate=validate,
                             scorer=lambda examples, **kw: overlapping_labeled_spans_score(
                                 examples, spans_key=spans_key, **kw))
