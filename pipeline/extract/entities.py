"""The entity layer: every mention of a system (method, library, framework) and of hardware, as a span.

Found by lexicon, name shape and context together:
- the lexicons (rules/baselines.yml, rules/hardware.yml): `known`, `rule_id` the entry's id; a
  lexicon word is matched only as the alias is written (case-sensitive, whole word);
- names the comparison reader accepted in a comparator slot, in a "such as" or parenthesised list or
  before a baseline head ("faster than NOVA, Ext-4 and SPFS"): not known, `rule_id`
  "shape-comparator"; every other mention of the same name in the abstract is the same entity;
- a product-shaped word before a hardware head noun ("a Virtex-7 FPGA", "BF3 SmartNIC"): not known,
  `rule_id` "shape-hardware-head";
- the paper's own system ("BEAM"), `rule_id` "own-system".
Hardware wins where a span would be both; a longer span wins over one inside it. Offsets are found in
the normalized text and mapped back, so `abstract[start:end] == text` on the text as read.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.core.records import Entity
from pipeline.extract.cuebook import Cuebook
from pipeline.extract.lexicon import Hit
from pipeline.extract.textnorm import NormalizedText

SHAPE_COMPARATOR = "shape-comparator"
SHAPE_HARDWARE = "shape-hardware-head"
OWN_SYSTEM = "own-system"


@dataclass(frozen=True, slots=True)
class Found:
    """An entity span in the normalized text, before its offsets are mapped back."""

    start: int
    end: int
    kind: str
    canonical: str
    known: bool
    rule_id: str
    hardware_kind: str = ""  # the lexicon's kind of a hardware entry (gpu, fpga, cpu, ...)


class EntityFinder:
    def __init__(self, book: Cuebook):
        self.book = book
        heads = "|".join(re.escape(h) for h in sorted(book.cues.hardware_heads, key=len, reverse=True))
        families = "|".join(re.escape(f) for f in book.cues.hardware_families)
        word = r"[A-Z][A-Za-z]*-?\d[\w.+]*"  # Virtex-7, BF3, VU9P, U280 (one run: no nested repeat)
        vendor = "|".join(re.escape(v) for v in book.vendor_names)
        item = rf"(?:{word}|{families})(?:\s+(?:{word}))?"
        self._product_head = re.compile(rf"(?<![\w-])(?:(?:{vendor})\s+)?(?P<name>{item})\s+(?:{heads})s?\b")
        # "Blackwell, Hopper, and Ampere GPUs": the items of a list before the head share it
        self._items_before = re.compile(rf"(?<![\w-])(?P<items>(?:(?:{item})\s*,\s*)*(?:{item}))\s*,?\s+(?:and|or)\s+$")
        self._item = re.compile(rf"(?<![\w-]){item}(?![\w-])")

    def find(self, text: str, hardware_hits: list[Hit], names: list[str], system: str) -> list[Found]:
        found = [Found(h.start, h.end, "hardware", h.canonical, True, h.entry_id, h.kind) for h in hardware_hits]
        for m in self._product_head.finditer(text):
            found.append(Found(m.start("name"), m.end("name"), "hardware", m.group("name"), False, SHAPE_HARDWARE,
                               "accelerator"))
            listed = self._items_before.search(text, max(0, m.start("name") - 120), m.start("name"))
            if listed is not None:
                found += [Found(i.start(), i.end(), "hardware", i.group(), False, SHAPE_HARDWARE, "accelerator")
                          for i in self._item.finditer(text, listed.start("items"), listed.end("items"))]
        shaped = {f.canonical for f in found if f.rule_id == SHAPE_HARDWARE}
        for name in sorted(shaped):  # "up to 8.6x on Blackwell" after "on Blackwell GPUs"
            found += [Found(s, e, "hardware", name, False, SHAPE_HARDWARE, "accelerator")
                      for s, e in _occurrences(text, name)]
        found += [Found(h.start, h.end, "system", h.canonical, True, h.entry_id)
                  for h in self.book.baseline_names.find(text)]
        known = {h.canonical for h in found}
        for name in dict.fromkeys(names):
            if name and name not in known and name != system:
                found += [Found(s, e, "system", name, False, SHAPE_COMPARATOR) for s, e in _occurrences(text, name)]
        if system:
            found += [Found(s, e, "system", system, False, OWN_SYSTEM) for s, e in _occurrences(text, system)]
        return _resolve(found)

    def records(self, paper_id: str, norm: NormalizedText, found: list[Found]) -> tuple[Entity, ...]:
        """The spans as Entity records on the text as read. Where normalization rewrote the text around a
        name ("$ vLLM $"), the mapped range is narrowed to the name as written inside it; spans that would
        still overlap an earlier one are left out, so no character belongs to two entities."""
        out: list[Entity] = []
        for f in found:
            start, end = norm.to_original(f.start, f.end)
            written = norm.text[f.start:f.end]
            inside = norm.original.find(written, max(start, out[-1].end if out else 0), end)
            if inside >= 0:
                start, end = inside, inside + len(written)
            if end <= start or (out and start < out[-1].end):
                continue
            out.append(Entity(paper_id=paper_id, start=start, end=end, text=norm.original[start:end],
                              kind=f.kind, canonical=f.canonical, known=f.known, rule_id=f.rule_id))
        return tuple(out)


def _resolve(found: list[Found]) -> list[Found]:
    """One span per stretch of text: hardware first, then the longer, then the known; in text order."""
    rank = sorted(found, key=lambda f: (f.kind != "hardware", -(f.end - f.start), not f.known, f.start))
    kept: list[Found] = []
    for f in rank:
        if not any(f.start < k.end and k.start < f.end for k in kept):
            kept.append(f)
    return sorted(kept, key=lambda f: (f.start, f.end))


def _occurrences(text: str, name: str) -> list[tuple[int, int]]:
    """Where `name` stands as a whole word (not inside a longer name: 'DDP' not in 'DreamDDP')."""
    pattern = re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w]|-\w)")
    return [(m.start(), m.end()) for m in pattern.finditer(text)]
