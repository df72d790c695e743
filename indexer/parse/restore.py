"""Diacritic restoration through the OCR helper (`indexer.ocr.restore_text`), when it exists.

A field (title, unit, name) is a few words of one document; alone, those words
say little about which syllable a garbled token is, while the document's own
readings (the OCR stage read every token against the statistics of the whole
text) do. Inside `document(...)` the restorer prefers, for each printed token,
its commonest reading in the document; the readings are computed only if a
field needs them and were not given.

Imported lazily: the restorer loads a lexicon, and parsing must work (showing
the printed text) while it is absent or failing.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar

from indexer.textnorm import fold, tokenize
from indexer.vietnamese.glyphs import OCR_LETTER_GLYPHS
from indexer.vietnamese.letters import GENERIC_E, marked_letters_class

# `é` is counted apart: the OCR prints it for any accent, so many of them tell of OCR text, not of marks.
_VIETNAMESE_MARKS = re.compile(marked_letters_class(leaving_out=GENERIC_E), re.I)
_OCR_NOISE = re.compile(rf"[{re.escape(OCR_LETTER_GLYPHS)}|]|[a-z][0-9]|[0-9][a-z]", re.I)  # |: the OCR's l or I

Readings = tuple[Sequence[str], Sequence[str]]  # (printed tokens of a document, the best reading of each)


class _Document:
    """The document being parsed: its text, and its readings once known."""

    def __init__(self, text: str, readings: Readings | None) -> None:
        self.text = text
        self.readings = readings
        self._known: Mapping[str, str] | None = None
        self.restored: dict[str, str] = {}  # field text -> its restoration: fields repeat (a unit, a place)

    def known(self) -> Mapping[str, str]:
        """Built on the first field that needs it (most reports have one or two, clean ones none)."""
        if self._known is None:
            if self.readings is None:
                from indexer.ocr import token_readings  # loads the lexicon: only when a field needs it

                words = [t.text for t in tokenize(self.text)]
                self.readings = words, [r[0] if r else fold(w) for w, r in zip(words, token_readings(words))]
            self._known = commonest_readings(*self.readings)
        return self._known

    def known_for(self, text: str) -> Mapping[str, str]:
        """`known`, with the readings at the place the field is printed when it is a run of the document's
        tokens (a title): there the lattice read each token beside its neighbours (`danh muc thi tuc` is
        thủ tục although `thi` reads thi elsewhere), where the commonest reading knows only the token."""
        known = self.known()
        assert self.readings is not None  # set by known()
        words, best = self.readings
        field = [t.text for t in tokenize(text)]
        at = find_run(words, field)
        if at is None:
            return known
        local: dict[str, str] = {}
        for word, reading in zip(field, best[at : at + len(field)]):
            local.setdefault(word, reading)  # a token twice in the field: its first place
        # One plain dict, the field's readings over the document's: the restorer reads all its
        # values (a ChainMap would be iterated in Python, ~1 ms a field).
        merged = dict(known)
        merged.update(local)
        return merged


_CURRENT: ContextVar[_Document | None] = ContextVar("document_being_parsed", default=None)


def find_run(words: Sequence[str], run: Sequence[str]) -> int | None:
    """Index of the first place `run` is printed in `words` as consecutive tokens, None when nowhere."""
    if not run:
        return None
    first, size, wanted = run[0], len(run), list(run)
    at = -1
    while True:  # each place the first token is printed, found by `index` (in C), then the rest compared
        try:
            at = words.index(first, at + 1)
        except ValueError:
            return None
        if list(words[at : at + size]) == wanted:
            return at


def commonest_readings(words: Sequence[str], best: Sequence[str]) -> dict[str, str]:
    """Printed token -> its commonest best reading over the document (the first met on a tie)."""
    known: dict[str, str] = {}
    most: dict[str, int] = {}
    for (word, reading), count in Counter(zip(words, best)).items():  # in the order first met
        if count > most.get(word, 0):
            known[word], most[word] = reading, count
    return known


@contextmanager
def document(text: str, readings: Readings | None = None) -> Iterator[None]:
    """Fields restored inside this block read their tokens as the document `text` does."""
    token = _CURRENT.set(_Document(text, readings))
    try:
        yield
    finally:
        _CURRENT.reset(token)


def looks_clean(text: str) -> bool:
    """Proper Vietnamese already: diacritics present, no OCR glyphs, no `é` used as a generic mark."""
    if _OCR_NOISE.search(text):
        return False
    marks = len(_VIETNAMESE_MARKS.findall(text))
    acute_e = text.lower().count(GENERIC_E)
    return marks >= 2 and acute_e * 3 < marks


def restore(text: str | None) -> str | None:
    """Proper Vietnamese for a short printed text (title, unit, name); the text itself when impossible."""
    if not text:
        return text
    from indexer.ocr.fields import tidy_field  # glyph slips between tokens: `thu'c`, `Quý |`

    text = tidy_field(text)
    if looks_clean(text):
        return text
    from indexer.ocr import restore_text  # loads the lexicon: only for text that needs it

    current = _CURRENT.get()
    if current is not None and text in current.restored:
        return current.restored[text]
    restored = restore_text(text, current.known_for(text) if current is not None else None)
    result = restored if restored and fold(restored).split() and len(restored) >= len(text) // 2 else text
    if current is not None:
        current.restored[text] = result
    return result
