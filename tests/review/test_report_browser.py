"""The dashboard in a real browser (Debian's chromium, driven by Playwright), opened from file://."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from pipeline.core.config import ValidateParams
from pipeline.core.tables import write_records
from pipeline.ingest.readers import read_papers
from pipeline.review.compare import run_compare
from pipeline.review.report import build_report
from pipeline.review.validate import run_validate
from pipeline.run.chain import run_all

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
HOSTILE = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">'
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


def _build(rules, inputs, out: Path) -> Path:
    papers, claims, quantities = run_all([str(i) for i in inputs], rules)
    for name, rows in (("papers", papers), ("claims", claims), ("quantities", quantities)):
        write_records(rows, out, name)
    run_validate(out, rules, ValidateParams())
    run_compare(out, rules)
    return build_report(out)


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM:
        pytest.fail("chromium is not installed: `make test` installs Debian's chromium package")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


def _open(browser, index: Path):
    page = browser.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(index.as_uri())
    page.wait_for_selector("#claims-table tbody tr")
    return page, errors


@pytest.fixture(scope="module")
def hostile_report(rules, tmp_path_factory) -> Path:
    """Real papers of the bundled corpus plus one whose title and abstract are HTML/JS."""
    tmp = tmp_path_factory.mktemp("hostile")
    real = [p for p in read_papers("data/poster_session_2.txt") if p.title.startswith(("BEAM", "Efficient Long"))]
    rows = [{"id": p.paper_id, "title": p.title, "abstract": p.abstract} for p in real]
    rows.append({"id": "hostile", "title": HOSTILE, "abstract": "We present " + HOSTILE + " and it is 2× faster "
                 "than vLLM on H100 GPUs while cutting memory by 30% compared to vLLM."})
    corpus = tmp / "corpus.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return _build(rules, [corpus], tmp / "out")


def test_when_the_report_opens_from_file_then_no_console_error_and_a_chart(browser, hostile_report):
    page, errors = _open(browser, hostile_report)
    assert errors == []
    assert page.locator("svg.chart rect.bar").count() >= 1
    page.close()


def test_when_searching_then_the_claims_table_filters(browser, hostile_report):
    page, _ = _open(browser, hostile_report)
    before = page.locator("#claims-table tbody tr").count()
    page.fill("#search", "energy")
    rows = page.locator("#claims-table tbody tr")
    assert 0 < rows.count() < before
    for i in range(rows.count()):
        text = (rows.nth(i).inner_text() + " " + (rows.nth(i).get_attribute("title") or "")).lower()
        assert "energy" in text
    page.close()


def test_when_a_title_is_html_then_it_shows_as_text_and_never_runs(browser, hostile_report):
    page, errors = _open(browser, hostile_report)
    page.click('a[data-paper="hostile"] >> nth=0')
    assert page.locator("#paper-view .paper-title").inner_text() == HOSTILE
    assert page.evaluate("window.__pwned") is None
    assert page.locator("img").count() == 0
    assert errors == []
    page.close()


def test_when_the_bundled_corpus_is_reported_then_vllm_and_megatron_views_line_up(browser, rules, tmp_path):
    page, errors = _open(browser, _build(rules, ["data/poster_session_2.txt"], tmp_path))
    vllm = page.locator('.baseline-view[data-baseline="vLLM"]').inner_text()
    megatron = page.locator('.baseline-view[data-baseline="Megatron-LM"]').inner_text()
    assert "BEAM" in vllm and "2.04×" in vllm and "51%" in vllm
    assert "DistCA" in megatron and "1.9×" in megatron
    assert errors == []
    page.close()


def test_when_baselines_are_shared_then_each_gets_its_own_view(browser, rules, tmp_path):
    inputs = ["tests/data/dev2025/corpus_a.jsonl", "tests/data/dev2025/corpus_b.jsonl"]
    index = _build(rules, inputs, tmp_path)
    import pandas as pd

    comparisons = pd.read_parquet(tmp_path / "comparisons.parquet")
    shared = {b for b, g in comparisons.groupby("baseline") if g["paper_id"].nunique() >= 2}
    page, errors = _open(browser, index)
    shown = set(page.evaluate(
        "Array.from(document.querySelectorAll('#baseline-views > .baseline-view')).map(e => e.dataset.baseline)"))
    assert shared and shared <= shown
    assert errors == []
    page.close()
