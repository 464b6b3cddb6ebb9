"""Benchmark: `validate` on N claims (default 10,000) built from the bundled corpus's real rows.

Prints the time after imports (GX's own import is excluded: it is paid once per process).
Usage: python benchmarks/bench_validate.py [N]
"""
from __future__ import annotations

import sys
import time

import pandas as pd


def main(n: int = 10_000) -> None:
    from pipeline import stages
    from pipeline.config import load_validate_params
    from pipeline.records import CLAIM_COLUMNS, PAPER_COLUMNS, to_frame
    from pipeline.rules import load_rules
    from pipeline.validate import validate_tables

    rules = load_rules("rules")
    papers, claims, _ = stages.run_all(["data/poster_session_2.txt"], rules)
    papers, claims = to_frame(papers, PAPER_COLUMNS), to_frame(claims, CLAIM_COLUMNS)
    copies = -(-n // len(claims))
    big_papers, big_claims = [], []
    for k in range(copies):
        p, c = papers.copy(), claims.copy()
        p["paper_id"] = p["paper_id"] + f"~{k}"
        c["paper_id"] = c["paper_id"] + f"~{k}"
        c["claim_id"] = c["claim_id"] + f"~{k}"
        big_papers.append(p)
        big_claims.append(c)
    big_p = pd.concat(big_papers, ignore_index=True)
    big_c = pd.concat(big_claims, ignore_index=True).head(n)
    import great_expectations  # noqa: F401  (import cost is not what this measures)

    params = load_validate_params()
    start = time.perf_counter()
    contract, flags = validate_tables(big_p, big_c, rules, params)
    seconds = time.perf_counter() - start
    print(f"validate: {len(big_c):,} claims, {len(big_p):,} papers in {seconds:.2f} s "
          f"({contract.evaluated} expectations, {len(contract.failures)} failures, {len(flags):,} flags)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
