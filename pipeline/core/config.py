"""The run's defaults, and params.yaml read and validated in one place (DVC reads the same file).

Every default a command or a library caller falls back on is defined here, once: the CLI shows
these values in its help, and the functions take them as their keyword defaults.
"""
from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from pipeline.core.errors import RulesError

DEFAULT_PARAMS = "params.yaml"
# The environment variable naming a rules directory, when --rules is not given.
RULES_VARIABLE = "CLAIMSCOPE_RULES"
# Seconds one paper may take in extract (a real abstract takes about 10 ms); 0 or None: no limit.
DEFAULT_TIME_LIMIT = 10.0
# Papers per chunk of a streaming run: one Parquet row group each.
DEFAULT_CHUNK_SIZE = 2_000


class ValidateParams(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    max_ratio: float = Field(default=1000, gt=1)
    max_percent_increase: float = Field(default=10000, gt=0)
    max_points: float = Field(default=100, gt=0)
    pair_window_chars: int = Field(default=40, ge=0)
    agreement_tolerance_pp: float = Field(default=2.0, ge=0)


def rules_dir(given: str | Path | None = None) -> Path:
    """The rules directory a command reads: --rules, else $CLAIMSCOPE_RULES, else the rules that ship
    inside the package (the repository's rules/ folder, which DVC's stages name directly), so
    `claims` works from any folder."""
    if given:
        return Path(given)
    if os.environ.get(RULES_VARIABLE):
        return Path(os.environ[RULES_VARIABLE])
    return Path(str(resources.files("pipeline") / "rules"))


def load_validate_params(path: str | Path = DEFAULT_PARAMS) -> ValidateParams:
    """The `validate:` section of params.yaml; defaults when the file or section is absent."""
    path = Path(path)
    if not path.exists():
        return ValidateParams()
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    try:
        return ValidateParams.model_validate(data.get("validate") or {})
    except ValidationError as exc:
        raise RulesError(path, None, f"validate: {exc}") from exc
