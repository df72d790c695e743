"""Vietnamese syllables: is a word one that Vietnamese can spell?

Two grammars. `is_syllable` judges a folded syllable (no tones, no hats,
đ→d), as OCR repair and comparison see words: it rejects OCR debris such as
`cia`, `ctia`, `chirc`, `nwec`, `1ap`, `phd` that no syllable can spell.
`is_marked_syllable` judges a word with its marks, to tell the right decoding
of an 8-bit file (`Việt`) from the wrong ones (`ViÖt`, `Viêịt`).

A syllable is ONSET + RHYME, where the rhyme is (medial) + nucleus + (coda).
Folding merges a/ă/â, o/ô/ơ, u/ư, e/ê, so the folded rhymes below are the
folded spellings.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from indexer.vietnamese.letters import TONE_MARKS

# Folded rhymes without a medial glide: nucleus + optional coda.
_PLAIN_RHYMES = """
    a ac ach ai am an ang anh ao ap at au ay
    e ec ech em en eng enh eo ep et eu
    i ia ich iec iem ien ieng iep iet ieu im in inh ip it iu
    o oc oi om on ong ooc oong op ot
    u ua uc ui um un ung uo uoc uoi uom uon uong uop uot uou up ut uu
    y yem yen yet yeu
    ych ynh yt yu
""".split()

# Rhymes opened by the medial glide o-/u- (hoa, hoe, thuy, tuyen, huan).
_GLIDE_RHYMES = """
    oa oac oach oai oam oan oang oanh oao oap oat oay
    oe oen oeo oet
    uan uang uat uay ue uech uen uenh uet
    uy uya uych uyen uyet uynh uyp uyt uyu
""".split()

_AFTER_QU_ONLY = frozenset(("ych", "ynh", "yt", "yu"))

# Spelling conventions: k/gh/ngh before front vowels only, c/g/ng never there.
_FRONT = ("e", "i", "y")


def _spelling_ok(onset: str, rhyme: str) -> bool:
    front = rhyme.startswith(_FRONT)
    if onset in ("k", "gh", "ngh"):
        return front
    if onset == "c":  # /kw/ is spelled qu, so no c + glide u
        return not front and not (rhyme.startswith("u") and rhyme in _GLIDE_RHYMES)
    if onset == "ng":
        return not front
    if onset == "g":
        return not front or rhyme.startswith("i")  # `gi` is read as g + i (gìn)
    if rhyme in _AFTER_QU_ONLY:
        return onset == "qu"  # quynh, quyt: the u of qu is the glide
    if onset == "qu":
        return not rhyme.startswith("u") and rhyme not in _GLIDE_RHYMES  # no `quu`, `quoa`
    return True


_ONSETS = frozenset("ngh ng nh ch gh gi kh ph qu th tr b c d g h k l m n p r s t v x".split())
_RHYME_SET = frozenset(_PLAIN_RHYMES + _GLIDE_RHYMES)


@lru_cache(maxsize=65536)
def is_syllable(folded: str) -> bool:
    """True when `folded` (lowercase, no diacritics) can spell a Vietnamese syllable."""
    for onset_len in (3, 2, 1, 0):
        onset, rhyme = folded[:onset_len], folded[onset_len:]
        if onset_len and onset not in _ONSETS:
            continue
        if rhyme in _RHYME_SET and _spelling_ok(onset, rhyme):
            return True
    return False


# A syllable with its marks (toneless here: the tone is checked apart).
MARKED_SYLLABLE_RE = re.compile(
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
    return MARKED_SYLLABLE_RE.match(toneless) is not None


PLAIN_VOWELS = "aeiouy"


def _tone_on_vowel(decomposed: str) -> bool:
    """`ñ` is n + tilde in NFD: a tone mark must sit on a vowel (`ơ` = o + horn + tone)."""
    base = ""
    for ch in decomposed:
        if not unicodedata.combining(ch):
            base = ch
        elif ch in TONE_MARKS and base not in PLAIN_VOWELS:
            return False
    return True
