"""Large tables for benchmarks: the bundled corpus's real rows, copied under new ids."""
from __future__ import annotations

import pandas as pd


def replicate(papers: pd.DataFrame, claims: pd.DataFrame, *, n_papers: int | None = None,
              n_claims: int | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Copies of `papers`/`claims` with suffixed ids until there are n_papers papers or n_claims claims."""
    per_copy = len(papers) if n_papers else len(claims)
    copies = -(-(n_papers or n_claims) // per_copy)
    big_papers, big_claims = [], []
    for k in range(copies):
        p, c = papers.copy(), claims.copy()
        for frame in (p, c):
            frame["paper_id"] = frame["paper_id"] + f"~{k}"
        c["claim_id"] = c["claim_id"] + f"~{k}"
        big_papers.append(p)
        big_claims.append(c)
    big_p = pd.concat(big_papers, ignore_index=True)
    big_c = pd.concat(big_claims, ignore_index=True)
    if n_papers:
        big_p = big_p.head(n_papers)
        big_c = big_c[big_c["paper_id"].isin(big_p["paper_id"])]
    else:
        big_c = big_c.head(n_claims)
    return big_p, big_c.reset_index(drop=True)


def bundled_tables(rules):
    from pipeline.core.records import CLAIM_COLUMNS, PAPER_COLUMNS, to_frame
    from pipeline.run.chain import run_all

    papers, claims, _ = run_all(["data/poster_session_2.txt"], rules)
    return to_frame(papers, PAPER_COLUMNS), to_frame(claims, CLAIM_COLUMNS)
