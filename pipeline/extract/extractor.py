"""Extract stage: abstracts in, every number mention out as a Quantity with role and context.

A SpanRuler pattern proposes each number (rules/quantities.jsonl, units.yml); the steps here then
confirm it (presidio's "pattern proposes, code confirms"): mentions → role → qualifier, direction,
metric → baseline, each reading the cue lists of rules/. spaCy objects stay in the extract modules;
what leaves is frozen `Quantity` records.
"""
from __future__ import annotations

import gc
from bisect import bisect_left
from dataclasses import dataclass, replace
from typing import Any

from pipeline.core.records import Entity, Paper, Quantity
from pipeline.core.rules import Rules
from pipeline.core.vocab import CLAIM_TYPE_OF_UNIT
from pipeline.extract import entities, scope
from pipeline.extract.attributes import AttributeReader
from pipeline.extract.baselines import BaselineReader, title_system_name
from pipeline.extract.cuebook import Cuebook
from pipeline.extract.entities import EntityFinder
from pipeline.extract.fast import OFF
from pipeline.extract.fast.columns import lower_words, sentences
from pipeline.extract.fast.interrupts import checkpoint
from pipeline.extract.lexicon import unique_in_order
from pipeline.extract.mention import Mention
from pipeline.extract.mentions import MentionFinder
from pipeline.extract.nlp import build_nlp
from pipeline.extract.roles import RoleJudge
from pipeline.extract.textnorm import NormalizedText, normalize

# Host processors and transport protocols are recognized (so "8 Xeon servers" reads as setup) but
# papers.hardware lists the accelerators, NICs and interconnects a result ran on (GUIDELINE.md, "hardware").
UNREPORTED_HARDWARE = {"cpu", "protocol"}
_YOUNG_GC_THRESHOLD = 10_000
_GC_TUNING = "gc_tuning" not in OFF


@dataclass(frozen=True)
class PaperExtraction:
    paper: Paper  # with hardware, hardware_counts, system and baselines (the named systems it compares against)
    quantities: tuple[Quantity, ...]
    entities: tuple[Entity, ...] = ()

    @property
    def named_baselines(self) -> tuple[str, ...]:
        return self.paper.baselines


