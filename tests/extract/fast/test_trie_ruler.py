"""The quantity ruler's own pattern walk finds exactly the spans spaCy's Matcher finds."""
from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.pipeline import SpanRuler

from pipeline.core.rules import load_rules
from pipeline.extract.fast.columns import token_columns
from pipeline.extract.fast.pattern_trie import PatternTrie
from pipeline.extract.fast.trie_ruler import walkable
from pipeline.extract.nlp import SPANS_KEY, UNITS_KEY, build_nlp
from pipeline.extract.textnorm import normalize
from pipeline.ingest.readers import read_papers

RULES = load_rules("rules")
NLP = build_nlp(RULES)
RULER = NLP.get_pipe("quantity_ruler")


def _texts() -> list[str]:
    papers = list(read_papers("data/poster_session_2.txt"))
    for path in sorted(Path("tests/data/dev2025").glob("corpus_*.jsonl")):
        papers += list(read_papers(str(path)))
    return [normalize(p.abstract, RULES.markup).text for p in papers if p.abstract]


def test_the_pattern_walk_is_used_for_the_quantity_patterns():
    assert RULER.walks, "the quantity patterns left the subset the walk reads"


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


def test_unit_spellings_match_as_a_phrase_matcher_would():
    """units.yml's spellings are walked as token patterns; spaCy's PhraseMatcher-backed SpanRuler
    finds the same spans (each spelling tokenized as the text is)."""
    plain = spacy.blank("en")
    plain.tokenizer = NLP.tokenizer
    for attr, case_sensitive in (("ORTH", True), ("LOWER", False)):
        forms = [{"label": "unit", "id": u.id, "pattern": form}
                 for u in RULES.units if u.case_sensitive == case_sensitive for form in u.forms]
        if forms:
            ruler = plain.add_pipe("span_ruler", name=f"units_{attr}", config={
                "spans_key": UNITS_KEY, "phrase_matcher_attr": attr, "overwrite": False})
            ruler.add_patterns(forms)
    units = NLP.get_pipe("unit_forms")
    assert units.walks
    for text in _texts():
        ours = sorted((s.start, s.end, s.id_) for s in units.match(NLP.make_doc(text)))
        doc = plain(text)
        theirs = sorted((s.start, s.end, s.id_) for s in doc.spans[UNITS_KEY])
        assert ours == theirs, text[:80]


@pytest.mark.parametrize("name", ["quantity_ruler", "unit_forms"])
def test_the_spans_written_are_those_spacys_span_ruler_writes(name):
    """The ruler filters its matches as tuples before making Spans; SpanRuler's own __call__ (match,
    then the first-longest filter over Spans) writes the same spans."""
    ruler = NLP.get_pipe(name)
    for text in _texts():
        ours, theirs = ruler(NLP.make_doc(text)), SpanRuler.__call__(ruler, NLP.make_doc(text))
        assert [(s.start, s.end, s.label_, s.id_) for s in ours.spans[ruler.key]] == \
               [(s.start, s.end, s.label_, s.id_) for s in theirs.spans[ruler.key]], text[:80]


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
    assert not walkable([pattern])


def test_patterns_changed_after_a_run_are_what_the_ruler_matches():
    """The trie is worked out from the ruler's own patterns: added later, they are matched; one the
    trie cannot walk (a phrase pattern, a REGEX test) gives the work to spaCy's Matcher, whose spans
    the ruler then writes; removed, it is matched no more."""
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("trie_span_ruler", config={"spans_key": "sc"})
    ruler.add_patterns([{"label": "ratio", "id": "x", "pattern": [{"LIKE_NUM": True}, {"LOWER": "x"}]}])
    text = "It is 3 x faster than vLLM and 2 times cheaper on 8 GPUs"

    def found() -> list[tuple[str, str]]:
        doc = nlp(text)
        return [(s.text, s.label_) for s in doc.spans["sc"]]

    assert ruler.walks and found() == [("3 x", "ratio")]
    ruler.add_patterns([{"label": "ratio", "id": "times", "pattern": [{"LIKE_NUM": True}, {"LOWER": "times"}]}])
    assert ruler.walks and found() == [("3 x", "ratio"), ("2 times", "ratio")]
    ruler.add_patterns([{"label": "system", "pattern": "vLLM"},
                        {"label": "gpus", "pattern": [{"LIKE_NUM": True}, {"TEXT": {"REGEX": "^GPUs$"}}]}])
    assert not ruler.walks
    assert found() == [("3 x", "ratio"), ("vLLM", "system"), ("2 times", "ratio"), ("8 GPUs", "gpus")]
    ruler.remove("system")
    ruler.remove("gpus")
    ruler.remove_by_id("x")
    assert ruler.walks and found() == [("2 times", "ratio")]
    ruler.clear()
    with pytest.warns(UserWarning, match="W036"):  # spaCy's own warning for a ruler without patterns
        assert found() == []
