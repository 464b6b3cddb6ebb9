"""Ingest: the bundled poster-session text, and JSONL / CSV inputs detected by their content."""
from __future__ import annotations

import json

import pytest

from pipeline.core.errors import InputError
from pipeline.ingest.readers import detect_format, read_inputs, read_papers

POSTER_HEADER = "Session\nPoster Session 2\nEvergreen Ballroom\n"
# A real abstract of the corpus (HetRL), long enough to be recognised as an abstract line.
ABSTRACT = (
    "As large language models (LLMs) scale and new GPUs are released even more frequent, there is an "
    "increasing demand for LLM post-training in heterogeneous environments. Our extensive evaluation "
    "consuming 20,000 GPU-hours shows that HetRL delivers up to 9.17× and 3.17× on average the throughput "
    "of state-of-the-art systems under various workloads and settings."
)


@pytest.fixture(scope="module")
def corpus_papers(corpus_path):
    return read_papers(corpus_path)


# --- the poster-session corpus --------------------------------------------------------------------


def test_when_reading_bundled_corpus_then_47_papers(corpus_papers):
    assert len(corpus_papers) == 47


def test_when_reading_bundled_corpus_then_format_is_poster(corpus_path):
    assert detect_format(corpus_path.read_text(encoding="utf-8")) == "poster"


def test_when_reading_bundled_corpus_then_header_lines_are_skipped(corpus_papers):
    first = corpus_papers[0]
    assert first.title == "A Lightweight High-Throughput Collective-Capable NoC for Large-Scale ML Accelerators"
    assert first.source_line == 4  # lines 1-3 are "Session", "Poster Session 2", "Evergreen Ballroom"
    assert first.abstract.startswith("The exponential increase in Machine Learning (ML) model size")


def test_when_reading_bundled_corpus_then_every_paper_has_an_abstract(corpus_papers):
    assert all(p.abstract and p.status == "ok" for p in corpus_papers)


def test_when_reading_bundled_corpus_then_ids_are_unique(corpus_papers):
    ids = [p.paper_id for p in corpus_papers]
    assert len(set(ids)) == len(ids)


@pytest.mark.parametrize("abstract_start", [
    "Mixture-of-Experts (MoEs) enable massive model sizes but suffer from serving overheads",
    "Deploying neural networks on microcontrollers is constrained by kilobytes of flash and SRAM",
])
def test_when_paper_has_no_title_then_abs_id_and_empty_title(corpus_papers, abstract_start):
    [paper] = [p for p in corpus_papers if p.abstract.startswith(abstract_start)]
    assert paper.paper_id.startswith("abs-")
    assert paper.title == ""
    assert paper.authors == ()


def test_when_paper_has_title_then_id_is_slug_of_title(corpus_papers):
    beam = next(p for p in corpus_papers if p.title.startswith("BEAM:"))
    assert beam.paper_id.startswith("beam-joint-resource-power-optimization")
    assert not any(p.paper_id.startswith("abs-") and p.title for p in corpus_papers)


@pytest.mark.parametrize("title_start, expected_authors", [
    # "Luca Colagrande ⋅ Lorenzo Leone ⋅ Chen Wu ⋅ ⋅ ⋅ Luca Benini": two empty slots in the middle
    ("A Lightweight High-Throughput", ("Luca Colagrande", "Lorenzo Leone", "Chen Wu", "Luca Benini")),
    # "Soroush Tabesh ⋅ ⋅ Andrei Panferov ⋅ ⋅": empty slots in the middle and at the end
    ("CAGE:", ("Soroush Tabesh", "Andrei Panferov")),
    # "... Shaohuai Shi ⋅ Xiaowen Chu ⋅": trailing separator
    ("DreamDDP:", ("Zhenheng Tang", "Zichen TANG", "Junlin Huang", "Xinglin Pan", "Rudan Yan", "Yuxin Wang",
                   "Shaohuai Shi", "Xiaowen Chu")),
    # no empty slots at all
    ("BOute:", ("YOUHE JIANG", "Fangcheng Fu", "Eiko Yoneki")),
])
def test_when_author_line_has_empty_slots_then_they_are_dropped(corpus_papers, title_start, expected_authors):
    [paper] = [p for p in corpus_papers if p.title.startswith(title_start)]
    assert paper.authors == expected_authors


