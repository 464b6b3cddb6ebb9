"""Qualifier, direction and metric of result numbers, read from the words around them.

Coordinated numbers ("2.9× and 2.5× geomean speedups", "up to 9.17× and 3.17× on average") form a
group: each keeps its own qualifier, and the others share the group's.
"""
from __future__ import annotations

import re

from pipeline.extract.context import PUNCT_STOPS
from pipeline.extract.cuebook import Cuebook
from pipeline.extract.fast.columns import Sentence
from pipeline.extract.mention import Mention

# "reduces latency by 4.7x and improves SLO attainment": what follows "and" is another claim's
_CLAUSE_JOINERS = {"and", "or", "while", "but", "whereas"}
_METRIC_PREPOSITIONS = {"in", "of", "for"}


class AttributeReader:
    def __init__(self, book: Cuebook):
        self.book = book

    def groups(self, words: list[str], results: list[Mention]) -> list[list[Mention]]:
        groups: list[list[Mention]] = []
        for m in results:
            if groups:
                prev = groups[-1][-1]
                between = words[prev.end:m.start]
                if all(w in self.book.coordinators for w in between) or self._parallel(words, prev.end, m.start):
                    groups[-1].append(m)
                    continue
            groups.append([m])
        return groups

    def _parallel(self, words: list[str], start: int, end: int) -> bool:
        """'1.9× over Megatron-LM and 1.35× over ...': only a baseline phrase and a coordinator between."""
        between = words[start:end]
        if not between or len(between) > 9 or between[-1] not in self.book.coordinators:
            return False
        if not self.book.b_cues.starting_at(words, start):
            return False
        return not any(w in self.book.d_before or w in PUNCT_STOPS for w in between[:-1])

    def qualifiers(self, words: list[str], sent: Sentence, group: list[Mention],
                   number_ends: frozenset[int] = frozenset()) -> None:
        """`number_ends`: where the sentence's numbers end, so a qualifier right after one ('2.2% geometric
        mean using 10×') is that number's and not read again as the next number's left qualifier."""
        for m in group:
            left = self._left_qualifier(words, sent, m, number_ends)
            q = left or self._right_qualifier(words, sent, m)
            if q:
                m.qualifier, m.own_qualifier = q, True
                m.qualifier_before = bool(left)  # written on its left: it may bound a list
        shared = next((m.qualifier for m in group if m.own_qualifier), None)
        if len(group) > 1:
            first_left = self._left_qualifier(words, sent, group[0], number_ends)
            last_right = self._right_qualifier(words, sent, group[-1])
            for m in group:
                if not m.own_qualifier:
                    m.qualifier = first_left or last_right
        elif shared:
            group[0].qualifier = shared

    def carry_left_qualifier(self, words: list[str], sent: Sentence, results: list[Mention]) -> None:
        """'up to 168x for reduce-scatter, 33x for all-gather and 10x for all-reduce', 'up to 3.9× higher
        write throughput than X and 7.6× higher than Y': a list of values of one metric under one 'up to'.
        The next value shares the qualifier written before the first only when it names no metric of
        its own ('16.5 GB lower memory usage' does) and no new 'by'-phrase or verb introduces it."""
        for a, b in zip(results, results[1:]):
            if a.qualifier is None or b.qualifier is not None or a.unit != b.unit or ")" in words[a.end:b.start]:
                continue  # an aside "(up to 5.05x)" bounds only itself
            if not (a.qualifier_before or a.carried_qualifier):
                continue
            between = words[a.end:b.start]
            if not between or len(between) > 12 or between[-1] not in {"and", ","}:
                continue
            if not self._no_verb_between(words, a.end, b.start, {"by", ";", ":", "."}):
                continue
            after = words[b.end] if b.end < sent.end else "."
            following = words[b.end + 1] if b.end + 1 < sent.end else ""
            compared = after in self.book.d_after and following == "than"  # "7.6× higher than Y"
            if after in self.book.same_metric_after or after in PUNCT_STOPS or compared:
                b.qualifier = a.qualifier
                b.carried_qualifier = True

    @staticmethod
    def inherit_restated(words: list[str], results: list[Mention]) -> None:
        """'up to 740 TFLOPs/s (75% utilization)': a parenthetical restatement shares the qualifier;
        'improves the training time by up to 7.5× (3.6× on average)': one of the same kind also measures
        the same metric, in the same direction."""
        by_end = {m.end: m for m in results}
        for m in results:
            before = by_end.get(m.start - 1)
            if before is None or words[m.start - 1] != "(":
                continue
            if m.qualifier is None and before.qualifier:
                m.qualifier = before.qualifier
            if m.label == before.label and before.direction and not m.fixed_direction:
                m.direction = before.direction
                if before.metric and m.metric in (None, before.metric):
                    m.metric, m.metric_polarity, m.metric_family = \
                        before.metric, before.metric_polarity, before.metric_family

    def _left_qualifier(self, words: list[str], sent: Sentence, m: Mention,
                        number_ends: frozenset[int] = frozenset()) -> str | None:
        for end in range(m.start, max(m.start - 7, sent.start), -1):
            hit = self.book.q_left.ending_at(words, end)
            # "less than a 2% throughput reduction": a determiner between phrase and number does not count
            if hit and m.start - end - sum(w in self.book.determiners for w in words[end:m.start]) \
                    < hit[1].max_distance:
                if end - len(hit[0]) in number_ends:
                    return None  # it qualifies the number just before it
                return self._bound_before(words, end - len(hit[0])) or hit[1].qualifier
            if words[end - 1] == "by":  # "reduces fragmentation on average by 85.1%"
                hit = self.book.q_left.ending_at(words, end - 1)
                return hit[1].qualifier if hit and hit[1].qualifier in ("average", "geomean", "median") else None
            if words[end - 1] in PUNCT_STOPS and words[end - 1] != "(":
                break
        return None

    def _bound_before(self, words: list[str], start: int) -> str | None:
        """'within ≈5%': a bound written before an approximation is the qualifier that counts."""
        hit = self.book.q_left.ending_at(words, start)
        return hit[1].qualifier if hit and hit[1].qualifier in ("at_most", "at_least") else None

    def _right_qualifier(self, words: list[str], sent: Sentence, m: Mention) -> str | None:
        """'3.17× on average', '(2.1× on average)', and after the number's own metric phrase and asides:
        '3.08x (up to 4.62x) speedup on average'."""
        start = m.end
        if start < sent.end and words[start] == "(":
            start += 1
        if start < sent.end:
            hit = self.book.q_right.starting_at(words, start)
            if hit:
                return hit[1].qualifier
        for i in right_context(words, m.end, sent.end, 5):
            if words[i] in PUNCT_STOPS or words[i] in _CLAUSE_JOINERS or (words[i] in self.book.b_stops
                                                                          and words[i] != "on"):
                return None
            hit = self.book.q_right.starting_at(words, i)
            if hit and i > m.end:
                return hit[1].qualifier
        return None

    def metric(self, doc, words: list[str], sent: Sentence, m: Mention, group: list[Mention],
               previous: Mention | None = None) -> None:
        """The metric term right after the number, else after its coordinated group ("2.9× and 2.5×
        geomean speedups"), else the nearest one before it in the clause, else that of the result it
        continues ("improves training time by 7.5× over X, and 3× over Y"); widened by its modifiers."""
        best = m.respective_metric or self._metric_after(words, sent, m)
        if best is None and m is not group[-1]:
            best = self._metric_after(words, sent, group[-1])
        if best is None:
            for end in range(m.start, max(m.start - 14, sent.start), -1):
                if words[end - 1] in {";", ":"}:
                    break
                hit = self.book.metrics.ending_at(words, end)
                if hit:
                    best = (end - len(hit[0]), end, hit[1])
                    break
        if best is None:
            if previous is not None and previous.metric and self._continues(words, previous, m):
                m.metric, m.metric_polarity, m.metric_family = \
                    previous.metric, previous.metric_polarity, previous.metric_family
                m.continues = previous
            return
        start, end, entry = best
        floor = max(sent.start, group[-1].end if start >= m.end else sent.start)
        while start > max(floor, best[0] - 3) and self._modifier_word(doc, words, start - 1):
            start -= 1
        while start > floor and not doc[start - 1].whitespace_ and doc[start - 1].text not in PUNCT_STOPS:
            start -= 1  # keep glued words whole: "end-to-end", "time-to-first-token"
        m.metric = doc[start:end].text
        m.metric_polarity = entry.polarity
        m.metric_family = entry.family

    def pair_respective_metrics(self, words: list[str], sent: Sentence, group: list[Mention]) -> None:
        """'15% and 48% better on accuracy and time, respectively': as many metric terms after the numbers
        as there are numbers, paired in order."""
        if len(group) < 2 or "respectively" not in words[group[-1].end:sent.end]:
            return
        found, i = [], group[-1].end
        while i < min(group[-1].end + 14, sent.end) and words[i] != "respectively":
            hit = self.book.metrics.starting_at(words, i)
            if hit:
                found.append((i, i + len(hit[0]), hit[1]))
                i += len(hit[0])
                continue
            if words[i] in PUNCT_STOPS and words[i] != ",":
                return
            i += 1
        if len(found) == len(group):
            for m, metric in zip(group, found):
                m.respective_metric = metric

    def _no_verb_between(self, words: list[str], start: int, end: int, stops: set[str]) -> bool:
        """No direction verb and none of `stops` in words[start:end]: the later number is linked to the
        earlier one without a clause or change of its own."""
        return not any(w in stops or _cue(words, k, self.book.d_before) for k, w in enumerate(words[start:end], start))

    def _by_list(self, words: list[str], previous: Mention, m: Mention) -> bool:
        """'TTFT by 70%, End-to-End latency by 41% and per-token energy by 22%': parallel 'X by N' items."""
        between = words[previous.end:m.start]
        return len(between) <= 10 and between[0] in {",", "and"} \
            and self._no_verb_between(words, previous.end, m.start, {";", ":", "while", "with"})

    def _continues(self, words: list[str], previous: Mention, m: Mention) -> bool:
        """Whether m goes on the sentence of `previous` with 'and' and no verb of its own between."""
        return "and" in words[previous.end:m.start] and self._no_verb_between(words, previous.end, m.start, {";", ":"})

    def _metric_after(self, words: list[str], sent: Sentence, m: Mention):
        """The metric noun phrase after a number, up to a clause or preposition ('19.9% under a latency
        budget' measures nothing about latency); its head wins ('memory bandwidth utilization')."""
        skip_to = m.end
        for i in right_context(words, m.end, sent.end, 6):
            if i < skip_to:
                continue
            qualifier = self.book.q_right.starting_at(words, i)
            if qualifier:  # "3.17× on average the throughput of ..."
                skip_to = i + len(qualifier[0])
                continue
            glued = words[i - 1] == "-" or (i + 1 < len(words) and words[i + 1] == "-")  # "end-to-end"
            if words[i] in PUNCT_STOPS or (not glued and (self.book.b_cues.starting_at(words, i) or (
                    words[i] in self.book.b_stops and not self._opens_metric(words, i, m)))):
                return None
            hit = self.book.metrics.starting_at(words, i)
            if hit:
                return self._metric_head(words, sent, i, hit)
        return None

    def _opens_metric(self, words: list[str], i: int, m: Mention) -> bool:
        """'7.5 points for GPQA', '9.4 pp improvement in pass rate', '10-20x reductions in TTFT'."""
        previous = words[i - 1]
        return words[i] in _METRIC_PREPOSITIONS and (
            i == m.end or previous in self.book.d_after or previous in self.book.d_before)

    def _metric_head(self, words: list[str], sent: Sentence, i: int, hit):
        """The last metric term of a noun phrase is its head: 'memory bandwidth utilization'."""
        best = (i, i + len(hit[0]), hit[1])
        j = best[1]
        while j < min(best[1] + 3, sent.end) and words[j] not in PUNCT_STOPS and words[j] not in self.book.b_stops:
            later = self.book.metrics.starting_at(words, j)
            if later:
                best = (i, j + len(later[0]), later[1])
                j += len(later[0])
            else:
                j += 1
        return best

    def _modifier_word(self, doc, words: list[str], i: int) -> bool:
        """A word that narrows a metric ("P95 TTFT", "end-to-end"), not a verb, comparative or qualifier."""
        w = words[i]
        if i > 0 and doc[i - 1].like_num and not doc[i - 1].whitespace_:
            return False  # the "x" of "2.90x" belongs to its number
        return _modifier(doc[i]) and not any(w in table for table in (
            self.book.d_before, self.book.d_after, self.book.qualifier_words, self.book.b_stops,
            self.book.self_reference_words))

    def direction(self, words: list[str], sent: Sentence, m: Mention, group: list[Mention],
                  previous: Mention | None = None) -> None:
        if m.fixed_direction:
            m.direction = m.fixed_direction
            return
        if m.change_from is not None:
            m.direction = "increase" if m.low > m.change_from else "decrease" if m.low < m.change_from else None
            return
        if m.end < sent.end and (words[m.end], m.qualifier) in self.book.distance_bounds:
            m.direction = None  # "within 1.31x of Belady's optimal policy": a distance, not a change
            return
        word = self._direction_after(words, sent, group[-1] if m in group else m)
        if word is None:
            word = self._direction_after(words, sent, m)
        if word is None and m.label in ("percent", "quantity") and self._after_level_verb(words, sent, m):
            m.direction = None  # "achieving 99.2% SLO attainment", "sustains 1.2M tokens/s": a level reached
            m.level = True
            return
        if word is None:
            word = self._direction_before(words, sent, group[0])
        continued = m.continues
        if word is None and continued is None and previous is not None \
                and "by" in words[max(0, m.start - 3):m.start] and self._by_list(words, previous, m):
            continued = previous  # "lowering TTFT by 70%, latency by 41% and energy by up to 22%"
        if word is None and continued is not None and continued.label == m.label and continued.direction:
            m.direction = continued.direction  # "... by 7.5× over X, and 3× over Y": the same change
            return
        if word is None and continued is not None:
            word = continued.direction_word  # "improves time by 2.3x, and utilization by 37%"
        m.direction_word = word
        m.direction = self._resolve(word, m)

    def _after_level_verb(self, words: list[str], sent: Sentence, m: Mention) -> bool:
        """Whether a verb of reaching (cues.yml level_verbs) stands right before the number, past its
        qualifier and determiner ('achieves up to', 'reaches a')."""
        i = m.start - 1
        while i > sent.start and (words[i] in self.book.qualifier_words or words[i] in self.book.determiners):
            i -= 1  # "achieves up to", "reaches a"
        return i >= sent.start and words[i] in self.book.level_verbs

    def _direction_after(self, words: list[str], sent: Sentence, m: Mention) -> str | None:
        for i in right_context(words, m.end, sent.end, 6):
            w = words[i]
            if w in PUNCT_STOPS or w in _CLAUSE_JOINERS or w in self.book.aside_openers:
                return None
            found = _cue(words, i, self.book.d_after)
            if found:
                # a noun compound's head decides: "2% throughput reduction", "26% speed regression" (a
                # metric noun before a change noun; "19x lower throughput" stays lower)
                while i + 1 < sent.end and self.book.metrics.starting_at(words, i) \
                        and (head := _cue(words, i + 1, self.book.d_after)):
                    found, i = head, i + 1
                return found
        return None

    def _direction_before(self, words: list[str], sent: Sentence, m: Mention) -> str | None:
        """The nearest direction word before the number (14 words, hyphens not counted); a word that is
        also a metric term is the measured thing, not the change ('reduces performance degradation by')."""
        budget, i = 14, m.start - 1
        while i > sent.start - 1 and budget > 0:
            w = words[i]
            if w in {";", ":"} or w in self.book.aside_openers:
                return None
            found = _cue(words, i, self.book.d_before)
            if found and not (found == "worsen" and self.book.metrics.starting_at(words, i)):
                return found
            budget -= w != "-"
            i -= 1
        return None

    def _resolve(self, word: str | None, m: Mention) -> str | None:
        if word in ("increase", "decrease"):
            return word
        if word in ("improve", "worsen"):
            up = m.metric_polarity != "down"
            return "increase" if up == (word == "improve") else "decrease"
        if word in ("faster", "slower"):
            of_time = m.metric_family in self.book.time_families
            return "decrease" if of_time == (word == "faster") else "increase"
        if m.label in ("ratio", "points"):
            return "increase"
        return None


