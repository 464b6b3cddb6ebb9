"""Benchmark: `validate` on N claims (default 10,000) built from the bundled corpus's real rows.

Prints the time after imports (GX's own import is excluded: it is paid once per process).
Usage: python benchmarks/bench_validate.py [N]
"""
from __future__ import annotations

import sys
import time

from synth import bundled_tables, replicate


def main(n: int = 10_000) -> None:
    from pipeline.core.config import load_validate_params
    from pipeline.core.rules import load_rules
    from pipeline.review.validate import validate_tables

    rules = load_rules("rules")
    papers, claims = replicate(*bundled_tables(rules), n_claims=n)
    import great_expectations  # noqa: F401  (import cost is not what this measures)

    start = time.perf_counter()
    contract, flags = validate_tables(papers, claims, rules, load_validate_params())
    seconds = time.perf_counter() - start
    print(f"validate: {len(claims):,} claims, {len(papers):,} papers in {seconds:.2f} s "
          f"({contract.evaluated} expectations, {len(contract.failures)} failures, {len(flags):,} flags)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
