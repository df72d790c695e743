"""Many OCR-tolerant phrases looked for along a folded text, trying each only where it may begin.

`PhraseSet(phrases).finditer(ftext)`: at every word start, the first phrase (in the list's order) that
matches there, as `alternation(phrases)` tried at each word start would find it.
`PhrasesThen(phrases, tail).search(ftext, pos, endpos)`: `re.compile(f"(?:{alternation})tail").search`,
the same match (`m.lastgroup` names the phrase).

Both dispatch by the character at a word start (`fuzzy.FirstCharAlternation`). A PhraseSet also skips
the word starts whose run of non-separator characters no phrase can begin with: by phrase_trie's
argument a match lays the phrase's first word on that whole run (on a start of it for a one-word
phrase), checked with the first words' own regexes and remembered per run, since a corpus prints few
distinct runs (~19,000 in 2,000 generated reports, ~5 new ones a report).
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import accumulate, compress

from indexer.parse.fuzzy import (
    SEPARATOR_MARKS,
    WORD_BOUNDARY_BEFORE,
    WORD_CHARS,
    FirstCharAlternation,
    first_chars,
    phrase_words,
)
from indexer.parse.phrase_trie import word_checkable, word_regex

RUN_CHECKED = 40  # characters of a run looked at; a longer run is simply tried (a hostile line has no spaces)
_REMEMBERED_RUNS = 1 << 16  # a memo is cleared past this many runs (or tokens)
_REMEMBERED_TOKEN = 4 * RUN_CHECKED  # longer tokens (a line of dots, a hostile file without spaces) are not
_WHITESPACE = re.compile(r"(\s+)")


class _Openings:
    """What may follow a run of non-separator characters that phrases (each a list of words) could
    begin with: False (none can, exactly), True (some may: try them) or the openings of the phrases'
    next words (what the next run must fit)."""

    def __init__(self, phrases: list[list[str]]) -> None:
        self._always = False  # some phrase's word here is not checkable: every run may open it
        alone: dict[str, bool] = {}  # word -> some phrase ends with it (a start of the run fits)
        self._rests: dict[str, list[list[str]]] = {}  # word -> the words after it, phrase by phrase
        for words in phrases:
            if not words or not word_checkable(words[0]):
                self._always = True
                continue
            alone[words[0]] = alone.get(words[0], False) or len(words) == 1
            if len(words) > 1:
                self._rests.setdefault(words[0], []).append(words[1:])
        self._by_char: dict[str, list[tuple[str, re.Pattern[str], bool]]] = {}
        for word, ends in alone.items():
            for ch in first_chars(word) or {""}:
                self._by_char.setdefault(ch, []).append((word, word_regex(word), ends))
        self._known: dict[str, bool | _Openings] = {}
        self._next: dict[frozenset[str], _Openings] = {}  # by the words a run fitted: shared

    def after(self, run: str) -> bool | _Openings:
        known = self._known.get(run)
        if known is None:
            if len(self._known) >= _REMEMBERED_RUNS:
                self._known.clear()
            known = self._known[run] = self._check(run)
        return known

    def _check(self, run: str) -> bool | _Openings:
        if self._always or len(run) >= RUN_CHECKED:  # (a run cut at RUN_CHECKED may be longer)
            return True
        if not run:  # every word here matches some character
            return False
        fitted = []
        for word, regex, ends in self._by_char.get(run[0], []) + self._by_char.get("", []):
            if ends and regex.match(run):
                return True
            if word in self._rests and regex.fullmatch(run):
                fitted.append(word)
        if not fitted:
            return False
        key = frozenset(fitted)
        if key not in self._next:
            self._next[key] = _Openings([rest for word in fitted for rest in self._rests[word]])
        return self._next[key]


class PhraseSet:
    """Many phrases matched at word starts, dispatched by first character: far faster than one big alternation."""

    def __init__(self, phrases: list[str]) -> None:
        self.phrases = list(phrases)
        self._alternation = FirstCharAlternation(self.phrases)
        self._openings = _Openings([[w.lower() for w in phrase_words(p)] for p in self.phrases])
        # Only the word starts some phrase can begin at (a word start of any other letter finds no regex);
        # a phrase whose first character is not known makes every word start a candidate.
        starts = "".join(re.escape(ch) for ch in self._alternation.first_characters())
        if not self._alternation.dispatched:
            starts = WORD_CHARS
        # A word start and its run of non-separator characters; the next run, asked only when needed.
        run = rf"[^\s{re.escape(SEPARATOR_MARKS)}]"
        self._starts = re.compile(rf"{WORD_BOUNDARY_BEFORE}(?=[{WORD_CHARS}])(?=([{starts}]{run}{{0,{RUN_CHECKED - 1}}}))"
                                  if starts else r"(?!)")
        self._next_run = re.compile(rf"[\s{re.escape(SEPARATOR_MARKS)}]+({run}{{0,{RUN_CHECKED}}})")
        self._opened: dict[str, tuple[tuple[int, str, bool | _Openings], ...]] = {}

    def finditer(self, ftext: str) -> Iterator[tuple[int, int, int]]:
        """(phrase index, start, end) for each phrase starting at a word start, left to right."""
        # The text's tokens (between whitespace) and their offsets, found at C speed; each distinct token's
        # word starts and runs are read once (`_opened`); only tokens holding a run that may open a
        # phrase are visited. (A token's word starts and runs depend on it alone: whitespace surrounds it.)
        parts = _WHITESPACE.split(ftext)
        tokens, offsets = parts[0::2], list(accumulate(map(len, parts), initial=0))[0::2]
        if len(self._opened) >= _REMEMBERED_RUNS:
            self._opened = {}  # a new memo, not the old one cleared: a thread still reading that one keeps it
        opened = self._opened
        once: dict[str, tuple[tuple[int, str, bool | _Openings], ...]] = {}  # long tokens: not remembered
        for token in set(tokens).difference(opened):
            (opened if len(token) <= _REMEMBERED_TOKEN else once)[token] = self._openings_in(token)
        read = (lambda token: once[token] if token in once else opened[token]) if once else opened.__getitem__
        at = self._alternation.at
        for i in compress(range(len(tokens)), map(read, tokens)):
            for offset, run, fits in read(tokens[i]):
                start = offsets[i] + offset
                if isinstance(fits, _Openings) and fits.after(self._following(ftext, start + len(run))) is False:
                    continue  # the first two words checked: most word starts open no phrase
                regex = at(ftext[start])
                hit = regex.match(ftext, start) if regex is not None else None
                if hit:
                    assert hit.lastgroup is not None  # every alternative is a named group
                    yield int(hit.lastgroup[1:]), hit.start(), hit.end()

    def _openings_in(self, token: str) -> tuple[tuple[int, str, bool | _Openings], ...]:
        """The word starts of a token whose run may open a phrase: (offset, run, what must follow it)."""
        first = self._openings.after
        return tuple((m.start(), m.group(1), fits) for m in self._starts.finditer(token)
                     if (fits := first(m.group(1))) is not False)

    def _following(self, ftext: str, end: int) -> str:
        """The run after the one ending at `end` ("": none, the text ends or that run was cut)."""
        m = self._next_run.match(ftext, end)
        return m.group(1) if m else ""


class PhrasesThen:
    """`(?:alternation(phrases, prefix))tail` searched, tried only at the word starts a phrase can begin at."""

    def __init__(self, phrases: list[str] | tuple[str, ...], tail: str, group_prefix: str = "p") -> None:
        self._alternation = FirstCharAlternation(phrases, group_prefix, tail)
        # Every phrase pattern opens with WORD_BOUNDARY_BEFORE: a match begins where it holds, on a
        # first character of its phrase; with one not known, the whole pattern is searched instead.
        starts = "".join(re.escape(ch) for ch in self._alternation.first_characters())
        self._starts = re.compile(rf"{WORD_BOUNDARY_BEFORE}[{starts}]" if starts else r"(?!)")
        self._whole = None if self._alternation.dispatched else self._alternation.at("")

    @property
    def pattern(self) -> str:
        """The whole pattern searched (what `search` matches as)."""
        whole = self._alternation.at("")
        return whole.pattern if whole is not None else r"(?!)"

    def search(self, ftext: str, pos: int, endpos: int) -> re.Match[str] | None:
        if self._whole is not None:
            return self._whole.search(ftext, pos, endpos)
        at = self._alternation.at
        for start in self._starts.finditer(ftext, pos, endpos):
            regex = at(start.group())
            if regex is not None and (m := regex.match(ftext, start.start(), endpos)):
                return m
        return None
