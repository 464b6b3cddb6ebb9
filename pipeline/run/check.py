"""`claims check`: a reviewer pastes abstracts and reads every claim with its fields and sentence.

Input is a file in any supported format, or plain text pasted as one abstract (`--split`: several,
separated by blank lines); '-' reads standard input. The output fits the terminal's width.
"""
from __future__ import annotations

import shutil
import sys
import tempfile
import textwrap
from dataclasses import replace
from pathlib import Path

from pipeline.core.errors import InputError
from pipeline.core.records import Paper

# (header, width) of the fixed columns; metric and baseline share what the terminal has left
FIXED = [("value", 13), ("unit", 9), ("type", 8), ("direction", 9), ("qualifier", 9)]
INDENT = "  "
MIN_FREE = 10  # the narrowest a metric or baseline cell gets


def check(source: str, rules, *, split: bool = False, out=sys.stdout, width: int | None = None) -> int:
    """Print every paper of `source` with its claims, their fields, flags and sentence, in `width`
    columns (default: the terminal's, or $COLUMNS; 100 when neither is known)."""
    from pipeline.run.chain import Chain

    width = width or shutil.get_terminal_size((100, 24)).columns
    papers, claims, _ = Chain(rules).run(_papers(source, split=split))
    flags_of: dict[str, list] = {}
    if claims:
        from pipeline.core.config import load_validate_params
        from pipeline.core.records import CLAIM_COLUMNS, to_frame
        from pipeline.review.flags import FlagChecker

        for flag in FlagChecker(rules, load_validate_params()).run(to_frame(claims, CLAIM_COLUMNS)):
            flags_of.setdefault(flag.claim_id, []).append(flag)
    columns = _columns(width)
    for paper in papers:
        out.write("\n" + textwrap.fill(paper.title or " ".join(paper.abstract.split())[:60] + "…", width) + "\n")
        extra = [f"hardware: {', '.join(paper.hardware)}" if paper.hardware else "",
                 f"baselines: {', '.join(paper.baselines)}" if paper.baselines else ""]
        if any(extra):
            out.write(_wrapped("   ".join(e for e in extra if e), width, INDENT))
        mine = [c for c in claims if c.paper_id == paper.paper_id]
        if not mine:
            out.write(f"{INDENT}no claims ({paper.status})\n")
            continue
        out.write((INDENT + " ".join(name.ljust(w) for name, w in columns)).rstrip() + "\n")
        for c in mine:
            value = f"{c.value_low:g}" if c.value_low == c.value_high else f"{c.value_low:g}–{c.value_high:g}"
            cells = [value, c.unit, c.claim_type, c.direction or "-", c.qualifier or "-", c.metric or "-",
                     c.baseline or "-"]
            out.write((INDENT + " ".join(_cell(v, w) for v, (_, w) in zip(cells, columns))).rstrip() + "\n")
            for flag in flags_of.get(c.claim_id, []):
                out.write(_wrapped(f"⚑ {flag.severity} {flag.check_id}: {flag.message}", width, INDENT * 3))
            out.write(_wrapped(f"“{c.sentence}”", width, INDENT * 3))
    return 0


def _columns(width: int) -> list[tuple[str, int]]:
    """The table's columns for a terminal `width` wide: the fixed ones, then metric and baseline."""
    used = len(INDENT) + sum(w for _, w in FIXED) + len(FIXED) + 1  # a space before each of the two free
    free = max(2 * MIN_FREE, width - used)
    metric = max(MIN_FREE, free * 52 // 100)
    return FIXED + [("metric", metric), ("baseline", max(MIN_FREE, free - metric))]


def _wrapped(text: str, width: int, indent: str) -> str:
    return textwrap.fill(text, max(20, width), initial_indent=indent, subsequent_indent=indent) + "\n"


def _cell(value: str, width: int) -> str:
    value = str(value)
    return (value[: width - 1] + "…" if len(value) > width else value).ljust(width)


def _papers(source: str, *, split: bool = False) -> list[Paper]:
    """The papers of a file or of standard input ('-'): a structured format (JSONL, CSV, poster text)
    as many papers; plain pasted text as one paper, or one per blank-line separated paragraph when
    `split`."""
    from pipeline.ingest.readers import detect_format, read_papers

    if source != "-" and not Path(source).is_file():  # named, so never a wait on the keyboard
        raise InputError(source, None, "no such file (give '-' or pipe the text to read standard input)")
    if source != "-":
        text = Path(source).read_text(encoding="utf-8", errors="replace")
    else:
        if sys.stdin.isatty():
            print("claims check: paste the abstract (with --split, several, a blank line between two), then Ctrl-D",
                  file=sys.stderr)
        text = sys.stdin.read()
    if not text.strip():
        raise InputError(source, None, "nothing to check: the text is empty")
    if detect_format(text) != "poster" or "⋅" in text:  # JSONL, CSV, poster-session text
        if source != "-":
            return read_papers(source)
        with tempfile.TemporaryDirectory() as folder:  # the readers take files: the piped text, briefly
            path = Path(folder) / "stdin"
            path.write_text(text, encoding="utf-8")
            return [replace(p, source="-") for p in read_papers(path)]
    return [Paper(paper_id=f"pasted-{i}", title="", authors=(), abstract=block, source=source, source_line=line)
            for i, (line, block) in enumerate(_paragraphs(text) if split else [_whole(text)], 1)]


def _whole(text: str) -> tuple[int, str]:
    """(first line, the text without the blank space around it)."""
    lead = text[: len(text) - len(text.lstrip())]
    return lead.count("\n") + 1, text.strip()


def _paragraphs(text: str) -> list[tuple[int, str]]:
    """(first line, paragraph) of each blank-line separated paragraph, as written."""
    blocks, start, current = [], 0, []
    for number, line in enumerate(text.splitlines(), 1):
        if line.strip():
            start = start or number
            current.append(line)
        elif current:
            blocks.append((start, "\n".join(current).strip()))
            start, current = 0, []
    if current:
        blocks.append((start, "\n".join(current).strip()))
    return blocks