class Extractor:
    """Built once per process from the rules; `extract` runs one nlp.pipe pass over all abstracts."""

    def __init__(self, rules: Rules):
        self.rules = rules
        self.nlp = build_nlp(rules)
        self.book = Cuebook(rules, lambda text: [t.lower_ for t in self.nlp.make_doc(text)])
        self.mentions = MentionFinder(self.book)
        self.roles = RoleJudge(self.book)
        self.attributes = AttributeReader(self.book)
        self.baselines = BaselineReader(self.book)
        self.entities = EntityFinder(self.book)
        # The vocab, patterns and cue tables live as long as the process: moved out of the cyclic
        # collector's view, they are not walked again by every collection an abstract's objects start.
        if _GC_TUNING:
            gc.freeze()

    def extract(self, papers: list[Paper], *, batch_size: int = 64) -> list[PaperExtraction]:
        # An abstract makes thousands of short-lived containers, and the collector's default runs a
        # young-generation pass every 700 of them; every 10,000 is enough (restored after).
        threshold = gc.get_threshold()
        if _GC_TUNING:
            gc.set_threshold(max(threshold[0], _YOUNG_GC_THRESHOLD), *threshold[1:])
        try:
            norms = [normalize(p.abstract, self.rules.markup) for p in papers]
            docs = self.nlp.pipe((n.text for n in norms), batch_size=batch_size)
            return [self._paper(paper, norm, doc) for paper, norm, doc in zip(papers, norms, docs, strict=True)]
        finally:
            gc.set_threshold(*threshold)

    def _paper(self, paper: Paper, norm: NormalizedText, doc) -> PaperExtraction:
        hardware_lexicon = self.book.hardware
        in_text = hardware_lexicon.find(norm.text)
        in_title = [h for h in hardware_lexicon.find(paper.title) if h.kind not in UNREPORTED_HARDWARE]
        hits = [h for h in in_text if h.kind not in UNREPORTED_HARDWARE] + in_title
        hardware = unique_in_order(h.canonical for h in hits)
        counts = unique_in_order(f"{h.count}×{h.canonical}" for h in hits if h.count)
        hw_starts = {h.start for h in in_text}
        system = title_system_name(paper.title, norm.text) or self.baselines.introduced_system(norm.text)
        doc.user_data["text"] = norm.text
        words = lower_words(doc)
        mentions = self.mentions.find(doc, words)
        named: list[str] = []
        sents = sentences(doc)
        # Sentences before the first that speaks of the paper's own work are background; an abstract
        # that never does ("FlashX is ... FlashX achieves 2×") has none.
        own = [self.roles.introduces(words, s, system) for s in sents]
        first_own = own.index(True) if True in own else 0
        starts = [m.start for m in mentions]  # in order: a sentence's numbers are one slice
        read: list[tuple[Any, list[Mention], list]] = []  # (sentence, its results, its cues)
        every_cue: list = []  # the comparison cues of every sentence
        frame = None  # the paper's frame: "We compare against X and Y" (a sentence without numbers)
        for index, sent in enumerate(sents):
            checkpoint()
            in_sent = mentions[bisect_left(starts, sent.start):bisect_left(starts, sent.end)]
            if not in_sent:  # no number: only the systems it names (for papers.baselines) are read
                numberless = self.baselines.cues_of_sentence(doc, words, sent, [], [], named, system)
                every_cue += numberless
                frame = self.baselines.paper_frame(words, sent, numberless) or frame
                continue
            of_baselines = not own[index] and self.roles.about_the_baselines(words, sent)
            for m in in_sent:
                m.sentence = (sent.start_char, sent.end_char)
            for m in in_sent:
                checkpoint()
                self.roles.judge(doc, words, sent, m, hw_starts, system)
                self.roles.in_context(m, background=index < first_own, of_baselines=of_baselines)
            self.roles.share_setup(words, in_sent)
            groups = self.attributes.groups(words, [m for m in in_sent if m.role == "result"])
            previous = None
            number_ends = frozenset(m.end for m in in_sent)
            for group in groups:
                self.attributes.qualifiers(words, sent, group, number_ends)
                self.attributes.pair_respective_metrics(words, sent, group)
                for m in group:
                    checkpoint()
                    self.attributes.metric(doc, words, sent, m, group, previous)
                    self.attributes.direction(words, sent, m, group, previous)
                    if words[m.start - 1] != "(":  # a parenthetical restatement continues nothing
                        previous = m
                    self.roles.attributive_share(words, sent, m)
            groups = [g for g in ([m for m in g if m.role == "result"] for g in groups) if g]
            results = [m for g in groups for m in g]
            self.attributes.inherit_restated(words, results)
            self.attributes.carry_left_qualifier(words, sent, results)
            cues = self.baselines.cues_of_sentence(doc, words, sent, results, groups, named, system)
            picked = {}
            for group in groups:
                for m in group:
                    checkpoint()
                    picked[id(m)] = self.baselines.pick(words, m, group, results, cues)
            scope.decide(doc, words, groups, results, cues, picked,
                         paired=self.baselines.respectively(words[sent.start:sent.end], groups, cues, picked),
                         shares=self.baselines.share_of_reference(doc, words, sent, results),
                         frame=frame if index >= first_own else None)
            read.append((sent, results, cues))
            every_cue += cues
        named.extend(self.baselines.named_in_parentheses(norm.text, system))
        starts = scope.token_starts(doc)
        found = self.entities.find(norm.text, in_text, named, system, starts)
        self._measured_on(found, read, words, every_cue, in_title, starts)
        sentence_spans: dict = {}  # plain → original offsets of a sentence, shared by its numbers
        quantities = tuple(self._record(paper, norm, doc, i, m, sentence_spans) for i, m in enumerate(mentions))
        # a device the hardware lexicon knows ("NVLink-C2C", "A100") is what ran, not a compared system
        # (a protocol such as RoCEv2 can be one: "outperforms RoCEv2 by 6x")
        named = [n for n in named if not (n.endswith("s") and n[:-1] in named)]  # "B+Trees" beside "B+Tree"
        systems = tuple(n for n in unique_in_order(named) if not any(
            h.start == 0 and h.end == len(n) and h.kind not in UNREPORTED_HARDWARE for h in hardware_lexicon.find(n)))
        shaped = [f.canonical for f in found if f.rule_id == entities.SHAPE_HARDWARE]
        paper = replace(paper, hardware=unique_in_order(hardware + tuple(shaped)), hardware_counts=counts,
                        system=system, baselines=systems)
        return PaperExtraction(paper, quantities, self.entities.records(paper.paper_id, norm, found))

    def _measured_on(self, found: list, read: list, words: list[str], cues: list, in_title: list,
                     starts: list[int]) -> None:
        """The hardware of every result number, from the abstract's hardware entities by scope."""
        reported = [f for f in found if f.kind == "hardware" and f.hardware_kind not in UNREPORTED_HARDWARE]
        if not (reported or in_title) or not read:
            return
        spans = [scope.HardwareSpan(*scope.to_tokens(starts, f.start, f.end), f.canonical, f.hardware_kind)
                 for f in reported]
        title = [scope.HardwareSpan(-1, -1, h.canonical, h.kind) for h in in_title]
        default = scope.paper_platforms(spans, cues, title)
        for sent, results, _ in read:
            scope.measured_on(words, sent, results, spans, default)

    def _record(self, paper: Paper, norm: NormalizedText, doc, index: int, m: Mention,
                sentence_spans: dict) -> Quantity:
        span = doc[m.start:m.end]
        start, end = norm.to_original(span.start_char, span.end_char)
        plain = m.sentence
        if plain not in sentence_spans:
            sentence_spans[plain] = norm.to_original(*plain)
        s_start, s_end = sentence_spans[plain]
        claim_type = CLAIM_TYPE_OF_UNIT.get(m.unit, "quantity")
        return Quantity(
            quantity_id=f"{paper.paper_id}#q{index + 1}", paper_id=paper.paper_id,
            text=norm.original[start:end], start=start, end=end,
            sentence=norm.original[s_start:s_end].strip(), sentence_start=s_start,
            value_low=m.low, value_high=m.high, unit=m.unit, claim_type=claim_type,
            role=m.role, role_reason=m.role_reason,
            direction=m.direction if m.role == "result" else None,
            qualifier=m.qualifier if m.role == "result" else None,
            metric=m.metric, metric_family=m.metric_family,
            baseline=m.baseline if m.role == "result" else None, is_range=m.is_range,
            reversed_range=m.reversed_range, rule_id=m.rule_id,
            baselines=m.baseline_names if m.role == "result" else (),
            hardware=m.hardware if m.role == "result" else (),
            baseline_scope=m.baseline_scope if m.role == "result" and m.baseline is not None else None,
        )

