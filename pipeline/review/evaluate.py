"""Score a claims table against a gold file by the guideline's matching rules.

Matching (GUIDELINE.md, "How the scorer matches"): same paper, low and high within 0.5% relative,
same unit class (x, %, pp) or, for other units, equal after pint conversion to the gold unit; each
gold claim takes at most one prediction. Field accuracies are over matched pairs. Hardware and
named baselines are scored as sets per paper (a name matches when equal or one contains the other).
The errors file lists, per paper, missed and spurious claims (with the rule that proposed them),
matched claims whose direction, qualifier or baseline is wrong, and hardware or baseline sets that differ.
Where a gold claim carries the optional per-claim `baselines` and `hardware` lists, those are scored
over the matched pairs that have them (claim_baselines_f1, claim_hardware_f1), names as for the sets.
"""
from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from pipeline.core.tables import tables_dir, write_json

UNIT_CLASSES = {
    "x": {"x", "×", "times", "fold", "ratio"},
    "%": {"%", "percent", "pct"},
    "pp": {"pp", "points", "point", "percentage points", "percentage point", "pts", "pt"},
}
STOPWORDS = {"the", "a", "an", "of", "and", "or", "to", "in", "on", "for", "with", "by", "over", "than",
             "baseline", "baselines", "method", "methods", "system", "systems", "existing"}
TOLERANCE = 0.005


def _blank(value) -> bool:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return True
    return str(value).strip().lower() in {"", "none", "null", "nan"}


def _unit_class(unit) -> str:
    u = "" if _blank(unit) else str(unit).strip().lower()
    return next((name for name, spellings in UNIT_CLASSES.items() if u in spellings), "other")


def _squash(name) -> str:
    return re.sub(r"[\s\-_.]+", "", str(name).lower())


def _content_words(text) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", str(text).lower()) if w not in STOPWORDS}


def _key(text) -> str:
    return re.sub(r"\s+", " ", str(text)).strip().lower()


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= TOLERANCE * max(abs(a), abs(b), 1e-12)


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    direction: int = 0
    qualifier: int = 0
    baseline: int = 0
    metric: int = 0
    sets: dict = field(default_factory=lambda: {"hardware": [0, 0, 0], "baselines": [0, 0, 0]})
    # the per-claim lists, over matched pairs whose gold claim carries them: [tp, fp, fn, pairs]
    claim_lists: dict = field(default_factory=lambda: {"hardware": [0, 0, 0, 0], "baselines": [0, 0, 0, 0]})
    missing: int = 0


# The units the guideline's matching converts between: pint's own registry plus the counted units a
# systems paper measures in. Deliberately not the extraction registry (rules/units.txt): that one also
# knows TOPS, QPS and the like, and a unit pint cannot read is compared as written by the guideline's
# scorer, so a wider registry would turn its matches ("12 TOPS" for gold "12 TOPS/W") into misses.
SCORING_UNITS = ("sample = [sample]", "token = [token]", "request = [request]", "design = [design]",
                 "task = [task]", "bps = bit / second", "FLOP = [flop] = flop", "FLOPS = FLOP / second = flops")


def scoring_registry():
    """A pint registry that reads units as the guideline's matching does (built once per scorer)."""
    import pint

    ureg = pint.UnitRegistry()
    for line in SCORING_UNITS:
        ureg.define(line)
    return ureg


