"""The quantity ruler's own pattern walk finds exactly the spans spaCy's Matcher finds."""
from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from pipeline.columns import token_columns
from pipeline.ingest import read_papers
from pipeline.nlp import SPANS_KEY, build_nlp
from pipeline.rules import load_rules
from pipeline.textnorm import normalize
from pipeline.pattern_trie import PatternTrie
from pipeline.trie_ruler import pattern_starts

RULES = load_rules("rules")
NLP = build_nlp(RULES)
RULER = NLP.get_pipe("quantity_ruler")


def _texts() -> list[str]:
    papers = list(read_papers("data/poster_session_2.txt"))
    for path in sorted(Path("tests/data/dev2025").glob("corpus_*.jsonl")):
        papers += list(read_papers(str(path)))
    return [normalize(p.abstract, RULES.markup).text for p in papers if p.abstract]


def test_the_pattern_walk_is_used_for_the_quantity_patterns():
    assert RULER.starts is not None, "the quantity patterns left the subset the walk reads"


def test_same_spans_as_the_matcher_on_every_dev_abstract():
    plain = spacy.blank("en")
    plain.tokenizer = NLP.tokenizer
    reference = plain.add_pipe("span_ruler", config={"spans_key": SPANS_KEY})
    reference.add_patterns(RULER.patterns)
    texts = _texts()
    assert len(texts) > 150
    for text in texts:
        doc = NLP.make_doc(text)
        ours = sorted((s.start, s.end, s.label_, s.id_) for s in RULER.match(doc))
        theirs = sorted((s.start, s.end, s.label_, s.id_) for s in reference.match(NLP.make_doc(text)))
        assert ours == theirs, text[:80]


def test_optional_tokens_are_tried_both_ways_like_the_matcher():
    nlp = spacy.blank("en")
    trie = PatternTrie([{"label": "ratio", "id": "r", "pattern": [
        {"LIKE_NUM": True}, {"ORTH": "-", "OP": "?"}, {"LOWER": "fold"}]},
        {"label": "ratio", "id": "s", "pattern": [{"LIKE_NUM": True}, {"ORTH": {"IN": ["x", "×"]}, "OP": "?"}]}],
        nlp.vocab.strings)
    doc = nlp("a 3 - fold gain and 2 × more")
    found = sorted(trie.matches(token_columns(doc), [1, 6]))
    assert found == [("ratio", "r", 1, 4), ("ratio", "s", 1, 2), ("ratio", "s", 6, 7), ("ratio", "s", 6, 8)]


@pytest.mark.parametrize("pattern", [
    [{"LIKE_NUM": True}, {"LOWER": "x", "OP": "+"}],
    [{"LIKE_NUM": True}, {"LOWER": "x", "OP": "!"}],
    [{"LIKE_NUM": True}, {"TEXT": {"REGEX": "^x$"}}],
])
def test_patterns_outside_the_subset_leave_the_work_to_the_matcher(pattern):
    assert pattern_starts([pattern]) is None
