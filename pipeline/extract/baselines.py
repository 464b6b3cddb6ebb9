"""What a number is compared against: comparison cues, their phrases, and canonical names.

"over X", "compared to X", "than X" (prepositions) bind to the numbers around them; "outperforms X
by N" (a verb) to the numbers after it; "within 1% of X" only to its own number. Named systems are
canonicalized through rules/baselines.yml; generic phrases are kept as written.
"""
from __future__ import annotations

import re
from typing import Any, NamedTuple

from pipeline.extract.context import PUNCT_STOPS, figures_aside
from pipeline.extract.cuebook import Cuebook
from pipeline.extract.fast.columns import Sentence, token_columns
from pipeline.extract.fast.literal_gate import GatedRegex
from pipeline.extract.mention import Mention

# A token that reads as a system's name: inner capitals (DeepEP, vLLM, QuEST) or letters then digits.
SYSTEM_NAME = re.compile(r"^(?=.*[A-Za-z])(?:[A-Z][A-Za-z0-9]*[A-Z0-9][A-Za-z0-9]*"
                         r"|[a-z]+[A-Z][A-Za-z0-9]*|[A-Z][a-z]+[0-9]+)$")

# An unknown word names a baseline system only when it is mixed-case (DeepEP, QuEST, vLLM, FlexMoE):
# all-capitals words are mostly technical acronyms (GEMM, W4A8, FL); known ones are in baselines.yml.
# A plural acronym ("NPUs", "DNNs") is a kind of thing, never one system.
# A hyphenated suffix stays part of the name ("DataStates-LLM", "FlashAttention-2").
NAMED_TOKEN = re.compile(r"^(?![A-Z0-9]{2,}s$)(?=[A-Za-z0-9]*[a-z])"
                         r"(?:[A-Z][A-Za-z0-9]*[A-Z0-9][A-Za-z0-9]*|[a-z]+[A-Z][A-Za-z0-9]*)"
                         r"(?:-(?:[A-Z0-9][A-Za-z0-9]*|v\d[\w.]*))*$")

# In a comparator slot a name may also be all capitals (NOVA, SPFS, XDL), carry a version after a hyphen
# (Ext-4, EXT4-DAX) or hold a "+" (B+Tree); elsewhere such words are mostly acronyms and terms, and in a
# slot too the acronyms of cues.yml `not_names` (TTFT, GEMM, ...), `generic_names` and unit spellings are not.
SLOT_NAME = re.compile(r"^(?:[A-Z][A-Z0-9]{2,}(?:-[A-Z0-9]+)*|[A-Z][a-z]+-\d+[a-z]?|[A-Z]\+[A-Z][A-Za-z]*)$")

# a word of a baseline phrase that may be a name: "TensorRT-LLM", "C++", "FSDP"
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9\-+.#]*[A-Za-z0-9+#]|[A-Z]{2,}")
_NAME_CHARS = re.compile(r"[A-Z0-9.+#]")  # "llama.cpp", "cuda-checkpoint" (with its hyphen), "vLLM"
_LISTED_NAME = re.compile(r"^(?:[A-Z][A-Za-z0-9]*|[a-z]+[A-Z][A-Za-z0-9]*)(?:[-.][A-Za-z0-9]+)*$")
_CALLED = GatedRegex(re.compile(r"\b(?:called|named|dubbed)\s+([A-Z][\w\-]*[A-Za-z0-9])"))
_NAMED_IMPLEMENTATION = re.compile(r"\b([A-Z][\w\-.+]*)(?:-based)? (?:baselines?|implementations?)\b")
_IMPLEMENTATION_NOUNS = (" baseline", " implementation")  # what every match of it holds, with its space
_LIST_JOINERS = {",", "and", "or"}
_NEXT_WORD = re.compile(r"(?<!\s)\s+([a-z][a-z\-]*)\b")  # from a word's end (a run of spaces is read once)
# the subjects of an intro verb: "We propose", "This work presents"
_INTRO_SUBJECTS = ("We", "we", "This paper", "this paper", "This work", "this work")
_INTRO_SUBJECT = rf"\b(?:{'|'.join(map(re.escape, _INTRO_SUBJECTS))}) (?:have )?"
_SUBJECT_PREFIXES = tuple(f"{subject} " for subject in _INTRO_SUBJECTS)
_HEAD_WINDOW = 64  # characters before a "(" searched for a baseline head word (the longest is 16)
_CLAUSE_OPENERS = {"with", "while", "whereas", "which", "where"}


