"""Report stage: a static, self-contained claims dashboard (index.html + assets, no CDN).

The page is drawn by report_assets/report.js from one data file (data.js) written here. Every
paper text reaches the page as JSON data and is put into the DOM with textContent, never as HTML,
so a title made of `<script>` shows as text. data.js (not fetch) keeps file:// working.
"""
from __future__ import annotations

import json
import math
import shutil
from importlib import resources
from pathlib import Path

import pandas as pd

ASSETS = ("report.js", "report.css")

INDEX_HTML = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>claimscope — claims dashboard</title>
<link rel="stylesheet" href="report.css">
</head><body>
<header><h1>claimscope</h1><p class="sub">Quantitative result claims, lined up by the baselines papers measured against.</p>
<nav><a href="#overview">Overview</a> <a href="#baselines">Baselines</a> <a href="#claims">Claims</a> <a href="#paper">Paper</a></nav></header>
<main>
<section id="overview"><h2>Overview</h2><div id="cards" class="cards"></div></section>
<section id="baselines"><h2>Baselines</h2><p class="note">Improvement factor: ×N as claimed, or a percent turned into a
factor (51% lower energy → 1/(1−0.51) ≈ 2.04×); log scale; bars span claimed ranges; labels show the qualifier.</p>
<div id="baseline-views"></div></section>
<section id="claims"><h2>Claims</h2>
<div class="controls"><input id="search" type="search" placeholder="Search claims, papers, metrics, baselines…" aria-label="search">
<select id="filter-type" aria-label="claim type"><option value="">all types</option></select>
<select id="filter-direction" aria-label="direction"><option value="">any direction</option></select>
<select id="filter-qualifier" aria-label="qualifier"><option value="">any qualifier</option></select>
<label><input id="filter-flagged" type="checkbox"> flagged only</label></div>
<table id="claims-table"><thead><tr></tr></thead><tbody></tbody></table>
<div class="pager"><button id="prev">‹ prev</button> <span id="page-info"></span> <button id="next">next ›</button></div>
</section>
<section id="paper"><h2>Paper</h2><div id="paper-view"><p class="note">Choose a paper in the claims table or a baseline view.</p></div></section>
</main>
<script src="data.js"></script>
<script src="report.js"></script>
</body></html>
"""


def build_report(directory: str | Path, out: str | Path | None = None, *, comparisons: str | Path | None = None,
                 flags: str | Path | None = None) -> Path:
    """Write DIR/report/ from DIR's papers and claims, and the comparisons and flags tables (by
    default DIR/comparisons.parquet and DIR/flags.parquet, where present)."""
    directory = Path(directory)
    target = Path(out) if out else directory / "report"
    target.mkdir(parents=True, exist_ok=True)
    data = report_data(directory, Path(comparisons or directory / "comparisons.parquet"),
                       Path(flags or directory / "flags.parquet"))
    (target / "data.js").write_text("window.CLAIMSCOPE = " + _safe_json(data) + ";\n", encoding="utf-8")
    (target / "index.html").write_text(INDEX_HTML, encoding="utf-8")
    assets = resources.files("pipeline") / "report_assets"
    for name in ASSETS:
        with resources.as_file(assets / name) as source:
            shutil.copyfile(source, target / name)
    return target / "index.html"


def report_data(directory: Path, comparisons_path: Path, flags_path: Path) -> dict:
    papers = _records(directory / "papers.parquet")
    claims = _records(directory / "claims.parquet")
    comparisons = _records(comparisons_path)
    flags = _records(flags_path)
    return {
        "papers": [_pick(p, ["paper_id", "title", "authors", "abstract", "hardware", "baselines", "system",
                             "n_claims", "status"]) for p in papers],
        "claims": [_pick(c, ["claim_id", "paper_id", "text", "start", "end", "sentence", "value_low", "value_high",
                             "unit", "claim_type", "direction", "qualifier", "metric", "metric_family", "baseline",
                             "baseline_named", "rule_id"]) for c in claims],
        "comparisons": [_pick(c, ["baseline", "paper_id", "claim_id", "system", "title", "metric", "metric_family",
                                  "value_low", "value_high", "unit", "qualifier", "factor_low", "factor_high",
                                  "hardware", "text"]) for c in comparisons],
        "flags": [_pick(f, ["check_id", "severity", "paper_id", "claim_id", "message"]) for f in flags],
    }


def _records(path: Path) -> list[dict]:
    if not path.exists():
        return []
    frame = pd.read_parquet(path)
    return frame.astype(object).where(frame.notna(), None).to_dict("records")


def _pick(record: dict, keys: list[str]) -> dict:
    return {k: _plain(record.get(k)) for k in keys}


def _plain(value):
    if hasattr(value, "tolist"):
        value = value.tolist()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def _safe_json(data: dict) -> str:
    """JSON that is also safe inside a <script> file: ASCII only, and no '</' to end a script."""
    return json.dumps(data, ensure_ascii=True, separators=(",", ":"), sort_keys=True).replace("</", "<\\/")
