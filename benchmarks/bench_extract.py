"""Benchmark: extraction throughput on the path `claims extract` runs, beside the in-process batch.

Synthesizes N unique abstracts from real sentences of the bundled corpus (numbers varied so no two
abstracts are equal) and measures:
- the CLI path: a whole `claims extract FILE --out DIR` process over them as JSONL (start-up, reading,
  the per-paper deadline, extract, normalize and writing the tables included), abstracts/s of wall
  time, the median of RUNS processes;
- the in-process batch: `Extractor.extract` over all of them in one call (no deadline, no tables);
- `spacy.blank("en")` tokenizer-only throughput on the same texts, and each figure's ratio to it;
- peak RSS, the speed-up of 2 worker processes over 1, and where one abstract's time goes, phase by
  phase (on the first 2,000 texts, warm).
Prints a table and writes outputs/bench.json.
Usage: python benchmarks/bench_extract.py [N] [RUNS]   (default 2,000 abstracts, 3 CLI runs)
"""
from __future__ import annotations

import json
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

_NUMBER = re.compile(r"\d+(?:\.\d+)?")
CLAIMS = Path(sys.executable).with_name("claims")  # the entry point installed beside this interpreter


def synthesize(n: int, seed: int = 7) -> list[str]:
    from pipeline.ingest.readers import read_papers

    sentences = [s.strip() + "." for p in read_papers("data/poster_session_2.txt")
                 for s in p.abstract.split(". ") if len(s) > 40]
    rng = random.Random(seed)

    def vary(sentence: str) -> str:
        return _NUMBER.sub(lambda m: f"{float(m.group()) * rng.uniform(0.5, 1.5):.{rng.choice([0, 1, 2])}f}", sentence)

    return [" ".join(vary(rng.choice(sentences)) for _ in range(rng.randint(6, 10))) for _ in range(n)]


def write_corpus(n: int, folder: Path) -> Path:
    """The N synthetic abstracts as a JSONL input of `claims extract`."""
    path = folder / f"synthetic_{n}.jsonl"
    with open(path, "w", encoding="utf-8") as out:
        for i, text in enumerate(synthesize(n)):
            out.write(json.dumps({"id": f"s{i}", "title": f"Synthetic abstract {i}", "abstract": text}) + "\n")
    return path


def cli_seconds(corpus: Path, runs: int = 3) -> float:
    """Median wall seconds of whole `claims extract` processes over `corpus` (after one warm-up)."""
    times = []
    with tempfile.TemporaryDirectory() as out:
        for k in range(runs + 1):
            start = time.perf_counter()
            subprocess.run([str(CLAIMS), "extract", str(corpus), "--out", out], check=True, capture_output=True)
            if k:
                times.append(time.perf_counter() - start)
    return statistics.median(times)


def _extract_chunk(texts: list[str]) -> int:
    from pipeline.core.records import Paper
    from pipeline.core.rules import load_rules
    from pipeline.extract.extractor import Extractor

    extractor = Extractor(load_rules("rules"))
    papers = [Paper(paper_id=f"s{i}", title="", authors=(), abstract=t, source="bench", source_line=i)
              for i, t in enumerate(texts)]
    return sum(len(r.quantities) for r in extractor.extract(papers))


def _workers(texts: list[str], workers: int) -> float:
    chunks = [texts[i::workers] for i in range(workers)]
    start = time.perf_counter()
    with ProcessPoolExecutor(workers) as pool:
        list(pool.map(_extract_chunk, chunks))
    return time.perf_counter() - start


def phases(extractor, papers, repeat: int = 3) -> dict[str, float]:
    """Milliseconds per abstract of each extraction phase, run one after the other over `papers` (the
    best of `repeat` passes, warm): markup normalization, the tokenizer, each pipeline component, and
    the rule steps that read the Doc (`Extractor._paper`). Their sum is less than one `extract` pass
    over the same papers costs: run interleaved, each phase finds less of its data in the CPU caches."""
    from pipeline.extract.fast.columns import token_columns
    from pipeline.extract.textnorm import normalize

    def best(step) -> tuple[float, list]:
        fastest, out = float("inf"), []
        for _ in range(repeat):
            start = time.perf_counter()
            out = step()
            fastest = min(fastest, time.perf_counter() - start)
        return round(fastest / len(papers) * 1000, 4), out

    figures: dict[str, float] = {}
    figures["normalize"], norms = best(lambda: [normalize(p.abstract, extractor.rules.markup) for p in papers])
    figures["tokenizer"], docs = best(lambda: [extractor.nlp.make_doc(n.text) for n in norms])

    def columns() -> list:
        for doc in docs:
            doc.user_data.clear()  # where they are cached: each pass makes them anew
            token_columns(doc)
        return docs

    figures["token_columns"], _ = best(columns)
    for name, component in extractor.nlp.pipeline:
        def run(component=component) -> list:
            for doc in docs:
                doc.spans.pop(component.key, None)  # a ruler that finds its key set adds to it
                component(doc)
            return docs
        figures[name], _ = best(run)
    figures["rule_steps"], _ = best(lambda: [extractor._paper(p, n, d) for p, n, d in zip(papers, norms, docs)])
    return figures


def main(n: int = 2_000, runs: int = 3) -> dict:
    import spacy

    from pipeline.core.records import Paper
    from pipeline.core.rules import load_rules
    from pipeline.extract.extractor import Extractor

    texts = synthesize(n)
    blank = spacy.blank("en")
    start = time.perf_counter()
    for text in texts:
        blank.tokenizer(text)
    tokenizer_rate = n / (time.perf_counter() - start)

    extractor = Extractor(load_rules("rules"))
    papers = [Paper(paper_id=f"s{i}", title="", authors=(), abstract=t, source="bench", source_line=i)
              for i, t in enumerate(texts)]
    start = time.perf_counter()
    results = extractor.extract(papers)
    extract_rate = n / (time.perf_counter() - start)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    with tempfile.TemporaryDirectory() as folder:
        cli_rate = n / cli_seconds(write_corpus(n, Path(folder)), runs)
    per_phase = phases(extractor, papers[:2_000])
    one, two = _workers(texts, 1), _workers(texts, 2)
    from pipeline.extract.fast import compiled

    figures = {
        "build": compiled.STATUS,
        "abstracts": n, "quantities": sum(len(r.quantities) for r in results),
        "cli_extract_per_s": round(cli_rate, 1), "in_process_extract_per_s": round(extract_rate, 1),
        "tokenizer_per_s": round(tokenizer_rate, 1),
        "cli_over_tokenizer": round(cli_rate / tokenizer_rate, 4),
        "in_process_over_tokenizer": round(extract_rate / tokenizer_rate, 4), "peak_rss_mb": round(peak_mb, 1),
        "one_worker_s": round(one, 2), "two_workers_s": round(two, 2), "two_worker_speedup": round(one / two, 2),
        "ms_per_abstract_warm": per_phase,
    }
    width = max(map(len, figures))
    for key, value in figures.items():
        if isinstance(value, dict):
            total = sum(value.values())
            print(f"{key:{width}s}  {total:.4f} ms, of which:")
            for phase, ms in value.items():
                print(f"{'':{width}s}    {phase:14s} {ms:.4f} ms  {ms / total:6.1%}")
        else:
            print(f"{key:{width}s}  {value}")
    Path("outputs").mkdir(exist_ok=True)
    Path("outputs/bench.json").write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return figures


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:3]))
