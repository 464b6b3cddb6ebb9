"""Benchmark: streaming memory (peak RSS at 20,000 vs 200,000 abstracts) and Dask 1 vs 2 workers.

Synthetic abstracts are made as bench_extract.synthesize makes them (real sentences of the bundled
corpus, numbers varied), written lazily to a JSONL.gz file. Then:

  rss     `claims extract FILE.jsonl.gz --out DIR` as a child process for 20,000 and for 200,000
          abstracts; each child's own peak RSS (os.wait4), wall time, and the ratio of the peaks
          (bar: 200k ≤ 1.5 × 20k).
  dask    on 20,000 abstracts: the single-process engine, then `--engine dask` on a LocalCluster of 1
          and of 2 worker processes (threads_per_worker=1). Cluster start-up is excluded; a run's time
          includes everything else: reading and gunzipping the input in the client, shipping
          partitions, extraction, gathering, and writing the tables (and, in a cold run, each worker
          importing spaCy and building its pipeline). Speed-up = 1 worker / 2 workers (bar: ≥ 1.6);
          whether every file of each Dask run is byte-identical to the single-process run's. The
          client (and the LocalCluster's scheduler) runs on the same two cores as the workers.

Prints a table and writes outputs/bench_scale.json (figures of parts not run are kept from the file).
Each Dask configuration runs once on a fresh cluster (cold: each worker also imports spaCy and builds
its pipeline) and then --repeats times (warm); the fastest warm run counts (other work on the machine
only slows a run down). The CPU the client, the workers and other processes used is printed per run.
Usage: python benchmarks/bench_scale.py [rss|dask|all] [--small N] [--large N] [--repeats K]
       (defaults: all, 20,000 and 200,000; the 200,000 run takes about 10 minutes)
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CLAIMS = Path(sys.executable).parent / "claims"
RESULTS = REPO / "outputs" / "bench_scale.json"
FILES = [f"{name}.{ext}" for name in ("papers", "claims", "quantities") for ext in ("parquet", "csv")] + [
    "rejects.jsonl"]
_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def write_corpus(path: Path, n: int, seed: int = 7) -> Path:
    """n synthetic abstracts as JSONL.gz, made one at a time (bench_extract.synthesize's recipe)."""
    sys.path.insert(0, str(REPO))
    from pipeline.ingest.readers import read_papers

    sentences = [s.strip() + "." for p in read_papers(REPO / "data" / "poster_session_2.txt")
                 for s in p.abstract.split(". ") if len(s) > 40]
    rng = random.Random(seed)

    def vary(sentence: str) -> str:
        return _NUMBER.sub(lambda m: f"{float(m.group()) * rng.uniform(0.5, 1.5):.{rng.choice([0, 1, 2])}f}", sentence)

    with gzip.open(path, "wt", encoding="utf-8", compresslevel=1) as out:
        for i in range(n):
            abstract = " ".join(vary(rng.choice(sentences)) for _ in range(rng.randint(6, 10)))
            out.write(json.dumps({"id": f"s{i:07d}", "title": f"Synthetic paper {i}", "abstract": abstract},
                                 ensure_ascii=False) + "\n")
    return path


def child_extract(inputs: list[Path], out: Path, *extra: str) -> dict:
    """Run `claims extract` as a child; its own peak RSS (os.wait4 reports that child alone) and seconds."""
    env = {**os.environ, "CI": "1"}  # no progress bar
    started = time.perf_counter()
    proc = subprocess.Popen([str(CLAIMS), "extract", *map(str, inputs), "--out", str(out), *extra], cwd=REPO,
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - started
    if proc.returncode != 0:
        raise SystemExit(f"claims extract failed ({proc.returncode}): {err.decode(errors='replace')[-2000:]}")
    return {"peak_rss_mb": round(usage.ru_maxrss / 1024, 1), "seconds": round(seconds, 1),
            "summary": err.decode(errors="replace").strip().splitlines()[-1]}


def bench_rss(work: Path, small: int, large: int) -> dict:
    figures = {}
    for n in (small, large):
        corpus = write_corpus(work / f"synthetic_{n}.jsonl.gz", n)
        run = child_extract([corpus], work / f"rss_{n}")
        figures[n] = run
        print(f"  {n:>9,} abstracts: peak RSS {run['peak_rss_mb']} MB, {run['seconds']} s  ({run['summary']})",
              flush=True)
        corpus.unlink()
    return {"rss_small_abstracts": small, "rss_large_abstracts": large,
            "rss_small_mb": figures[small]["peak_rss_mb"], "rss_large_mb": figures[large]["peak_rss_mb"],
            "rss_ratio": round(figures[large]["peak_rss_mb"] / figures[small]["peak_rss_mb"], 3),
            "rss_small_seconds": figures[small]["seconds"], "rss_large_seconds": figures[large]["seconds"]}


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _machine_busy() -> float:
    """CPU seconds the whole machine has been busy (all processes, /proc/stat)."""
    with open("/proc/stat") as stat:
        ticks = list(map(int, stat.readline().split()[1:]))
    return (sum(ticks) - ticks[3] - ticks[4]) / os.sysconf("SC_CLK_TCK")


def _timed(run, worker_cpu=None) -> dict:
    """Wall time of run(); this process's CPU (client, and the in-process scheduler), the workers' CPU,
    and `other`: CPU other processes of the machine took meanwhile (noise: a clean run has ~0)."""
    workers_before = worker_cpu() if worker_cpu else {}
    busy, cpu, started = _machine_busy(), _cpu(), time.perf_counter()
    run()
    wall, client = time.perf_counter() - started, _cpu() - cpu
    workers = sum(worker_cpu().values()) - sum(workers_before.values()) if worker_cpu else 0.0
    return {"wall": wall, "client_cpu": client, "workers_cpu": workers,
            "other_cpu": max(0.0, _machine_busy() - busy - client - workers)}


def bench_dask(work: Path, n: int, repeats: int) -> dict:
    from distributed import Client, LocalCluster

    sys.path.insert(0, str(REPO))
    from pipeline.run.stream import extract_to

    corpus = write_corpus(work / f"synthetic_{n}.jsonl.gz", n)
    outs, cold, warm = {"single": work / "single"}, {}, {}

    def show(key: str, label: str, r: dict) -> None:
        print(f"  {key:6s} {label:5s} {r['wall']:6.1f} s  (client CPU {r['client_cpu']:.1f} s, workers CPU "
              f"{r['workers_cpu']:.1f} s, other processes {r['other_cpu']:.1f} s)", flush=True)

    runs = [_timed(lambda: extract_to([str(corpus)], outs["single"], REPO / "rules", progress=False))
            for _ in range(repeats)]
    for r in runs:
        show("single", "", r)
    warm["single"] = min(runs, key=lambda r: r["wall"])
    for workers in (1, 2):
        key = f"dask{workers}"
        outs[key] = work / key
        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster, \
                Client(cluster) as probe:
            def run(out=outs[key], address=cluster.scheduler_address, workers=workers):
                extract_to([str(corpus)], out, REPO / "rules", progress=False, engine="dask", scheduler=address,
                           workers=workers)

            def worker_cpu(probe=probe):
                return probe.run(_cpu)

            cold[key] = _timed(run, worker_cpu)  # each worker imports spaCy and builds its pipeline in this run
            show(key, "cold", cold[key])
            runs = [_timed(run, worker_cpu) for _ in range(repeats)]
        for r in runs:
            show(key, "warm", r)
        warm[key] = min(runs, key=lambda r: r["wall"])
    identical = {key: all((outs[key] / f).read_bytes() == (outs["single"] / f).read_bytes() for f in FILES)
                 for key in ("dask1", "dask2")}
    figures = {"dask_abstracts": n, "dask_repeats": repeats,
               "single_process_s": round(warm["single"]["wall"], 1),
               "dask_1_worker_s": round(warm["dask1"]["wall"], 1), "dask_2_workers_s": round(warm["dask2"]["wall"], 1),
               "dask_speedup": round(warm["dask1"]["wall"] / warm["dask2"]["wall"], 2),
               "dask_1_worker_cold_s": round(cold["dask1"]["wall"], 1),
               "dask_2_workers_cold_s": round(cold["dask2"]["wall"], 1),
               "dask_speedup_cold": round(cold["dask1"]["wall"] / cold["dask2"]["wall"], 2),
               "dask_identical_to_single": identical["dask1"] and identical["dask2"]}
    for key in ("dask1", "dask2"):
        for what in ("client_cpu", "workers_cpu", "other_cpu"):
            figures[f"{key}_{what}_s"] = round(warm[key][what], 1)
    figures["dask_time_includes"] = (
        "input read + gunzip in the client, partitions shipped, extraction, gathering, table writing; not cluster "
        "start-up. Warm (dask_1_worker_s, dask_2_workers_s, dask_speedup): fastest of the repeats on a cluster whose "
        "workers built their pipeline in an earlier run. Cold (*_cold_s): the first run on a fresh cluster, which also "
        "includes each worker importing spaCy and building its pipeline (~1.5 s CPU each). single_process_s includes "
        "loading the rules and building the pipeline.")
    return figures


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("part", nargs="?", choices=("rss", "dask", "all"), default="all")
    parser.add_argument("--small", type=int, default=20_000)
    parser.add_argument("--large", type=int, default=200_000)
    parser.add_argument("--repeats", type=int, default=2, help="runs of each Dask configuration (fastest kept)")
    args = parser.parse_args(argv)
    figures = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.exists() else {}
    figures["cores"] = os.cpu_count()
    with tempfile.TemporaryDirectory(prefix="bench_scale.") as tmp:
        work = Path(tmp)
        if args.part in ("rss", "all"):
            print("peak RSS of a streaming `claims extract`:", flush=True)
            figures.update(bench_rss(work, args.small, args.large))
        if args.part in ("dask", "all"):
            print(f"Dask on {args.small:,} abstracts (cluster start-up excluded):", flush=True)
            figures.update(bench_dask(work, args.small, args.repeats))
    width = max(map(len, figures))
    for key, value in figures.items():
        print(f"{key:{width}s}  {value}")
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return figures


if __name__ == "__main__":
    main()