def test_when_title_and_authors_end_the_file_without_abstract_then_status_no_abstract(tmp_path):
    path = tmp_path / "session.txt"
    path.write_text(POSTER_HEADER + "HetRL: Efficient Reinforcement Learning for LLMs\nYongjun He ⋅ Shuai Zhang\n"
                    + ABSTRACT + "\nA Late Poster Without Abstract\nAda Lovelace ⋅ ⋅ Alan Turing\n", encoding="utf-8")
    papers = read_papers(path)
    assert [p.status for p in papers] == ["ok", "no_abstract"]
    last = papers[-1]
    assert last.title == "A Late Poster Without Abstract"
    assert last.authors == ("Ada Lovelace", "Alan Turing")
    assert last.abstract == ""
    assert last.source_line == 7


# --- JSONL and CSV, detected by content ------------------------------------------------------------


@pytest.mark.parametrize("file_name", ["papers.jsonl", "papers.csv", "papers.txt", "papers"])
def test_when_content_is_jsonl_then_detected_whatever_the_extension(tmp_path, file_name):
    path = tmp_path / file_name
    rows = [{"id": "hetrl", "title": "HetRL", "authors": ["Yongjun He", "Shuai Zhang"], "abstract": ABSTRACT},
            {"title": "Second Paper", "abstract": ABSTRACT}]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    assert detect_format(path.read_text(encoding="utf-8")) == "jsonl"
    papers = read_papers(path)
    assert [p.title for p in papers] == ["HetRL", "Second Paper"]
    assert papers[0].authors == ("Yongjun He", "Shuai Zhang")
    assert [p.source_line for p in papers] == [1, 2]


@pytest.mark.parametrize("file_name", ["papers.csv", "papers.jsonl", "papers.txt"])
def test_when_content_is_csv_then_detected_whatever_the_extension(tmp_path, file_name):
    path = tmp_path / file_name
    path.write_text('id,title,authors,abstract\n'
                    f'hetrl,"HetRL: Efficient RL, for LLMs",Yongjun He; Shuai Zhang,"{ABSTRACT}"\n', encoding="utf-8")
    assert detect_format(path.read_text(encoding="utf-8")) == "csv"
    [paper] = read_papers(path)
    assert paper.title == "HetRL: Efficient RL, for LLMs"  # the quoted comma stays in the title
    assert paper.authors == ("Yongjun He", "Shuai Zhang")
    assert paper.abstract == ABSTRACT
    assert paper.source_line == 2


@pytest.mark.parametrize("content, expected_ids", [
    ('{"id": "paper-42", "title": "HetRL", "abstract": "A. B."}\n', ["paper-42"]),
    ('{"id": 7, "title": "HetRL", "abstract": "A. B."}\n', ["7"]),
    ('{"title": "HetRL: Efficient RL", "abstract": "A. B."}\n', ["hetrl-efficient-rl"]),
    ('id,title,abstract\npaper-42,HetRL,A. B.\n', ["paper-42"]),
    ('id,title,abstract\n,HetRL: Efficient RL,A. B.\n', ["hetrl-efficient-rl"]),
])
def test_when_record_has_id_then_it_is_the_paper_id(tmp_path, content, expected_ids):
    path = tmp_path / "input"
    path.write_text(content, encoding="utf-8")
    assert [p.paper_id for p in read_papers(path)] == expected_ids


