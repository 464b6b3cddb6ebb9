"""Attribution by scope: what each result number is compared against, and what it was measured on.

A number's comparators are the cue `BaselineReader.pick` chose for it, read at the scope where that
cue stands, nearest first (vocab.BASELINE_SCOPES): its own phrase ("2× over X"), a list ("such as A
and B"; "faster than A, B and C" paired with three coordinated numbers), its clause, the sentence's
frame ("Compared to X, ... 2× ... 3×"), the paper's frame ("We compare against X and Y" before the
results, for a relative number whose sentence compares with nothing).

Hardware goes by the same levels, from the hardware entities of the abstract: what the number's own
stretch of the sentence names ("2× on A100 and 3× on H100"), else what its sentence names, else the
paper's platform when the paper names exactly one. Hardware standing in a comparator ("0.9× over an
A100 GPU") belongs to that number alone, never to the paper's platform.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from spacy.attrs import IDX

from pipeline.extract.baselines import Cue
from pipeline.extract.fast.columns import Sentence
from pipeline.extract.mention import Mention

_CLAUSE_WORDS = {",", ";", ":", "while", "whereas", "which"}
_RELATIVE_UNITS = {"x", "%", "pp"}
_NEW_SUBJECT = re.compile(r"\b(?:while|whereas|and|but)\s+(?:the\s+)?[A-Z][\w\-+.]*[\w+]")  # "while DB-Decoding ..."
_LINKS = {"nic", "interconnect"}  # hardware that carries a result but is not what computed it
_HARD_STOPS = {";", ":", "."}  # what ends a number's stretch of a sentence (a comma or parenthesis does not)


@dataclass(frozen=True, slots=True)
class HardwareSpan:
    """A hardware entity of the abstract (token positions), reported kinds only (no host CPU, no protocol)."""

    start: int
    end: int
    canonical: str
    kind: str = "accelerator"  # hardware.yml's kind (gpu, tpu, accelerator, soc, nic, interconnect)


def token_starts(doc) -> list[int]:
    """The character offset of every token of the Doc (for char → token lookups), from its arrays."""
    return doc.to_array([IDX]).ravel().tolist()


def to_tokens(starts: list[int], char_start: int, char_end: int) -> tuple[int, int]:
    """The token range [start, end) covering the characters [char_start, char_end)."""
    first = max(0, bisect_right(starts, char_start) - 1)
    last = max(first + 1, bisect_right(starts, char_end - 1))
    return first, last


def decide(doc, words: list[str], groups: list[list[Mention]], results: list[Mention], cues: list[Cue],
           picked: dict[int, Cue | None], *, paired: list[tuple[Mention, str]], shares: list[tuple[Mention, str]],
           frame: Cue | None) -> None:
    """`baseline`, `baseline_names` and `baseline_scope` of a sentence's result numbers, nearest scope
    first: the cue `BaselineReader.pick` chose for each (`picked`), a list paired item by item
    ("respectively": `paired`), a share of a reference level (`shares`), coordinated numbers against an
    as long list, a sibling clause's comparator, the paper's frame (None before the paper's own work)."""
    for m in results:
        cue = picked.get(id(m))
        m.baseline_cue, m.baseline = cue, (cue.name if cue is not None else None)
        m.baseline_names, m.baseline_scope = (), None
    for m, name in paired:
        m.baseline, m.baseline_names, m.baseline_scope = name, (name,), "list"
    for m, phrase in shares:
        m.baseline, m.baseline_cue, m.baseline_names, m.baseline_scope = phrase, None, (phrase,), "phrase"
    for m in results:
        if m.baseline_scope is None:
            comparators(words, m, results)
    pair_lists(groups)
    inherit_in_sentence(doc, words, results)
    take_paper_frame(results, cues, frame)


def comparators(words: list[str], m: Mention, results: list[Mention]) -> None:
    """`baseline_names` and `baseline_scope` of a result number from the cue that gave its baseline."""
    if m.baseline is None:
        m.baseline_names, m.baseline_scope = (), None
        return
    cue: Cue | None = m.baseline_cue
    if cue is None:
        m.baseline_names, m.baseline_scope = (m.baseline,), "phrase"
        return
    m.baseline_names = cue.names if cue.names else (m.baseline,)
    if m.baseline in cue.names:  # the primary one first
        m.baseline_names = (m.baseline,) + tuple(n for n in cue.names if n != m.baseline)
    if cue.listed:
        m.baseline_scope = "list"
    elif cue.pos >= m.end:  # after it, over the numbers coordinated with it ("2×, 3× and 4× over X")
        tail = max((r.end for r in results if m.start <= r.start and r.end <= cue.pos), default=m.end)
        m.baseline_scope = "clause" if any(w in _CLAUSE_WORDS for w in words[tail:cue.pos]) else "phrase"
    else:
        first = min((r.start for r in results), default=m.start)
        if cue.pos < first and any(w in _CLAUSE_WORDS for w in words[cue.end:first]):
            m.baseline_scope = "sentence"  # "Compared to X, ... 2× ..."
        elif any(w in _CLAUSE_WORDS for w in words[cue.end:m.start]):
            m.baseline_scope = "clause"
        else:
            m.baseline_scope = "phrase"  # "outperforms X by 2×"


def inherit_in_sentence(doc, words: list[str], results: list[Mention]) -> None:
    """'... improvement of up to 69% ... compared to X, while reducing JCT by up to 83%': a relative number
    with no comparator of its own takes the one of the sentence's previous number (whose cue stands
    before it) — a sibling clause compares with the same thing. An absolute number never does."""
    ordered = sorted(results, key=lambda r: r.start)
    for index, m in enumerate(ordered):
        if m.baseline is not None or not relative(m):
            continue
        prior = next((r for r in reversed(ordered[:index]) if r.baseline is not None), None)
        cue = prior.baseline_cue if prior is not None else None
        if prior is None or cue is None or cue.pos >= m.start or prior.baseline_scope == "list":
            continue
        between = words[prior.end:m.start]
        if not any(w in _CLAUSE_WORDS for w in between):
            continue  # "2.9x over X and up to 4.94x end-to-end speedup": one clause, its own noun phrase
        if _NEW_SUBJECT.search(doc[max(cue.end, prior.end):m.start].text):
            continue  # "..., while DB-Decoding accelerates ... by 4.5x": another system's own result
        m.baseline, m.baseline_cue, m.baseline_names, m.baseline_scope = (
            prior.baseline, cue, prior.baseline_names, "clause")


def take_paper_frame(results: list[Mention], cues: list[Cue], frame: Cue | None) -> None:
    """'We compare against X and Y. ... reduces latency by 40%.': a relative number whose sentence has no
    comparison cue takes the comparator of the paper's frame, an earlier sentence without numbers that
    says what the work is compared against."""
    if frame is None or cues:
        return
    for m in results:
        if m.baseline is None and relative(m):
            m.baseline, m.baseline_cue, m.baseline_names, m.baseline_scope = (
                frame.name, frame, frame.names or (frame.name,), "paper")


def pair_lists(groups: list[list[Mention]]) -> None:
    """'3.55x, 2.84x, and 2.64x faster than NOVA, Ext-4, and SPFS': coordinated numbers sharing one
    comparator that names as many systems are paired with them item by item (as with "respectively")."""
    for group in groups:
        if len(group) < 2:
            continue
        cue = group[0].baseline_cue
        if cue is None or cue.listed or len(cue.names) != len(group) or cue.pos < group[-1].end:
            continue
        if any(m.baseline_cue is not cue or m.baseline_scope == "list" for m in group):
            continue
        for m, name in zip(group, cue.names):
            m.baseline, m.baseline_names, m.baseline_scope = name, (name,), "list"


def measured_on(words: list[str], sent: Sentence, results: list[Mention], spans: list[HardwareSpan],
                default: tuple[str, ...]) -> None:
    """`hardware` of each result number of a sentence: the hardware its stretch of the sentence names
    (after it first: "2× on A100 and 3× on H100"), else what the sentence names outside comparators
    (paired item by item with coordinated numbers when they are as many: "1.6× and 1.5× on H100 and
    A30"), else `default` (the paper's platforms). Hardware in its own comparator is its own too."""
    local = [h for h in spans if sent.start <= h.start < sent.end]
    compared = [h for h in local if any(_inside(h, r.baseline_cue) for r in results)]
    platforms = [h for h in local if h not in compared]
    ordered = sorted(results, key=lambda r: r.start)
    trailing = _unique([h.canonical for h in platforms if ordered and h.start >= ordered[-1].end])
    paired = len(ordered) > 1 and len(trailing) == len(ordered) == len(_unique([h.canonical for h in platforms]))
    for index, m in enumerate(ordered):
        own_comparator = [h.canonical for h in compared if _inside(h, m.baseline_cue)]
        before = ordered[index - 1].end if index else sent.start
        after = ordered[index + 1].start if index + 1 < len(ordered) else sent.end
        following = [h.canonical for h in platforms if m.end <= h.start < after
                     and not any(w in _HARD_STOPS for w in words[m.end:h.start])]
        preceding = [h.canonical for h in platforms if before <= h.start < m.start]
        if paired and index + 1 < len(ordered):
            following = []  # a trailing pair list, not this number's own
        if paired:
            chosen = [trailing[index]]
        else:
            chosen = following or preceding or [h.canonical for h in platforms] or list(default)
        m.hardware = _unique(own_comparator + chosen)


def paper_platforms(spans: list[HardwareSpan], cues: list[Cue], title: list[HardwareSpan]) -> tuple[str, ...]:
    """The paper's platform, given to a number whose sentence names none: the hardware the abstract names
    outside any comparator (else the title's) when it holds at most one accelerator, with the NICs and
    interconnects named beside it ("16 H100 GPUs with NVLink", "a BlueField-3 SmartNIC"); none when it
    names several accelerators."""
    named = [h for h in spans if not any(_inside(h, c) for c in cues)] or title
    accelerators = _unique([h.canonical for h in named if h.kind not in _LINKS])
    return _unique([h.canonical for h in named]) if len(accelerators) <= 1 else ()


def relative(m: Mention) -> bool:
    """A number that compares (a factor, a change, a comparative), not an absolute level."""
    return m.unit in _RELATIVE_UNITS and m.direction is not None and not m.level


def _inside(h: HardwareSpan, cue: Cue | None) -> bool:
    return cue is not None and cue.pos < h.start < cue.end


def _unique(names: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(names))
