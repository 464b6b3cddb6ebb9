"""What a number is compared against: comparison cues, their phrases, and canonical names.

"over X", "compared to X", "than X" (prepositions) bind to the numbers around them; "outperforms X
by N" (a verb) to the numbers after it; "within 1% of X" only to its own number. Named systems are
canonicalized through rules/baselines.yml; generic phrases are kept as written.
"""
from __future__ import annotations

import re

from .context import PUNCT_STOPS
from .cuebook import Cuebook
from .mentions import Mention

# A token that reads as a system's name: inner capitals (DeepEP, vLLM, QuEST) or letters then digits.
SYSTEM_NAME = re.compile(r"^(?=.*[A-Za-z])(?:[A-Z][A-Za-z0-9]*[A-Z0-9][A-Za-z0-9]*"
                         r"|[a-z]+[A-Z][A-Za-z0-9]*|[A-Z][a-z]+[0-9]+)$")

_COMPARATIVES = {"more", "less", "rather", "other", "fewer", "greater", "higher", "lower"}


class BaselineReader:
    def __init__(self, book: Cuebook):
        self.book = book

    def cues_of_sentence(self, doc, words, sent, results: list[Mention], groups, named: list[str]):
        """Every comparison cue of the sentence as (position, kind, baseline, owner group or None)."""
        starts = {m.start for m in results}
        group_of = {id(m): g for g in groups for m in g}
        out = []
        i = sent.start
        while i < sent.end:
            hit = self.book.b_cues.starting_at(words, i)
            if not hit:
                i += 1
                continue
            cue_words, candidates = hit
            j = i + len(cue_words)
            owner = None
            cue = candidates[0]
            if cue.after_number_only:
                found = [(c, self._cue_owner(words, c, i, results)) for c in candidates if c.after_number_only]
                cue, owner = next(((c, o) for c, o in found if o is not None), (cue, None))
                if owner is None:
                    i += 1
                    continue
                owner = group_of[id(owner)]
            elif self._bounds_a_number(doc, words, sent, i, j, starts):
                i = j
                continue
            end = j
            while end < sent.end and end - j < 8 and end not in starts and not (
                    words[end] in self.book.b_stops and (doc[end - 1].whitespace_ or words[end] in PUNCT_STOPS)):
                end += 1  # a stop word glued into a compound ("state-of-the-art") does not end the phrase
            phrase = _strip_determiner(doc[j:end].text) if end > j else ""
            if phrase and phrase.lower() not in {"time", "the past", "the years", "the course"}:
                canonical = self._canonical_baseline(phrase)
                if canonical:
                    named.append(canonical)
                out.append((i, cue.kind, canonical or phrase, owner))
            i = max(end, i + 1)
        return out

    def _bounds_a_number(self, doc, words, sent, i: int, j: int, starts: set[int]) -> bool:
        """'over 30%', 'more than 2×': the cue word qualifies a number and compares nothing."""
        if j < sent.end and (j in starts or doc[j].like_num or words[j] in self.book.qualifier_words):
            return True
        return words[i:j] == ["than"] and i > sent.start and words[i - 1] in _COMPARATIVES

    def _cue_owner(self, words, cue, at: int, results: list[Mention]) -> Mention | None:
        """The number an after-number cue ('within 1% of X', '2× the throughput of X') belongs to."""
        for m in reversed(results):
            if m.end <= at:
                gap = words[m.end:at]
                if len(gap) > cue.within or any(w in PUNCT_STOPS or w in self.book.b_stops - {"on"} for w in gap):
                    return None
                if cue.requires_label and m.label not in cue.requires_label:
                    return None
                if cue.requires_qualifier and m.qualifier not in cue.requires_qualifier:
                    return None
                return m
        return None

    def _canonical_baseline(self, phrase: str) -> str | None:
        known = self.book.baseline_names.canonical_in(phrase)
        if known:
            return known
        for found in re.finditer(r"[A-Za-z][A-Za-z0-9\-+.#]*[A-Za-z0-9+#]|[A-Z]{2,}", phrase):
            token = found.group()
            if phrase[found.end():found.end() + 2] in ("'s", "’s"):
                continue  # "CompanyX's current strategy": the strategy, not a named system
            if token in self.book.generic_names or token.rstrip("s") in self.book.generic_names:
                continue
            if SYSTEM_NAME.match(token) or (token.isupper() and len(token) >= 2):
                return token
        return None

    @staticmethod
    def pick(words, m: Mention, group: list[Mention], cues) -> str | None:
        """The first comparison phrase after the number, else the nearest one before it.

        A sentence-final "compared to X" covers every number of the sentence; an after-number cue
        ("within 1% of X") only its own number; a verb cue ("exceeding X") only what follows it.
        Absolute results (a quantity compared with nothing) have no baseline.
        """
        if m.label == "quantity" and m.direction is None:
            return None
        usable = [c for c in cues if c[3] is None or c[3] is group]
        for pos, kind, name, _ in usable:
            if pos >= m.end and kind == "preposition":
                return name
        for pos, _, name, _ in reversed(usable):
            if pos < m.start and not any(w in {":", ";"} for w in words[pos:m.start]):
                return name
        return None

    def named_in_parentheses(self, text: str) -> list[str]:
        """'the prior best method (QuEST)': a name in parentheses after a generic baseline phrase."""
        heads = "|".join(re.escape(h) for h in self.book.cues.baseline_heads)
        out = []
        for m in re.finditer(rf"\b(?:{heads})\s*\(([^()]{{2,40}})\)", text):
            name = self._canonical_baseline(m.group(1))
            if name:
                out.append(name)
        return out

    def introduced_system(self, text: str) -> str:
        verbs = "|".join(re.escape(v) for v in self.book.cues.system_intro_verbs)
        m = re.search(rf"\b[Ww]e (?:{verbs}) (?:(?:a|an|the)\s+)?([A-Za-z][\w\-]*)", text)
        return m.group(1) if m and SYSTEM_NAME.match(m.group(1)) else ""


def _strip_determiner(text: str) -> str:
    return re.sub(r"^(?:a|an)\s+", "", text.strip(), flags=re.IGNORECASE)


def title_system_name(title: str) -> str:
    """'BEAM: Joint ...' → 'BEAM'; empty when the title has no short name before a colon."""
    head, sep, _ = title.partition(":")
    return head.strip() if sep and 0 < len(head.split()) <= 3 else ""
