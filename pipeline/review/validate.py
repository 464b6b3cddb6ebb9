"""Validate stage: the contract (great-expectations) and the reviewer flags over a tables directory.

Writes flags.parquet (+ .csv), validation.json (a DVC metric) and validation.html (a page of its
own, no scripts or CDN, readable offline). The exit status is 1 when a contract expectation fails
and 0 when only reviewer flags fire.
"""
from __future__ import annotations

import html
from collections import Counter
from dataclasses import asdict
from pathlib import Path

import pandas as pd

from pipeline.core.config import ValidateParams
from pipeline.core.rules import Rules
from pipeline.core.tables import tables_dir, write_json, write_table
from pipeline.review.contract import ContractChecker, ContractResult, contract_tables
from pipeline.review.flags import FLAG_COLUMNS, Flag, FlagChecker

SEVERITIES = ("error", "warning", "info")


def validate_tables(papers: pd.DataFrame, claims: pd.DataFrame, rules: Rules, params: ValidateParams,
                    entities: pd.DataFrame | None = None) -> tuple[ContractResult, list[Flag]]:
    contract = ContractChecker(rules).check(contract_tables(papers, claims, entities))
    flags = FlagChecker(rules, params).run(claims) if not claims.empty else []
    return contract, flags


def summary(contract: ContractResult, flags: list[Flag]) -> dict:
    by_severity = Counter(f.severity for f in flags)
    return {
        "expectations": {"evaluated": contract.evaluated, "failed": len(contract.failed_expectations),
                         "failed_ids": list(contract.failed_expectations),
                         "unexpected_rows": len(contract.failures)},
        "flags": {"total": len(flags), **{s: by_severity.get(s, 0) for s in SEVERITIES},
                  "by_check": dict(sorted(Counter(f.check_id for f in flags).items()))},
    }


def run_validate(directory: str | Path, rules: Rules, params: ValidateParams, *,
                 out: str | Path | None = None, metrics: str | Path | None = None) -> int:
    directory = tables_dir(directory)
    out = Path(out or directory)
    papers = pd.read_parquet(directory / "papers.parquet")
    claims = pd.read_parquet(directory / "claims.parquet")
    entities_path = directory / "entities.parquet"
    entities = pd.read_parquet(entities_path) if entities_path.exists() else None
    contract, flags = validate_tables(papers, claims, rules, params, entities)
    write_table(pd.DataFrame([asdict(f) for f in flags], columns=FLAG_COLUMNS), out, "flags")
    facts = summary(contract, flags)
    write_json(facts, metrics or out / "validation.json")
    (out / "validation.html").write_text(render_html(facts, contract, flags, claims), encoding="utf-8")
    return 1 if contract.failures else 0


def render_html(facts: dict, contract: ContractResult, flags: list[Flag], claims: pd.DataFrame) -> str:
    """A self-contained page: every value escaped, no script, no external resource."""
    e = html.escape
    texts = dict(zip(claims.get("claim_id", []), claims.get("text", [])))
    rows_c = "".join(f"<tr><td>{e(f.expectation_id)}</td><td>{e(f.table)}</td><td>{e(str(f.row_key))}</td>"
                     f"<td>{e(f.detail)}</td></tr>" for f in contract.failures)
    rows_f = "".join(f"<tr class='{e(f.severity)}'><td>{e(f.severity)}</td><td>{e(f.check_id)}</td>"
                     f"<td>{e(f.paper_id)}</td><td>{e(f.claim_id)}</td><td><code>{e(str(texts.get(f.claim_id, '')))}"
                     f"</code></td><td>{e(f.message)}</td></tr>" for f in flags)
    exp = facts["expectations"]
    verdict = "passed" if not contract.failures else "FAILED"
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>claimscope validation</title>
<style>
body {{ font: 14px/1.4 system-ui, sans-serif; margin: 2em; color: #222; }}
table {{ border-collapse: collapse; width: 100%; margin-bottom: 2em; }}
td, th {{ border: 1px solid #ccc; padding: 4px 6px; text-align: left; vertical-align: top; }}
th {{ background: #f3f3f3; }} tr.error td {{ background: #fde8e8; }} tr.warning td {{ background: #fff6e0; }}
.verdict {{ font-weight: bold; }}
</style></head><body>
<h1>Validation</h1>
<p class="verdict">Contract {verdict}: {exp['evaluated']} expectations evaluated, {exp['failed']} failed,
{exp['unexpected_rows']} unexpected rows. Reviewer flags: {facts['flags']['total']}
({facts['flags']['error']} error, {facts['flags']['warning']} warning, {facts['flags']['info']} info).</p>
<h2>Contract failures</h2>
<table><tr><th>expectation</th><th>table</th><th>row</th><th>detail</th></tr>{rows_c or
"<tr><td colspan=4>none</td></tr>"}</table>
<h2>Reviewer flags</h2>
<table><tr><th>severity</th><th>check</th><th>paper</th><th>claim</th><th>text</th><th>question</th></tr>{rows_f or
"<tr><td colspan=6>none</td></tr>"}</table>
</body></html>
"""
