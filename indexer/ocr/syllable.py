"""Phonotactics of a folded Vietnamese syllable (no tones, no hats, đ→d).

A syllable is ONSET + RHYME, where the rhyme is (medial) + nucleus + (coda).
Folding merges a/ă/â, o/ô/ơ, u/ư, e/ê, so the rhymes below are the folded
spellings. The grammar rejects OCR debris such as `cia`, `ctia`, `chirc`,
`nwec`, `1ap`, `phd` that no Vietnamese syllable can spell.
"""
from __future__ import annotations

import re
from functools import lru_cache

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
_RHYMES = sorted(set(_PLAIN_RHYMES + _GLIDE_RHYMES), key=len, reverse=True)

SYLLABLE_RE = re.compile(
    rf"""
    ^
    (?P<onset>
        ngh | ng | nh | ch | gh | gi | kh | ph | qu | th | tr   # digraphs first
      | [bcdghklmnprstvx]                                      # single consonants
    )?
    (?P<rhyme> {"|".join(_RHYMES)} )
    $
    """,
    re.VERBOSE,
)

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
_RHYME_SET = frozenset(_RHYMES)


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
