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

from pipeline.core.tables import tables_dir

ASSETS = ("index.html", "report.js", "report.css")



def build_report(directory: str | Path, out: str | Path | None = None, *, comparisons: str | Path | None = None,
                 flags: str | Path | None = None) -> Path:
    """Write DIR/report/ from DIR's papers and claims, and the comparisons and flags tables (by
    default DIR/comparisons.parquet and DIR/flags.parquet, where present)."""
    directory = tables_dir(directory)
    target = Path(out) if out else directory / "report"
    target.mkdir(parents=True, exist_ok=True)
    data = report_data(directory, Path(comparisons or directory / "comparisons.parquet"),
                       Path(flags or directory / "flags.parquet"))
    (target / "data.js").write_text("window.CLAIMSCOPE = " + _safe_json(data) + ";\n", encoding="utf-8")
    assets = resources.files("pipeline.review") / "report_assets"
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
                             "baseline_named", "baselines", "hardware", "baseline_scope", "rule_id"])
                   for c in claims],
        "comparisons": [_pick(c, ["baseline", "baseline_family", "baseline_scope", "paper_id", "claim_id", "system",
                                  "title", "metric", "metric_family",
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
