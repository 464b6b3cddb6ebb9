"""The data contract of the output tables, checked with great-expectations (GX 1.x).

Expectations are data (rules/expectations.yml); this module resolves their run-time values, runs
them in an ephemeral GX context with result_format COMPLETE, and turns every unexpected row into a
`ContractFailure` that names the row by its key.
"""
from __future__ import annotations

import logging
import math
import os
from dataclasses import dataclass

import pandas as pd

from pipeline.core.errors import RulesError
from pipeline.core.rules import ExpectationRule, Rules

KEY_COLUMNS = {"papers": "paper_id", "claims": "claim_id", "hardware": "paper_id", "entities": "entity_key"}
ENTITY_COLUMNS = ["paper_id", "start", "end", "text", "kind", "canonical", "known", "rule_id"]


@dataclass(frozen=True, slots=True)
class ContractFailure:
    expectation_id: str
    table: str
    row_key: str | None  # None for a table-level failure (a missing column)
    detail: str


@dataclass(frozen=True)
class ContractResult:
    evaluated: int
    failed_expectations: tuple[str, ...]
    failures: tuple[ContractFailure, ...]


def contract_tables(papers: pd.DataFrame, claims: pd.DataFrame,
                    entities: pd.DataFrame | None = None) -> dict[str, pd.DataFrame]:
    """The frames the expectations run on: claims and entities gain `offsets_slice_text` and
    `paper_known` (cross-table checks as columns, so GX does not carry a value set of every paper id),
    entities an `entity_key` (paper_id@start) that names a failing row, hardware is exploded to one
    row per name. Without an entities table (tables written before it existed) none is checked."""
    abstracts = dict(zip(papers["paper_id"], papers["abstract"].fillna(""))) if "abstract" in papers else {}
    claims = claims.copy()
    if {"paper_id", "start", "end", "text"} <= set(claims.columns):
        claims["offsets_slice_text"] = [
            _slices(abstracts.get(pid, ""), start, end, text)
            for pid, start, end, text in zip(claims["paper_id"], claims["start"], claims["end"], claims["text"])]
    if "paper_id" in claims.columns:
        claims["paper_known"] = claims["paper_id"].isin(papers["paper_id"]) if "paper_id" in papers else False
    rows = []
    if {"paper_id", "hardware"} <= set(papers.columns):
        for pid, names in zip(papers["paper_id"], papers["hardware"]):
            rows.extend({"paper_id": pid, "name": str(n)} for n in _as_list(names))
    hardware = pd.DataFrame(rows, columns=["paper_id", "name"])
    tables = {"papers": papers, "claims": claims, "hardware": hardware}
    if entities is not None:
        entities = entities.copy()
        if {"paper_id", "start", "end", "text"} <= set(entities.columns):
            entities["offsets_slice_text"] = [
                _slices(abstracts.get(pid, ""), start, end, text) for pid, start, end, text
                in zip(entities["paper_id"], entities["start"], entities["end"], entities["text"])]
            entities["entity_key"] = [f"{pid}@{start}" for pid, start in zip(entities["paper_id"], entities["start"])]
        if "paper_id" in entities.columns:
            entities["paper_known"] = entities["paper_id"].isin(papers["paper_id"]) if "paper_id" in papers else False
        tables["entities"] = entities
    return tables


def _slices(abstract: str, start, end, text) -> bool:
    try:
        return abstract[int(start):int(end)] == text
    except (TypeError, ValueError):
        return False


def _as_list(value) -> list:
    if value is None:
        return []
    if hasattr(value, "tolist"):
        value = value.tolist()
    return list(value) if isinstance(value, (list, tuple)) else [value]


