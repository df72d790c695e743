"""Is a word a well-formed Vietnamese syllable?  Used to judge which decoding of
an 8-bit file is the right one: the right one yields real syllables (`Việt`),
the wrong ones yield stray symbols (`ViÖt`) or impossible vowel stacks (`Viêịt`).
"""
from __future__ import annotations

import re
import unicodedata

from indexer.vietnamese.letters import TONE_MARKS

SYLLABLE_RE = re.compile(
    r"""
    ^
    (?P<onset>                      # initial consonant cluster (optional)
        ngh | ng | gh | gi | kh | ph | th | tr | ch | nh | qu
      | [bcdđghklmnpqrstvx]
    )?
    (?P<nucleus>                    # vowel cluster, longest alternatives first
        iêu | yêu | oai | oay | oeo | uây | uôi | ươi | ươu | uya | uyê | uyu
      | ai | ao | au | ay | âu | ây | eo | êu | ia | iê | iu | oa | oă | oe | oi | ôi | ơi
      | oo | ua | uâ | uê | ui | uô | uơ | uy | ưa | ưi | ưu | ươ | yê
      | [aăâeêioôơuưy]
    )
    (?P<coda> ch | nh | ng | [cmnpt] )?
    $
    """,
    re.VERBOSE,
)


def is_marked_syllable(word: str) -> bool:
    """True for `việt`, `Nghĩa`, `ĐẢNG`; False for `viêịt`, `caf`+`é` stacks, `xyz`."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = sum(decomposed.count(mark) for mark in TONE_MARKS)
    if tones > 1 or not _tone_on_vowel(decomposed):
        return False
    toneless = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONE_MARKS))
    return SYLLABLE_RE.match(toneless) is not None


VOWELS = "aeiouy"


def _tone_on_vowel(decomposed: str) -> bool:
    """`ñ` is n + tilde in NFD: a tone mark must sit on a vowel (`ơ` = o + horn + tone)."""
    base = ""
    for ch in decomposed:
        if not unicodedata.combining(ch):
            base = ch
        elif ch in TONE_MARKS and base not in VOWELS:
            return False
    return True
