"""Benchmark: what each speed device of extract/fast is worth on the path `claims extract` runs.

For each device, whole `claims extract` processes over the same synthetic abstracts run in A/B
pairs, alternately with the device off (CLAIMSCOPE_DEVICES_OFF=NAME, or CLAIMSCOPE_PURE_PYTHON=1 for
the compiled build) and on; the gain is the median over pairs of (time off / time on) - 1, so a slow
spell of the machine hits both halves of a pair. Every run's tables are compared with the first
one's: a device may only change the speed. Prints a table and writes outputs/bench_ablation.json.
Usage: python benchmarks/bench_ablation.py [N_ABSTRACTS] [PAIRS]   (default 3,000 and 5)
"""
from __future__ import annotations

import hashlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_extract import CLAIMS, write_corpus  # noqa: E402

# device -> the environment that turns it off
DEVICES = {
    "compiled build": {"CLAIMSCOPE_PURE_PYTHON": "1"},
    "trie ruler": {"CLAIMSCOPE_DEVICES_OFF": "trie_ruler"},
    "regex gates": {"CLAIMSCOPE_DEVICES_OFF": "regex_gates"},
    "gc settings": {"CLAIMSCOPE_DEVICES_OFF": "gc_tuning"},
}
WORTH = 0.02  # a device worth less than this on the CLI path is not worth its code


def _run(corpus: Path, out: Path, env: dict) -> tuple[float, str]:
    """Seconds of one whole `claims extract` process, and a digest of the tables it wrote."""
    environment = {k: v for k, v in os.environ.items() if k not in ("CLAIMSCOPE_PURE_PYTHON", "CLAIMSCOPE_DEVICES_OFF")}
    start = time.perf_counter()
    subprocess.run([str(CLAIMS), "extract", str(corpus), "--out", str(out)], env={**environment, **env},
                   check=True, capture_output=True)
    took = time.perf_counter() - start
    digest = hashlib.sha256()
    for name in sorted(p.name for p in out.iterdir()):
        digest.update((out / name).read_bytes())
    return took, digest.hexdigest()


def main(n: int = 3_000, pairs: int = 5) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        corpus = write_corpus(n, Path(tmp))
        _, reference = _run(corpus, Path(tmp) / "warm", {})  # warm-up, and the tables every run must write
        rows = {}
        for device, env in DEVICES.items():
            ratios, ons, offs = [], [], []
            for _ in range(pairs):
                off, off_tables = _run(corpus, Path(tmp) / "off", env)
                on, on_tables = _run(corpus, Path(tmp) / "on", {})
                assert off_tables == on_tables == reference, f"{device} changes the tables"
                ratios.append(off / on)
                ons.append(on)
                offs.append(off)
            gain = statistics.median(ratios) - 1
            rows[device] = {"gain": round(gain, 4), "median_on_s": round(statistics.median(ons), 3),
                            "median_off_s": round(statistics.median(offs), 3),
                            "ratios": [round(r, 4) for r in ratios], "pays": gain >= WORTH}
            print(f"{device:20s} gain {gain:+7.1%}   on {statistics.median(ons):6.2f} s   off "
                  f"{statistics.median(offs):6.2f} s   pairs {', '.join(f'{r:.3f}' for r in ratios)}", flush=True)
    figures = {"abstracts": n, "pairs": pairs, "devices": rows}
    Path("outputs").mkdir(exist_ok=True)
    Path("outputs/bench_ablation.json").write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return figures


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:3]))
