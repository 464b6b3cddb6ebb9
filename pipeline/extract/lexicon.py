"""Find named things (hardware, baseline systems) by the aliases of a lexicon in `rules/`."""
from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.core.rules import LexiconEntry

_VENDOR_PREFIX = r"(?:(?:NVIDIA|Nvidia|AMD|Intel|Google|AWS|Amazon|Mellanox|Huawei)\s+)?"


_MEMO_TEXT = 48  # texts this short (a word, a comparator phrase) have their hits remembered
_MEMO_SIZE = 100_000  # at most this many of them, per lexicon


@dataclass(frozen=True, slots=True)
class Hit:
    entry_id: str
    canonical: str
    start: int
    end: int
    count: int | None = None
    kind: str = ""


class Lexicon:
    """One compiled regex of all aliases, with word boundaries. The aliases are folded into a trie
    (`_trie_pattern`): a flat alternation of hundreds of names is tried name by name at every
    character of an abstract, a trie follows one branch per character."""

    def __init__(self, entries: tuple[LexiconEntry, ...], *, vendor_prefix: bool = False, plural: bool = True):
        self._owner: dict[str, LexiconEntry] = {}
        for entry in entries:
            for alias in entry.aliases:
                self._owner[alias] = entry
        body = _trie_pattern(list(self._owner)) or r"(?!x)x"
        # "1,024 × H100", "512 H100": up to 3 thousands groups or 9 digits, so a run like "1,1,1,..." costs
        # linear time (the old `\d[\d,]*` backtracked quadratically) and int() never meets a huge number
        count = r"(?:(?P<count>\d{1,3}(?:,\d{3}){1,3}|\d{1,9})\s*[×xX]?\s*)?" if vendor_prefix else ""
        prefix = _VENDOR_PREFIX if vendor_prefix else ""
        suffix = r"s?" if plural else ""
        # a version after a hyphen makes another name ("FlashDecoding-v2" is not FlashDecoding)
        self._regex = re.compile(rf"(?<![\w-]){count}{prefix}(?P<name>{body}){suffix}(?![\w]|-[vV]?\d)")
        # The aliases alone: a pattern that opens with the trie's branch lets `re` skip ahead to the
        # characters an alias can begin with (the full pattern opens with a look-behind, tried at every
        # position); every match of the full pattern contains one, so without one there is none.
        # (only a pattern with a count or company name before its alias needs one: the others open with
        # the alias and are cheap to try whole; not compiling it saves a third of a lexicon's start-up)
        self._gate: re.Pattern | None = re.compile(body) if vendor_prefix else None
        self._memo: dict[str, tuple[Hit, ...]] = {}
        self._openings = frozenset(alias[:2] for alias in self._owner)  # the first two characters of each alias

    def find(self, text: str) -> list[Hit]:
        short = len(text) <= _MEMO_TEXT
        if short:  # words and short phrases recur across abstracts: each is searched once
            known = self._memo.get(text)
            if known is not None:
                return list(known)
        hits = self._search(text)
        if short and len(self._memo) < _MEMO_SIZE:
            self._memo[text] = tuple(hits)
        return hits

    def find_at(self, text: str, starts: list[int]) -> list[Hit]:
        """The hits of `find` that begin at one of `starts` (a Doc's token starts): the full pattern is
        tried only where a token opens with the first two characters of some alias, instead of at every
        character of a whole abstract. A name begins a token wherever the tokenizer splits it off
        (spaces, brackets, quotes, commas); one glued behind another character ("PyTorch/XLA") is not seen."""
        if not self._owner:
            return []
        openings, regex, hits, end = self._openings, self._regex, [], 0
        for at in starts:
            if at < end or text[at:at + 2] not in openings:
                continue
            m = regex.match(text, at)
            if m is None:
                continue
            entry = self._owner[m.group("name")]
            hits.append(Hit(entry.id, entry.canonical, m.start("name"), m.end("name"), None, entry.kind))
            end = m.end()
        return hits

    def _search(self, text: str) -> list[Hit]:
        if self._gate is not None and self._gate.search(text) is None:
            return []
        hits = []
        for m in self._regex.finditer(text):
            entry = self._owner[m.group("name")]
            raw = m.groupdict().get("count")
            count = int(raw.replace(",", "")) if raw and raw.replace(",", "").isdigit() else None
            hits.append(Hit(entry.id, entry.canonical, m.start("name"), m.end("name"), count, entry.kind))
        return hits

    def canonical_in(self, text: str) -> str | None:
        """The canonical name of the first alias inside `text`, if any."""
        hits = self.find(text)
        return hits[0].canonical if hits else None


def _trie_pattern(words: list[str]) -> str:
    """A regex matching exactly `words`, preferring the longest at each position (as a longest-first
    alternation does): 'A100', 'A10', 'A10G' → 'A10(?:0|G)?'."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _node_pattern(trie)


def _node_pattern(node: dict) -> str:
    ends_here = "" in node
    branches = [re.escape(char) + _node_pattern(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends_here:  # the longer words first: an optional, greedy group
        return f"{body}?" if len(branches) > 1 else f"(?:{body})?"
    return body


def unique_in_order(items) -> tuple:
    seen, out = set(), []
    for item in items:
        if item not in seen:
            seen.add(item)
            out.append(item)
    return tuple(out)