class Scorer:
    """Scores by the guideline's matching; units convert in `scoring_registry()` unless given one."""

    def __init__(self, ureg=None):
        self.ureg = ureg if ureg is not None else scoring_registry()

    def _factor(self, value: float, unit: str, gold_unit: str) -> float | None:
        """pred→gold conversion factor; None when either unit is unknown (values compare as written)."""
        try:
            gold = self.ureg.Quantity(1.0, str(gold_unit).replace("GPU-hours", "hour"))
            pred = self.ureg.Quantity(value, str(unit).replace("GPU-hours", "hour"))
        except Exception:
            return None
        try:
            return pred.to(gold.units).magnitude / value if value else 1.0
        except Exception:
            return math.nan

    def values_match(self, gold: dict, pred: dict) -> bool:
        if _unit_class(gold["unit"]) != _unit_class(pred["unit"]):
            return False
        try:
            low, high = float(pred["value_low"]), float(pred["value_high"])
        except (TypeError, ValueError):
            return False
        if math.isnan(low) or math.isnan(high):
            return False
        if _unit_class(gold["unit"]) == "other" and not _blank(gold["unit"]) and not _blank(pred["unit"]):
            factor = self._factor(low, pred["unit"], gold["unit"])
            if factor is not None:
                if math.isnan(factor):
                    return False
                low, high = low * factor, high * factor
        return _close(float(gold["low"]), low) and _close(float(gold["high"]), high)

    @staticmethod
    def baseline_ok(gold, pred, named: set[str]) -> bool:
        if _blank(gold):
            return _blank(pred)
        if _blank(pred):
            return False
        if gold in named:
            g, p = _squash(gold), _squash(pred)
            return g == p or (len(g) >= 3 and g in p) or (len(p) >= 3 and p in g)
        wanted = _content_words(gold)
        return not wanted or bool(wanted & _content_words(pred))

    def score(self, gold: list[dict], papers: pd.DataFrame, claims: pd.DataFrame):
        titles = {_key(t): pid for pid, t in zip(papers["paper_id"], papers["title"].fillna("")) if str(t).strip()}
        abstracts = list(zip(papers["paper_id"], papers["abstract"].fillna("")))
        rows = papers.set_index("paper_id")
        by_paper = {pid: g.to_dict("records") for pid, g in claims.groupby("paper_id")}
        t, errors = Tally(), []
        for g in gold:
            key = _key(g["paper"])
            pid = titles.get(key) or next((p for p, a in abstracts if _key(a).startswith(key)), None)
            if pid is None:
                t.missing += 1
                t.fn += len(g["claims"])
                t.sets["hardware"][2] += len(g["hardware"])
                t.sets["baselines"][2] += len(g["baselines"])
                errors.append({"paper": g["paper"], "missing_paper": True})
                continue
            preds, named, missed, wrong = list(by_paper.get(pid, [])), set(g["baselines"]), [], []
            for gc in g["claims"]:
                hit = next((p for p in preds if self.values_match(gc, p)), None)
                if hit is None:
                    t.fn += 1
                    missed.append({"text": gc["text"], "low": gc["low"], "unit": gc["unit"]})
                    continue
                preds.remove(hit)
                t.tp += 1
                right = {"direction": _same(gc["direction"], hit.get("direction")),
                         "qualifier": _same(gc["qualifier"], hit.get("qualifier")),
                         "baseline": self.baseline_ok(gc["baseline"], hit.get("baseline"), named)}
                t.direction += right["direction"]
                t.qualifier += right["qualifier"]
                t.baseline += right["baseline"]
                wrong += [{"text": gc["text"], "field": f, "gold": gc[f], "predicted": hit.get(f),
                           "rule_id": hit.get("rule_id")} for f, ok in right.items() if not ok]
                predicted_metric = _content_words(hit.get("metric") or "")
                t.metric += bool(gc["metric"] and _content_words(gc["metric"]) & predicted_metric)
                for name in ("hardware", "baselines"):  # optional in the gold: scored where it is given
                    if name not in gc:
                        continue
                    want, got = {_squash(x) for x in gc[name]}, {_squash(x) for x in _as_list(hit.get(name))}
                    hits, counts = _set_hits(want, got), t.claim_lists[name]
                    counts[0] += hits
                    counts[1] += len(got) - hits
                    counts[2] += len(want) - hits
                    counts[3] += 1
                    if hits < len(want) or hits < len(got):
                        wrong.append({"text": gc["text"], "field": name, "gold": gc[name],
                                      "predicted": _as_list(hit.get(name)), "rule_id": hit.get("rule_id")})
            t.fp += len(preds)
            set_errors = {}
            for name in ("hardware", "baselines"):
                want_raw, got_raw = list(g[name]), [str(x) for x in _as_list(rows.loc[pid].get(name))]
                want, got = {_squash(x) for x in want_raw}, {_squash(x) for x in got_raw}
                hits = _set_hits(want, got)
                counts = t.sets[name]
                counts[0] += hits
                counts[1] += len(got) - hits
                counts[2] += len(want) - hits
                if hits < len(want) or hits < len(got):
                    set_errors[name] = {"gold": want_raw, "predicted": got_raw}
            if missed or preds or wrong or set_errors:
                errors.append({"paper": g["paper"], "paper_id": pid, "missed": missed,
                               "spurious": [{"text": p.get("text"), "low": p.get("value_low"),
                                             "unit": p.get("unit"), "rule_id": p.get("rule_id")} for p in preds],
                               "wrong_fields": wrong, **set_errors})
        return _summary(t), errors


def _same(a, b) -> bool:
    return (_blank(a) and _blank(b)) or (not _blank(a) and not _blank(b)
                                         and str(a).strip().lower() == str(b).strip().lower())


