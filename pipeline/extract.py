"""Extract stage: abstracts in, every number mention out as a Quantity with role and context.

A SpanRuler pattern proposes each number (rules/quantities.jsonl, units.yml); the code here then
confirms it (presidio's "pattern proposes, code confirms"): it decides the role (result, setup,
motivation, name) and reads qualifier, direction, metric and baseline from the words around it,
all from the cue lists in rules/. spaCy objects stay in this module.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, replace

from .context import PUNCT_STOPS, PhraseTable
from .lexicon import Lexicon, unique_in_order
from .nlp import SPANS_KEY, build_nlp
from .records import Paper, Quantity
from .rules import Rules
from .textnorm import NormalizedText, normalize

UNIT_OF_LABEL = {"ratio": "x", "percent": "%", "points": "pp"}
_NAME_GLUE = re.compile(r"[A-Za-z0-9][-/_.]$")
_SYSTEM_NAME = re.compile(r"^(?=.*[A-Za-z])(?:[A-Z][A-Za-z0-9]*[A-Z0-9][A-Za-z0-9]*|[a-z]+[A-Z][A-Za-z0-9]*|[A-Z][a-z]+[0-9]+)$")


@dataclass
class _Mention:
    """A number mention while the extractor works on it (token indices into the Doc)."""

    start: int
    end: int
    label: str
    rule_id: str
    low: float
    high: float
    unit: str
    fixed_direction: str | None = None
    role: str = "result"
    role_reason: str = "result phrase"
    qualifier: str | None = None
    own_qualifier: bool = False
    direction: str | None = None
    metric: str | None = None
    metric_polarity: str | None = None
    baseline: str | None = None
    change_from: float | None = None
    extra: dict = field(default_factory=dict)


@dataclass(frozen=True)
class PaperExtraction:
    paper: Paper
    quantities: tuple[Quantity, ...]
    named_baselines: tuple[str, ...]


class Extractor:
    """Built once per process from the rules; `extract` runs one nlp.pipe pass over all abstracts."""

    def __init__(self, rules: Rules):
        self.rules = rules
        self.nlp = build_nlp(rules)
        cues = rules.cues
        tok = self._tokenize
        self.patterns = {p.id: p for p in rules.quantities}
        self.units = {u.id: u for u in rules.units}
        self.number_words = {k.lower(): v for k, v in cues.number_words.items()}
        self.q_left = PhraseTable.build(tok, [(p, q) for q in cues.qualifiers if q.side in ("left", "both")
                                              for p in q.phrases])
        self.q_right = PhraseTable.build(tok, [(p, q) for q in cues.qualifiers if q.side in ("right", "both")
                                               for p in q.phrases])
        self.b_cues = PhraseTable.build_multi(tok, [(p, c) for c in cues.baselines for p in c.phrases])
        self.b_stops = {w.lower() for w in cues.baseline_stops}
        self.d_before = {w: d.direction for d in cues.directions if d.position in ("before", "both") for w in d.words}
        self.d_after = {w: d.direction for d in cues.directions if d.position in ("after", "both") for w in d.words}
        self.role_before = PhraseTable.build(tok, [(p, r) for r in cues.roles if r.scope == "before" for p in r.phrases])
        self.role_after = PhraseTable.build(tok, [(p, r) for r in cues.roles if r.scope == "after" for p in r.phrases])
        self.role_sentence = PhraseTable.build(tok, [(p, r) for r in cues.roles if r.scope == "sentence"
                                                     for p in r.phrases])
        self.self_reference = PhraseTable.build(tok, [(p, True) for p in cues.self_reference])
        self.metrics = PhraseTable.build(tok, [(t, m) for m in rules.metrics for t in m.terms])
        self.coordinators = set(cues.coordinators)
        self.result_cues = set(cues.result_cues)
        self.range_words = set(cues.range_words)
        self.determiners = set(cues.determiners)
        self.generic_names = set(cues.generic_names)
        self.hardware = Lexicon(rules.hardware, vendor_prefix=True)
        self.baseline_names = Lexicon(rules.baselines, plural=False)
        self.qualifier_words = {k[0] for table in (self.q_left, self.q_right) for k in table.phrases if len(k) == 1}

    def _tokenize(self, text: str) -> list[str]:
        return [t.lower_ for t in self.nlp.make_doc(text)]

    # --- public ------------------------------------------------------------------------------------

    def extract(self, papers: list[Paper], *, batch_size: int = 64) -> list[PaperExtraction]:
        norms = [normalize(p.abstract, self.rules.markup) for p in papers]
        docs = self.nlp.pipe((n.text for n in norms), batch_size=batch_size)
        return [self._paper(paper, norm, doc) for paper, norm, doc in zip(papers, norms, docs)]

    # --- one paper ---------------------------------------------------------------------------------

    def _paper(self, paper: Paper, norm: NormalizedText, doc) -> PaperExtraction:
        hardware_hits = self.hardware.find(norm.text) + self.hardware.find(paper.title)
        hardware = unique_in_order(h.canonical for h in hardware_hits)
        counts = unique_in_order(f"{h.count}×{h.canonical}" for h in hardware_hits if h.count)
        hw_token_starts = {h.start for h in self.hardware.find(norm.text)}
        mentions = self._mentions(doc)
        self._from_to(doc, mentions)
        self._coordinate_units(doc, mentions)
        words = [t.lower_ for t in doc]
        named: list[str] = []
        system = _system_name(paper.title) or self._introduced_system(norm.text)
        for sent in doc.sents:
            in_sent = [m for m in mentions if sent.start <= m.start < sent.end]
            for m in in_sent:
                self._role(doc, words, sent, m, hw_token_starts, system)
            results = [m for m in in_sent if m.role == "result"]
            groups = self._groups(words, results)
            for group in groups:
                self._qualifiers(words, sent, group)
                for m in group:
                    self._metric(doc, words, sent, m)
                    self._direction(words, sent, m, group)
                    if m.label == "percent" and m.direction is None and m.metric is None:
                        self._set(m, "setup", "a share of something, with no measured metric")
            results = [m for m in results if m.role == "result"]
            groups = [[m for m in g if m.role == "result"] for g in groups]
            groups = [g for g in groups if g]
            cues = self._baseline_cues(doc, words, sent, results, groups, named)
            for group in groups:
                for m in group:
                    m.baseline = self._pick_baseline(words, m, group, cues)
        named.extend(self._named_in_parentheses(norm.text))
        quantities = tuple(self._record(paper, norm, doc, i, m) for i, m in enumerate(mentions))
        paper = replace(paper, hardware=hardware, hardware_counts=counts, system=system)
        return PaperExtraction(paper, quantities, unique_in_order(named))

    # --- proposing mentions ------------------------------------------------------------------------

    def _mentions(self, doc) -> list[_Mention]:
        out: list[_Mention] = []
        covered: set[int] = set()
        for span in doc.spans[SPANS_KEY]:
            m = self._from_span(span)
            if m is not None:
                out.append(m)
                covered.update(range(span.start, span.end))
        for tok in doc:
            if tok.i in covered or not tok.like_num or not any(c.isdigit() for c in tok.text):
                continue
            value = self._number(tok.text)
            if value is None:
                continue
            out.append(_Mention(tok.i, tok.i + 1, "quantity", "bare-number", value, value, "",
                                role="setup", role_reason="number without a unit"))
        out.sort(key=lambda m: m.start)
        return out

    def _from_span(self, span) -> _Mention | None:
        rule_id, label = span.id_, span.label_
        pattern = self.patterns.get(rule_id)
        values = [v for v in (self._number(t.text) for t in span if t.like_num) if v is not None]
        if pattern is not None and pattern.value is not None:
            values = [pattern.value]
        elif pattern is not None and pattern.power_of_ten:
            values = [10.0 ** values[0]] if values else [10.0]
        if not values:
            return None
        unit = UNIT_OF_LABEL.get(label) or self.units[rule_id].unit
        m = _Mention(span.start, span.end, label, rule_id, min(values), max(values), unit,
                     fixed_direction=pattern.direction if pattern else None)
        if label == "quantity" and self.units[rule_id].role == "setup":
            m.role, m.role_reason = "setup", f"unit {self.units[rule_id].unit} describes setup"
        return m

    def _number(self, text: str) -> float | None:
        t = text.lower().replace(",", "")
        if t in self.number_words:
            return float(self.number_words[t])
        try:
            value = float(t)
        except ValueError:
            return None
        return value if math.isfinite(value) and abs(value) < 1e15 else None

    def _from_to(self, doc, mentions: list[_Mention]) -> None:
        """'from A to B' is a change: B is the claim, A its reference (kept as setup)."""
        words = [t.lower_ for t in doc]
        by_start = {m.start: m for m in mentions}
        for m in mentions:
            joiner = next((i for i in range(m.start, m.end) if words[i] == "to"), None)
            if joiner is not None and m.start > 0 and words[m.start - 1] == "from" and not (
                    m.start > 1 and words[m.start - 2] in self.range_words):
                m.change_from = m.low
                m.low = m.high
                m.extra["from_to"] = True
                continue
            j = m.start - 1
            while j >= 0 and words[j] in self.qualifier_words and j > m.start - 3:
                j -= 1
            if j < 0 or words[j] != "to":
                continue
            sources = []
            for k in range(j - 1, max(j - 8, -1), -1):
                if words[k] in PUNCT_STOPS:
                    break
                if k in by_start:
                    sources.append(by_start[k])
                if words[k] == "from":
                    if sources and not (k > 0 and words[k - 1] in self.range_words):
                        sources.reverse()
                        self._link_change(mentions, sources, m)
                    break

    def _link_change(self, mentions, sources: list[_Mention], target: _Mention) -> None:
        targets = [target] + [n for n in mentions if n.start > target.start][:len(sources) - 1]
        for src, tgt in zip(sources, targets):
            src.role, src.role_reason = "setup", "start value of a from-to change"
            src.extra["is_source"] = True
            tgt.change_from = src.low
            tgt.extra["from_to"] = True
            if not tgt.unit and src.unit:
                tgt.unit, tgt.label = src.unit, src.label

    def _coordinate_units(self, doc, mentions: list[_Mention]) -> None:
        """'205.59 and 191.18 samples per second': a bare number takes the unit of its partner;
        'between 1 and 32 KiB' is one range."""
        words = [t.lower_ for t in doc]
        for a, b in zip(reversed(mentions[:-1]), reversed(mentions[1:])):
            if a.rule_id != "bare-number" or not b.unit:
                continue
            between = words[a.end:b.start]
            if between == ["and"] and a.start > 0 and words[a.start - 1] == "between":
                b.start, b.low, b.high = a.start, min(a.low, b.low), max(a.high, b.high)
                mentions.remove(a)
                continue
            if between and all(w in self.coordinators for w in between):
                a.unit, a.label, a.rule_id = b.unit, b.label, b.rule_id
                if a.extra.get("is_source"):
                    continue
                a.role, a.role_reason = b.role, b.role_reason
                if b.extra.get("from_to"):
                    a.extra["from_to"] = True

    # --- role --------------------------------------------------------------------------------------

    def _role(self, doc, words, sent, m: _Mention, hw_starts: set[int], system: str) -> None:
        if m.extra.get("is_source"):
            return
        text = doc.text
        first, last = doc[m.start], doc[m.end - 1]
        before = text[max(0, first.idx - 2):first.idx]
        after_char = text[last.idx + len(last.text):last.idx + len(last.text) + 1]
        nxt = doc[m.end] if m.end < len(doc) else None
        if nxt is not None and nxt.idx in hw_starts:
            return self._set(m, "setup", "count of hardware")
        if _NAME_GLUE.search(before) or (after_char.isalnum() and m.label != "quantity"):
            return self._set(m, "name", "number glued to a name")
        if m.rule_id == "bare-number" and not m.extra.get("from_to"):
            if m.start > 0 and words[m.start - 1] == "(" and m.end < len(doc) and words[m.end] == ")":
                return self._set(m, "name", "enumeration")
            if m.low == m.high and m.low.is_integer() and 1900 <= m.low <= 2100:
                return self._set(m, "name", "a year")
        if m.label != "ratio":
            hit = self._role_cue(words, sent, m)
            if hit is not None:
                return self._set(m, hit.role, f"cue {hit.id}")
        if m.extra.get("from_to"):
            return self._set(m, "result", "end value of a from-to change")
        if m.rule_id == "bare-number":
            return
        if m.label == "quantity":
            prev = words[m.start - 1] if m.start > 0 else ""
            prev2 = words[m.start - 2] if m.start > 1 else ""
            following = words[m.end] if m.end < len(words) else ""
            if m.role == "setup":
                if prev in self.result_cues or prev2 in self.result_cues or following == "of":
                    self._set(m, "result", "setup unit with a result cue")
                return
            if prev in self.determiners or (prev in self.qualifier_words and prev2 in self.determiners):
                return self._set(m, "setup", "describes a thing ('a 7 GB model')")
        if self._is_motivation(words, sent):
            return self._set(m, "motivation", "problem statement without self-reference")
        if m.label == "quantity" and not self._self_referring(words, sent, system):
            return self._set(m, "motivation", "absolute number in a sentence not about this work")
        self._set(m, "result", "result phrase")

    @staticmethod
    def _set(m: _Mention, role: str, reason: str) -> None:
        m.role, m.role_reason = role, reason

    def _role_cue(self, words, sent, m: _Mention):
        for i in range(m.end, min(m.end + 3, sent.end)):
            hit = self.role_after.starting_at(words, i)
            if hit and i - m.end < hit[1].window:
                return hit[1]
            if words[i] in PUNCT_STOPS:
                break
        for i in range(m.start, max(m.start - 3, sent.start), -1):
            hit = self.role_before.ending_at(words, i)
            if hit and m.start - i < hit[1].window:
                return hit[1]
        return None

    def _is_motivation(self, words, sent) -> bool:
        motivated = any(self.role_sentence.starting_at(words, i) for i in range(sent.start, sent.end))
        return motivated and not self._self_referring(words, sent, "")

    def _self_referring(self, words, sent, system: str) -> bool:
        if system and system.lower() in sent.text.lower():
            return True
        return any(self.self_reference.starting_at(words, i) for i in range(sent.start, sent.end))

    # --- qualifier, direction, metric --------------------------------------------------------------

    def _groups(self, words, results: list[_Mention]) -> list[list[_Mention]]:
        groups: list[list[_Mention]] = []
        for m in results:
            if groups:
                prev = groups[-1][-1]
                between = words[prev.end:m.start]
                if all(w in self.coordinators for w in between) or self._parallel(words, prev.end, m.start):
                    groups[-1].append(m)
                    continue
            groups.append([m])
        return groups

    def _parallel(self, words, start: int, end: int) -> bool:
        """'1.9× over Megatron-LM and 1.35× over ...': only a baseline phrase and a coordinator between."""
        between = words[start:end]
        if not between or len(between) > 9 or between[-1] not in self.coordinators:
            return False
        if not self.b_cues.starting_at(words, start):
            return False
        return not any(w in self.d_before or w in PUNCT_STOPS for w in between[:-1])

    def _qualifiers(self, words, sent, group: list[_Mention]) -> None:
        for m in group:
            q = self._left_qualifier(words, sent, m) or self._right_qualifier(words, sent, m)
            if q:
                m.qualifier, m.own_qualifier = q, True
        shared = next((m.qualifier for m in group if m.own_qualifier), None)
        if len(group) > 1:
            first_left = self._left_qualifier(words, sent, group[0])
            last_right = self._right_qualifier(words, sent, group[-1])
            for m in group:
                if not m.own_qualifier:
                    m.qualifier = first_left or last_right
        elif shared:
            group[0].qualifier = shared

    def _left_qualifier(self, words, sent, m: _Mention) -> str | None:
        for end in range(m.start, max(m.start - 7, sent.start), -1):
            hit = self.q_left.ending_at(words, end)
            if hit and m.start - end < hit[1].max_distance:
                return hit[1].qualifier
            if (words[end - 1] in PUNCT_STOPS and words[end - 1] != "(") or words[end - 1] == "by":
                break
        return None

    def _right_qualifier(self, words, sent, m: _Mention) -> str | None:
        start = m.end
        if start < sent.end and words[start] == "(":
            start += 1
        if start < sent.end:
            hit = self.q_right.starting_at(words, start)
            if hit:
                return hit[1].qualifier
        return None

    def _metric(self, doc, words, sent, m: _Mention) -> None:
        best = None
        for i in range(m.end, min(m.end + 6, sent.end)):
            if words[i] in PUNCT_STOPS or self.b_cues.starting_at(words, i):
                break
            hit = self.metrics.starting_at(words, i)
            if hit:
                best = (i, i + len(hit[0]), hit[1])
                break
        if best is None:
            for end in range(m.start, max(m.start - 14, sent.start), -1):
                if words[end - 1] in {";", ":"}:
                    break
                hit = self.metrics.ending_at(words, end)
                if hit:
                    best = (end - len(hit[0]), end, hit[1])
                    break
        if best is None:
            return
        start, end, entry = best
        while start > max(sent.start, best[0] - 3) and _modifier(doc[start - 1]) and words[start - 1] not in \
                self.d_before and words[start - 1] not in self.qualifier_words:
            start -= 1
        while start > sent.start and not doc[start - 1].whitespace_ and doc[start - 1].text not in PUNCT_STOPS:
            start -= 1  # keep glued words whole: "end-to-end", "time-to-first-token"
        m.metric = doc[start:end].text
        m.metric_polarity = entry.polarity

    def _direction(self, words, sent, m: _Mention, group: list[_Mention]) -> None:
        if m.fixed_direction:
            m.direction = m.fixed_direction
            return
        if m.change_from is not None:
            m.direction = "increase" if m.low > m.change_from else "decrease" if m.low < m.change_from else None
            return
        word = self._direction_after(words, sent, group[-1] if m in group else m)
        if word is None:
            word = self._direction_after(words, sent, m)
        if word is None:
            word = self._direction_before(words, sent, group[0])
        m.direction = self._resolve(word, m)

    def _direction_after(self, words, sent, m: _Mention) -> str | None:
        for i in range(m.end, min(m.end + 4, sent.end)):
            w = words[i]
            if w in PUNCT_STOPS:
                return None
            if w in self.d_after:
                return self.d_after[w]
        return None

    def _direction_before(self, words, sent, m: _Mention) -> str | None:
        for i in range(m.start - 1, max(m.start - 15, sent.start - 1), -1):
            w = words[i]
            if w in {";", ":"}:
                return None
            if w in self.d_before:
                return self.d_before[w]
        return None

    def _resolve(self, word: str | None, m: _Mention) -> str | None:
        if word in ("increase", "decrease"):
            return word
        if word in ("improve", "worsen"):
            up = m.metric_polarity != "down"
            return "increase" if up == (word == "improve") else "decrease"
        if m.label in ("ratio", "points"):
            return "increase"
        return None

    # --- baselines ---------------------------------------------------------------------------------

    def _baseline_cues(self, doc, words, sent, results: list[_Mention], groups, named: list[str]):
        """Every comparison cue of the sentence as (position, kind, baseline, owner group or None)."""
        starts = {m.start for m in results}
        group_of = {id(m): g for g in groups for m in g}
        out = []
        i = sent.start
        while i < sent.end:
            hit = self.b_cues.starting_at(words, i)
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
            elif j < sent.end and (j in starts or doc[j].like_num or words[j] in self.qualifier_words):
                i = j
                continue
            elif cue_words == ("than",) and i > sent.start and words[i - 1] in {
                    "more", "less", "rather", "other", "fewer", "greater", "higher", "lower"}:
                i = j
                continue
            end = j
            while end < sent.end and end - j < 8 and words[end] not in self.b_stops and end not in starts:
                end += 1
            phrase = _strip_determiner(doc[j:end].text) if end > j else ""
            if phrase and phrase.lower() not in {"time", "the past", "the years", "the course"}:
                canonical = self._canonical_baseline(phrase)
                if canonical:
                    named.append(canonical)
                out.append((i, cue.kind, canonical or phrase, owner))
            i = max(end, i + 1)
        return out

    def _cue_owner(self, words, cue, at: int, results: list[_Mention]) -> _Mention | None:
        """The number an after-number cue ('within 1% of X', '2× the throughput of X') belongs to."""
        for m in reversed(results):
            if m.end <= at:
                gap = words[m.end:at]
                if len(gap) > cue.within or any(w in PUNCT_STOPS or w in self.b_stops - {"on"} for w in gap):
                    return None
                if cue.requires_label and m.label not in cue.requires_label:
                    return None
                if cue.requires_qualifier and m.qualifier not in cue.requires_qualifier:
                    return None
                return m
        return None

    def _canonical_baseline(self, phrase: str) -> str | None:
        known = self.baseline_names.canonical_in(phrase)
        if known:
            return known
        for found in re.finditer(r"[A-Za-z][A-Za-z0-9\-+.#]*[A-Za-z0-9+#]|[A-Z]{2,}", phrase):
            token = found.group()
            if phrase[found.end():found.end() + 2] in ("'s", "’s"):
                continue  # "CompanyX's current strategy": the strategy, not a named system
            if token in self.generic_names or token.rstrip("s") in self.generic_names:
                continue
            if _SYSTEM_NAME.match(token) or (token.isupper() and len(token) >= 2):
                return token
        return None

    @staticmethod
    def _pick_baseline(words, m: _Mention, group: list[_Mention], cues) -> str | None:
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
        for pos, kind, name, _ in reversed(usable):
            if pos < m.start and not any(w in {":", ";"} for w in words[pos:m.start]):
                return name
        return None

    def _named_in_parentheses(self, text: str) -> list[str]:
        """'the prior best method (QuEST)': a name in parentheses after a generic baseline phrase."""
        heads = "|".join(re.escape(h) for h in self.rules.cues.baseline_heads)
        out = []
        for m in re.finditer(rf"\b(?:{heads})\s*\(([^()]{{2,40}})\)", text):
            name = self._canonical_baseline(m.group(1))
            if name:
                out.append(name)
        return out

    def _introduced_system(self, text: str) -> str:
        verbs = "|".join(re.escape(v) for v in self.rules.cues.system_intro_verbs)
        m = re.search(rf"\b[Ww]e (?:{verbs}) (?:(?:a|an|the)\s+)?([A-Za-z][\w\-]*)", text)
        return m.group(1) if m and _SYSTEM_NAME.match(m.group(1)) else ""

    # --- record ------------------------------------------------------------------------------------

    def _record(self, paper: Paper, norm: NormalizedText, doc, index: int, m: _Mention) -> Quantity:
        span = doc[m.start:m.end]
        start, end = norm.to_original(span.start_char, span.end_char)
        sent = doc[m.start].sent
        s_start, s_end = norm.to_original(sent.start_char, sent.end_char)
        claim_type = {"x": "ratio", "%": "percent", "pp": "points"}.get(m.unit, "quantity")
        return Quantity(
            quantity_id=f"{paper.paper_id}#q{index + 1}", paper_id=paper.paper_id,
            text=norm.original[start:end], start=start, end=end,
            sentence=norm.original[s_start:s_end].strip(), sentence_start=s_start,
            value_low=m.low, value_high=m.high, unit=m.unit, claim_type=claim_type,
            role=m.role, role_reason=m.role_reason,
            direction=m.direction if m.role == "result" else None,
            qualifier=m.qualifier if m.role == "result" else None,
            metric=m.metric, baseline=m.baseline if m.role == "result" else None, rule_id=m.rule_id,
        )


def _modifier(token) -> bool:
    text = token.text
    return bool(re.fullmatch(r"[A-Za-z][A-Za-z0-9\-]*|-", text)) and token.lower_ not in {
        "the", "a", "an", "of", "by", "in", "on", "for", "and", "or", "to", "with", "its", "their", "our", "is",
        "are", "that", "this", "which", "while", "as", "from", "at"}


def _strip_determiner(text: str) -> str:
    return re.sub(r"^(?:a|an)\s+", "", text.strip(), flags=re.IGNORECASE)


def _system_name(title: str) -> str:
    """'BEAM: Joint ...' → 'BEAM'; empty when the title has no short name before a colon."""
    head, sep, _ = title.partition(":")
    return head.strip() if sep and 0 < len(head.split()) <= 3 else ""
