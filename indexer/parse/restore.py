"""Diacritic restoration through the OCR helper (`indexer.ocr.restore_text`), when it exists.

Imported lazily: the restorer loads a lexicon, and parsing must work (showing
the printed text) while it is absent or failing.
"""
from __future__ import annotations

import re

from indexer.textnorm import fold

_VIETNAMESE_MARKS = re.compile(r"[àáảãạăằắẳẵặâầấẩẫậèẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]", re.I)
_OCR_NOISE = re.compile(r"[&¢@€§¥$|]|[a-z][0-9]|[0-9][a-z]", re.I)


def looks_clean(text: str) -> bool:
    """Proper Vietnamese already: diacritics present, no OCR glyphs, no `é` used as a generic mark."""
    if _OCR_NOISE.search(text):
        return False
    marks = len(_VIETNAMESE_MARKS.findall(text))
    acute_e = text.lower().count("é")
    return marks >= 2 and acute_e * 3 < marks


def restore(text: str | None) -> str | None:
    """Proper Vietnamese for a short printed text (title, unit, name); the text itself when impossible."""
    if not text or looks_clean(text):
        return text
    from indexer.ocr import restore_text  # loads the lexicon: only for text that needs it

    restored = restore_text(text)
    return restored if restored and fold(restored).split() and len(restored) >= len(text) // 2 else text