def test_when_jsonl_line_is_malformed_then_input_error_names_the_line(tmp_path):
    path = tmp_path / "papers.jsonl"
    path.write_text('{"title": "Good", "abstract": "A. B."}\n'
                    '\n'
                    '{"title": "Broken", "abstract": "unterminated\n'
                    '{"title": "Never read", "abstract": "A. B."}\n', encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_papers(path)
    assert info.value.line == 3
    assert info.value.path == str(path)
    assert f"{path}:3" in str(info.value)


@pytest.mark.parametrize("content, line", [
    ('{"title": "Good", "abstract": "A. B."}\n["not", "an", "object"]\n', 2),
    ('{"title": "Good", "abstract": "A. B."}\n{"authors": ["Nobody"]}\n', 2),
    ('{"title": ["a list"], "abstract": "A. B."}\n', 1),
])
def test_when_jsonl_record_is_not_a_paper_then_input_error_names_the_line(tmp_path, content, line):
    path = tmp_path / "papers.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_papers(path)
    assert info.value.line == line


@pytest.mark.parametrize("content", [
    "id,name,summary\np1,HetRL,We show 9.17x higher throughput. It is good.\n",
    "paper_id,body\np1,We show 9.17x higher throughput. It is good.\n",
])
def test_when_csv_has_no_title_or_abstract_column_then_input_error(tmp_path, content):
    path = tmp_path / "papers.csv"
    path.write_text(content, encoding="utf-8")
    assert detect_format(content) == "csv"
    with pytest.raises(InputError) as info:
        read_papers(path)
    assert info.value.line == 1
    assert "neither a 'title' nor an 'abstract'" in info.value.reason


def test_when_csv_row_has_more_fields_than_header_then_input_error(tmp_path):
    path = tmp_path / "papers.csv"
    path.write_text("title,abstract\nHetRL,A. B.\nExtra,A. B.,surplus\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_papers(path)
    assert info.value.line == 3


def test_when_input_file_is_missing_then_input_error(tmp_path):
    with pytest.raises(InputError):
        read_papers(tmp_path / "nope.jsonl")


# --- ids unique across inputs ----------------------------------------------------------------------


def test_when_ids_repeat_within_a_file_then_they_are_made_unique(tmp_path):
    path = tmp_path / "papers.jsonl"
    path.write_text('{"id": "p1", "title": "A", "abstract": "A. B."}\n'
                    '{"id": "p1", "title": "B", "abstract": "A. B."}\n'
                    '{"title": "Same Title", "abstract": "A. B."}\n'
                    '{"title": "Same Title", "abstract": "C. D."}\n', encoding="utf-8")
    ids = [p.paper_id for p in read_inputs([str(path)])]
    assert ids == ["p1", "p1-2", "same-title", "same-title-2"]


def test_when_same_file_is_read_twice_then_ids_stay_unique_in_input_order(corpus_path):
    papers = read_inputs([str(corpus_path), str(corpus_path)])
    ids = [p.paper_id for p in papers]
    assert len(papers) == 94
    assert len(set(ids)) == 94
    assert ids[47] == ids[0] + "-2"


# --- JSON arrays of records, pretty-printed or not ---------------------------------------------------

_RECORDS = [{"id": "x1", "title": "One", "abstract": "FlashServe is up to 2.5x faster than vLLM."},
            {"id": "x2", "title": "Two", "abstract": "It cuts latency by 40% over SGLang."}]


@pytest.mark.parametrize("text, lines", [
    (json.dumps(_RECORDS, indent=2), [2, 7]),
    (json.dumps(_RECORDS), [1, 1]),
    ("[\n" + ",\n".join(json.dumps(r) for r in _RECORDS) + "\n]\n", [2, 3]),
], ids=["pretty", "one-line", "a-record-a-line"])
def test_when_input_is_a_json_array_then_each_record_is_a_paper_at_its_line(tmp_path, text, lines):
    path = tmp_path / "papers.json"
    path.write_text(text, encoding="utf-8")
    assert detect_format(text) == "json"
    papers = read_papers(path)
    assert [(p.paper_id, p.abstract, p.source_line) for p in papers] == \
        [(r["id"], r["abstract"], line) for r, line in zip(_RECORDS, lines)]


@pytest.mark.parametrize("line", ['["not", "an", "array of records"]', "[1, 2]"])
def test_when_a_jsonl_line_is_a_list_then_it_is_still_jsonl(line):
    assert detect_format(line + "\n" + json.dumps(_RECORDS[0])) == "jsonl"


def test_when_a_json_array_holds_a_non_record_or_breaks_off_then_each_is_rejected_at_its_line(tmp_path):
    from pipeline.core.errors import Problems

    path = tmp_path / "papers.json"
    broken = '[\n  "not a record",\n' + json.dumps(_RECORDS[0]) + ',\n  {"id": "x9", "title": "cut'
    path.write_text(broken, encoding="utf-8")
    problems = Problems()
    papers = read_inputs([str(path)], problems)
    assert [p.paper_id for p in papers] == ["x1"]
    assert [(r.line, r.reason.split(":")[0]) for r in problems.rejects] == [
        (2, "expected a JSON object with 'title' and 'abstract'"), (4, "not valid JSON")]
    assert "the rest of the array is not read" in problems.rejects[1].reason
