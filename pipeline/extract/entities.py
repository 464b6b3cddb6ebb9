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
_PRODUCT_WINDOW = 80  # characters before a head noun searched for a product name


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
        self._families = tuple(book.cues.hardware_families)
        item = rf"(?:{word}|{families})(?:\s+(?:{word}))?"
        self._product_head = re.compile(rf"(?<![\w-])(?:(?:{vendor})\s+)?(?P<name>{item})\s+(?:{heads})s?\b")
        # where a head noun stands: the product pattern is tried only in the few characters before one
        self._head = re.compile(rf"\s(?:{heads})s?\b")
        # "Blackwell, Hopper, and Ampere GPUs": the items of a list before the head share it
        self._items_before = re.compile(rf"(?<![\w-])(?P<items>(?:(?:{item})\s*,\s*)*(?:{item}))\s*,?\s+(?:and|or)\s+$")
        self._item = re.compile(rf"(?<![\w-]){item}(?![\w-])")

    def find(self, text: str, hardware_hits: list[Hit], names: list[str], system: str,
             starts: list[int]) -> list[Found]:
        """The entity spans of a normalized abstract; `starts` are its token starts (where a lexicon
        name can begin)."""
        found = [Found(h.start, h.end, "hardware", h.canonical, True, h.entry_id, h.kind) for h in hardware_hits]
        for m in self._products(text):
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
                  for h in self.book.baseline_names.find_at(text, starts)]
        known = {h.canonical for h in found}
        for name in dict.fromkeys(names):
            if name and name not in known and name != system:
                found += [Found(s, e, "system", name, False, SHAPE_COMPARATOR) for s, e in _occurrences(text, name)]
        if system:
            found += [Found(s, e, "system", system, False, OWN_SYSTEM) for s, e in _occurrences(text, system)]
        return _resolve(found)

    def _products(self, text: str):
        """The matches of `_product_head`, in order, tried only in a window before each head noun (a
        vendor, two product words and the head fit in it) instead of at every character."""
        end = 0
        for head in self._head.finditer(text):
            window = max(end, head.start() - _PRODUCT_WINDOW)
            before = text[window:head.start()]
            if not any(c.isdigit() for c in before) and not any(f in before for f in self._families):
                continue  # "the GPU", "modern GPUs": no product word can stand before it
            m = self._product_head.search(text, window, head.end() + 1)
            while m is not None and m.end() < head.end():
                m = self._product_head.search(text, m.start() + 1, head.end() + 1)
            if m is not None and m.start() >= end:
                end = m.end()
                yield m

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
    """Where `name` stands as a whole word (not inside a longer name: 'DDP' not in 'DreamDDP', 'NOVA'
    not in 'NOVA-2'): a C search for the name, then a look at the character on each side."""
    out, size = [], len(name)
    at = text.find(name)
    while at >= 0:
        end = at + size
        before = text[at - 1] if at else " "
        after = text[end:end + 2]
        if not (before.isalnum() or before in "_-") and not (after[:1].isalnum() or after[:1] == "_" or (
                after[:1] == "-" and len(after) == 2 and (after[1].isalnum() or after[1] == "_"))):
            out.append((at, end))
        at = text.find(name, at + 1)
    return out
