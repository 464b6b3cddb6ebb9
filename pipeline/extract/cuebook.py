"""Every word list of rules/ turned into the lookup tables the extract steps read, built once.

Phrases are tokenized with the pipeline's own tokenizer, so "vs." or "speed-up" in a rules file
matches exactly what the tokenizer makes of it in an abstract.
"""
from __future__ import annotations

from collections.abc import Callable

from pipeline.core.rules import Rules
from pipeline.extract.context import PhraseTable
from pipeline.extract.lexicon import Lexicon


class Cuebook:
    """The cue tables of cues.yml, metrics.yml and the lexicons, keyed for token lookup."""

    def __init__(self, rules: Rules, tokenize: Callable[[str], list[str]]):
        cues = self.cues = rules.cues
        tok = tokenize
        self.patterns = {p.id: p for p in rules.quantities}
        self.units = {u.id: u for u in rules.units}
        self.number_words = {k.lower(): v for k, v in cues.number_words.items()}
        self.scale_words = {k.lower(): v for k, v in cues.scale_words.items()}
        self.scale_suffixes = dict(cues.scale_suffixes)
        self.q_left = PhraseTable.build(tok, [(p, q) for q in cues.qualifiers if q.side in ("left", "both")
                                              for p in q.phrases])
        self.q_right = PhraseTable.build(tok, [(p, q) for q in cues.qualifiers if q.side in ("right", "both")
                                               for p in q.phrases])
        self.b_cues = PhraseTable.build_multi(tok, [(p, c) for c in cues.baselines for p in c.phrases])
        self.b_stops = {w.lower() for w in cues.baseline_stops}
        # "within 1.31x of the optimal policy": a bound by a phrase after the number is a distance to a
        # reference, with no direction (the qualifiers the after-number cues require)
        self.distance_bounds = {(p, q) for c in cues.baselines if c.after_number_only and c.requires_qualifier
                                for p in c.phrases for q in c.requires_qualifier}
        self.d_before = {w: d.direction for d in cues.directions if d.position in ("before", "both") for w in d.words}
        self.d_after = {w: d.direction for d in cues.directions if d.position in ("after", "both") for w in d.words}
        self.role_before = PhraseTable.build(tok, [(p, r) for r in cues.roles if r.scope == "before"
                                                   for p in r.phrases])
        self.role_after = PhraseTable.build(tok, [(p, r) for r in cues.roles if r.scope == "after" for p in r.phrases])
        self.role_sentence = PhraseTable.build(tok, [(p, r) for r in cues.roles if r.scope == "sentence"
                                                     for p in r.phrases])
        self.self_reference = PhraseTable.build(tok, [(p, True) for p in cues.self_reference])
        self.own_work = PhraseTable.build(tok, [(p, True) for p in cues.own_work])
        # company words written before a product name ("like NVIDIA cuda-checkpoint"), from hardware.yml
        self.vendors = {e.vendor.lower() for e in rules.hardware if e.vendor and " " not in e.vendor}
        self.vendor_names = sorted({e.vendor for e in rules.hardware if e.vendor}, key=len, reverse=True)
        self.metrics = PhraseTable.build(tok, [(t, m) for m in rules.metrics for t in m.terms])
        self.coordinators = set(cues.coordinators)
        self.result_cues = set(cues.result_cues)
        self.level_verbs = set(cues.level_verbs)
        self.range_words = set(cues.range_words)
        self.determiners = set(cues.determiners)
        self.reference_words = set(cues.reference_words)
        self.aside_openers = set(cues.aside_openers)
        self.time_families = set(cues.time_families)
        self.same_metric_after = set(cues.same_metric_after)
        self.baseline_subjects = set(cues.baseline_subjects)
        self.example_openers = set(cues.example_openers)
        self.naming_heads = set(cues.naming_heads)
        self.not_comparing = set(cues.not_comparing)
        self.generic_names = set(cues.generic_names)
        self.hardware = Lexicon(rules.hardware, vendor_prefix=True)
        self.baseline_names = Lexicon(rules.baselines, plural=False)
        self.qualifier_words = {k[0] for table in (self.q_left, self.q_right) for k in table.phrases if len(k) == 1}
        self.self_reference_words = {k[0] for k in self.self_reference.phrases if len(k) == 1}
        self.share_nouns = set(cues.share_nouns)
        self.baseline_head_words = {h.lower() for h in cues.baseline_heads}
        self.unit_forms = {form for u in rules.units for form in u.forms}
        self.frame_verbs = set(cues.frame_verbs)