class Cue(NamedTuple):
    """A comparison cue of a sentence and the comparator phrase it opens (token positions)."""

    pos: int  # the cue word ("over", "than", "outperforms")
    kind: str  # preposition | verb
    name: str  # the baseline it gives: the one name, else the phrase as written
    owner: Any  # the group of numbers an after-number cue belongs to, else None
    names: tuple[str, ...]  # the systems it names, canonical, in the order written
    listed: bool  # names given as examples after a generic phrase ("such as A and B") or paired
    end: int  # where the comparator phrase ends


class BaselineReader:
    def __init__(self, book: Cuebook):
        self.book = book
        heads = "|".join(re.escape(h) for h in book.cues.baseline_heads)
        verbs = "|".join(re.escape(v) for v in book.cues.system_intro_verbs)
        suffixes = "|".join(re.escape(x) for x in book.cues.modifier_suffixes)
        self._modifier_suffix = re.compile(rf"-(?:{suffixes})$")
        self._not_slot_names = frozenset(book.generic_names | set(book.cues.not_names) | book.unit_forms
                                         | set(book.vendor_names))
        self._gap_stops = book.b_stops - {"on"}  # "2x the throughput on X of Y": "on" may stand between
        # verbs that open a new clause after ", and" ("..., and achieves 1.4x higher throughput than Y")
        self._verbs = frozenset(book.level_verbs | {w for w in book.d_before if w.endswith("s")})
        self._named_head = re.compile(rf"\b({heads})\s*\(([^()]{{2,60}})\)")
        self._head_before = re.compile(rf"\b(?:{heads})\s*$")  # a head word right before a "("
        self._intro = re.compile(rf"{_INTRO_SUBJECT}(?:{verbs}) (?:(?:a|an|the)\s+)?"
                                 rf"(?:[\w\-]+\s+){{0,6}}?(?:called|named|dubbed)?\s*([A-Z][\w\-]*)")
        self._intro_verbs = tuple(f"{v} " for v in book.cues.system_intro_verbs)

    def cues_of_sentence(self, doc, words: list[str], sent: Sentence, results: list[Mention], groups,
                         named: list[str], system: str) -> list[Cue]:
        """Every comparison cue of the sentence as (position, kind, baseline, owner group or None);
        `system` is the paper's own system, which is never its own baseline."""
        own = system
        starts = {m.start for m in results}
        group_of = {id(m): g for g in groups for m in g}
        out: list[Cue] = []
        i = sent.start
        candidates_at = iter(self.book.b_cues.first_positions(words, sent.start, sent.end))
        paired = "respectively" in words[sent.start:sent.end]
        while True:
            at = next((p for p in candidates_at if p >= i), None)  # only where a cue's first word stands
            if at is None:
                break
            i = at
            hit = self.book.b_cues.starting_at(words, i)
            if not hit:
                i += 1
                continue
            cue_words, candidates = hit
            j = i + len(cue_words)
            owner: Any = None  # the number a cue follows, then its group
            cue = candidates[0]
            if cue.after_number_only:
                if not results:  # an after-number cue ("of") with no number to belong to
                    i += 1
                    continue
                found = [(c, self._cue_owner(words, c, i, results)) for c in candidates if c.after_number_only]
                cue, owner = next(((c, o) for c, o in found if o is not None), (cue, None))
                if owner is None:
                    i += 1
                    continue
                owner = group_of[id(owner)]
            elif not (cue.kind == "verb" and j not in starts) and self._bounds_a_number(doc, words, sent, i, j, starts):
                # "exceeding 90%" bounds its number; "outperform two A100 GPUs by 1.8x" names what is beaten
                i = j
                continue
            if j < sent.end and words[j] in {"on", "in", "with", "for"} and doc[j - 1].text != ",":
                j += 1  # "than on an NVIDIA A100 GPU"
            if words[j:j + 2] in (["that", "of"], ["those", "of"]):
                j += 2  # "higher than that of vLLM", "outshines that of vanilla LLMs"
            end, spoken = j, 0
            while end < sent.end and spoken < 8 and end not in starts and (
                    not (words[end] in self.book.b_stops and (doc[end - 1].whitespace_ or words[end] in PUNCT_STOPS))
                    or self._shared_head(words, end, sent.end)
                    or (words[end] == "," and end > j and self._modifier_suffix.search(doc[end - 3:end].text))):
                # (a comma after "GDS-enabled" joins two modifiers of one head: "the GDS-enabled, SSD-backed LMCache")
                spoken += bool(doc[end].whitespace_)  # "state-of-the-art" counts as one word
                end += 1  # a stop word glued into a compound ("state-of-the-art") does not end the phrase
            end, listed = self._extend_over_names(doc, words, sent, end, own, start=j)
            such_as = self._such_as(doc, words, sent, end, own)
            head_end = end  # the phrase before its examples ("state-of-the-art systems" of "... such as A")
            if such_as:
                end = such_as[0]
            respective = self._respective_list(doc, words, sent, j, own) if paired else None
            if respective:
                end, listed, such_as = respective[0], [], None
            phrase = _strip_determiner(doc[j:end].text) if end > j else ""
            if cue.after_number_only and words[end - 1] in self.book.share_nouns:
                phrase = ""  # "in less than 20% of the cases": a share, not a comparison
            if phrase and phrase.lower() not in {"time", "the past", "the years", "the course"}:
                names = respective[1] if respective else self._names_in(phrase, own) + listed
                names += [n for n in such_as[1] if n not in names] if such_as else []
                names += self._appositive_names(doc, words, sent, end, own) if not names else []
                names += self._names_just_after(doc, words, sent, end) if not names else []
                if not results and words[i] == "over":  # "training over OTN": no number, a weak cue
                    names = [n for n in names if not self._shape_only(n)]
                if cue.requires_name and not names:  # "accelerates linear layers by 4.5x": no comparator
                    i = max(end, i + 1)
                    continue
                named.extend(names)
                if figures_aside(words, token_columns(doc)[0], i, sent.end):
                    named.extend(self._aside_names(doc, words, sent, i, own, names))
                else:
                    # a generic phrase with named examples: the first of them is the primary baseline
                    examples = bool(names) and not respective and not listed and not (
                        head_end > j and self._names_in(doc[j:head_end].text, own))
                    name = names[0] if len(names) == 1 or (examples and names) else phrase
                    out.append(Cue(i, cue.kind, name, owner, tuple(names), examples or bool(respective), end))
            i = max(end, i + 1)
        return out

    def _aside_names(self, doc, words: list[str], sent: Sentence, at: int, own: str, first: list[str]) -> list[str]:
        """'2.03x (vs. Inductor: 1.89x, TensorRT: 1.85x)': every system an aside of figures names, each
        before its colon (the first of them is already read as the cue's phrase)."""
        names: list[str] = []
        for k in range(at + 1, min(at + 24, sent.end - 1)):
            if words[k] == ")":
                break
            if words[k + 1] == ":":
                text = doc[k].text
                known = self.book.baseline_names.canonical_in(text) if self._known_whole(text) else None
                if known or (self._name_shape(text) and text != own and text not in self.book.generic_names):
                    name = known or text
                    if name not in first and name not in names:
                        names.append(name)
        return names

    def paper_frame(self, words: list[str], sent: Sentence, cues: list[Cue]) -> Cue | None:
        """'We compare our technique against A and B', 'We evaluate X against A': a sentence without numbers
        whose evaluation verb (cues.yml frame_verbs) opens a comparison with named systems."""
        for cue in cues:  # named systems only: "compared against the state-of-the-art" frames nothing
            if cue.kind == "preposition" and cue.names and any(
                    w in self.book.frame_verbs for w in words[sent.start:cue.pos]):
                return cue
        return None

    def _respective_list(self, doc, words: list[str], sent: Sentence, j: int, own: str) -> tuple[int, list[str]] | None:
        """'compared to HPCC and DCTCP, respectively', '... to Baseline XDL, Intel-optimized DRLM, FAE,
        and Hotline, respectively': a list the numbers are paired with item by item names one system an
        item (the last word of each, all-capital ones too), whatever the lexicon knows."""
        for k in range(j + 1, min(j + 24, sent.end)):
            if words[k] == "respectively":
                break
            if words[k] not in _LIST_JOINERS and (words[k] in PUNCT_STOPS or doc[k].like_num):
                return None
        else:
            return None
        end = k - (words[k - 1] == ",")
        items = [i.strip() for i in re.split(r"\s*(?:,|\band\b|\bor\b)\s*", doc[j:end].text) if i.strip()]
        names = []
        for item in items:
            known = self.book.baseline_names.canonical_in(item)
            last = item.split()[-1]
            if len(item.split()) > 3 or not (known or (_LISTED_NAME.match(last) and last not in self.book.generic_names
                                                      and last != own and len(last) >= 2)):
                return None
            names.append(known or last)
        return (end, names) if len(names) >= 2 else None

    def _shared_head(self, words: list[str], at: int, stop: int) -> bool:
        """'BF16 and naive FP8 baselines': 'and' inside a phrase whose head noun comes after it."""
        if words[at] not in {"and", "or"}:
            return False
        for k in range(at + 1, min(at + 5, stop)):
            if words[k] in self.book.baseline_head_words:
                return True
            if words[k] in self.book.b_stops:
                return False
        return False

    def _extend_over_names(self, doc, words: list[str], sent: Sentence, end: int, own: str,
                           start: int | None = None) -> tuple[int, list[str]]:
        """'compared with SGLang, vLLM and TensorRT-LLM': a list of names stays one baseline phrase; after
        a name, a capitalised word is one too ('over PyTorch DataLoader and Pecan')."""
        listing = None  # whether the phrase so far names a system: read once, when a list goes on
        listed: list[str] = []
        while end + 1 < sent.end and words[end] in _LIST_JOINERS:
            if listing is None:
                listing = start is not None and end > start and bool(self._names_in(doc[start:end].text, own))
            k = end + 1 + (words[end + 1] == "and")
            ends_item = k + 1 >= sent.end or words[k + 1] in _LIST_JOINERS or words[k + 1] in PUNCT_STOPS \
                or words[k + 1] in self.book.b_stops
            text = doc[k].text if k < sent.end else ""
            capitalised = listing and text.istitle() and text.isalpha() and len(text) >= 3 \
                and text not in self.book.generic_names and text != own
            if k < sent.end and (self._is_name(text, own) or capitalised) and ends_item:
                end = k + 1
                if capitalised and not self._is_name(text, own):
                    listed.append(text)
            else:
                break
        return end, listed

    def _such_as(self, doc, words: list[str], sent: Sentence, end: int, own: str) -> tuple[int, list[str]] | None:
        """'over well-known offloading policies such as LRU and LFU': the phrase runs on over the names
        it gives as examples; in such a list a capitalised word is a name even without inner capitals."""
        if end > 0 and words[end - 1] == "such" and end < sent.end and words[end] == "as":
            k = end + 1
        elif words[end:end + 2] == ["such", "as"]:
            k = end + 2
        elif words[end:end + 3] == [",", "such", "as"]:  # "the state-of-the-art systems, such as A and B"
            k = end + 3
        elif end < sent.end and words[end] in self.book.example_openers:  # "systems like X", "methods including X"
            k = end + 1
        elif words[end:end + 1] == [","] and end + 1 < sent.end and words[end + 1] in self.book.example_openers:
            k = end + 2  # "state-of-the-art systems, including DistServe, BlitzScale, and AIBrix"
        elif words[end:end + 1] == ["("]:
            return self._parenthesised_names(doc, words, sent, end, own)
        else:
            return None
        names: list[str] = []
        last = k
        final = False  # after "and"/"or" the next item is the list's last
        while k < sent.end and k < end + 12:
            text = doc[k].text
            if words[k] in {",", "and", "or"}:
                if final and names:
                    break
                final = final or words[k] != ","
                k += 1
                continue
            if text.lower() in self.book.vendors and k + 1 < sent.end:
                k += 1  # "like NVIDIA cuda-checkpoint"
                continue
            if words[k] in PUNCT_STOPS or not any(ch.isalpha() for ch in text):
                break
            # after a name, a lower-case word alone in its item is one too ("llama.cpp, executorch, mllm")
            alone = bool(names) and words[k - 1] in _LIST_JOINERS and (
                k + 1 >= sent.end or words[k + 1] in _LIST_JOINERS or words[k + 1] in PUNCT_STOPS)
            if text == own or text in self.book.generic_names or not (
                    text[:1].isupper() or self._is_name(text, own) or _NAME_CHARS.search(text) or alone
                    or (k + 1 < sent.end and words[k + 1] == "-" and not doc[k].whitespace_)):
                break
            first = k
            last = k = k + 1
            while k < sent.end and not doc[k - 1].whitespace_ and words[k] not in PUNCT_STOPS:
                k += 1  # a name glued to its version or suffix ("FlashAttention-2", "ZeRO-Offload")
                last = k
            whole = self._modifier_suffix.sub("", doc[first:last].text)  # "Triton-based implementations"
            known = self.book.baseline_names.canonical_in(whole) if self._known_whole(whole) else None
            names.append(known or whole)
            if final:
                break
        return (last, names) if names else None

    def _parenthesised_names(self, doc, words: list[str], sent: Sentence, at: int,
                             own: str) -> tuple[int, list[str]] | None:
        """'state-of-the-art systems employing model-based batching (FlexGen, MoE-Lightning, DeepSpeed)':
        a parenthesis right after a generic comparator that lists only names gives them as its examples."""
        close = next((k for k in range(at + 1, min(at + 24, sent.end)) if words[k] in {")", "("}), None)
        if close is None or words[close] != ")":
            return None
        items = [i.strip() for i in re.split(r"\s*(?:,|;|\band\b|\bor\b)\s*", doc[at + 1:close].text) if i.strip()]
        names = []
        for item in items:
            known = self.book.baseline_names.canonical_in(item) if self._known_whole(item) else None
            if known is None and (" " in item or item == own or not self._name_shape(item)
                                  or item in self.book.generic_names):
                return None  # "(SOTA)", "(e.g., 4-bit)": not a list of systems
            names.append(known or item)
        return (close + 1, names) if names else None

    def _known_whole(self, text: str) -> bool:
        """Whether the lexicon knows all of `text` (not just a prefix: 'ZeRO' of an unknown 'ZeRO-X')."""
        hits = self.book.baseline_names.find(text)
        return bool(hits) and hits[0].start == 0 and hits[0].end >= len(text.rstrip("s"))

    def _appositive_names(self, doc, words: list[str], sent: Sentence, end: int, own: str) -> list[str]:
        """'its state-of-the-art counterpart, Gavel' / 'systems, DeepSpeed and FlexMoE,': names in apposition."""
        if end >= sent.end or words[end] != ",":
            return []
        k, names = end + 1, []
        while k < sent.end and k < end + 8:
            if self._is_name(doc[k].text, own):
                names.append(self._canonical_baseline(doc[k].text, own) or doc[k].text)
            elif words[k] not in {"and", "or", ","} or not names:
                break
            k += 1
        return names if names and (k >= sent.end or words[k] in PUNCT_STOPS) else []

    def _names_just_after(self, doc, words: list[str], sent: Sentence, end: int) -> list[str]:
        """'quantized GEMM kernels in NVIDIA TensorRT-LLM': the known system the phrase belongs to."""
        if end < sent.end and words[end] in {"in", "of", "from"}:
            known = self.book.baseline_names.canonical_in(doc[end + 1:min(end + 5, sent.end)].text)
            return [known] if known else []
        return []

    def _names_in(self, phrase: str, own: str) -> list[str]:
        """The systems a phrase names: known ones (canonical) and, beside them, unknown names
        ('PyTorch, TorchRec, HugeCTR, and OneFlow'), in the order written."""
        hits = self.book.baseline_names.find(phrase)
        if not hits:
            return self._unknown_names(phrase, own)
        spans = [(h.start, h.end) for h in hits]
        found = [(h.start, h.canonical) for h in hits]
        for m in _WORD.finditer(phrase):
            token = m.group()
            if any(s <= m.start() < e for s, e in spans) or token == own or token in self.book.generic_names:
                continue
            if any(phrase[e:m.start()] == " " or phrase[m.end():s] == " " for s, e in spans):
                continue  # part of the known name's item: "PyTorch DataLoader", "W4Ax Atom-g128"
            if self._name_shape(token) and phrase[m.end():m.end() + 2] not in ("'s", "’s") \
                    and not self._acronym_modifier(token, phrase, m.end()):
                found.append((m.start(), token))
        return list(dict.fromkeys(name for _, name in sorted(found)))

    def _is_name(self, token: str, own: str) -> bool:
        if token == own:
            return False
        return bool(self.book.baseline_names.canonical_in(token)) or self._name_shape(token) \
            and token not in self.book.generic_names

    def _name_shape(self, token: str) -> bool:
        """Whether an unknown word in a comparator slot reads as a system's name."""
        return bool(NAMED_TOKEN.match(token)) or bool(SLOT_NAME.match(token)) and token not in self._not_slot_names

    def _bounds_a_number(self, doc, words: list[str], sent: Sentence, i: int, j: int, starts: set[int]) -> bool:
        """'over 30%', 'more than 2×': the cue word qualifies a number and compares nothing."""
        if j < sent.end and (j in starts or doc[j].like_num or words[j] in self.book.qualifier_words):
            return True
        if j + 1 < sent.end and words[j] in self.book.determiners and (j + 1 in starts or doc[j + 1].like_num):
            return True  # "less than a 2% reduction"
        return i > sent.start and words[i - 1] in self.book.not_comparing  # 'rather than X', 'averaged over X'

    def _cue_owner(self, words: list[str], cue, at: int, results: list[Mention]) -> Mention | None:
        """The number an after-number cue ('within 1% of X', '2× the throughput of X') belongs to."""
        for m in reversed(results):
            if m.end <= at:
                gap = words[m.end:at]
                if len(gap) > cue.within or any(w in PUNCT_STOPS or w in self._gap_stops for w in gap):
                    return None
                if cue.requires_label and m.label not in cue.requires_label:
                    return None
                if cue.requires_qualifier and m.qualifier not in cue.requires_qualifier:
                    return None
                return m
        return None

    def _unknown_names(self, phrase: str, own: str) -> list[str]:
        """'NOVA, Ext-4, and SPFS': the name-shaped words of a phrase the lexicon knows nothing of."""
        first = self._canonical_baseline(phrase, own)
        if first is None or not any(j in phrase for j in (",", " and ", " or ")):
            return [first] if first else []
        names = []
        for found in _WORD.finditer(phrase):
            token = found.group()
            if phrase[found.end():found.end() + 2] in ("'s", "’s") or token == own:
                continue
            if token in self.book.generic_names or token.rstrip("s") in self.book.generic_names:
                continue
            if self._name_shape(token) and token not in names \
                    and not self._acronym_modifier(token, phrase, found.end()):
                names.append(token)
        return names

    def _shape_only(self, name: str) -> bool:
        """A name only a comparator slot makes one (all capitals, unknown to the lexicon)."""
        return bool(SLOT_NAME.match(name)) and not NAMED_TOKEN.match(name) and not self._known_whole(name)

    def _acronym_modifier(self, token: str, phrase: str, end: int) -> bool:
        """'the default DVFS baseline', 'W4A8 kernels': a word that is a name by its slot shape alone
        (all capitals) before a lower-case noun modifies that noun, which is the comparator."""
        if NAMED_TOKEN.match(token):
            return False
        after = _NEXT_WORD.match(phrase, end)
        return after is not None and after.group(1) not in _LIST_JOINERS

    def _canonical_baseline(self, phrase: str, own: str = "") -> str | None:
        known = self.book.baseline_names.canonical_in(phrase)
        if known:
            return known
        for found in _WORD.finditer(phrase):
            token = found.group()
            if phrase[found.end():found.end() + 2] in ("'s", "’s"):
                continue  # "CompanyX's current strategy": the strategy, not a named system
            if token in self.book.generic_names or token.rstrip("s") in self.book.generic_names or token == own:
                continue
            if self._name_shape(token) and not self._acronym_modifier(token, phrase, found.end()):
                return token
        return None

    def pick(self, words: list[str], m: Mention, group: list[Mention], results: list[Mention],
             cues: list[Cue]) -> Cue | None:
        """The first comparison phrase after the number, else the nearest one before it.

        A sentence-final "compared to X" covers the numbers before it, unless a new clause (", with",
        ", while") stands between; "over X" after another number belongs to that number, but a
        sentence-opening "Compared to X, ..." covers all; an after-number cue ("within 1% of X") only its
        own number; a verb cue ("outperforms X by") what follows it. Absolute results have no baseline.
        ", and achieves 1.4x higher throughput than Y" is a clause of its own: Y is not the earlier numbers'
        (a sentence-final "compared to Y" still covers them).
        """
        if m.label == "quantity" and m.direction is None:
            return None
        usable = [c for c in cues if c.owner is None or c.owner is group]
        others = [r for r in results if r not in group]
        first = min((r.start for r in results), default=m.start)

        def attached_to(pos: int) -> Mention | None:  # "2.90x speedup over X and up to 4.94x": X is 2.90x's
            return next((r for r in others if r.end <= pos <= r.end + 8
                         and not any(w in PUNCT_STOPS for w in words[r.end:pos])), None)

        def same_metric(owner: Mention) -> bool:  # "4.9x speedup over RCCL in ..., and up to 2.4x speedup in ..."
            return bool(owner.metric and m.metric) and (owner.metric or "").lower() == (m.metric or "").lower()

        for cue in usable:
            pos = cue.pos
            # "than Y" ends a comparative of its own clause; "compared to Y" may cover the whole sentence
            verbs = self._verbs if words[pos] == "than" else frozenset()
            if pos >= m.end and cue.kind == "preposition" and not _clause_break(words, group[-1].end, pos, verbs):
                if m.level and "," in words[m.end:pos]:
                    break  # "achieves 55.2% MFU ..., improving MFU by 1.34x compared to X": X is the 1.34x's
                return cue
        for cue in reversed(usable):
            pos = cue.pos
            if pos >= m.start or any(w in {":", ";"} for w in words[pos:m.start]):
                continue
            if cue.kind == "verb" or pos < first:
                return cue
            if any(pos < r.start < m.start for r in others):
                continue
            owner = attached_to(pos)
            if owner is None or same_metric(owner):
                return cue
        return None

    def share_of_reference(self, doc, words: list[str], sent: Sentence,
                           results: list[Mention]) -> list[tuple[Mention, str]]:
        """'50% to 72% of optimal throughput', '75% of the decoding speed of a fully GPU-cached deployment':
        a share of a reference level compares with that reference (the phrase returned, for scope to take)
        and moves nothing (its direction is cleared here)."""
        shares = []
        for m in results:
            k = m.end
            if m.unit != "%" or k + 1 >= sent.end or words[k] != "of":
                continue
            k += 1 + (words[k + 1] in {"the", "a", "an", "its", "their"})
            # "of optimal throughput", "of the force-balanced ideal throughput" (modifiers before it)
            if any(words[i] in self.book.reference_words for i in range(k, min(k + 4, sent.end))
                   if not any(w in PUNCT_STOPS for w in words[k:i])):
                start = k
            else:
                hit = next(((j, h) for j in range(k, min(k + 3, sent.end))
                            if (h := self.book.metrics.starting_at(words, j))), None)
                if hit is None:
                    continue
                j = hit[0] + len(hit[1][0])
                if j >= sent.end or words[j] != "of":
                    continue
                start = j + 1 + (j + 1 < sent.end and words[j + 1] in {"the", "a", "an"})
            end = start
            while end < sent.end and end - start < 8 and words[end] not in PUNCT_STOPS \
                    and not (words[end] in self.book.b_stops and doc[end - 1].whitespace_):
                end += 1
            if end > start:
                m.direction = None
                shares.append((m, _strip_determiner(doc[start:end].text)))
        return shares

    @staticmethod
    def respectively(words: list[str], groups: list[list[Mention]], cues: list[Cue],
                     picked: dict[int, Cue | None]) -> list[tuple[Mention, str]]:
        """'compared to DeepSpeed and FlexMoE, ... 30.5% and 25.9% ..., respectively': each number of a
        group that picked one list of as many names, with its own name."""
        if "respectively" not in words:
            return []
        pairs: list[tuple[Mention, str]] = []
        for group in groups:
            for cue in cues:
                names = cue.names
                if len(names) == len(group) > 1 and all(picked.get(id(m)) is cue for m in group):
                    pairs += list(zip(group, names))
        return pairs

    def named_in_parentheses(self, text: str, own: str) -> list[str]:
        """'the prior best method (QuEST)', 'the PyTorch baseline': names given to a generic baseline."""
        out = []
        for m in self._heads_with_parenthesis(text):
            out += self._listed_names(m.group(2), own, acronyms=m.group(1).lower() in self.book.naming_heads)
        for m in _named_implementations(text):  # "the PyTorch baseline"; "OOC baselines" are a kind
            if self._is_name(m.group(1), own) and not self._shape_only(m.group(1)):
                out.append(self._canonical_baseline(m.group(1), own) or m.group(1))
        return out

    def _introductions(self, text: str):
        """The matches of _intro, in order, tried only where a subject ("We ", "This work ", C searches)
        starts a word and an intro verb follows it (after "have " or not), instead of trying the
        pattern at every character."""
        verbs = self._intro_verbs
        starts = set()
        for subject in _SUBJECT_PREFIXES:
            for at in _occurrences(text, subject):
                after = at + len(subject)
                if (at == 0 or not _is_word_char(text[at - 1])) and (text.startswith(verbs, after) or (
                        text.startswith("have ", after) and text.startswith(verbs, after + 5))):
                    starts.add(at)
        end = 0
        for start in sorted(starts):
            if start < end:
                continue  # inside the previous match, where a scan would not look
            m = self._intro.match(text, start)
            if m is not None:
                end = m.end()
                yield m

    def _heads_with_parenthesis(self, text: str):
        """The matches of _named_head, in order, found from each "(" (a C search) and the head word just
        before it, instead of trying the pattern at every character."""
        for at in _occurrences(text, "("):
            head = self._head_before.search(text, max(0, at - _HEAD_WINDOW), at)
            if head is not None:
                m = self._named_head.match(text, head.start())
                if m is not None:
                    yield m

    def _listed_names(self, inner: str, own: str, acronyms: bool) -> list[str]:
        """'(QuEST)', '(FIFO, SJF, Shortest, Shortest-GPU)', '(cuDNN and official library)': the names in a
        parenthesis after a baseline head. All-capital items only after 'baselines'/'policies' and the
        like: after 'methods' they are mostly abbreviations being defined ('(CTDG and DTDG)')."""
        names = []
        for item in re.split(r"\s*(?:,|;|\band\b|\bor\b)\s*", inner):
            item = item.strip()
            if not item or " " in item and not self.book.baseline_names.canonical_in(item):
                continue  # "official library": words, not a name
            known = self.book.baseline_names.canonical_in(item)
            if known:
                names.append(known)
            elif item != own and item not in self.book.generic_names and _LISTED_NAME.match(item) \
                    and (acronyms or not item.isupper()):
                names.append(item)
        return names

    def introduced_system(self, text: str) -> str:
        called = _CALLED.search(text)
        if called and SYSTEM_NAME.match(called.group(1)):
            return called.group(1)
        for m in self._introductions(text):
            name = m.group(1)
            if name in self.book.generic_names or len(name) < 3:
                continue
            if SYSTEM_NAME.match(name) or _recurs_as_word(name, text):
                return name
        return ""


