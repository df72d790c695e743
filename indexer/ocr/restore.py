"""Proper Vietnamese spelling of OCR tokens, for showing restored metadata.

The folded reading of each token comes from `token_readings`; the marks come
from pyvi's lexicon. Runs of readings are segmented into lexicon words by
dynamic programming (longer words score more; a word that would respell a
common function word — `cửa sổ` over `của Sở` — scores less), and each word
takes its lexicon spelling. A syllable left alone takes its commonest spelling
(`ocr_common_spellings.tsv`), unless the printed glyph says otherwise: `S&`
has the ơ-hook of Sở, `S6` the hat of Số.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache

from indexer.ocr.context import reread
from indexer.ocr.lexicon import lexicon
from indexer.ocr.names import respell_names
from indexer.ocr.spellings import common_spellings, function_words, hinted, syllable_spelling
from indexer.ocr.split import splits
from indexer.ocr.tokens import Kind, code_reading, is_clean_document, kind_of, roman_reading, symbol_codes
from indexer.textnorm import fold, nfc, tokenize
from indexer.vietnamese.data import load_lines

MAX_WORD = 4  # longest lexicon word tried, in syllables
RESPELL_PENALTY = 0.5  # per function word a lexicon word would spell otherwise
PREFERRED_BONUS = 0.3  # an administrative word of ocr_extra_words.txt wins a tie (tài chính, not sở tại)

@cache
def _code_spellings() -> dict[str, str]:
    return {fold(line): line for line in load_lines("ocr_symbol_codes.txt")}


def _respellings(folded: Sequence[str], spelled: Sequence[str], only_function: bool = True) -> int:
    """Common syllables the word spells otherwise: function words only, unless the word holds one
    as spelt (`tĩnh tại` holds tại: the respelt tỉnh before it is likelier a word of its own)."""
    common, function = common_spellings(), function_words()
    with_function = any(f in function and common.get(f) == s for f, s in zip(folded, spelled))
    return sum(
        1 for f, s in zip(folded, spelled)
        if f in common and common[f] != s and (f in function or with_function or not only_function)
    )


def _against_glyphs(printed: Sequence[str], spelled: Sequence[str]) -> int:
    """Syllables spelt without any of the marks their printed glyphs point to."""
    count = 0
    for glyphs, syllable in zip(printed, spelled):
        hints = hinted(glyphs)
        count += bool(hints) and not any(ch in hints for ch in syllable)
    return count


def _best_word(folded: tuple[str, ...], printed: Sequence[str]) -> tuple[float, tuple[str, ...]] | None:
    options = lexicon().word_spellings.get(folded)
    if not options:
        return None

    lex = lexicon()

    def faults(option: tuple[str, ...]) -> tuple[int, int, float]:
        """Respelt function words and glyph clashes, respelt common syllables, rarity."""
        if option in lex.preferred:
            return 0, 0, float("-inf")
        rarity = -sum(lex.spelled_weight.get(s, 0.0) for s in option)
        return (
            _respellings(folded, option) + _against_glyphs(printed, option),
            _respellings(folded, option, False),
            rarity,
        )

    spelled = min(options, key=faults)
    bonus = PREFERRED_BONUS if spelled in lex.preferred else 0.0
    return (len(folded) - 1) + bonus - RESPELL_PENALTY * faults(spelled)[0], spelled


def _opens_name(printed: Sequence[str]) -> bool:
    """A capital after a lower-case syllable opens a name (`caa Ban Chỉ đạo`): no word runs into it."""
    return any(a[:1].islower() and b[:1].isupper() for a, b in zip(printed, printed[1:]))


def _segment(readings: Sequence[str | None], printed: Sequence[str]) -> list[str | None]:
    """Spell a run of folded syllables (None = not a word) by best word segmentation."""
    n = len(readings)
    score = [0.0] * (n + 1)
    back: list[tuple[int, tuple[str, ...] | None]] = [(0, None)] * (n + 1)  # (size, word spelling)
    for end in range(1, n + 1):
        score[end], back[end] = score[end - 1], (1, None)
        for size in range(2, min(MAX_WORD, end) + 1):
            key = readings[end - size : end]
            word = None
            if None not in key and not _opens_name(printed[end - size : end]):
                word = _best_word(tuple(key), printed[end - size : end])  # type: ignore[arg-type]
            if word and score[end - size] + word[0] > score[end]:
                score[end], back[end] = score[end - size] + word[0], (size, word[1])
    spelled: list[str | None] = [None] * n
    end = n
    while end > 0:
        size, spelling = back[end]
        if spelling is None:
            last = readings[end - 1]
            following = printed[end] if end < n else ""
            spelled[end - 1] = None if last is None else syllable_spelling(last, printed[end - 1], following)
        else:
            spelled[end - size : end] = spelling
        end -= size
    return spelled


def _all_caps(printed: str) -> bool:
    letters = [ch for ch in printed if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


def _with_case(printed: str, spelled: str, neighbours: Sequence[str] = ()) -> str:
    """Case as printed; a one-letter token (`S&`) takes all caps from an all-caps neighbour."""
    letters = [ch for ch in printed if ch.isalpha()]
    if _all_caps(printed) or (len(letters) == 1 and letters[0].isupper() and any(map(_all_caps, neighbours))):
        return spelled.upper()
    if printed[:1].isupper() or printed[:1] in ("$", "|"):  # `$6:` = Số:
        return spelled[:1].upper() + spelled[1:]
    return spelled


def _fixed_spelling(word: str, kind: Kind, reading: str) -> str:
    if kind is Kind.ROMAN:
        return roman_reading(word).upper()
    if kind is Kind.CODE and reading in symbol_codes():
        return _code_spellings().get(reading, word)
    return word


def restore_words(words: Sequence[str], known: Mapping[str, str] | None = None, split: bool = False) -> list[str]:
    """Best proper-Vietnamese spelling of each printed token, case kept as printed:
    'Keét qua cong tac tuyén truyen' -> 'Kết quả công tác tuyên truyền'.
    `known`: printed token -> its reading in the whole document, preferred to the one
    these few words alone suggest (the document's statistics know its common words).
    `split`: a token printed for two syllables comes back as both (`déis6` -> 'đổi số'), for
    text shown as a whole; fields aligned word for word with their printing keep one word a token."""
    from indexer.ocr import token_readings

    kinds = [kind_of(word) for word in words]
    if is_clean_document(kinds):
        return list(words)  # digital text: already spelled
    if known and all(known.get(w) for w in words):
        best = [known[w] for w in words]  # the document read them all: no second reading
    else:
        best = [(known.get(w) if known else None) or r[0] for w, r in zip(words, token_readings(words))]
    repairable = [r if k is Kind.WORD and lexicon().is_known(r) else None for r, k in zip(best, kinds)]
    repairable = reread(words, repairable, frozenset(known.values()) if known else None)
    cut = splits(words, repairable, [k is Kind.WORD for k in kinds]) if split else {}
    printed, readings = _expanded(words, repairable, cut)
    spelled = _segment(readings, printed)
    respell_names(printed, readings, spelled)
    restored = []
    for index, (word, spelling) in enumerate(zip(printed, spelled)):
        neighbours = [*printed[max(index - 1, 0) : index], *printed[index + 1 : index + 2]]
        restored.append(None if spelling is None else _with_case(word, spelling, neighbours))
    out, at = [], 0
    for i, (word, kind, reading) in enumerate(zip(words, kinds, best)):
        if i in cut:  # two syllables printed as one token: both spelt, the lost space put back
            out.append(f"{restored[at] or cut[i][0]} {restored[at + 1] or cut[i][1]}")
            at += 2
            continue
        out.append(restored[at] or _fixed_spelling(word, kind, reading))
        at += 1
    return out


def _expanded(words: Sequence[str], readings: Sequence[str | None],
              cut: Mapping[int, tuple[str, str, str, str]]) -> tuple[list[str], list[str | None]]:
    """The tokens and readings with each split token as its two pieces."""
    printed: list[str] = []
    expanded: list[str | None] = []
    for i, (word, reading) in enumerate(zip(words, readings)):
        if i in cut:
            left, right, a, b = cut[i]
            printed += [left, right]
            expanded += [a, b]
        else:
            printed.append(word)
            expanded.append(reading)
    return printed, expanded


def _symbol_part(text: str, start: int, printed: str) -> bool:
    """A capitals token glued after `/` or `-` to a symbol that starts with its number (`13-NQ/TU`,
    `41-KH/HU`): a code, no syllable (`HÀ NAM-SỞ NỘI VỤ` has no number: words)."""
    if not (start >= 2 and text[start - 1] in "/-" and text[start - 2].isalnum()):
        return False
    glued = text[:start].rsplit(maxsplit=1)[-1]
    return glued[:1].isdigit() and printed.isalpha() and printed.isupper() and len(printed) >= 2


def _code_spelling(printed: str) -> str:
    """A code of a symbol as printed, or the tabled code its damaged Đ stands for (`PU` = ĐU)."""
    return _code_spellings().get(code_reading(printed, True), printed)


def restore_text(text: str, known: Mapping[str, str] | None = None, split: bool = False) -> str:
    """restore_words applied to the tokens of a short text, punctuation and spacing kept; the codes of a
    symbol (`13-NQ/TU`) kept as codes: the restorer would read them as syllables (TỪ)."""
    text = nfc(text)
    tokens = tokenize(text)
    pieces, last = [], 0
    for token, word in zip(tokens, restore_words([t.text for t in tokens], known, split)):
        pieces.append(text[last : token.start])
        pieces.append(_code_spelling(token.text) if _symbol_part(text, token.start, token.text) else word)
        last = token.end
    pieces.append(text[last:])
    return "".join(pieces)
