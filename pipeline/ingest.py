"""Read papers from poster-session text, JSONL or CSV (detected by content) into Paper records.

Every paper of the input comes out, with or without an abstract; a malformed record raises
InputError naming file and line rather than being skipped.
"""
from __future__ import annotations

import csv
import gzip
import hashlib
import io
import json
import re
from pathlib import Path
from collections.abc import Iterator

from .errors import InputError
from .records import Paper

AUTHOR_SEPARATOR = "⋅"
# A line this long, or one that reads as prose (several sentence ends), is an abstract.
ABSTRACT_MIN_CHARS = 200


def read_inputs(paths: list[str]) -> list[Paper]:
    """All papers of all inputs, ids made unique across them in input order."""
    papers: list[Paper] = []
    for path in paths:
        papers.extend(read_papers(path))
    return _unique_ids(papers)


def read_papers(path: str | Path) -> list[Paper]:
    path = Path(path)
    if not path.is_file():
        raise InputError(path, None, "no such file")
    raw = path.read_bytes()
    if raw[:2] == b"\x1f\x8b":
        raw = gzip.decompress(raw)
    text = _decode(path, raw)
    kind = detect_format(text)
    reader = {"jsonl": _read_jsonl, "csv": _read_csv, "poster": _read_poster}[kind]
    return list(reader(path, text))


def detect_format(text: str) -> str:
    """'jsonl', 'csv' or 'poster', from the content (the file name is not trusted)."""
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    if first.startswith("{"):
        return "jsonl"
    try:
        header = next(csv.reader([first]))
    except csv.Error:
        header = []
    names = {h.strip().lower() for h in header}
    if len(header) > 1 and names & {"title", "abstract"}:
        return "csv"
    return "poster"


def _decode(path: Path, raw: bytes) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InputError(path, line, f"not valid UTF-8 (byte {exc.start})") from exc


def _read_jsonl(path: Path, text: str) -> Iterator[Paper]:
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError as exc:
            raise InputError(path, number, f"not valid JSON: {exc}") from exc
        if not isinstance(record, dict):
            raise InputError(path, number, "expected a JSON object with 'title' and 'abstract'")
        yield _from_record(path, number, record)


def _read_csv(path: Path, text: str) -> Iterator[Paper]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    fields = {f.strip().lower() for f in reader.fieldnames or []}
    if "abstract" not in fields and "title" not in fields:
        raise InputError(path, 1, "CSV header has neither 'title' nor 'abstract'")
    for record in reader:
        if None in record:
            raise InputError(path, reader.line_num, "row has more fields than the header")
        yield _from_record(path, reader.line_num, {k.strip().lower(): v for k, v in record.items()})


def _from_record(path: Path, number: int, record: dict) -> Paper:
    title = record.get("title") or ""
    abstract = record.get("abstract") or ""
    if not isinstance(title, str) or not isinstance(abstract, str):
        raise InputError(path, number, "'title' and 'abstract' must be strings")
    if not title.strip() and not abstract.strip():
        raise InputError(path, number, "record has neither a title nor an abstract")
    authors = record.get("authors") or ()
    if isinstance(authors, str):
        authors = [a.strip() for a in re.split(r"[;⋅]|,(?![^()]*\))| and ", authors) if a.strip()]
    given = record.get("id")
    return _paper(path, number, title.strip(), tuple(str(a) for a in authors), abstract.strip(),
                  str(given).strip() if given not in (None, "") else None)


def _read_poster(path: Path, text: str) -> Iterator[Paper]:
    """Title / authors / abstract blocks after a few header lines; titles or abstracts may be missing."""
    lines = [(n, line.strip()) for n, line in enumerate(text.splitlines(), 1) if line.strip()]
    pending: list[tuple[int, str]] = []
    seen_abstract = False
    for number, line in lines:
        if not _is_abstract(line):
            pending.append((number, line))
            continue
        title, authors, first = _title_and_authors(path, pending, at_start=not seen_abstract)
        yield _paper(path, first or number, title, authors, line, None)
        pending, seen_abstract = [], True
    if pending:
        title, authors, first = _title_and_authors(path, pending, at_start=not seen_abstract)
        yield _paper(path, first, title, authors, "", None)


def _is_abstract(line: str) -> bool:
    if AUTHOR_SEPARATOR in line:
        return False
    return len(line) >= ABSTRACT_MIN_CHARS or len(re.findall(r"[.!?](?:\s|$)", line)) >= 2


def _title_and_authors(path: Path, block: list[tuple[int, str]], *, at_start: bool):
    """Split the short lines before an abstract into title and authors; leading extras are header."""
    if at_start and len(block) > 2:
        block = block[-2:]
    if len(block) > 2:
        raise InputError(path, block[0][0], f"{len(block)} short lines between abstracts; expected a "
                                            "title line and an author line")
    if not block:
        return "", (), None
    if len(block) == 1:
        number, line = block[0]
        if AUTHOR_SEPARATOR in line:
            return "", _authors(line), number
        return line, (), number
    (number, title), (_, authors) = block
    return title, _authors(authors), number


def _authors(line: str) -> tuple[str, ...]:
    return tuple(a.strip() for a in line.split(AUTHOR_SEPARATOR) if a.strip())


def _paper(path: Path, number: int, title: str, authors: tuple, abstract: str, given: str | None) -> Paper:
    if given:
        paper_id = given
    elif title:
        paper_id = slug(title)
    else:
        paper_id = "abs-" + hashlib.sha1(abstract.encode("utf-8")).hexdigest()[:12]
    return Paper(paper_id=paper_id, title=title, authors=authors, abstract=abstract,
                 source=str(path), source_line=number, status="ok" if abstract else "no_abstract")


def slug(text: str, limit: int = 80) -> str:
    out = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return out[:limit].rstrip("-") or "untitled"


def _unique_ids(papers: list[Paper]) -> list[Paper]:
    seen: dict[str, int] = {}
    out = []
    for paper in papers:
        count = seen.get(paper.paper_id, 0) + 1
        seen[paper.paper_id] = count
        if count > 1:
            from dataclasses import replace

            paper = replace(paper, paper_id=f"{paper.paper_id}-{count}")
        out.append(paper)
    return out
