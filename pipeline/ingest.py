"""Read papers from poster-session text, JSONL or CSV (detected by content) into Paper records.

Every paper of the input comes out, with or without an abstract. A bad record (a line that is not
JSON, not an object, not UTF-8, a CSV row with surplus fields, ...) is handed to `Problems`: a
strict caller (the default for library use) gets an InputError naming file and line; the CLI
collects it as a reject (file, line, reason) and reads on, so a bad record never costs its valid
neighbours. A file that cannot be read as text at all (missing, empty, binary, a CSV header with
neither `title` nor `abstract`) always raises InputError naming the file.
"""
from __future__ import annotations

import codecs
import csv
import gzip
import hashlib
import io
import json
import re
import sys
import zlib
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from .errors import InputError, Problems
from .records import Paper

AUTHOR_SEPARATOR = "⋅"
# A line this long, or one that reads as prose (several sentence ends), is an abstract.
ABSTRACT_MIN_CHARS = 200
# csv's default field limit (128 KiB) would fail a long abstract; nothing here needs a smaller one.
CSV_FIELD_LIMIT = 1 << 30
# More than this share of control characters or undecodable bytes in a file's start: binary data.
BINARY_SHARE = 0.10
BINARY_SAMPLE_CHARS = 1 << 16

_UNDECODABLE = re.compile("[\udc80-\udcff]")  # bytes that are not UTF-8, as decoded by surrogateescape
_SURROGATE = re.compile("[\ud800-\udfff]")  # unpaired surrogates (from a JSON \\ud800 escape)
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_CSV_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_ .-]{0,40}")


class _Bad(Exception):
    """A record that cannot become a paper; the reader turns it into a reject (or an InputError)."""


def read_inputs(paths: list[str], problems: Problems | None = None) -> list[Paper]:
    """All papers of all inputs, ids made unique across them in input order.

    Without `problems` the first bad record raises InputError; with it, bad records become rejects.
    """
    problems = Problems(strict=True) if problems is None else problems
    papers: list[Paper] = []
    for path in paths:
        papers.extend(read_papers(path, problems))
    return _unique_ids(papers, problems)


def read_papers(path: str | Path, problems: Problems | None = None) -> list[Paper]:
    problems = Problems(strict=True) if problems is None else problems
    path = Path(path)
    text = _read_text(path)
    kind = detect_format(text)
    reader = {"jsonl": _read_jsonl, "csv": _read_csv, "poster": _read_poster}[kind]
    return list(reader(path, text, problems))


def detect_format(text: str) -> str:
    """'jsonl', 'csv' or 'poster', from the content (the file name is not trusted)."""
    head = []
    for line in _LINE_BREAK.split(text[:1 << 20]):
        if line.strip():
            head.append(line.strip())
            if len(head) == 2:
                break
    first = head[0] if head else ""
    if first.startswith(("{", "[")):
        return "jsonl"
    header = _csv_fields(first)
    names = {h.strip().lower() for h in header}
    if len(header) > 1 and names & {"title", "abstract"}:
        return "csv"
    # A header of column names ("id,name,summary") over a row with as many fields is CSV too, even
    # without the columns we need (reading it then fails with a clear error, not a bogus paper).
    if (len(header) > 1 and all(_CSV_NAME.fullmatch(h.strip()) for h in header) and len(head) > 1
            and len(_csv_fields(head[1])) == len(header)):
        return "csv"
    return "poster"


def _csv_fields(line: str) -> list[str]:
    try:
        return next(csv.reader([line]), [])
    except csv.Error:
        return []


# --- whole files -----------------------------------------------------------------------------------


def _read_text(path: Path) -> str:
    if not path.exists():
        raise InputError(path, None, "no such file")
    if not path.is_file():
        raise InputError(path, None, "not a regular file")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(path, None, f"cannot read: {exc.strerror or exc}") from exc
    if raw[:2] == b"\x1f\x8b":
        try:
            raw = gzip.decompress(raw)
        except (OSError, EOFError, zlib.error) as exc:
            raise InputError(path, None, f"not a readable gzip file: {exc}") from exc
    text = _decode(path, raw)
    if not text.strip():
        raise InputError(path, None, "empty file: no papers (expected poster-session text, JSONL or CSV)")
    if _looks_binary(text):
        raise InputError(path, None, "binary data, not text (expected poster-session text, JSONL or CSV in "
                                     "UTF-8, or UTF-16 with a byte-order mark)")
    return text


