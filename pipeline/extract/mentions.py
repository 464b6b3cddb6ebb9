"""Number mentions: proposed by the SpanRuler's patterns, then completed from their neighbours.

Bare numbers take the unit of a coordinated partner ("205.59 and 191.18 samples per second"),
"between A and B unit" becomes one range, and "from A to B" marks B as the claim and A as its
reference value.
"""
from __future__ import annotations

import math

from spacy.tokens import Span

from pipeline.core.vocab import UNIT_OF_TYPE
from pipeline.extract import roles
from pipeline.extract.context import PUNCT_STOPS
from pipeline.extract.cuebook import Cuebook
from pipeline.extract.fast.columns import number_positions
from pipeline.extract.mention import Mention
from pipeline.extract.nlp import RANGE_JOINERS, SPANS_KEY, UNITS_KEY

# Number-size guards: a value must be finite and below MAX_VALUE; 10**x must stay a finite float.
MAX_VALUE = 1e15
MAX_POWER_OF_TEN = 300


class MentionFinder:
    def __init__(self, book: Cuebook):
        self.book = book

    def find(self, doc, words: list[str]) -> list[Mention]:
        out: list[Mention] = []
        covered: set[int] = set()
        for span in doc.spans[SPANS_KEY]:
            m = self._from_span(span)
            if m is not None:
                out.append(m)
                covered.update(range(span.start, span.end))
        for span in self._numbers_with_units(doc, covered):
            m = self._from_span(span)
            if m is not None:
                out.append(m)
                covered.update(range(span.start, span.end))
        for i in number_positions(doc):
            text = doc[i].text
            if i in covered or not any(c.isdigit() for c in text):
                continue
            value = self._number(text)
            if value is None:
                continue
            bare = Mention(i, i + 1, "quantity", "bare-number", value, value, "")
            roles.of_bare_number(bare)
            out.append(bare)
        out.sort(key=lambda m: m.start)
        self._from_to(words, out)
        self._coordinate_units(words, out)
        return out

    def _numbers_with_units(self, doc, covered: set[int]):
        """'400 Gbps', '32-64 kB': a number (or a range of two) right before a unit spelling; a scale
        between them ('1.2 million tokens/s', '1.41M tokens/s') stays in the mention."""
        for unit in doc.spans[UNITS_KEY]:  # the longest unit spelling at each place (the unit ruler's filter)
            k = unit.start - 1
            if k >= 1 and self._scale(doc, k) is not None:
                k -= 1
            if k < 0 or k in covered or not doc[k].like_num or any(i in covered for i in range(unit.start, unit.end)):
                continue
            start = k
            if k >= 2 and doc[k - 1].lower_ in RANGE_JOINERS and doc[k - 2].like_num and k - 2 not in covered:
                start = k - 2
            yield Span(doc, start, unit.end, label="quantity", span_id=unit.id_)

    def _from_span(self, span) -> Mention | None:
        rule_id, label = span.id_, span.label_
        pattern = self.book.patterns.get(rule_id)
        values = [v for v in (self._number(t.text) for t in span if t.like_num) if v is not None]
        if pattern is not None and pattern.value is not None:
            values = [pattern.value]
        elif pattern is not None and pattern.power_of_ten:
            exponent = values[0] if values else 1.0
            if abs(exponent) > MAX_POWER_OF_TEN:  # "10^400 orders": no finite float, no mention
                return None
            values = [10.0 ** exponent]
        if not values:
            return None
        if label == "quantity":
            scale = next((f for t in span[1:-1] if (f := self._scale(span.doc, t.i)) is not None), 1.0)
            values = [v * scale for v in values]
        unit = UNIT_OF_TYPE.get(label) or self.book.units[rule_id].unit
        m = Mention(span.start, span.end, label, rule_id, min(values), max(values), unit,
                    is_range=len(values) > 1, reversed_range=len(values) > 1 and values[0] > values[-1],
                    fixed_direction=pattern.direction if pattern else None)
        m.written = values
        if label == "quantity":
            roles.of_unit(m, self.book.units[rule_id])
        return m

    def _scale(self, doc, k: int) -> float | None:
        """The multiplier of a scale word after a number ('million') or a suffix glued to it ('1.41M')."""
        if k < 1 or not doc[k - 1].like_num:
            return None
        word = doc[k]
        if word.lower_ in self.book.scale_words:
            return self.book.scale_words[word.lower_]
        return self.book.scale_suffixes.get(word.text) if not doc[k - 1].whitespace_ else None

    def _number(self, text: str) -> float | None:
        t = text.lower().replace(",", "")
        if t in self.book.number_words:
            return float(self.book.number_words[t])
        try:
            value = float(t)
        except ValueError:
            return None
        return value if math.isfinite(value) and abs(value) < MAX_VALUE else None

    def _from_to(self, words: list[str], mentions: list[Mention]) -> None:
        """'from A to B' is a change: B is the claim, A its reference (kept as setup)."""
        by_start = {m.start: m for m in mentions}
        for m in mentions:
            joiner = next((i for i in range(m.start, m.end) if words[i] == "to"), None)
            if joiner is not None and m.start > 0 and words[m.start - 1] == "from" and m.label != "ratio" and not (
                    m.start > 1 and words[m.start - 2] in self.book.range_words):
                written = m.written  # "from 20% to 1%": the claim is 1%, a change from 20%
                m.change_from, m.low, m.high = written[0], written[-1], written[-1]
                m.is_range = m.reversed_range = False
                m.from_to = True
                continue
            j = m.start - 1
            while j >= 0 and words[j] in self.book.qualifier_words and j > m.start - 3:
                j -= 1
            if j < 0 or words[j] != "to" or m.label == "ratio":  # "from 1.15× to 3.07×" is a range
                continue
            sources = []
            for k in range(j - 1, max(j - 8, -1), -1):
                if words[k] in PUNCT_STOPS:
                    break
                if k in by_start:
                    sources.append(by_start[k])
                if words[k] == "from":
                    if sources and not (k > 0 and words[k - 1] in self.book.range_words):
                        sources.reverse()
                        self._link_change(mentions, sources, m)
                    break

    def _link_change(self, mentions, sources: list[Mention], target: Mention) -> None:
        targets = [target] + [n for n in mentions if n.start > target.start][:len(sources) - 1]
        for src, tgt in zip(sources, targets):
            src.is_source = True
            roles.of_change_source(src)
            tgt.change_from = src.low
            tgt.from_to = True
            if not tgt.unit and src.unit:
                tgt.unit, tgt.label = src.unit, src.label

    def _coordinate_units(self, words: list[str], mentions: list[Mention]) -> None:
        """'205.59 and 191.18 samples per second': a bare number takes the unit of its partner;
        'between 1 and 32 KiB' and 'between 1.4x and 2.0x' are one range each."""
        for a, b in zip(reversed(mentions[:-1]), reversed(mentions[1:])):
            between = words[a.end:b.start]
            own_units = a.unit == b.unit and not a.is_range and not b.is_range  # "between 1.4x and 2.0x"
            if b.unit and between == ["and"] and a.start > 0 and words[a.start - 1] == "between" \
                    and (own_units or a.rule_id == "bare-number"):
                b.start, b.low, b.high, b.is_range = a.start, min(a.low, b.low), max(a.high, b.high), True
                b.reversed_range = a.low > b.high
                b.between_range = own_units  # both ends with their unit: one claim's range
                mentions.remove(a)
                continue
            if a.rule_id != "bare-number" or not b.unit:
                continue
            if between and all(w in self.book.coordinators for w in between):
                a.unit, a.label, a.rule_id = b.unit, b.label, b.rule_id
                if a.is_source:
                    continue
                roles.of_partner(a, b)
                if b.from_to:
                    a.from_to = True
