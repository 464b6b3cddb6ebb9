"""params.yaml, read and validated in one place (DVC reads the same file for its stages)."""
from __future__ import annotations

from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .errors import RulesError

DEFAULT_PARAMS = "params.yaml"


class ValidateParams(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    max_ratio: float = Field(default=1000, gt=1)
    max_percent_increase: float = Field(default=10000, gt=0)
    max_points: float = Field(default=100, gt=0)
    pair_window_chars: int = Field(default=40, ge=0)
    agreement_tolerance_pp: float = Field(default=2.0, ge=0)


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
