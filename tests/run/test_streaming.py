"""Streaming: lazy readers (JSONL, .gz, CSV, the arXiv snapshot with --categories) and chunked
`claims extract`, whose tables must not depend on where chunks end.

The chunked run is compared with the whole-list path (run.chain.run_all + core.tables.write_records) in this
process, so the comparison holds whatever the extraction rules do.
"""
from __future__ import annotations

import gzip
import json
import random
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from pipeline.cli import main
from pipeline.core.errors import InputError, Problems
from pipeline.core.tables import record_schema, write_jsonl, write_records
from pipeline.ingest.readers import iter_papers, read_inputs, read_papers, stream_inputs
from pipeline.run.chain import run_all
from pipeline.run.stream import extract_to, progress_bar

REPO = Path(__file__).resolve().parents[2]
CORPUS_A = REPO / "tests" / "data" / "dev2025" / "corpus_a.jsonl"
TABLES = ("papers", "claims", "quantities", "entities")
FILES = [f"{name}.{ext}" for name in TABLES for ext in ("parquet", "csv")] + ["rejects.jsonl"]
# A real abstract of the corpus (HetRL): its claims are 9.17× and 3.17×.
GOOD = ("As large language models (LLMs) scale and new GPUs are released even more frequent, there is an "
        "increasing demand for LLM post-training in heterogeneous environments. Our extensive evaluation "
        "consuming 20,000 GPU-hours shows that HetRL delivers up to 9.17× and 3.17× on average the throughput "
        "of state-of-the-art systems under various workloads and settings.")


def _jsonl(*records) -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode("utf-8")


def _good(n: int, **extra) -> dict:
    return {"id": f"good-{n}", "title": f"Good Paper {n}", "abstract": GOOD, **extra}


def _tables(out: Path) -> dict[str, pd.DataFrame]:
    return {name: pd.read_parquet(out / f"{name}.parquet") for name in TABLES}


def _bytes(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in FILES}


# --- gzip ----------------------------------------------------------------------------------------


def test_when_jsonl_is_gzipped_then_it_reads_like_the_plain_file(tmp_path):
    content = _jsonl(_good(1), _good(2)) + b"not json\n" + _jsonl(_good(3))
    plain, packed = tmp_path / "papers.jsonl", tmp_path / "papers.jsonl.gz"
    plain.write_bytes(content)
    packed.write_bytes(gzip.compress(content))
    plain_problems, packed_problems = Problems(), Problems()
    from_plain = read_papers(plain, plain_problems)
    from_packed = read_papers(packed, packed_problems)
    assert [p.paper_id for p in from_packed] == ["good-1", "good-2", "good-3"]
    assert [(p.title, p.abstract, p.source_line) for p in from_packed] == \
           [(p.title, p.abstract, p.source_line) for p in from_plain]
    assert [(r.line, r.reason) for r in packed_problems.rejects] == [(r.line, r.reason) for r in plain_problems.rejects]


def test_when_extract_reads_a_gz_file_then_tables_match_the_plain_file(tmp_path):
    content = CORPUS_A.read_bytes()
    packed = tmp_path / "corpus_a.jsonl.gz"
    packed.write_bytes(gzip.compress(content))
    for source, out in ((CORPUS_A, tmp_path / "plain"), (packed, tmp_path / "packed")):
        assert main(["extract", str(source), "--out", str(out)]) == 0
    plain, gz = _tables(tmp_path / "plain"), _tables(tmp_path / "packed")
    assert set(gz["papers"]["source"]) == {str(packed)}
    assert gz["papers"].drop(columns="source").equals(plain["papers"].drop(columns="source"))
    assert gz["claims"].equals(plain["claims"])
    assert gz["quantities"].equals(plain["quantities"])


