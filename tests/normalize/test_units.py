"""Units: pint plus rules/units.txt put comparable claims on one scale and keep counted things apart."""
from __future__ import annotations

import math

import pytest

from pipeline.normalize.claims import to_claims


def _base(units, value: float, unit: str) -> tuple[float, str]:
    info = units.info(unit)
    return value * info.factor, info.base_unit


@pytest.mark.parametrize("a, b", [
    ((400, "Gbit/s"), (50, "GB/s")),
    ((1, "TB/s"), (8000, "Gbit/s")),
    ((1.3, "s"), (1300, "ms")),
    ((2, "hour"), (120, "minute")),
    ((1, "kWh"), (3.6e6, "J")),
    ((1, "PFLOPS"), (1000, "TFLOPS")),
])
def test_when_two_units_measure_the_same_amount_then_base_values_are_equal(units, a, b):
    value_a, base_a = _base(units, *a)
    value_b, base_b = _base(units, *b)
    assert base_a == base_b
    assert math.isclose(value_a, value_b, rel_tol=1e-9)


@pytest.mark.parametrize("a, b", [
    ((400, "Gbit/s"), (400, "GB/s")),  # bits are not bytes
    ((1, "GB"), (1, "GiB")),  # decimal is not binary
])
def test_when_units_differ_in_size_then_base_values_differ(units, a, b):
    value_a, base_a = _base(units, *a)
    value_b, base_b = _base(units, *b)
    assert base_a == base_b
    assert not math.isclose(value_a, value_b, rel_tol=1e-3)


def test_when_gpu_hour_is_parsed_then_it_is_gpu_times_hour(units):
    info = units.info("GPU_hour")
    assert math.isclose(info.factor, 3600.0)
    assert "gpu" in info.base_unit.lower() and "s" in info.base_unit
    assert units.info("GPU_hours").base_unit == info.base_unit


@pytest.mark.parametrize("a, b", [
    ("token/s", "request/s"),
    ("token/s", "sample/s"),
    ("request/s", "sample/s"),
    ("token", "request"),
    ("GPU_hour", "hour"),
])
def test_when_counted_things_differ_then_base_units_differ(units, a, b):
    assert units.info(a).base_unit != units.info(b).base_unit


@pytest.mark.parametrize("form, same_as", [
    ("tokens/s", "tokens per second"),
    ("requests/s", "QPS"),
    ("Gbps", "Gb/s"),
    ("GPU-hours", "GPU hours"),
])
def test_when_spellings_name_one_unit_then_units_yml_maps_them_to_one_pint_unit(rules, units, form, same_as):
    by_form = {f: u.unit for u in rules.units for f in u.forms}
    assert units.info(by_form[form]) == units.info(by_form[same_as])


def test_when_tokens_and_requests_per_second_are_spelled_then_they_stay_apart(rules, units):
    by_form = {f: u.unit for u in rules.units for f in u.forms}
    assert units.info(by_form["tokens/s"]).base_unit != units.info(by_form["requests/s"]).base_unit


def test_when_every_units_yml_entry_is_parsed_then_pint_knows_it(rules, units):
    for entry in rules.units:
        info = units.info(entry.unit)
        assert info.factor > 0 and info.base_unit is not None, entry.id


def test_when_claims_in_gbps_and_gbytes_per_second_then_normalized_base_values_match(extract_text, units):
    # "400 Gbps" is RDMA Point-to-Point Communication for LLM Systems (data/poster_session_2.txt);
    # the second sentence states the same bandwidth in bytes.
    gbps = extract_text("We demonstrate peak throughput of 400 Gbps on both NVIDIA ConnectX-7 and AWS Elastic "
                        "Fabric Adapter (EFA).")
    gbytes = extract_text("We demonstrate peak throughput of 50 GB/s on both NVIDIA ConnectX-7 and AWS Elastic "
                          "Fabric Adapter (EFA).")
    [a] = to_claims(list(gbps.quantities), units)
    [b] = to_claims(list(gbytes.quantities), units)
    assert a.base_unit == b.base_unit
    assert math.isclose(a.base_value_low, b.base_value_low, rel_tol=1e-9)
    assert a.unit_class == b.unit_class == "other"
