"""Per-token attribute columns of a Doc, read once from its arrays and shared by every reader.

Each extraction step that looks at every token (the pattern trie ruler, sentence bounds, lower-cased
words, number positions) reads these plain lists instead of making Token objects.
"""
from __future__ import annotations

from spacy.attrs import IS_PUNCT, LIKE_NUM, LOWER, ORTH

_COLUMNS = "claimscope.columns"


def token_columns(doc) -> tuple[list[int], list[int], list[int], list[int]]:
    """LIKE_NUM, LOWER, ORTH and IS_PUNCT of every token (cached in the Doc's user_data)."""
    columns = doc.user_data.get(_COLUMNS)
    if columns is None:
        array = doc.to_array([LIKE_NUM, LOWER, ORTH, IS_PUNCT])
        columns = doc.user_data[_COLUMNS] = tuple(array.T.tolist())
    return columns
