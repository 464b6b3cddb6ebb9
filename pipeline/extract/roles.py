"""Role of a number: a result of this paper, or setup, motivation, or part of a name.

Decided from the cue lists of rules/cues.yml and the unit's own role in units.yml; the reason is
kept on the row so a reviewer sees why a number was not taken as a claim.
"""
from __future__ import annotations

import re

from pipeline.core.rules import UnitEntry
from pipeline.extract.context import PUNCT_STOPS, figures_aside
from pipeline.extract.cuebook import Cuebook
from pipeline.extract.fast.columns import Sentence, token_columns
from pipeline.extract.mention import Mention

_NAME_GLUE = re.compile(r"[A-Za-z0-9][-/_.]$")


# --- the role a mention is proposed with (MentionFinder calls these as it proposes mentions) ---------

def of_bare_number(m: Mention) -> None:
    """A number with no unit is setup until the judge finds a reason it is a result."""
    m.set_role("setup", "number without a unit")


def of_unit(m: Mention, unit: UnitEntry) -> None:
    """A quantity takes the role its unit usually has (units.yml): '7B parameters' describes setup."""
    if unit.role == "setup":
        m.set_role("setup", f"unit {unit.unit} describes setup")


def of_change_source(m: Mention) -> None:
    """'from 20 ms to 9 ms': the start value is the reference, not a claim."""
    m.set_role("setup", "start value of a from-to change")


def of_partner(m: Mention, partner: Mention) -> None:
    """'205.59 and 191.18 samples per second': a bare number takes its coordinated partner's role."""
    m.set_role(partner.role, partner.role_reason)


