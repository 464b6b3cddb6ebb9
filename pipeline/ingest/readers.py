"""Read papers from poster-session text, JSONL, JSON arrays or CSV (detected by content) into Paper records.

JSONL and CSV (plain or gzip) are read lazily, record by record, so memory does not grow with the
file (a JSON array is read whole, then record by record); the format is detected from the file's
first MiB, and every input is opened and checked before the first paper comes out (an unreadable
file fails before anything is written). Poster-session text is small and is read whole. The arXiv
metadata snapshot (JSONL with id, title, abstract, authors as one string, categories as a
space-separated string, update_date) is JSONL like any other; with `categories` only papers in one
of them are kept (see `CategoryFilter`).

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
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from pipeline.core.errors import InputError, Problems
from pipeline.core.records import Paper

AUTHOR_SEPARATOR = "⋅"
# A line this long, or one that reads as prose (several sentence ends), is an abstract.
ABSTRACT_MIN_CHARS = 200
# csv's default field limit (128 KiB) would fail a long abstract; nothing here needs a smaller one.
CSV_FIELD_LIMIT = 1 << 30
# More than this share of control characters or undecodable bytes in a file's start: binary data.
BINARY_SHARE = 0.10
BINARY_SAMPLE_CHARS = 1 << 16
# The format is detected from this many first characters of a file.
HEAD_CHARS = 1 << 20
READ_BUFFER = 1 << 16
_BINARY = ("binary data, not text (expected poster-session text, JSONL or CSV in UTF-8, or UTF-16 with a "
           "byte-order mark)")

_UNDECODABLE = re.compile("[\udc80-\udcff]")  # bytes that are not UTF-8, as decoded by surrogateescape
_SURROGATE = re.compile("[\ud800-\udfff]")  # unpaired surrogates (from a JSON \\ud800 escape)
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_CSV_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_ .-]{0,40}")


class _Bad(Exception):
    """A record that cannot become a paper; the reader turns it into a reject (or an InputError)."""


def read_inputs(paths: list[str], problems: Problems | None = None, *,
                categories: Iterable[str] | None = None) -> list[Paper]:
    """All papers of all inputs, ids made unique across them in input order.

    Without `problems` the first bad record raises InputError; with it, bad records become rejects.
    """
    return list(stream_inputs(paths, problems, categories=categories))


def stream_inputs(paths: list[str], problems: Problems | None = None, *,
                  categories: Iterable[str] | None = None) -> Iterator[Paper]:
    """The papers of all inputs one by one, ids made unique across them in input order.

    Every input is opened and its format detected here, before the first paper is read: a file that
    cannot be read at all raises InputError at once. The papers then come lazily; memory holds one
    record at a time, plus the ids met so far (to keep them unique).
    """
    problems = Problems(strict=True) if problems is None else problems
    wanted = CategoryFilter.of(categories)
    sources = [(Path(path), sniff(path)) for path in paths]
    return _unique_ids(_chain(sources, problems, wanted), problems)


def _chain(sources, problems: Problems, wanted: CategoryFilter | None) -> Iterator[Paper]:
    for path, kind in sources:
        yield from _papers_of(path, kind, problems, wanted)


def read_papers(path: str | Path, problems: Problems | None = None) -> list[Paper]:
    return list(iter_papers(path, problems))


def iter_papers(path: str | Path, problems: Problems | None = None, *,
                categories: Iterable[str] | None = None) -> Iterator[Paper]:
    """The papers of one file, lazily (ids as given, not yet made unique); InputError at once when the
    file cannot be read at all."""
    problems = Problems(strict=True) if problems is None else problems
    path = Path(path)
    return _papers_of(path, sniff(path), problems, CategoryFilter.of(categories))


def _papers_of(path: Path, kind: str, problems: Problems, wanted: CategoryFilter | None) -> Iterator[Paper]:
    if kind == "json":  # a JSON array of records: read whole, then record by record
        yield from _read_json_array(path, _read_text(path), problems, wanted)
        return
    if kind == "poster":  # small: read whole; it has no categories
        papers = _read_poster(path, _read_text(path), problems)
        if wanted is None:
            yield from papers
        else:
            wanted.left_out(path, sum(1 for _ in papers), problems)
        return
    with _open_text(path) as stream:
        lines = _checked_lines(path, stream)
        if kind == "jsonl":
            yield from _read_jsonl(path, (line.rstrip("\r\n") for line in lines), problems, wanted)
        else:
            yield from _read_csv(path, lines, problems, wanted)


def sniff(path: str | Path) -> str:
    """The format of a readable file ('jsonl', 'csv' or 'poster'), from its first MiB; InputError naming
    the file when it is missing, empty, binary, not valid UTF-16, a broken gzip file or a CSV file whose
    header names neither a title nor an abstract column."""
    path = Path(path)
    _check_file(path)
    with _open_text(path) as stream:
        try:
            head = stream.read(HEAD_CHARS)
        except UnicodeDecodeError as exc:
            raise InputError(path, None, f"not valid UTF-16 ({exc.reason})") from exc
        at_end = len(head) < HEAD_CHARS
    if not head.strip() and at_end:
        raise InputError(path, None, "empty file: no papers (expected poster-session text, JSONL or CSV)")
    if _looks_binary(head):
        raise InputError(path, None, _BINARY)
    kind = detect_format(head)
    if kind == "csv":
        _csv_header(path, csv.reader(io.StringIO(head, newline="")))
    return kind


def detect_format(text: str) -> str:
    """'json' (an array of records), 'jsonl', 'csv' or 'poster', from the content (the file name is not
    trusted)."""
    head = []
    for line in _LINE_BREAK.split(text[:1 << 20]):
        if line.strip():
            head.append(line.strip())
            if len(head) == 2:
                break
    first = head[0] if head else ""
    if first.startswith("[") and first[1:].lstrip()[:1] in ("", "{", "]"):  # "[", "[{...", "[]"
        return "json"
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
    _check_file(path)
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
        raise InputError(path, None, _BINARY)
    return text


def _check_file(path: Path) -> None:
    if not path.exists():
        raise InputError(path, None, "no such file")
    if not path.is_file():
        raise InputError(path, None, "not a regular file")


class _Guarded(io.RawIOBase):
    """The bytes of a file, gunzipped when it starts with gzip's magic bytes; a read that fails raises
    InputError naming the file (a truncated or corrupt gzip stream is met only where it breaks)."""

    def __init__(self, path: Path):
        self.path = path
        try:
            self._raw = open(path, "rb")  # noqa: SIM115 - closed by close()
        except OSError as exc:
            raise InputError(path, None, f"cannot read: {exc.strerror or exc}") from exc
        self._gzip = self._raw.read(2) == b"\x1f\x8b"
        self._raw.seek(0)
        self._stream = gzip.GzipFile(fileobj=self._raw, mode="rb") if self._gzip else self._raw

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        try:
            return self._stream.readinto(buffer)
        except (OSError, EOFError, zlib.error) as exc:
            if self._gzip:
                raise InputError(self.path, None, f"not a readable gzip file: {exc}") from exc
            raise InputError(self.path, None, f"cannot read: {getattr(exc, 'strerror', None) or exc}") from exc

    def close(self) -> None:
        if not self.closed:
            try:
                if self._gzip:
                    self._stream.close()
            finally:
                self._raw.close()
        super().close()


def _open_text(path: Path) -> io.TextIOWrapper:
    """The file as text, lazily: UTF-16 by its byte-order mark, else UTF-8 (a UTF-8 byte-order mark
    dropped) whose undecodable bytes stay as surrogate escapes, as `_decode` does for a whole file.
    Lines keep their ends (newline=""), so CSV reads them as it would read the whole text."""
    with _Guarded(path) as probe:
        start = b""
        while len(start) < 2 and (more := probe.read(2 - len(start))):
            start += more
    binary = io.BufferedReader(_Guarded(path), READ_BUFFER)
    if start in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        return io.TextIOWrapper(binary, encoding="utf-16", errors="strict", newline="")
    return io.TextIOWrapper(binary, encoding="utf-8-sig", errors="surrogateescape", newline="")


def _checked_lines(path: Path, stream: io.TextIOWrapper) -> Iterator[str]:
    """The lines of a text stream, ends kept; a NUL character anywhere means binary data, as for a file
    read whole, and a decoding error is an InputError naming the file."""
    lines = iter(stream)
    while True:
        try:
            line = next(lines)
        except StopIteration:
            return
        except UnicodeDecodeError as exc:
            raise InputError(path, None, f"not valid UTF-16 ({exc.reason})") from exc
        if "\x00" in line:
            raise InputError(path, None, _BINARY)
        yield line


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


def _read_jsonl(path: Path, lines: Iterable[str], problems: Problems,
                wanted: CategoryFilter | None = None) -> Iterator[Paper]:
    """Papers of JSONL lines (without their line ends)."""
    for number, line in enumerate(lines, 1):
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
            if wanted is None or wanted.keeps(record):
                yield _from_record(path, number, record)
        except _Bad as exc:
            problems.reject(path, number, "ingest", str(exc), excerpt=line)
    if wanted is not None:
        wanted.report(path, problems)


def _read_json_array(path: Path, text: str, problems: Problems,
                     wanted: CategoryFilter | None = None) -> Iterator[Paper]:
    """Papers of a JSON array of records, pretty-printed or not; each record's line is the line its
    object starts on. A record that is not a paper is rejected like a bad JSONL line; where the array
    itself breaks off, the rest of the file cannot be read, and the reject says so."""
    decoder, i, line, counted = json.JSONDecoder(), _skip_space(text, 0), 1, 0

    def line_at(position: int) -> int:
        nonlocal line, counted
        line += text.count("\n", counted, position)
        counted = position
        return line

    i = _skip_space(text, i + 1)  # past the "["
    while i < len(text) and text[i] != "]":
        number = line_at(i)
        try:
            record, end = decoder.raw_decode(text, i)
        except RecursionError:
            problems.reject(path, number, "ingest", "not valid JSON: nested too deeply; the rest of the array "
                            "is not read", excerpt=text[i:i + 200])
            return
        except ValueError as exc:
            problems.reject(path, number, "ingest", f"not valid JSON: {exc.msg} (line {exc.lineno}, column "
                            f"{exc.colno}); the rest of the array is not read", excerpt=text[i:i + 200])
            return
        try:
            if not isinstance(record, dict):
                raise _Bad("expected a JSON object with 'title' and 'abstract'")
            if wanted is None or wanted.keeps(record):
                yield _from_record(path, number, record)
        except _Bad as exc:
            problems.reject(path, number, "ingest", str(exc), excerpt=text[i:end][:200])
        i = _skip_space(text, end)
        if i < len(text) and text[i] == ",":
            i = _skip_space(text, i + 1)
        elif i >= len(text) or text[i] != "]":
            problems.reject(path, line_at(min(i, len(text))), "ingest", "the JSON array breaks off here (expected "
                            "',' or ']'); the rest is not read", excerpt=text[i:i + 200])
            return
    if wanted is not None:
        wanted.report(path, problems)


def _skip_space(text: str, i: int) -> int:
    while i < len(text) and text[i] in " \t\r\n":
        i += 1
    return i


# --- CSV -----------------------------------------------------------------------------------------


def _read_csv(path: Path, lines: Iterable[str], problems: Problems,
              wanted: CategoryFilter | None = None) -> Iterator[Paper]:
    """Papers of CSV text, given as lines with their ends (a quoted field may span lines)."""
    reader = csv.reader(lines)
    names = _csv_header(path, reader)
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
            record = dict(zip(names, row))
            if wanted is None or wanted.keeps(record):
                yield _from_record(path, number, record)
        except _Bad as exc:
            problems.reject(path, number, "ingest", str(exc), excerpt=",".join(row))
    if wanted is not None:
        wanted.report(path, problems)


def _csv_header(path: Path, reader) -> list[str]:
    """The lower-cased column names; InputError unless there is a title or an abstract column."""
    if csv.field_size_limit() < CSV_FIELD_LIMIT:
        csv.field_size_limit(min(CSV_FIELD_LIMIT, sys.maxsize))
    try:
        header = next(reader)
    except csv.Error as exc:
        raise InputError(path, reader.line_num, f"not a readable CSV header: {exc}") from exc
    except StopIteration:
        header = []
    names = [h.strip().lower() for h in header]
    if "abstract" not in names and "title" not in names:
        raise InputError(path, reader.line_num, "CSV header has neither a 'title' nor an 'abstract' column "
                                                f"(columns: {', '.join(names)})")
    return names


# --- the category filter -------------------------------------------------------------------------


@dataclass
class CategoryFilter:
    """Keep a record when any of its categories is wanted (arXiv style: `categories` is a space- or
    comma-separated string, or a list). A wanted name matches that category and its subcategories
    (`cs` keeps `cs.DC` and `cs.LG`), without regard to case. A record without categories cannot be
    shown to be in one, so it is left out; each file says how many it left out that way (a warning).
    Records whose categories are not wanted are skipped silently: that is the filter's job."""

    wanted: frozenset[str]
    missing: int = 0
    skipped: int = 0

    @classmethod
    def of(cls, categories: Iterable[str] | None) -> CategoryFilter | None:
        if categories is None:
            return None
        if isinstance(categories, str):
            categories = categories.replace(",", " ").split()
        wanted = frozenset(c.strip().lower() for c in categories if c.strip())
        return cls(wanted) if wanted else None

    def keeps(self, record: dict) -> bool:
        value = record.get("categories")
        if isinstance(value, str):
            names = value.replace(",", " ").split()
        elif isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
            names = value
        elif value is None:
            names = []
        else:
            raise _Bad("'categories' must be a string or a list of strings")
        if not names:
            self.missing += 1
            return False
        for name in names:
            name = name.strip().lower()
            if name in self.wanted or any(name.startswith(w + ".") for w in self.wanted):
                return True
        self.skipped += 1
        return False

    def left_out(self, path: Path, count: int, problems: Problems) -> None:
        self.missing += count
        self.report(path, problems)

    def report(self, path: Path, problems: Problems) -> None:
        """Warn about the records of `path` that had no categories, then start counting afresh."""
        if self.missing:
            problems.warn(path, None, f"{self.missing:,} record(s) without categories left out by --categories")
        self.missing = self.skipped = 0


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
    return _paper(path, number, title.strip(), authors, abstract, given)


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
        paper_id = "abs-" + hashlib.sha1(abstract.strip().encode("utf-8")).hexdigest()[:12]
    return Paper(paper_id=paper_id, title=title, authors=authors, abstract=abstract,
                 source=str(path), source_line=number, status="ok" if abstract.strip() else "no_abstract")


