"""OCR-tolerant patterns for Vietnamese phrases, matched on folded text.

A phrase is written once in proper Vietnamese ("Quyết định", "một cửa") and
compiled into a regex over `folded(text)`: each letter may appear in any of
the forms the OCR prints for it (`indexer/data/ocr_letter_forms.tsv`, column
`phrases`; see tests/data/eval/ocr_char_patterns.md):
`ố` as o/e/d/6/b, `ử` as ir/tr/t, `đ` as d/p/b, `l` as 1/i, ... Words are
separated by any run of whitespace or line breaks, so a phrase broken across
lines still matches. Folding keeps offsets, so a match maps back to the text.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from indexer.textnorm import fold
from indexer.vietnamese.data import load_json
from indexer.vietnamese.glyphs import OCR_LETTER_GLYPHS
from indexer.vietnamese.letters import letter_forms

WORD_CHARS = "0-9a-z" + re.escape(OCR_LETTER_GLYPHS)
WORD_BOUNDARY_BEFORE = rf"(?<![{WORD_CHARS}])"
WORD_BOUNDARY_AFTER = rf"(?![{WORD_CHARS}])"
# Between two words: spaces, a line break, or list punctuation (`Văn hóa, Thể thao`).
SEPARATOR_MARKS = ",-–"
WORD_SEPARATOR = rf"(?:\s*[{re.escape(SEPARATOR_MARKS)}]\s*|\s+)"


# A whole report is folded by several parsers in turn (citations, topics): the last long text is remembered.
_REMEMBERED_FROM = 2000  # characters
_last_folded: tuple[str, str] = ("", "")


def folded(text: str) -> str:
    """`fold(text)` with exactly one character per input character (offsets stay valid)."""
    global _last_folded
    long = len(text) >= _REMEMBERED_FROM
    if long:
        last_text, last = _last_folded  # one tuple: read whole even with threads
        if text is last_text or text == last_text:
            return last
    result = _folded(text)
    if long:
        _last_folded = (text, result)
    return result


def _folded(text: str) -> str:
    whole = fold(text)
    if len(whole) == len(text):
        return whole  # the usual case: every character folds to one
    out = []
    for ch in text:
        f = fold(ch)
        out.append(f if len(f) == 1 else (f[:1] or " "))
    return "".join(out)


def _letter_pattern(ch: str) -> str:
    forms = letter_forms("phrases").get(ch)
    if forms is None:
        return re.escape(fold(ch) or ch)
    optional = "" in forms
    alts = sorted({re.escape(a) for a in forms if a}, key=len, reverse=True)
    group = "(?:" + "|".join(alts) + ")"
    return group + "?" if optional else group


@lru_cache(maxsize=8192)
def word_pattern(word: str) -> str:
    """Regex (no boundaries) for one proper Vietnamese word in folded OCR text."""
    word = unicodedata.normalize("NFC", word.lower())
    return "".join(_letter_pattern(ch) for ch in word)


def words_pattern(words: str) -> str:
    """Regex (no boundaries) for words of a grammar written with single spaces: each word OCR-tolerant,
    any whitespace between them (no list punctuation, unlike `phrase_pattern`)."""
    return r"\s+".join(word_pattern(w) for w in words.split())


def function_word(name: str) -> str:
    """A function word (or words) of the grammars, from `function_words.json` (`number` -> `số`)."""
    word: str = load_json("function_words.json")[name]
    return word


def function_words(name: str) -> tuple[str, ...]:
    """A list of function words of the grammars (`about` -> `về việc`, `về`), in the table's order."""
    return tuple(load_json("function_words.json")[name])


def phrase_words(phrase: str) -> list[str]:
    """The words a phrase's pattern is made of (punctuation between them is a separator)."""
    return re.findall(r"[^\W_]+", unicodedata.normalize("NFC", phrase))


@lru_cache(maxsize=4096)
def phrase_pattern(phrase: str) -> str:
    """Regex source for a phrase: OCR-tolerant words separated by whitespace/line breaks."""
    words = phrase_words(phrase)
    body = WORD_SEPARATOR.join(word_pattern(w) for w in words)
    return WORD_BOUNDARY_BEFORE + body + WORD_BOUNDARY_AFTER


@lru_cache(maxsize=4096)
def phrase_regex(phrase: str) -> re.Pattern[str]:
    return re.compile(phrase_pattern(phrase))