def _modifier(token) -> bool:
    text = token.text
    return bool(re.fullmatch(r"[A-Za-z][A-Za-z0-9\-]*|-", text)) and token.lower_ not in {
        "the", "a", "an", "of", "by", "in", "on", "for", "and", "or", "to", "with", "its", "their", "our", "is",
        "are", "that", "this", "which", "while", "as", "from", "at"}


def _cue(words: list[str], i: int, table: dict) -> str | None:
    """The direction of the word at i: of the whole hyphenated compound when it is a cue itself
    ('speed-up'), none when the word is half of another compound ('reduce-scatter', 'all-reduce')."""
    if i + 2 < len(words) and words[i + 1] == "-":
        return table.get(f"{words[i]}-{words[i + 2]}")
    if i > 0 and words[i - 1] == "-":
        return table.get(f"{words[i - 2]}-{words[i]}") if i > 1 else None
    return table.get(words[i])


def right_context(words: list[str], start: int, end: int, limit: int) -> list[int]:
    """Up to `limit` token positions after a number, stepping over an aside in parentheses
    ("up to 1.5× (2.1× on average) higher throughput") and out of the one the number sits in."""
    out: list[int] = []
    i = start
    while i < end and len(out) < limit:
        if words[i] == "(":
            close = next((j for j in range(i + 1, min(i + 12, end)) if words[j] == ")"), None)
            if close is not None:
                i = close + 1
                continue
        if words[i] == ")":
            i += 1
            continue
        out.append(i)
        if words[i] == "-":  # the hyphens of "inter-token-latency" do not use up the window
            limit += 1
        i += 1
    return out