def slug(text: str, limit: int = 80) -> str:
    out = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return out[:limit].rstrip("-") or "untitled"


def _unique_ids(papers: Iterable[Paper], problems: Problems) -> Iterator[Paper]:
    """A repeated id gets a suffix (-2, -3, ...) that no other paper holds; each renaming is a warning.

    Lazy: it holds the ids met so far (with where each was first met, packed in one int) and the last
    suffix of each repeated id, not the papers.
    """
    first_at: dict[str, int] = {}  # id -> source number << 40 | line
    sources: dict[str, int] = {}
    names: list[str] = []
    counts: dict[str, int] = {}
    for paper in papers:
        paper_id = paper.paper_id
        if paper_id in first_at:
            n = counts.get(paper_id, 1) + 1
            while f"{paper_id}-{n}" in first_at:
                n += 1
            counts[paper_id] = n
            source, line = divmod(first_at[paper_id], 1 << 40)
            problems.warn(paper.source, paper.source_line,
                          f"duplicate id {paper_id!r} (first at {names[source]}:{line}) renamed to '{paper_id}-{n}'")
            paper = replace(paper, paper_id=f"{paper_id}-{n}")
        source = sources.get(paper.source)
        if source is None:
            source = sources[paper.source] = len(names)
            names.append(paper.source)
        first_at[paper.paper_id] = source << 40 | (paper.source_line or 0)
        yield paper
