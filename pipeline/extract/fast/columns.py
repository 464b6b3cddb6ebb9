"""Per-token attribute columns of a Doc, read once from its arrays and shared by every reader.

Each extraction step that looks at every token (the pattern trie ruler, sentence bounds, lower-cased
words, number positions) reads these plain lists instead of making Token objects.
"""
from __future__ import annotations

from typing import Any, NamedTuple, cast

from spacy.attrs import IS_PUNCT, LIKE_NUM, LOWER, ORTH
from spacy.pipeline import Sentencizer

_COLUMNS = "claimscope.columns"


# The columns hold ints, typed Any: compiled code (setup.py) then passes a 64-bit hash on as the
# object it is, where an `int` would be unboxed and boxed again at every set or dict lookup.
Column = list[Any]


def token_columns(doc) -> tuple[Column, Column, Column, Column]:
    """LIKE_NUM, LOWER, ORTH and IS_PUNCT of every token (cached in the Doc's user_data)."""
    columns = doc.user_data.get(_COLUMNS)
    if columns is None:
        array = doc.to_array([LIKE_NUM, LOWER, ORTH, IS_PUNCT])
        columns = doc.user_data[_COLUMNS] = tuple(array.T.tolist())
    return columns


# lower-case hash → text of the words seen most (bounded). Numbers are not kept: nearly every one is
# new ("41.7"), and a cache filled with them grows past what the CPU caches hold, which made every
# lookup, of common words too, a trip to memory.
_WORDS: dict[int, str] = {}
_MAX_WORDS = 200_000


def lower_words(doc) -> list[str]:
    """The lower-cased token texts (a C-level map over the cache; the vocab only for words not in it)."""
    strings, words = doc.vocab.strings, _WORDS
    like_num, hashes = token_columns(doc)[:2]
    out: list[str | None] = list(map(words.get, hashes))
    if None in out:
        for i, word in enumerate(out):
            if word is None:
                h = hashes[i]
                out[i] = word = strings[h]
                if not like_num[i] and len(words) < _MAX_WORDS:
                    words[h] = word
    return cast(list[str], out)


def number_positions(doc) -> list[int]:
    """Indices of tokens that look like numbers."""
    return [i for i, flag in enumerate(token_columns(doc)[0]) if flag]


_SENTENCE_PUNCT: dict = {}


class Sentence(NamedTuple):
    """A sentence's token range [start, end) and character range in the Doc's text (what the extract
    steps read of a sentence; a Span costs several times as much to make)."""

    start: int
    end: int
    start_char: int
    end_char: int
    source: str  # the Doc's text

    @property
    def text(self) -> str:
        return self.source[self.start_char:self.end_char]


def sentences(doc) -> list[Sentence]:
    """The sentences, by spaCy's Sentencizer rule (a sentence ends after its default sentence
    punctuation, once a token that is no punctuation follows), read from the Doc's arrays instead of
    Token objects: the same sentences at a fraction of the cost, and no pipe to run for them."""
    strings = doc.vocab.strings
    punct = _SENTENCE_PUNCT.get(id(strings))
    if punct is None:
        punct = _SENTENCE_PUNCT[id(strings)] = frozenset(strings.add(c) for c in Sentencizer.default_punct_chars)
    _, _, orths, puncts = token_columns(doc)
    length = len(orths)
    starts, resume = [0], 0
    for p in [i for i, orth in enumerate(orths) if orth in punct]:
        if p < resume:
            continue
        j = p + 1  # the next sentence starts at the first token after p that is no punctuation
        while j < length and (puncts[j] or orths[j] in punct):
            j += 1
        if j < length:
            starts.append(j)
        resume = j
    text = doc.user_data.get("text") or doc.text  # the extractor keeps it there (doc.text is rebuilt)
    out = []
    for s, e in zip(starts, starts[1:] + [length]):
        if e > s:
            last = doc[e - 1]
            out.append(Sentence(s, e, doc[s].idx, last.idx + len(last), text))
    return out
