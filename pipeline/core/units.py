"""The one pint registry of the package, extended by rules/units.txt, with per-unit caching.

One registry per process and definitions file: the rules loader checks the file with it, and every
later caller (normalize, evaluate, each chunk worker) gets the same registry back (`for_definitions`
is keyed by the file's path and content, so an edited file gets a new one).

Tables store floats and canonical unit strings, never pint objects; `to_base` gives the factor to
the unit's base units so that "50 GB/s" and "400 Gbit/s" land on one scale.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pint

from pipeline.core.errors import RulesError


@dataclass(frozen=True, slots=True)
class UnitInfo:
    canonical: str  # pint's compact spelling of the unit the paper used
    base_unit: str  # the unit in SI / base dimensions
    factor: float  # value_in_base = value * factor


class UnitRegistry:
    """Wraps one pint.UnitRegistry; build it once per process (it is not cheap)."""

    def __init__(self, registry: pint.UnitRegistry):
        self._ureg = registry
        self.info = lru_cache(maxsize=None)(self._info)

    @classmethod
    def for_definitions(cls, path: str | Path) -> UnitRegistry:
        """The registry of pint's defaults extended by the definitions file at `path`, each line checked."""
        data = Path(path).read_bytes()
        return _registry(str(path), hashlib.sha256(data).hexdigest(), data.decode("utf-8"))

    @classmethod
    def from_rules(cls, rules) -> UnitRegistry:
        """The registry of the rules' units.txt; every unit string of units.yml must be known to it."""
        registry = cls.for_definitions(rules.unit_definitions)
        for entry in rules.units:
            try:
                registry.info(entry.unit)
            except Exception as exc:
                raise RulesError(rules.directory / "units.yml", None,
                                 f"{entry.id}: unit {entry.unit!r} is not known to pint: {exc}") from exc
        return registry

    @property
    def pint(self) -> pint.UnitRegistry:
        return self._ureg

    def _info(self, unit: str) -> UnitInfo:
        quantity = self._ureg.Quantity(1.0, unit)
        base = quantity.to_base_units()
        return UnitInfo(canonical=f"{quantity.units:~}".replace(" ", ""),
                        base_unit=f"{base.units:~}".replace(" ", ""), factor=float(base.magnitude))


@lru_cache(maxsize=4)
def _registry(path: str, digest: str, text: str) -> UnitRegistry:
    """Built once per (file, content): a pint registry takes about a second to build."""
    ureg = pint.UnitRegistry(autoconvert_offset_to_baseunit=True)
    for number, line in enumerate(text.splitlines(), 1):
        definition = line.split("#", 1)[0].strip()
        if not definition:
            continue
        try:
            ureg.define(definition)
        except Exception as exc:  # pint raises several unrelated types here
            raise RulesError(path, number, f"invalid pint definition: {exc}") from exc
    return UnitRegistry(ureg)
