"""`claims check`: a reviewer pastes abstracts and reads every claim with its fields and sentence.

Input is a file in any supported format, or plain text where abstracts are separated by blank
lines ('-' reads standard input).
"""
from __future__ import annotations

import sys
import tempfile
import textwrap
from pathlib import Path

from pipeline.core.errors import InputError
from pipeline.core.records import Paper

COLUMNS = [("value", 13), ("unit", 9), ("type", 8), ("direction", 9), ("qualifier", 9), ("metric", 26),
           ("baseline", 24)]


def check(source: str, rules, *, out=sys.stdout) -> int:
    from pipeline.run.chain import Chain

    papers, claims, _ = Chain(rules).run(_papers(source))
    flags_of: dict[str, list] = {}
    if claims:
        from pipeline.core.config import load_validate_params
        from pipeline.review.flags import FlagChecker
        from pipeline.core.records import CLAIM_COLUMNS, to_frame

        for flag in FlagChecker(rules, load_validate_params()).run(to_frame(claims, CLAIM_COLUMNS)):
            flags_of.setdefault(flag.claim_id, []).append(flag)
    for paper in papers:
        title = paper.title or paper.abstract[:60] + "…"
        out.write(f"\n{title}\n")
        extra = [f"hardware: {', '.join(paper.hardware)}" if paper.hardware else "",
                 f"baselines: {', '.join(paper.baselines)}" if paper.baselines else ""]
        if any(extra):
            out.write("  " + "   ".join(e for e in extra if e) + "\n")
        mine = [c for c in claims if c.paper_id == paper.paper_id]
        if not mine:
            out.write(f"  no claims ({paper.status})\n")
            continue
        out.write("  " + " ".join(name.ljust(width) for name, width in COLUMNS) + "\n")
        for c in mine:
            value = f"{c.value_low:g}" if c.value_low == c.value_high else f"{c.value_low:g}–{c.value_high:g}"
            cells = [value, c.unit, c.claim_type, c.direction or "-", c.qualifier or "-", c.metric or "-",
                     c.baseline or "-"]
            out.write("  " + " ".join(_cell(v, w) for v, (_, w) in zip(cells, COLUMNS)) + "\n")
            for flag in flags_of.get(c.claim_id, []):
                out.write(f"      ⚑ {flag.severity} {flag.check_id}: {flag.message}\n")
            out.write(textwrap.indent(textwrap.fill(f"“{c.sentence}”", 100), "      ") + "\n")
    return 0


def _cell(value: str, width: int) -> str:
    value = str(value)
    return (value[: width - 1] + "…" if len(value) > width else value).ljust(width)


def _papers(source: str) -> list[Paper]:
    from pipeline.ingest.readers import read_papers

    if source != "-" and not Path(source).is_file():  # named, so never a wait on the keyboard
        raise InputError(source, None, "no such file (give '-' or pipe the text to read standard input)")
    if source != "-":
        text = Path(source).read_text(encoding="utf-8", errors="replace")
        if not _plain_blocks(text):
            return read_papers(source)
        blocks = _plain_blocks(text)
    else:
        if sys.stdin.isatty():
            print("claims check: paste abstracts (a blank line between two), then Ctrl-D", file=sys.stderr)
        blocks = _plain_blocks(sys.stdin.read())
    if not blocks:
        with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as handle:
            handle.write(text if source != "-" else "")
        return read_papers(handle.name)
    return [Paper(paper_id=f"pasted-{i}", title="", authors=(), abstract=b, source=source, source_line=line)
            for i, (line, b) in enumerate(blocks, 1)]


def _plain_blocks(text: str) -> list[tuple[int, str]]:
    """Blank-line separated paragraphs, when the text is not one of the structured formats."""
    from pipeline.ingest.readers import detect_format

    if detect_format(text) != "poster" or "⋅" in text:
        return []
    blocks, current, start = [], [], 1
    for number, line in enumerate(text.splitlines(), 1):
        if line.strip():
            if not current:
                start = number
            current.append(line.strip())
        elif current:
            blocks.append((start, " ".join(current)))
            current = []
    if current:
        blocks.append((start, " ".join(current)))
    return blocks