def _clause_break(words: list[str], start: int, end: int, verbs: frozenset[str] = frozenset()) -> bool:
    """', with about 1.4x improvement over EAGLE-2', ', and achieves ...': a new clause between a number and
    a cue (after a comma, a clause opener, or 'and' and a verb of `verbs`)."""
    return any(words[k] == "," and (words[k + 1] in _CLAUSE_OPENERS or words[k + 1] == "and" and k + 2 < end
                                    and words[k + 2] in verbs) for k in range(start, end - 1))


def _named_implementations(text: str):
    """The matches of _NAMED_IMPLEMENTATION ('the Megatron-based implementation'), in order, tried
    only in the word before each ' baseline' / ' implementation' (C searches) instead of at every
    character: a match has no space before that one, so it begins in the run of name characters
    ending there, at a capital."""
    spaces = sorted(at for noun in _IMPLEMENTATION_NOUNS for at in _occurrences(text, noun))
    end = 0
    for space in spaces:
        start = space
        while start > 0 and _in_name(text[start - 1]):
            start -= 1
        for at in range(max(start, end), space):
            if "A" <= text[at] <= "Z":
                m = _NAMED_IMPLEMENTATION.match(text, at)
                if m is not None:
                    end = m.end()
                    yield m
                    break


def _occurrences(text: str, literal: str) -> list[int]:
    """Every index where `literal` starts in `text`, overlapping ones too (C searches)."""
    found, at = [], text.find(literal)
    while at >= 0:
        found.append(at)
        at = text.find(literal, at + 1)
    return found


