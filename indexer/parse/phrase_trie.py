"""Many OCR-tolerant phrases matched at one position without compiling their alternation.

`WordTrie(phrases, prefix).match(text, pos, endpos)` is `alternation(phrases, prefix).match(...)`:
the match of the first phrase (in the list's order) that matches there. Compiling that
alternation costs ~0.25 s a few hundred phrases (the known units: 368 spellings, most
`UBND phường X` / `Ủy ban nhân dân phường X`), paid by every fresh process. Here the
phrases are a trie of words and only the few whose words fit the text are then tried,
each with its own small regex.

Why the words can be checked one at a time: in `phrase_pattern`, words are separated by
`WORD_SEPARATOR` (whitespace, or one of `,-–` padded by whitespace), which begins and ends
with a separator character. When no form of a phrase's letters holds a separator
character and every word matches at least one character, a match of the phrase lays its
words exactly on the runs of non-separator characters from `pos`: word j (but the last)
is the whole j-th run, the last word matches at the start of its run. That is a necessary
condition, checked word by word with small per-word regexes; the candidates it leaves are
then matched in order with the phrase's own regex, so the result is the alternation's.
A phrase the argument does not cover is simply always a candidate.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from indexer.parse.fuzzy import SEPARATOR_MARKS, WORD_CHARS, first_chars, phrase_pattern, phrase_words, word_pattern
from indexer.textnorm import fold
from indexer.vietnamese.letters import letter_forms


def _is_separator(ch: str) -> bool:
    # with whitespace, what WORD_SEPARATOR is made of (`\s` of a str pattern is str.isspace)
    return ch.isspace() or ch in SEPARATOR_MARKS


def word_checkable(word: str) -> bool:
    """Every form of every letter free of separator characters, and some letter that cannot vanish."""
    forms = letter_forms("phrases")
    solid = False
    for ch in unicodedata.normalize("NFC", word.lower()):
        printed = forms.get(ch, (fold(ch) or ch,))
        if any(_is_separator(c) for form in printed for c in form):
            return False
        solid = solid or "" not in printed
    return solid


@lru_cache(maxsize=4096)
def word_regex(word: str) -> re.Pattern[str]:
    return re.compile(word_pattern(word))


@dataclass
class _Node:
    children: dict[str, _Node] = field(default_factory=dict)
    ending: list[int] = field(default_factory=list)  # phrases whose last word is this node's
    # The children by the characters their word can begin with (`first_chars`); `""`: not known, always tried.
    by_char: dict[str, list[tuple[str, _Node]]] = field(default_factory=dict)

    def index(self) -> None:
        for word, child in self.children.items():
            for ch in first_chars(word) or {""}:
                self.by_char.setdefault(ch, []).append((word, child))
            child.index()

    def fitting(self, ch: str) -> list[tuple[str, _Node]]:
        """The children whose word may begin with `ch`."""
        return self.by_char.get(ch, []) + self.by_char.get("", [])


_RUN = re.compile(rf"[^\s{re.escape(SEPARATOR_MARKS)}]*")  # (`\s` is str.isspace: _is_separator's)
_GAP = re.compile(rf"[\s{re.escape(SEPARATOR_MARKS)}]*")
_WORD_CHAR = re.compile(rf"[{WORD_CHARS}]")


def _runs(text: str, pos: int, endpos: int, most: int) -> list[tuple[int, int]]:
    """Up to `most` runs of non-separator characters from `pos` (each (start, end)), stopping at a run
    that reaches `endpos` (no separator after it) or at a separator run that does."""
    runs: list[tuple[int, int]] = []
    start = pos
    while start < endpos and len(runs) < most:
        end = _RUN.match(text, start, endpos).end()  # type: ignore[union-attr]  # (`*`: always matches)
        runs.append((start, end))
        after = _GAP.match(text, end, endpos).end()  # type: ignore[union-attr]
        if after == end or after >= endpos:
            break
        start = after
    return runs


def _inside_word(text: str, pos: int) -> bool:
    """A word character before `pos`: every phrase pattern opens with WORD_BOUNDARY_BEFORE, none matches."""
    return pos > 0 and _WORD_CHAR.match(text, pos - 1) is not None


class WordTrie:
    """`alternation(phrases, prefix)`'s `match` and `fullmatch` at one position, through a trie of words."""

    def __init__(self, phrases: list[str] | tuple[str, ...], group_prefix: str = "p") -> None:
        self._phrases = list(phrases)
        self._prefix = group_prefix
        self._root = _Node()
        self._always: list[int] = []
        self._depth = 0
        for i, phrase in enumerate(self._phrases):
            words = [w.lower() for w in phrase_words(phrase)]
            if not words or not all(word_checkable(w) for w in words):
                self._always.append(i)
                continue
            node = self._root
            for word in words:
                node = node.children.setdefault(word, _Node())
            node.ending.append(i)
            self._depth = max(self._depth, len(words))
        self._root.index()
        self._single: dict[int, re.Pattern[str]] = {}

    def _regex(self, i: int) -> re.Pattern[str]:
        if i not in self._single:
            self._single[i] = re.compile(f"(?P<{self._prefix}{i}>{phrase_pattern(self._phrases[i])})")
        return self._single[i]

    def candidates(self, text: str, pos: int, endpos: int) -> list[int]:
        """The phrases that may match at `pos` (a superset of those that do), in the list's order."""
        runs = _runs(text, pos, endpos, self._depth)
        found = list(self._always)
        stack = [(self._root, 0)]
        while stack:
            node, k = stack.pop()
            if k >= len(runs):
                continue
            start, end = runs[k]
            followed = end < endpos  # a separator follows the run: a next word may
            for word, child in node.fitting(text[start] if start < end else ""):
                regex = word_regex(word)
                if child.ending and regex.match(text, start, endpos):
                    found += child.ending
                if child.children and followed and regex.fullmatch(text, start, end):
                    stack.append((child, k + 1))
        return sorted(found)

    def match(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        endpos = len(text) if endpos is None else min(endpos, len(text))
        if _inside_word(text, pos):
            return None
        for i in self.candidates(text, pos, endpos):
            if m := self._regex(i).match(text, pos, endpos):
                return m
        return None

    def fullmatch(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        endpos = len(text) if endpos is None else min(endpos, len(text))
        if _inside_word(text, pos):
            return None
        for i in self.candidates(text, pos, endpos):
            if m := self._regex(i).fullmatch(text, pos, endpos):
                return m
        return None