class ContractChecker:
    """Builds the GX suites once; `check` validates a set of tables against them."""

    def __init__(self, rules: Rules):
        os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
        logging.getLogger("great_expectations").setLevel(logging.ERROR)
        import great_expectations as gx
        from great_expectations.data_context.types.base import ProgressBarsConfig

        self._gx = gx
        self.rules = rules
        self.context = gx.get_context(mode="ephemeral")
        self.context.variables.progress_bars = ProgressBarsConfig(globally=False, metric_calculations=False)
        self._batch_definitions = {}
        for table in KEY_COLUMNS:
            asset = self.context.data_sources.add_pandas(f"{table}_source").add_dataframe_asset(table)
            self._batch_definitions[table] = asset.add_batch_definition_whole_dataframe("whole")

    def check(self, tables: dict[str, pd.DataFrame]) -> ContractResult:
        import great_expectations.expectations as gxe

        failures: list[ContractFailure] = []
        failed: list[str] = []
        evaluated = 0
        for table, key in KEY_COLUMNS.items():
            if table not in tables:
                continue
            suite = self._gx.ExpectationSuite(name=f"{table}-contract")
            for rule in (r for r in self.rules.expectations if r.table == table):
                suite.add_expectation(self._expectation(gxe, rule, tables))
            if not suite.expectations:
                continue
            frame = tables[table]
            batch = self._batch_definitions[table].get_batch(batch_parameters={"dataframe": frame})
            index_columns = [key] if key in frame.columns else []
            result = batch.validate(suite, result_format={"result_format": "COMPLETE",
                                                          "unexpected_index_column_names": index_columns})
            for outcome in result.results:
                evaluated += 1
                if outcome.success:
                    continue
                rule_id = outcome.expectation_config.meta["rule_id"]
                failed.append(rule_id)
                failures.extend(_failures(rule_id, table, key, outcome))
        return ContractResult(evaluated, tuple(sorted(failed)), tuple(failures))

    def _expectation(self, gxe, rule: ExpectationRule, tables):
        cls = getattr(gxe, rule.expectation, None)
        if cls is None:
            raise RulesError(self.rules.directory / "expectations.yml", None,
                             f"{rule.id}: great-expectations has no expectation {rule.expectation!r}")
        kwargs = {k: self._resolve(v, tables) for k, v in rule.kwargs.items()}
        try:
            return cls(**kwargs, meta={"rule_id": rule.id})
        except Exception as exc:  # GX validates arguments with pydantic
            raise RulesError(self.rules.directory / "expectations.yml", None,
                             f"{rule.id}: bad arguments for {rule.expectation}: {exc}") from exc

    def _resolve(self, value, tables):
        if not (isinstance(value, str) and value.startswith("@")):
            return value
        source, _, name = value[1:].partition(".")
        if source == "lexicon" and name == "hardware":
            return sorted({e.canonical for e in self.rules.hardware})
        if source in tables and name in tables[source].columns:
            return sorted({str(v) for v in tables[source][name].dropna()})
        raise RulesError(self.rules.directory / "expectations.yml", None, f"cannot resolve {value!r}")


def _failures(rule_id: str, table: str, key: str, outcome) -> list[ContractFailure]:
    result = outcome.result or {}
    rows = result.get("unexpected_index_list") or []
    if rows:
        out = []
        for row in rows:
            shown = {k: v for k, v in row.items() if k != key}
            value = row.get(key)
            missing = value is None or (isinstance(value, float) and math.isnan(value))
            out.append(ContractFailure(rule_id, table, None if missing else str(value), f"unexpected {shown}"))
        return out
    exception = _exception_message(outcome.exception_info or {})
    detail = exception or str({k: v for k, v in result.items() if k in ("details", "observed_value")})
    return [ContractFailure(rule_id, table, None, detail)]


def _exception_message(info: dict) -> str | None:
    """GX nests exception details by metric; find the first message."""
    if info.get("exception_message"):
        return str(info["exception_message"]).splitlines()[0]
    for value in info.values():
        if isinstance(value, dict):
            found = _exception_message(value)
            if found:
                return found
    return None