def _as_list(value) -> list[str]:
    """A list column's value: a list or array, a JSON list (as the CSV copies write it), or names
    separated by ';' or '|'."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return []
    if hasattr(value, "tolist") and not isinstance(value, str):
        value = value.tolist()
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value if str(v).strip()]
    text = str(value).strip()
    if text.startswith("["):
        try:
            return [str(v) for v in json.loads(text) if str(v).strip()]
        except ValueError:
            pass
    return [s.strip() for s in re.split(r"[;|]", text) if s.strip()]


def _set_hits(want: set[str], got: set[str]) -> int:
    left, hits = set(got), 0
    for w in sorted(want, key=len, reverse=True):
        match = next((x for x in sorted(left) if x == w or (min(len(x), len(w)) >= 3 and (x in w or w in x))), None)
        if match is not None:
            left.discard(match)
            hits += 1
    return hits


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _summary(t: Tally) -> dict:
    p, r, f = _prf(t.tp, t.fp, t.fn)
    matched = max(t.tp, 1)
    out = {"claims_gold": t.tp + t.fn, "claims_predicted": t.tp + t.fp, "claims_matched": t.tp,
           "claim_precision": round(p, 4), "claim_recall": round(r, 4), "claim_f1": round(f, 4),
           "direction_accuracy": round(t.direction / matched, 4),
           "qualifier_accuracy": round(t.qualifier / matched, 4),
           "baseline_accuracy": round(t.baseline / matched, 4), "metric_overlap": round(t.metric / matched, 4)}
    for name, prefix in (("hardware", "hardware"), ("baselines", "baselines")):
        hp, hr, hf = _prf(*t.sets[name])
        out.update({f"{prefix}_precision": round(hp, 4), f"{prefix}_recall": round(hr, 4),
                    f"{prefix}_f1": round(hf, 4)})
    out["papers_missing"] = t.missing
    for name in ("hardware", "baselines"):
        tp, fp, fn, pairs = t.claim_lists[name]
        if pairs:
            cp, cr, cf = _prf(tp, fp, fn)
            out.update({f"claim_{name}_pairs": pairs, f"claim_{name}_precision": round(cp, 4),
                        f"claim_{name}_recall": round(cr, 4), f"claim_{name}_f1": round(cf, 4)})
    return out


BOOTSTRAP_SEED = 20261204
BOOTSTRAP_FIGURES = ("claim_f1", "direction_accuracy", "qualifier_accuracy", "baseline_accuracy", "hardware_f1",
                     "baselines_f1", "claim_hardware_f1", "claim_baselines_f1")


def resample_intervals(scorer: Scorer, gold: list[dict], papers: pd.DataFrame, claims: pd.DataFrame, resamples: int,
              seed: int = BOOTSTRAP_SEED) -> dict[str, tuple[float, float]]:
    """The 5th and 95th percentile of each figure over `resamples` resamples of the gold papers drawn with
    replacement (a paper drawn twice counts twice): a 90% interval that shows how much the figure of a set
    of this size moves with the papers in it."""
    import random

    rng = random.Random(seed)
    draws: dict[str, list[float]] = {name: [] for name in BOOTSTRAP_FIGURES}
    for _ in range(resamples):
        sample = [gold[rng.randrange(len(gold))] for _ in gold]
        summary, _ = scorer.score(sample, papers, claims)
        for name in BOOTSTRAP_FIGURES:
            if name in summary:
                draws[name].append(summary[name])
    out = {}
    for name, values in draws.items():
        if values:
            values.sort()
            out[name] = (values[int(0.05 * (len(values) - 1))], values[int(round(0.95 * (len(values) - 1)))])
    return out


def evaluate_directory(directory: str, gold_paths: list[str], *, metrics_path: str | None = None,
                       errors_path: str | None = None, bootstrap: int = 0) -> int:
    directory = tables_dir(directory)
    papers = pd.read_parquet(directory / "papers.parquet")
    claims = pd.read_parquet(directory / "claims.parquet")
    gold = []
    for gold_path in gold_paths:
        with open(gold_path, encoding="utf-8") as handle:
            gold.extend(json.loads(line) for line in handle if line.strip())
    scorer = Scorer()
    summary, errors = scorer.score(gold, papers, claims)
    for k, v in summary.items():
        print(f"{k:22s} {v}")
    resamples = bootstrap
    intervals = resample_intervals(scorer, gold, papers, claims, resamples) if resamples else {}
    for name, (low, high) in intervals.items():
        print(f"{name:22s} {summary[name]:.4f}  90% interval [{low:.4f}, {high:.4f}] ({resamples} resamples)")
    if metrics_path:
        counts = {"papers": int(len(papers)), "claims": int(len(claims)),
                  "papers_without_claims": int((papers["n_claims"] == 0).sum())}
        quantities = directory / "quantities.parquet"
        if quantities.exists():
            counts["quantities"] = int(len(pd.read_parquet(quantities)))
        facts = {"counts": counts, "dev_gold": summary}
        if intervals:
            facts["intervals_90"] = {name: list(pair) for name, pair in intervals.items()}
        write_json(facts, metrics_path)
    if errors_path:
        Path(errors_path).parent.mkdir(parents=True, exist_ok=True)
        with open(errors_path, "w", encoding="utf-8") as handle:
            for e in errors:
                handle.write(json.dumps(e, ensure_ascii=False) + "\n")
    return 0
