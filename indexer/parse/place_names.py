"""Place names read on OCR text: the restorer may add marks, never change letters; the document votes.

A place name is a proper name, mostly absent from the restorer's lexicon, which then "corrects" it into
common words (`IA PHIN` -> `Lạ Phin`, `SA PA` -> `Sa Đà`). A restored word is kept only when it spells
the printed letters, marks added, or replaces a printed stand-in for a vowel (a digit, a glyph, or a
letter the OCR substitution table reads as a vowel: `H6` = Hồ, `Krdng` = Krông); consonants stay as
printed. Where a document prints the same name several times (header, date line, body, signature),
the spelling most of its printings fit is chosen: one damaged printing is outvoted by the others.
The administrative tables' spellings are in place_tables.py.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import cache, lru_cache

from indexer.parse.restore import restore
from indexer.textnorm import OCR_LETTER_GLYPHS, fold, nfc
from indexer.vietnamese.letters import GENERIC_E, marked_letters_class

VOWELS = frozenset("aeiouy")
APOSTROPHES = "'’‘`"
PUNCTUATION = ",.;:()“”\""
CLEAN_SHARE = 0.35  # words with real marks (not the generic `é`) in a digital document
_WORD = re.compile(r"[^\s,.;:()\[\]“”\"!?/|]+")
_MARKED = re.compile(marked_letters_class(leaving_out=GENERIC_E), re.I)  # real marks: not the generic é
_DEBRIS = re.compile(rf"[{re.escape(OCR_LETTER_GLYPHS)}]|\d[^\W\d]")  # OCR glyphs, a digit in a word


@cache
def _stand_in_rules() -> tuple:
    """OCR substitutions a restored word may undo: readings of vowels only, and the glyphs printed for
    `đ` (`P`, `DB`: a letter of its own whose stroke the OCR loses, not another consonant)."""
    from indexer.ocr.channel import rules  # the OCR package loads lazily (lexicon)

    return tuple(r for r in rules() if r.reading and (set(r.reading) <= VOWELS or r.reading == "d"))


@cache
def _stand_ins_from(ch: str) -> tuple:
    """The stand-in rules whose printed glyphs start with `ch` (either case)."""
    return tuple(r for r in _stand_in_rules() if r.printed[0] in (ch, ch.lower(), ch.upper()))


@cache
def _glyph_vowels() -> dict[str, frozenset[str]]:
    from indexer.ocr.spellings import glyph_hints

    return {glyph: frozenset(fold(v) for v in vowels) for glyph, vowels in glyph_hints().items()}


@cache
def _consonant_confusions() -> frozenset[tuple[str, str]]:
    """Letters the OCR prints for `Đ` (`P`, `B`, `D`): one printing's `P` is another's `D`."""
    from indexer.ocr.channel import rules

    single = [(r.printed.lower(), r.reading) for r in rules()
              if len(r.printed) == 1 and r.reading == "d" and r.printed.isalpha()]
    pairs = set(single) | {(a, c) for a, b in single for c, d in single if b == d and a != c}
    return frozenset(pairs | {(b, a) for a, b in pairs})


_NO_APOSTROPHES = {ord(c): None for c in APOSTROPHES}


@lru_cache(maxsize=65536)
def bare(word: str) -> str:
    return nfc(word).strip(APOSTROPHES + "-–").translate(_NO_APOSTROPHES)


@lru_cache(maxsize=65536)
def plain(ch: str) -> str:
    return fold(ch).lower()


@lru_cache(maxsize=65536)
def stand_ins_undone(printed: str, spelled: str) -> int | None:
    """How many printed stand-ins `spelled` replaces, if it keeps every other printed letter (marks aside);
    None if it changes a letter. `Hoa` ~ `Hòa` 0, `H6` ~ `Hồ` 1, `Pong` ~ `Đông` 1, never `IA` ~ `Lạ`."""
    p, marked = bare(printed), bare(spelled).lower()
    s, low, glyphs = plain(marked), p.lower(), _glyph_vowels()
    if len(s) != len(marked) or (p and (not s or s[0] not in _first_letters(p[0]))):
        return None  # a fit starts where one of the moves below can: most words of a text fail here
    best: dict[tuple[int, int], int] = {}
    todo = [(0, 0, 0)]
    while todo:
        i, j, cost = todo.pop()
        if best.get((i, j), cost + 1) <= cost:
            continue
        best[i, j] = cost
        if i == len(p):
            continue
        if j < len(s) and plain(p[i]) == s[j]:
            todo.append((i + 1, j + 1, cost))
        if j < len(s) and s[j] in glyphs.get(low[i], ()):
            todo.append((i + 1, j + 1, cost + 1))
        for rule in _stand_ins_from(p[i]):
            if (rule.applies(p, low, i) and s.startswith(rule.reading, j) and plain(rule.printed) != rule.reading
                    and (rule.reading != "d" or marked[j] == "đ")):
                todo.append((i + len(rule.printed), j + len(rule.reading), cost + 1))
    return best.get((len(p), len(s)))


@cache
def _first_letters(ch: str) -> frozenset[str]:
    """The folded letters a spelling may start with where the printing starts with `ch`: the first move
    of stand_ins_undone (a letter kept, a glyph's vowel, a stand-in's reading) must start there."""
    return frozenset({plain(ch), *_glyph_vowels().get(ch.lower(), ()), *(r.reading[0] for r in _stand_ins_from(ch))})


@lru_cache(maxsize=65536)
def letters_fit(printed: str, spelled: str) -> bool:
    """Whether `spelled` keeps the printed letters, adding marks or undoing OCR stand-ins only."""
    return stand_ins_undone(printed, spelled) is not None


def keep_place_letters(printed: Sequence[str], restored: Sequence[str]) -> list[str]:
    """Each restored word of a place name where it fits the printed letters, else the printed word."""
    return [r if letters_fit(p, r) else p for p, r in zip(printed, restored)]


def _one_letter_off(printed: str, name: str) -> bool:
    """One letter changed, of the kinds OCR makes: a vowel for a vowel, `P` for `Đ`."""
    a, b = plain(bare(printed)), plain(bare(name))
    if len(a) != len(b) or not a.isalpha():
        return False
    diffs = [(x, y) for x, y in zip(a, b) if x != y]
    return len(diffs) == 1 and (set(diffs[0]) <= VOWELS or diffs[0] in _consonant_confusions())


def _capital(word: str) -> bool:
    return word[:1].isupper() or word[:1].isdigit()  # a place name is printed capitalised (`H6` = Hồ)


def _printing_of(window: Sequence[str], name: Sequence[str]) -> bool:
    """Every word fits, or (a name of two words or more) all but one, that one a letter off."""
    misfit = None
    for k, (w, n) in enumerate(zip(window, name)):
        if not letters_fit(w, n):
            if misfit is not None or len(name) == 1:
                return False  # a second misfit settles it: the words after it are not read
            misfit = k
    return misfit is None or _one_letter_off(window[misfit], name[misfit])


def printings(text: str, name: Sequence[str], rounds: int = 2) -> list[list[str]]:
    """Every run of words in `text` that prints the place `name` (OCR-tolerantly, capitalised), and the
    runs printing those (`Pak R’lép` -> `Pak R’lap` -> `Bak R’lap`), for `rounds` steps."""
    words = [w.strip("-–") for w in _WORD.findall(text)]
    windows = _capitalised_windows(words, len(name))
    keys = [tuple(w) for w in windows]
    distinct = dict(zip(keys, windows))  # a run printed twice is read once a round
    found: set[tuple[str, ...]] = set()
    anchors = [list(name)]
    for _ in range(rounds):
        todo = [k for k in distinct if k not in found]
        hits = {k for a in anchors for k in _may_print(todo, a) if _printing_of(distinct[k], a)}
        found |= hits
        new = [distinct[k] for k in dict.fromkeys(k for k in keys if k in hits)]  # in text order
        anchors = [w for w in new if w not in anchors]
    return [w for w, k in zip(windows, keys) if k in found]


def _capitalised_windows(words: list[str], n: int) -> list[list[str]]:
    """The runs of `n` consecutive words all capitalised (`_capital`), in text order."""
    if n == 0:
        return [[] for _ in range(len(words) + 1)]
    windows, run = [], 0
    for k, w in enumerate(words):
        run = run + 1 if _capital(w) else 0
        if run >= n:
            windows.append(words[k - n + 1:k + 1])
    return windows


def _may_print(runs: list[tuple[str, ...]], name: Sequence[str]) -> list[tuple[str, ...]]:
    """The runs whose first word fits `name`'s first, or (two words or more) whose second fits its
    second: `_printing_of` allows one misfit at most, in a name of two words or more. Each distinct
    word is fitted once, not once per run holding it."""
    if not name:
        return runs
    first = {w for w in {r[0] for r in runs} if letters_fit(w, name[0])}
    if len(name) == 1:
        return [r for r in runs if r[0] in first]
    second = {w for w in {r[1] for r in runs} if letters_fit(w, name[1])}
    return [r for r in runs if r[0] in first or r[1] in second]


def _spellings(printing: Sequence[str]) -> list[list[str]]:
    """Spellings a printing offers: as printed (letters only), as restored, restored with the printed
    letters kept; each also with `Đ` for an initial `D` (the OCR drops its stroke, or prints it `P`)."""
    spelled = (restore(" ".join(printing)) or "").split()
    offered = [_capitalised(printing)] if all(bare(w).isalpha() for w in printing) else []
    if len(spelled) == len(printing):
        offered += [_capitalised(spelled), _capitalised(keep_place_letters(printing, spelled))]
    stroked = [[_stroke_restored(w) for w in words] for words in offered]
    return offered + [words for words in stroked if words not in offered]


def _stroke_restored(word: str) -> str:
    return "Đ" + word[1:] if word[:1] in _dd_stand_ins() else word


@cache
def _dd_stand_ins() -> frozenset[str]:
    """Capitals printed for `Đ` (`D`, `P`, `B`): printings that disagree among them agree on `Đ`."""
    return frozenset(r.printed for r in _stand_in_rules() if r.reading == "d" and len(r.printed) == 1
                     and r.printed.isupper()) | {"D"}


def _capitalised(words: Sequence[str]) -> list[str]:
    return [w[:1].upper() + w[1:].lower() for w in words]


def fits_all(candidate: Sequence[str], printing: Sequence[str]) -> bool:
    return len(candidate) == len(printing) and all(letters_fit(p, c) for p, c in zip(printing, candidate))


def _support(candidate: Sequence[str], found: Sequence[Sequence[str]]) -> tuple[int, int]:
    """(printings the candidate fits, minus the stand-ins it must undo in them): more and fewer win."""
    fits, undone = 0, 0
    for printing in found:
        costs = [stand_ins_undone(p, c) for p, c in zip(printing, candidate)]
        if all(c is not None for c in costs):
            fits, undone = fits + 1, undone + sum(c for c in costs if c)
    return fits, -undone


def agreed_spelling(name: Sequence[str], text: str) -> list[str]:
    """The spelling of a place name that most of the document's printings of it fit, reading the fewest
    stand-ins (`Sa Pa` printed `Sa Pa` thrice is not `Sa Đà`); ties keep `name`. Marks: the commonest.
    A spelling must fit a printing `name` was read from: a neighbour one vowel apart (`Phú Lạc` beside
    the unit's `Phu Loc`) is another place, however often the document names it."""
    found = printings(text, name)
    if len(found) < 2:
        return list(name)
    own = [p for p in found if fits_all(name, p)]
    offered: dict[tuple[str, ...], list[list[str]]] = {}  # a name printed alike twice is restored once
    for p in found:
        if tuple(p) not in offered:
            offered[tuple(p)] = [s for s in _spellings(p) if not own or any(fits_all(s, o) for o in own)]
    candidates = [list(name), *(s for p in found for s in offered[tuple(p)])]
    support: dict[str, tuple[int, int]] = {}
    for c in candidates:
        if " ".join(c) not in support:
            support[" ".join(c)] = _support(c, found)
    best = max(candidates, key=lambda c: support[" ".join(c)])  # the first of equals: `name` on a tie
    if support[" ".join(best)] <= support[" ".join(name)]:
        return list(name)
    same = [" ".join(c) for c in candidates if support[" ".join(c)] == support[" ".join(best)]
            and fold(" ".join(c)).lower() == fold(" ".join(best)).lower()]
    return max(same, key=same.count).split()  # marks as most printings restore them


def looks_digital(text: str) -> bool:
    """Typed text (most words carry real marks): its letters are as written, nothing to vote on."""
    words = text.split()
    # Each distinct word looked at once (a document's words repeat), weighted by how often it is printed.
    marked = sum(n for w, n in Counter(words).items() if _MARKED.search(w) and not _DEBRIS.search(w))
    return bool(words) and marked >= CLEAN_SHARE * len(words)


def respell_name(printed: str, restored: str, name: Sequence[str]) -> str:
    """`restored` (the restorer's reading of `printed`, word for word) with every printing of the place
    `name` spelt as `name` is, in the printed case: a title's `huyện Chữ Số` is the unit's `Chư Sê`."""
    shown, spelled = printed.split(), restored.split()
    if len(shown) != len(spelled) or not name:
        return restored
    n = len(name)
    for k in range(len(shown) - n + 1):
        window = [w.strip(PUNCTUATION) for w in shown[k:k + n]]
        if all(window) and all(_capital(w) for w in window) and fits_all(name, window):  # no letter off
            put_words(spelled, k, name)
    return " ".join(spelled)


def put_words(spelled: list[str], at: int, proper: Sequence[str]) -> None:
    """Words `proper` over `spelled[at:]`, each keeping the punctuation around it and its capitals."""
    for j, word in enumerate(proper):
        old = spelled[at + j]
        core = old.strip(PUNCTUATION)
        bare = word.strip(PUNCTUATION)
        cased = bare.upper() if core.isupper() and len(core) > 1 else bare
        spelled[at + j] = old.replace(core, cased, 1) if core else old


def typographic_apostrophes(name: str) -> str:
    """`R'lấp` -> `R’lấp`: official names of the Central Highlands print the typographic apostrophe."""
    return re.sub(r"(?<=\w)['‘`](?=\w)", "’", name)
