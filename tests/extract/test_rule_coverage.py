"""Every proposing pattern of rules/quantities.jsonl is exercised by a real sentence from outside the
dev sets (issue: no rule may exist only for one sentence of the corpus it was written against)."""
from __future__ import annotations

import json
from pathlib import Path

from pipeline.core.records import Paper

CLAIMS = Path(__file__).resolve().parents[1] / "data" / "phrases" / "claims.jsonl"
CORPUS_SRC = "CORPUS"


def _rows() -> list[dict]:
    """The rows of the positive phrase table, tests/data/phrases/claims.jsonl."""
    return [json.loads(line) for line in CLAIMS.read_text(encoding="utf-8").splitlines()]


def _outside_rule_ids(extractor) -> set[str]:
    papers = [Paper(paper_id=f"row{i}", title="", authors=(), abstract=row["sentence"], source="test", source_line=1)
              for i, row in enumerate(_rows()) if row["source"] != CORPUS_SRC]
    return {q.rule_id for result in extractor.extract(papers) for q in result.quantities if q.role == "result"}


def test_every_pattern_has_a_sentence_from_outside_the_dev_sets(extractor):
    with open("rules/quantities.jsonl", encoding="utf-8") as handle:
        ids = {json.loads(line)["id"] for line in handle if line.strip() and not line.startswith("//")}
    missing = ids - _outside_rule_ids(extractor)
    assert not missing, f"patterns with no outside sentence in tests/data/phrases/claims.jsonl: {sorted(missing)}"
