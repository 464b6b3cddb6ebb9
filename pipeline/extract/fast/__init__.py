"""Speed devices of the extract stage, each output-neutral: the compiled-build import hook, the
trie ruler and its pattern trie, token columns, the regex gates, the interrupt checkpoint.
Nothing here imports from the rest of `pipeline.extract` (a test fences it); docs/speed.md states
each device's measured gain.

For measuring that gain, CLAIMSCOPE_DEVICES_OFF (comma-separated names of DEVICES, read once when
the package is imported) turns devices off: the tables stay the same, only slower
(benchmarks/bench_ablation.py). The compiled build is turned off by CLAIMSCOPE_PURE_PYTHON=1.
"""
from __future__ import annotations

import os

DEVICES = ("trie_ruler", "regex_gates", "gc_tuning")
OFF = frozenset(name for name in os.environ.get("CLAIMSCOPE_DEVICES_OFF", "").split(",") if name)
_unknown = OFF - set(DEVICES)
if _unknown:
    raise ValueError(f"CLAIMSCOPE_DEVICES_OFF: unknown device(s) {sorted(_unknown)}; known: {', '.join(DEVICES)}")
