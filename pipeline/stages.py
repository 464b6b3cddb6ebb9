"""The stages as functions over tables: ingest → extract → normalize. The CLI and DVC call these.

Each stage reads and writes tables in a directory, so DVC can rerun any one alone; `run_all`
chains them in memory for `claims extract`.
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pandas as pd

from .extract import Extractor
from .ingest import read_inputs
from .normalize import finish_papers, mark_named, to_claims
from .records import (CLAIM_COLUMNS, PAPER_COLUMNS, QUANTITY_COLUMNS, Paper, Quantity, to_frame)
from .rules import Rules
from .tables import read_table, write_table
from .units import UnitRegistry


def ingest(inputs: list[str]) -> list[Paper]:
    return read_inputs(inputs)


def extract(papers: list[Paper], rules: Rules) -> tuple[list[Paper], list[Quantity]]:
    extractor = Extractor(rules)
    out_papers, quantities = [], []
    for result in extractor.extract(papers):
        out_papers.append(replace(result.paper, baselines=result.named_baselines))
        quantities.extend(result.quantities)
    return out_papers, quantities


def normalize(papers: list[Paper], quantities: list[Quantity], rules: Rules):
    registry = UnitRegistry.from_rules(rules)
    claims = to_claims(quantities, registry)
    named = {p.paper_id: p.baselines for p in papers}
    return finish_papers(papers, claims, named), mark_named(claims, named)


def run_all(inputs: list[str], rules: Rules):
    papers, quantities = extract(ingest(inputs), rules)
    papers, claims = normalize(papers, quantities, rules)
    return papers, claims, quantities


# --- table I/O per stage --------------------------------------------------------------------------

def write_papers(papers: list[Paper], out: str | Path) -> None:
    write_table(to_frame(papers, PAPER_COLUMNS), out, "papers")


def write_outputs(out: str | Path, papers, claims, quantities) -> None:
    write_papers(papers, out)
    write_table(to_frame(claims, CLAIM_COLUMNS), out, "claims")
    write_table(to_frame(quantities, QUANTITY_COLUMNS), out, "quantities")


def read_papers_table(directory: str | Path) -> list[Paper]:
    frame = read_table(Path(directory) / "papers.parquet")
    return [Paper(**_tuples(row)) for row in frame.to_dict("records")]


def read_quantities_table(directory: str | Path) -> list[Quantity]:
    frame = read_table(Path(directory) / "quantities.parquet")
    frame = frame.astype(object).where(pd.notna(frame), None)
    return [Quantity(**row) for row in frame.to_dict("records")]


def _tuples(row: dict) -> dict:
    return {k: tuple(v) if hasattr(v, "tolist") or isinstance(v, list) else v for k, v in row.items()}