class RoleJudge:
    def __init__(self, book: Cuebook):
        self.book = book

    def judge(self, doc, words: list[str], sent: Sentence, m: Mention, hw_starts: set[int], system: str) -> None:
        if m.is_source:
            return
        text = doc.user_data["text"]  # the normalized abstract (doc.text would rebuild it from tokens)
        first, last = doc[m.start], doc[m.end - 1]
        before = text[max(0, first.idx - 2):first.idx]
        after_char = text[last.idx + len(last.text):last.idx + len(last.text) + 1]
        nxt = doc[m.end] if m.end < len(doc) else None
        if nxt is not None and nxt.idx in hw_starts:
            return m.set_role("setup", "count of hardware")
        if _NAME_GLUE.search(before) or (after_char.isalnum() and m.label != "quantity"):
            return m.set_role("name", "number glued to a name")
        if m.rule_id == "bare-number" and not m.from_to:
            if m.start > 0 and words[m.start - 1] == "(" and m.end < len(doc) and words[m.end] == ")":
                return m.set_role("name", "enumeration")
            if m.low == m.high and m.low.is_integer() and 1900 <= m.low <= 2100:
                return m.set_role("name", "a year")
        if self._baselines_own_figure(doc, words, sent, m):
            return m.set_role("setup", "the compared system's own figure ('(vs. Inductor: 1.89x)')")
        # "between 20% and 35%" is a range of one claim; "between" marks setup only before counts
        if m.label != "ratio" and not self._relative_change(words, m) and not m.between_range:
            hit = self._role_cue(words, sent, m)
            if hit is not None:
                return m.set_role(hit.role, f"cue {hit.id}")
        unit = self.book.units.get(m.rule_id)
        if m.from_to and not (unit and unit.role == "setup"):  # not "from 7B to 30B"
            return m.set_role("result", "end value of a from-to change")
        if m.rule_id == "bare-number":
            return
        if m.label == "quantity":
            prev = words[m.start - 1] if m.start > 0 else ""
            prev2 = words[m.start - 2] if m.start > 1 else ""
            following = words[m.end] if m.end < len(words) else ""
            if m.role == "setup":
                if prev in self.book.result_cues or prev2 in self.book.result_cues or following == "of":
                    m.set_role("result", "setup unit with a result cue")
                return
            if prev in self.book.determiners or (prev in self.book.qualifier_words and prev2 in self.book.determiners):
                return m.set_role("setup", "describes a thing ('a 7 GB model')")
        if self._is_motivation(words, sent):
            return m.set_role("motivation", "problem statement without self-reference")
        if m.label == "quantity" and not self._self_referring(words, sent, system):
            return m.set_role("motivation", "absolute number in a sentence not about this work")
        m.set_role("result", "result phrase")

    def _baselines_own_figure(self, doc, words: list[str], sent: Sentence, m: Mention) -> bool:
        """'FACT achieves 2.03x (vs. Inductor: 1.89x, TensorRT: 1.85x)': inside a parenthesis opened by a
        comparison word that lists 'name: figure', the numbers are what the compared systems reach."""
        for i in range(m.start - 1, max(sent.start - 1, m.start - 16), -1):
            if words[i] == ")":
                return False
            if words[i] == "(":
                return i + 1 < m.start and self.book.b_cues.starting_at(words, i + 1) is not None \
                    and figures_aside(words, token_columns(doc)[0], i + 1, sent.end)
        return False

    def _relative_change(self, words: list[str], m: Mention) -> bool:
        """'cuts queuing delays by 44.1% for LP tasks', 'reduce 79% memory footprint', '50% fewer GPUs':
        a percentage that is itself a change (after 'by' or a direction verb, or before a comparative)
        is a result whatever setup word follows it; 'with only 10% more bits' states a condition."""
        if m.label != "percent":
            return False
        before = words[m.start - 1] if m.start > 0 else ""
        after = words[m.end] if m.end < len(words) else ""
        if "with" in words[max(0, m.start - 2):m.start]:
            return False
        return before == "by" or before in self.book.d_before or after in self.book.d_after

    def _role_cue(self, words: list[str], sent: Sentence, m: Mention):
        for i in range(m.end, min(m.end + 3, sent.end)):
            hit = self.book.role_after.starting_at(words, i)
            if hit and i - m.end < hit[1].window:
                return hit[1]
            if words[i] in PUNCT_STOPS:
                break
        for i in range(m.start, max(m.start - 3, sent.start), -1):
            hit = self.book.role_before.ending_at(words, i)
            if hit and m.start - i < hit[1].window:
                return hit[1]
        return None

    def _is_motivation(self, words: list[str], sent: Sentence) -> bool:
        motivated = self.book.role_sentence.any_in(words, sent.start, sent.end)
        return motivated and not self._self_referring(words, sent, "")

    @staticmethod
    def share_setup(words: list[str], mentions: list[Mention]) -> None:
        """'at 100 Gbps and 400 Gbps link bandwidths': quantities of one unit coordinated with a setup
        quantity describe the same setup."""
        for a, b in reversed(list(zip(mentions, mentions[1:]))):
            if a.label == b.label == "quantity" and a.unit == b.unit and a.role == "result" \
                    and b.role == "setup" and b.role_reason.startswith("cue ") \
                    and all(w in {"and", "or", ","} for w in words[a.end:b.start]):
                a.set_role("setup", f"coordinated with a setup quantity ({b.role_reason})")

    def about_the_baselines(self, words: list[str], sent: Sentence) -> bool:
        """'Static baselines (FIFO, ...) achieve 45–67% utilization': a sentence that opens with the compared
        systems as its subject (in its first three words). The caller checks that it never speaks of the
        paper's own work (`introduces`)."""
        end = min(sent.start + 3, sent.end)
        return any(w in self.book.baseline_subjects for w in words[sent.start:end]) \
            and not self.book.b_cues.first_positions(words, sent.start, end)  # "Compared to baselines, ..."

    def introduces(self, words: list[str], sent: Sentence, system: str) -> bool:
        """Whether the sentence speaks of the paper's own work: own_work words of cues.yml, or its system."""
        return self.book.own_work.any_in(words, sent.start, sent.end) \
            or (bool(system) and system.lower() in words[sent.start:sent.end])

    def _self_referring(self, words: list[str], sent: Sentence, system: str) -> bool:
        if system and system.lower() in sent.text.lower():
            return True
        return self.book.self_reference.any_in(words, sent.start, sent.end)

    @staticmethod
    def in_context(m: Mention, *, background: bool, of_baselines: bool) -> None:
        """A result of a sentence before the paper introduces its own work is background; one of a
        sentence whose subject is the compared systems is their figure."""
        if background and m.role == "result":
            m.set_role("motivation", "background before the paper introduces its own work")
        elif m.role == "result" and of_baselines:
            m.set_role("setup", "a figure of the compared systems ('Static baselines achieve ...')")

    def attributive_share(self, words: list[str], sent: Sentence, m: Mention) -> None:
        """A percent with no direction or metric, inside a noun phrase, names a share: setup."""
        if m.label == "percent" and m.direction is None and m.metric is None and self.is_attributive(words, sent, m):
            m.set_role("setup", "a share named in a noun phrase, with no measured metric")

    def is_attributive(self, words: list[str], sent: Sentence, m: Mention) -> bool:
        """'the remaining ~80% of the community': a number inside a noun phrase led by a determiner."""
        book = self.book
        for i in range(m.start - 1, max(m.start - 4, sent.start - 1), -1):
            w = words[i]
            if w in book.determiners:
                return True
            if w in PUNCT_STOPS or w in book.b_stops or w in book.d_before or w in book.self_reference_words:
                return False
        return False