def _in_name(char: str) -> bool:
    """What `[\\w\\-.+]` matches in a str pattern."""
    return _is_word_char(char) or char in "-.+"


def _recurs_as_word(name: str, text: str) -> bool:
    """Whether `name` stands twice or more in `text` as a whole word. A name that does also occurs
    twice as a substring, which a C count tells first; most names do not, and skip the regex."""
    return text.count(name) >= 2 and len(re.findall(rf"\b{re.escape(name)}\b", text)) >= 2


def _is_word_char(char: str) -> bool:
    """What `\\w` matches in a str pattern: a Unicode letter or digit, or '_'."""
    return char.isalnum() or char == "_"


def _strip_determiner(text: str) -> str:
    return re.sub(r"^(?:a|an)\s+", "", text.strip(), flags=re.IGNORECASE)


def title_system_name(title: str, abstract: str) -> str:
    """'BEAM: Joint ...' → 'BEAM': a one-word name before the title's colon that reads as a name or
    recurs in the abstract ('Breaking the Ice: ...' is no system)."""
    head, sep, _ = title.partition(":")
    head = head.strip()
    if not sep or len(head.split()) != 1:
        return ""
    recurs = head.lower() in abstract.lower()
    return head if SYSTEM_NAME.match(head) or recurs else ""