def alternation(phrases: list[str] | tuple[str, ...], group_prefix: str = "p") -> re.Pattern[str]:
    """One regex matching any phrase; `m.lastgroup` names the index (`p3` = phrases[3])."""
    parts = [f"(?P<{group_prefix}{i}>{phrase_pattern(p)})" for i, p in enumerate(phrases)]
    return re.compile("|".join(parts))


def matched_index(m: re.Match[str], group_prefix: str = "p") -> int:
    return int((m.lastgroup or "")[len(group_prefix):])


def fuzzy_equal(printed: str, proper: str) -> bool:
    """Whether a printed (OCR) string reads as the proper phrase, whole."""
    return re.fullmatch(r"\s*" + phrase_pattern(proper) + r"\s*", folded(printed)) is not None


def first_chars(phrase: str) -> frozenset[str]:
    """The folded characters a match of `phrase` can start with (to dispatch matching by first letter);
    empty when that is not known (no words, or a first word of one letter that may vanish)."""
    words = phrase_words(phrase.lower())
    if not words:
        return frozenset()
    first = words[0][0]
    forms = letter_forms("phrases").get(first)
    if forms is None:
        return frozenset(fold(first) or first)
    starts = {f[0] for f in forms if f}
    if "" in forms:  # the letter may vanish: the next one starts
        if len(words[0]) == 1:
            return frozenset()  # the match may begin with the separator: try the phrase anywhere
        rest = first_chars(words[0][1:] + " " + " ".join(words[1:]))
        if not rest:
            return frozenset()
        starts |= rest
    return frozenset(starts)


class FirstCharAlternation:
    """`alternation(phrases, prefix)`, matched at one position by only the phrases that can begin with
    the character there (`first_chars`): a big alternation tries every phrase at each call (368 unit
    names: ~0.12 ms a call, ~0.02 ms dispatched). The same match: the others keep their order and
    their group names; a phrase whose first character is not known is tried everywhere."""

    def __init__(self, phrases: list[str] | tuple[str, ...], group_prefix: str = "p", tail: str = "") -> None:
        """`tail`: a pattern that must follow the phrase (`(?:alternation)tail`), none by default."""
        self._parts = [f"(?P<{group_prefix}{i}>{phrase_pattern(p)})" for i, p in enumerate(phrases)]
        self._tail = tail
        self._by_char: dict[str, list[int]] = {}
        self._anywhere: list[int] = []
        for i, phrase in enumerate(phrases):
            chars = first_chars(phrase)
            for ch in chars:
                self._by_char.setdefault(ch, []).append(i)
            if not chars:
                self._anywhere.append(i)
        self._compiled: dict[str, re.Pattern[str] | None] = {}
        # Characters with the same phrases share one regex: the OCR forms of `Ủ` (u, t, l, y, ...) all
        # begin the same 114 unit names, compiled once (~0.2 s each) instead of once per character.
        self._by_set: dict[tuple[int, ...], re.Pattern[str]] = {}

    @property
    def dispatched(self) -> bool:
        """Every phrase has known first characters (no phrase to try everywhere)."""
        return not self._anywhere

    def first_characters(self) -> list[str]:
        return sorted(self._by_char)

    def at(self, ch: str) -> re.Pattern[str] | None:
        """The alternation of the phrases that can begin with `ch` ("": every phrase), None: none can."""
        if ch not in self._compiled:
            chosen = self._by_char.get(ch, []) if ch else range(len(self._parts))
            indices = tuple(sorted(set(chosen) | set(self._anywhere)))
            if indices and indices not in self._by_set:
                chosen_parts = "|".join(self._parts[i] for i in indices)
                self._by_set[indices] = re.compile(f"(?:{chosen_parts}){self._tail}" if self._tail else chosen_parts)
            self._compiled[ch] = self._by_set[indices] if indices else None
        return self._compiled[ch]

    def _for(self, text: str, pos: int, endpos: int | None) -> tuple[re.Pattern[str] | None, int]:
        endpos = len(text) if endpos is None else min(endpos, len(text))
        return self.at(text[pos] if pos < endpos else ""), endpos  # no character left: the whole pattern

    def match(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        regex, endpos = self._for(text, pos, endpos)
        return regex.match(text, pos, endpos) if regex is not None else None

    def fullmatch(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        regex, endpos = self._for(text, pos, endpos)
        return regex.fullmatch(text, pos, endpos) if regex is not None else None