def _decode(path: Path, raw: bytes) -> str:
    """UTF-16 by its byte-order mark, else UTF-8; bytes that are not UTF-8 stay as surrogate escapes,
    so the record that holds them is rejected while the others are read."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(path, None, f"not valid UTF-16 ({exc.reason} at byte {exc.start})") from exc
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8):]
    return raw.decode("utf-8", "surrogateescape")


def _looks_binary(text: str) -> bool:
    if "\x00" in text:
        return True
    sample = text[:BINARY_SAMPLE_CHARS]
    odd = len(_UNDECODABLE.findall(sample))
    odd += sum(1 for c in sample if c < " " and c not in "\t\n\r\f\v")
    return odd > max(8, len(sample) * BINARY_SHARE)


def _undecodable(text: str) -> str | None:
    """The reason a piece of the file is not text, or None."""
    found = _UNDECODABLE.search(text)
    if found:
        return f"not valid UTF-8 (byte 0x{ord(found.group()) - 0xDC00:02X} at column {found.start() + 1})"
    return None


def _lines(text: str) -> list[str]:
    return _LINE_BREAK.split(text)


# --- JSONL ---------------------------------------------------------------------------------------


def _read_jsonl(path: Path, text: str, problems: Problems) -> Iterator[Paper]:
    for number, line in enumerate(_lines(text), 1):
        if not line.strip():
            continue
        try:
            bad = _undecodable(line)
            if bad:
                raise _Bad(bad)
            try:
                record = json.loads(line)
            except RecursionError as exc:
                raise _Bad("not valid JSON: nested too deeply") from exc
            except ValueError as exc:
                raise _Bad(f"not valid JSON: {exc}") from exc
            if not isinstance(record, dict):
                raise _Bad("expected a JSON object with 'title' and 'abstract'")
            yield _from_record(path, number, record)
        except _Bad as exc:
            problems.reject(path, number, "ingest", str(exc), excerpt=line)


# --- CSV -----------------------------------------------------------------------------------------


def _read_csv(path: Path, text: str, problems: Problems) -> Iterator[Paper]:
    if csv.field_size_limit() < CSV_FIELD_LIMIT:
        csv.field_size_limit(min(CSV_FIELD_LIMIT, sys.maxsize))
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except csv.Error as exc:
        raise InputError(path, reader.line_num, f"not a readable CSV header: {exc}") from exc
    names = [h.strip().lower() for h in header]
    if "abstract" not in names and "title" not in names:
        raise InputError(path, reader.line_num, "CSV header has neither a 'title' nor an 'abstract' column "
                                                f"(columns: {', '.join(names)})")
    if "abstract" not in names:
        problems.warn(path, reader.line_num, "CSV has no 'abstract' column: every paper has status no_abstract")
    while True:
        before = reader.line_num
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            problems.reject(path, reader.line_num, "ingest", f"not valid CSV: {exc}")
            if reader.line_num == before:
                break
            continue
        if not row:
            continue
        number = reader.line_num
        try:
            if len(row) > len(names):
                raise _Bad(f"row has more fields than the header ({len(row)} > {len(names)})")
            bad = next(filter(None, map(_undecodable, row)), None)
            if bad:
                raise _Bad(bad)
            yield _from_record(path, number, dict(zip(names, row)))
        except _Bad as exc:
            problems.reject(path, number, "ingest", str(exc), excerpt=",".join(row))


# --- one record ----------------------------------------------------------------------------------


def _from_record(path: Path, number: int, record: dict) -> Paper:
    title = record.get("title") or ""
    abstract = record.get("abstract") or ""
    if not isinstance(title, str) or not isinstance(abstract, str):
        raise _Bad("'title' and 'abstract' must be strings")
    if not title.strip() and not abstract.strip():
        raise _Bad("record has neither a title nor an abstract")
    authors = record.get("authors") or ()
    if isinstance(authors, str):
        authors = _split_authors(authors)
    elif not isinstance(authors, (list, tuple)):
        raise _Bad("'authors' must be a string or a list")
    authors = tuple(str(a) for a in authors)
    given = record.get("id")
    given = str(given).strip() if given not in (None, "") else None
    fields = [("title", title), ("abstract", abstract), ("id", given or "")] + [("authors", a) for a in authors]
    for name, value in fields:
        found = _SURROGATE.search(value)
        if found:
            raise _Bad(f"'{name}' holds an unpaired surrogate \\u{ord(found.group()):04x}, which is not text")
    return _paper(path, number, title.strip(), authors, abstract.strip(), given)


def _split_authors(text: str) -> list[str]:
    """Split on ';', '⋅', ' and ' and on commas that are not inside parentheses ("Ada (MIT, CSAIL)").

    One backward pass finds the commas inside parentheses (the next parenthesis after them closes),
    so a long author string costs linear time.
    """
    inside: set[int] = set()
    next_paren = None
    for i in range(len(text) - 1, -1, -1):
        c = text[i]
        if c in "()":
            next_paren = c
        elif c == "," and next_paren == ")":
            inside.add(i)
    pieces, start = [], 0
    for i, c in enumerate(text):
        if c in ";⋅" or (c == "," and i not in inside):
            pieces.append(text[start:i])
            start = i + 1
    pieces.append(text[start:])
    return [a.strip() for piece in pieces for a in piece.split(" and ") if a.strip()]


# --- poster-session text ---------------------------------------------------------------------------


def _read_poster(path: Path, text: str, problems: Problems) -> Iterator[Paper]:
    """Title / authors / abstract blocks after a few header lines; titles or abstracts may be missing."""
    lines = [(n, line.strip()) for n, line in enumerate(_lines(text), 1) if line.strip()]
    pending: list[tuple[int, str]] = []
    seen_abstract = False
    for number, line in lines:
        if not _is_abstract(line):
            pending.append((number, line))
            continue
        paper = _poster_paper(path, pending, (number, line), at_start=not seen_abstract, problems=problems)
        if paper is not None:
            yield paper
        pending, seen_abstract = [], True
    if pending:
        paper = _poster_paper(path, pending, None, at_start=not seen_abstract, problems=problems)
        if paper is not None:
            yield paper


def _poster_paper(path: Path, block: list[tuple[int, str]], abstract: tuple[int, str] | None, *,
                  at_start: bool, problems: Problems) -> Paper | None:
    if at_start and len(block) > 2:
        block = block[-2:]
    if len(block) > 2:
        extra, block = block[:-2], block[-2:]
        problems.reject(path, extra[0][0], "ingest",
                        f"{len(extra) + 2} short lines between abstracts; expected a title line and an author "
                        f"line (lines {extra[0][0]}-{extra[-1][0]} are not read)",
                        excerpt=" / ".join(line for _, line in extra))
    for number, line in block + ([abstract] if abstract else []):
        bad = _undecodable(line)
        if bad:
            first = block[0][0] if block else number
            problems.reject(path, number, "ingest", f"{bad}; the paper starting on line {first} is not read",
                            excerpt=line)
            return None
    title, authors, first = _title_and_authors(block)
    if abstract is None:
        return _paper(path, first, title, authors, "", None)
    return _paper(path, first or abstract[0], title, authors, abstract[1], None)


def _is_abstract(line: str) -> bool:
    if AUTHOR_SEPARATOR in line:
        return False
    return len(line) >= ABSTRACT_MIN_CHARS or len(re.findall(r"[.!?](?:\s|$)", line)) >= 2


def _title_and_authors(block: list[tuple[int, str]]):
    """Split the (at most two) short lines before an abstract into title and authors."""
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


# --- papers and their ids ------------------------------------------------------------------------


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


def _unique_ids(papers: list[Paper], problems: Problems) -> list[Paper]:
    """A repeated id gets a suffix (-2, -3, ...) that no other paper holds; each renaming is a warning."""
    taken: set[str] = set()
    first_at: dict[str, str] = {}
    counts: dict[str, int] = {}
    out = []
    for paper in papers:
        paper_id = paper.paper_id
        if paper_id in taken:
            n = counts.get(paper_id, 1) + 1
            while f"{paper_id}-{n}" in taken:
                n += 1
            counts[paper_id] = n
            problems.warn(paper.source, paper.source_line,
                          f"duplicate id {paper_id!r} (first at {first_at[paper_id]}) renamed to '{paper_id}-{n}'")
            paper = replace(paper, paper_id=f"{paper_id}-{n}")
        taken.add(paper.paper_id)
        first_at.setdefault(paper.paper_id, f"{paper.source}:{paper.source_line}")
        out.append(paper)
    return out