def test_when_gzip_breaks_after_the_first_mib_then_error_names_the_file_and_nothing_is_written(tmp_path, capsys):
    rng = random.Random(3)
    records = [{"id": f"p{i}", "title": f"Paper {i}",
                "abstract": " ".join(f"{rng.random():.12f}" for _ in range(40)) + ". " + GOOD} for i in range(4_000)]
    data = gzip.compress(_jsonl(*records))
    assert len(data) > 1 << 20  # the break lies past what format detection reads
    broken = tmp_path / "broken.jsonl.gz"
    broken.write_bytes(data[:-2_000])
    out = tmp_path / "out"
    assert main(["extract", str(broken), "--out", str(out), "--chunk-size", "500"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"claims: error: {broken}: not a readable gzip file"), err
    assert not out.exists()


def test_when_a_later_failure_stops_a_run_then_the_previous_tables_stay_and_no_temporary_is_left(tmp_path):
    out = tmp_path / "out"
    good = tmp_path / "good.jsonl"
    good.write_bytes(_jsonl(_good(1)))
    assert main(["extract", str(good), "--out", str(out)]) == 0
    before = _bytes(out)
    bad = tmp_path / "bad.jsonl"  # strict: the second chunk's bad record stops the run after the first chunk
    bad.write_bytes(_jsonl(*[_good(i) for i in range(2, 6)]) + b"[1]\n")
    assert main(["extract", "--strict", "--chunk-size", "2", str(bad), "--out", str(out)]) == 2
    assert _bytes(out) == before
    assert sorted(p.name for p in out.iterdir()) == sorted(FILES)


# --- lazy reading ---------------------------------------------------------------------------------


def test_when_papers_are_streamed_then_the_file_is_read_only_as_far_as_asked(tmp_path):
    path = tmp_path / "papers.jsonl"
    path.write_bytes(_jsonl(*[_good(i) for i in range(1, 2_001)]) + b"not json at the end\n")
    problems = Problems()
    papers = stream_inputs([str(path)], problems)
    assert next(papers).paper_id == "good-1"
    assert not problems.rejects  # the bad last line is not read yet
    assert sum(1 for _ in papers) == 1_999
    assert [r.line for r in problems.rejects] == [2_001]


def test_when_a_later_input_cannot_be_read_then_the_error_comes_before_any_paper(tmp_path):
    good, empty = tmp_path / "good.jsonl", tmp_path / "empty.jsonl"
    good.write_bytes(_jsonl(_good(1)))
    empty.write_bytes(b"")
    with pytest.raises(InputError) as info:
        stream_inputs([str(good), str(empty)], Problems())
    assert info.value.path == str(empty)


def test_when_csv_is_streamed_then_quoted_line_breaks_and_crlf_read_as_before(tmp_path):
    path = tmp_path / "papers.csv"
    path.write_bytes(("id,title,abstract\r\n"
                      f'p1,"Two\r\nLines","{GOOD}"\r\n'
                      f'p2,Plain,"{GOOD}"\r\n').encode())
    papers = read_papers(path)
    assert [(p.paper_id, p.title, p.source_line) for p in papers] == [("p1", "Two\r\nLines", 3), ("p2", "Plain", 4)]


def test_when_utf16_jsonl_is_streamed_then_it_reads_like_utf8(tmp_path):
    path = tmp_path / "papers.jsonl"
    path.write_bytes(b"\xff\xfe" + _jsonl(_good(1), _good(2)).decode("utf-8").encode("utf-16-le"))
    assert [p.abstract for p in read_papers(path)] == [GOOD, GOOD]


# --- the arXiv metadata snapshot and --categories -------------------------------------------------


def _arxiv(arxiv_id: str, categories: str | None, abstract: str = GOOD, **extra) -> dict:
    record = {"id": arxiv_id, "submitter": "Ada Lovelace",
              "authors": "Ada Lovelace, Alan Turing and Grace Hopper (MIT, CSAIL)",
              "title": "HetRL: Efficient Reinforcement Learning\n  for LLMs in Heterogeneous Environments",
              "comments": "12 pages", "journal-ref": None, "doi": None, "report-no": None,
              "license": "http://creativecommons.org/licenses/by/4.0/",
              "abstract": "  " + abstract.replace(". ", ".\n  ") + "\n",
              "versions": [{"version": "v1", "created": "Mon, 1 Jan 2024 00:00:00 GMT"}],
              "update_date": "2024-01-02",
              "authors_parsed": [["Lovelace", "Ada", ""], ["Turing", "Alan", ""]], **extra}
    if categories is not None:
        record["categories"] = categories
    return record


@pytest.fixture()
def snapshot(tmp_path) -> Path:
    path = tmp_path / "arxiv-metadata-oai-snapshot.json.gz"
    path.write_bytes(gzip.compress(_jsonl(
        _arxiv("2401.00001", "cs.DC cs.LG"),
        _arxiv("2401.00002", "hep-th"),
        _arxiv("2401.00003", "cs.LG stat.ML"),
        _arxiv("2401.00004", "cs.AR"),
        _arxiv("2401.00005", None),
        _arxiv("2401.00006", "math.OC cs.DC"),
    ) + b'{"id": "2401.00007", "title": "T", "abstract": "A. B.", "categories": 7}\n'))
    return path


def test_when_arxiv_snapshot_is_read_then_its_fields_become_papers(snapshot):
    papers = read_papers(snapshot)
    first = papers[0]
    assert first.paper_id == "2401.00001"
    assert first.authors == ("Ada Lovelace", "Alan Turing", "Grace Hopper (MIT, CSAIL)")
    assert first.title.startswith("HetRL: Efficient Reinforcement Learning")
    # the abstract exactly as the snapshot holds it (leading spaces, line breaks): every offset indexes it
    assert first.abstract == _arxiv("2401.00001", None)["abstract"]
    assert first.abstract.startswith("  As large language models") and "9.17×" in first.abstract
    assert len(papers) == 7  # without a filter the categories field is not read at all


def test_when_an_arxiv_abstract_starts_with_spaces_then_every_offset_slices_it_as_read(snapshot, tmp_path):
    out = tmp_path / "out"
    assert main(["extract", str(snapshot), "--out", str(out)]) == 0
    papers = pd.read_parquet(out / "papers.parquet").set_index("paper_id")
    assert papers.loc["2401.00001", "abstract"].startswith("  ")
    for name in ("claims", "quantities"):
        rows = pd.read_parquet(out / f"{name}.parquet")
        assert len(rows) > 0
        for row in rows.itertuples():
            abstract = papers.loc[row.paper_id, "abstract"]
            assert abstract[row.start:row.end] == row.text
            assert abstract[row.sentence_start:].lstrip().startswith(row.sentence[:20])


def test_when_categories_are_given_then_papers_in_any_of_them_are_kept(snapshot):
    problems = Problems()
    papers = read_inputs([str(snapshot)], problems, categories=["cs.DC", "cs.LG"])
    assert [p.paper_id for p in papers] == ["2401.00001", "2401.00003", "2401.00006"]
    assert [r.line for r in problems.rejects] == [7]
    assert "'categories' must be a string or a list" in problems.rejects[0].reason
    assert any(f"{snapshot}: 1 record(s) without categories left out" in w for w in problems.warnings)


@pytest.mark.parametrize("categories, expected", [
    (["cs"], ["2401.00001", "2401.00003", "2401.00004", "2401.00006"]),  # an archive keeps its subcategories
    (["CS.ar"], ["2401.00004"]),  # case does not matter
    (["hep-th"], ["2401.00002"]),
    (["cs.D"], []),  # no prefix matching inside a name
])
def test_when_a_category_is_an_archive_or_differs_in_case_then_it_still_matches(snapshot, categories, expected):
    assert [p.paper_id for p in iter_papers(snapshot, Problems(), categories=categories)] == expected


def test_when_categories_filter_csv_and_poster_inputs_then_csv_column_counts_and_poster_papers_are_left_out(
        tmp_path, corpus_path):
    path = tmp_path / "papers.csv"
    path.write_text(f'id,title,categories,abstract\np1,One,cs.DC,"{GOOD}"\np2,Two,q-bio.NC,"{GOOD}"\n',
                    encoding="utf-8")
    problems = Problems()
    papers = read_inputs([str(path), str(corpus_path)], problems, categories="cs.DC")
    assert [p.paper_id for p in papers] == ["p1"]
    assert any(f"{corpus_path}: 47 record(s) without categories left out" in w for w in problems.warnings)


def test_when_extract_gets_categories_then_only_those_papers_reach_the_tables(snapshot, tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["extract", str(snapshot), "--categories", "cs.DC,cs.LG", "--out", str(out)]) == 0
    papers = _tables(out)["papers"]
    assert list(papers["paper_id"]) == ["2401.00001", "2401.00003", "2401.00006"]
    assert "without categories left out by --categories" in capsys.readouterr().err


def test_when_every_paper_is_filtered_out_then_tables_are_empty_with_their_column_types(snapshot, tmp_path):
    out = tmp_path / "out"
    assert main(["extract", str(snapshot), "--categories", "astro-ph", "--out", str(out)]) == 0
    for name, record in (("papers", "Paper"), ("claims", "Claim"), ("quantities", "Quantity")):
        from pipeline.core import records

        assert pq.read_schema(out / f"{name}.parquet").equals(record_schema(getattr(records, record)))
        assert pq.read_table(out / f"{name}.parquet").num_rows == 0
    assert (out / "papers.csv").read_text(encoding="utf-8").count("\n") == 1  # the header line


# --- chunks do not change the output --------------------------------------------------------------


@pytest.fixture(scope="module")
def mixed_inputs(tmp_path_factory, corpus_path) -> list[str]:
    """The corpus, corpus_a and a file with bad records and ids repeated across chunk boundaries."""
    base = tmp_path_factory.mktemp("chunks")
    mixed = base / "mixed.jsonl"
    mixed.write_bytes(
        _jsonl({"id": "dup", "title": "First", "abstract": GOOD}, _good(1))
        + b'{"title": "bad \xff"}\n[1]\n'
        + _jsonl(*[_good(i) for i in range(2, 12)], {"id": "dup", "title": "Second", "abstract": GOOD},
                 {"id": "dup-2", "title": "Third", "abstract": GOOD},
                 {"id": "long", "title": "Long", "abstract": GOOD + " " + "9" * 500 + " x."})
        + b'{"id": "cut", "abstract": "We')
    return [str(corpus_path), str(mixed), str(CORPUS_A)]


@pytest.fixture(scope="module")
def whole_list(tmp_path_factory, mixed_inputs, rules) -> Path:
    """The whole-list path: every paper in memory, each table written at once."""
    out = tmp_path_factory.mktemp("whole")
    problems = Problems()
    output = run_all(mixed_inputs, rules, problems)
    for name in TABLES:
        write_records(getattr(output, name), out, name)
    write_jsonl([r.to_json() for r in problems.rejects], out / "rejects.jsonl")
    return out


@pytest.fixture(scope="module")
def chunked(tmp_path_factory, mixed_inputs) -> dict[int, Path]:
    outs = {}
    for size in (7, 2_000):
        outs[size] = tmp_path_factory.mktemp(f"chunk{size}")
        extract_to(mixed_inputs, outs[size], REPO / "rules", chunk_size=size, progress=False)
    return outs


def test_when_one_chunk_holds_every_paper_then_files_are_byte_identical_to_the_whole_list_path(whole_list, chunked):
    assert _bytes(chunked[2_000]) == _bytes(whole_list)


def test_when_chunks_are_small_then_tables_and_rejects_equal_the_default_run(chunked):
    small, default = chunked[7], chunked[2_000]
    for name, frame in _tables(small).items():
        assert frame.equals(_tables(default)[name]), name
    for name in FILES:
        if name.endswith((".csv", ".jsonl")):
            assert (small / name).read_bytes() == (default / name).read_bytes(), name


def test_when_chunks_are_small_then_each_is_one_row_group(chunked):
    papers = pq.ParquetFile(chunked[7] / "papers.parquet")
    assert papers.metadata.num_row_groups == -(-papers.metadata.num_rows // 7)
    assert pq.ParquetFile(chunked[2_000] / "papers.parquet").metadata.num_row_groups == 1


def test_when_ids_repeat_across_chunks_then_they_are_made_unique_as_in_one_list(chunked):
    papers = _tables(chunked[7])["papers"].set_index("paper_id")
    assert papers.loc["dup", "title"] == "First"
    assert papers.loc["dup-2", "title"] == "Second"  # two chunks after the first
    assert papers.loc["dup-2-2", "title"] == "Third"


def test_when_chunks_are_small_then_rejects_keep_input_order(chunked):
    rejects = [json.loads(line) for line in (chunked[7] / "rejects.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(Path(r["source"]).name, r["line"]) for r in rejects] == [("mixed.jsonl", 3), ("mixed.jsonl", 4),
                                                                      ("mixed.jsonl", 18)]


def test_when_chunks_follow_each_other_then_one_pipeline_serves_them_all(rules, mixed_inputs):
    from pipeline.ingest.readers import read_inputs
    from pipeline.run.chunk import ChunkWorker

    worker = ChunkWorker(rules)
    extractor = worker.chain.extractor
    papers = read_inputs(mixed_inputs, Problems())
    first = worker.run(papers[:20], strict=False, time_limit=10.0, debug=False)
    second = worker.run(papers[20:], strict=False, time_limit=10.0, debug=False)
    assert worker.chain.extractor is extractor
    assert first.count("papers") + second.count("papers") == len(papers)


# --- progress bar -----------------------------------------------------------------------------------


def test_when_ci_is_set_or_stderr_is_no_terminal_then_no_progress_bar(monkeypatch):
    import sys

    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    monkeypatch.setenv("CI", "true")
    assert type(progress_bar()).__name__ == "_NoBar"
    monkeypatch.delenv("CI")
    bar = progress_bar()
    assert type(bar).__name__ == "tqdm"
    bar.close()
    monkeypatch.setattr(sys.stderr, "isatty", lambda: False, raising=False)
    assert type(progress_bar()).__name__ == "_NoBar"
