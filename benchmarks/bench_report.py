"""Benchmark: `compare` + `report` for N papers (default 2,000) built from the bundled corpus's rows.

Prints the seconds and the size of the page's data; the claims table shows 50 rows a page, so the
page stays usable however many claims there are.
Usage: python benchmarks/bench_report.py [N]
"""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from synth import bundled_tables, replicate


def main(n: int = 2_000) -> None:
    from pipeline.core.rules import load_rules
    from pipeline.core.tables import write_table
    from pipeline.review.compare import run_compare
    from pipeline.review.report import build_report

    rules = load_rules("rules")
    papers, claims = replicate(*bundled_tables(rules), n_papers=n)
    with tempfile.TemporaryDirectory() as tmp:
        write_table(papers, tmp, "papers")
        write_table(claims, tmp, "claims")
        start = time.perf_counter()
        rows, pairs = run_compare(tmp, rules)
        index = build_report(tmp)
        seconds = time.perf_counter() - start
        size = (Path(index).parent / "data.js").stat().st_size
    print(f"report: {len(papers):,} papers, {len(claims):,} claims, {rows:,} comparisons, {pairs:,} indirect "
          f"in {seconds:.2f} s (data.js {size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2_000)
