"""The one pint registry of the package, extended by rules/units.txt, with per-unit caching.

Tables store floats and canonical unit strings, never pint objects; `to_base` gives the factor to
the unit's base units so that "50 GB/s" and "400 Gbit/s" land on one scale.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import pint

from .errors import RulesError


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
    def from_rules(cls, rules) -> "UnitRegistry":
        ureg = pint.UnitRegistry(autoconvert_offset_to_baseunit=True)
        path = rules.unit_definitions
        with open(path, encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                text = line.split("#", 1)[0].strip()
                if not text:
                    continue
                try:
                    ureg.define(text)
                except Exception as exc:  # pint raises several unrelated types here
                    raise RulesError(path, number, f"invalid pint definition: {exc}") from exc
        registry = cls(ureg)
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
