"""One report's token forms as the index stores them: where a query word matches, without tokenising.

The index stores the fold of every token, space-separated and compressed with the
tokens per line (`folds`, see `storedfolds`), beside the readings (space-separated per token, `|` between a token's readings). A query
word's pattern run over those two strings finds every token holding it at C
speed; the token's number is the count of spaces before the match. Only the
lines of matched tokens are tokenised, for their offsets (spans shown).

A report whose folds are not stored (an index without them, or a text where
folding is not character by character: `DocText` reads those) takes the line
scan of `indexer.search.scan` instead.
"""
from __future__ import annotations

import bisect
import functools
import itertools
import re
from array import array
from collections import OrderedDict
from collections.abc import Iterable, Iterator

from indexer.search import doctext
from indexer.search.storedfolds import decode_stored_folds
from indexer.search.tantivy_query import can_slip
from indexer.search.variants import WordForms, edit_distance, spelled_with_marks
from indexer.textnorm import TOKEN_RE, LineIndex


def form_pattern(word: str, forms: WordForms | None) -> re.Pattern[str]:
    """A token form (a fold, or one reading) the word accepts, up to its end: `WordForms.accepts`
    without the edits of a fuzzy word (those take the line scan). The start is checked by the caller:
    a leading look-behind would cost the literal-prefix search."""
    pattern = re.escape(word)
    if forms is not None and forms.pattern is not None:
        pattern = f"{pattern}|{forms.pattern}"
    return re.compile(f"(?:{pattern})(?![^ |])")


def token_numbers(pattern: re.Pattern[str], stored: str, starts: str) -> list[int]:
    """Numbers of the tokens of `stored` (one space between tokens) holding a whole form `pattern` matches;
    `starts`: the characters a form may follow. A plain loop filling a list: it runs for every match
    of every query word in every report shown (a generator's resumes were a third of its cost)."""
    count, found = stored.count, []
    spaces = last = 0
    for m in pattern.finditer(stored):
        start = m.start()
        if (start and stored[start - 1] not in starts) or m.end() == start:
            continue
        spaces += count(" ", last, start)
        last = start
        found.append(spaces)
    return found


# What lets a form pattern match beyond one token's fold or reading (a space, a `|`, any character):
# such a pattern is only run over the whole report (`token_numbers`), as the positions are defined.
_BEYOND_TOKEN = re.compile(r"[ .]|\\[|sSwWdDbB]|\[\^")


SPANS_AHEAD = 4  # tokens of a line tokenised beyond the one asked: a phrase asks for its next words next
TOKEN_READS = 64  # a word read at this many tokens of a report costs about one scan of it (~800 tokens)


@functools.lru_cache(maxsize=1024)
def _token_local(pattern: str) -> bool:
    return _BEYOND_TOKEN.search(pattern.removesuffix("(?![^ |])")) is None


class _Lines(LineIndex):
    """`LineIndex` with its line starts summed from the lines' lengths (C-speed `map`/`accumulate`,
    not a match object per line break)."""

    def __init__(self, text: str) -> None:  # the same two fields as LineIndex sets, found faster
        self.text = text
        self.starts = [0, *itertools.accumulate(map((1).__add__, map(len, text.split("\n"))))]
        self.starts.pop()


class FormText:
    """What the matcher asks of a report (see `DocText`), from its stored folds and readings."""

    def __init__(self, text: str, readings: str, folds: str, counts: array) -> None:
        self.text, self.folds_text = text, folds
        self.lines = _Lines(text)
        self.first = [0, *itertools.accumulate(counts)]
        self.count = self.first[-1]
        self.readings_text = readings if readings and readings.count(" ") + 1 == self.count else ""
        self._folds: list[str] | None = None
        self._parts: list[str] | None = None
        self._spans: dict[int, tuple[tuple[int, int], ...]] = {}
        self._positions: dict[str, frozenset[int]] = {}
        self._asked: dict[str, int] = {}  # tokens each pattern was read at alone (`holds_form`)

    @staticmethod
    def usable(stored: bytes | None) -> bool:
        """Whether the report has its folds stored (else the line scan reads it); whether they fit
        its text is checked as they are read (`form_text`)."""
        return bool(stored)

    @property
    def reading_parts(self) -> list[str] | None:
        if self._parts is None and self.readings_text:
            self._parts = self.readings_text.split(" ")
        return self._parts

    def fold_list(self) -> list[str]:
        if self._folds is None:
            self._folds = self.folds_text.split(" ")
        return self._folds

    def positions(self, pattern: re.Pattern[str]) -> frozenset[int]:
        """Tokens whose fold or one of whose readings `pattern` matches whole."""
        found = self._positions.get(pattern.pattern)
        if found is None:
            found = frozenset(token_numbers(pattern, self.folds_text, " "))
            if self.readings_text:
                found |= frozenset(token_numbers(pattern, self.readings_text, " |"))
            self._positions[pattern.pattern] = found
        return found

    def holds_form(self, pattern: re.Pattern[str], i: int) -> bool:
        """Whether token `i` is in `positions(pattern)`: read at that token alone (a phrase asks at the
        tokens where its rarest words put it) until asked so often that one scan of the report costs less,
        or when a match can reach past the token."""
        key = pattern.pattern
        found = self._positions.get(key)
        if found is None:
            asked = self._asked[key] = self._asked.get(key, 0) + 1
            if asked <= TOKEN_READS and _token_local(key):
                return self._token_holds(pattern, i)
            found = self.positions(pattern)
        return i in found

    def _token_holds(self, pattern: re.Pattern[str], i: int) -> bool:
        """Whether `pattern` matches the fold or a reading of token `i` whole (`forms(i)`): the fold first,
        the token's readings split only when it does not (a phrase reads most tokens it asks at this way)."""
        found = pattern.match(self.fold_list()[i])
        if found is not None and found.end() > 0:
            return True
        parts = self.reading_parts
        part = parts[i] if parts is not None else ""
        for reading in part.split("|") if part else ():
            found = pattern.match(reading) if reading else None
            if found is not None and found.end() > 0:
                return True
        return False

    def forms(self, i: int) -> tuple[str, ...]:
        fold = self.fold_list()[i]
        parts = self.reading_parts
        part = parts[i] if parts is not None else ""
        # A leading `|` marks the fold as the best reading (indexer.pipeline.encode_readings).
        return (fold, *(r for r in part.split("|") if r)) if part else (fold,)

    def line_of_token(self, i: int) -> int:
        return bisect.bisect_right(self.first, i)

    def line_span(self, i: int) -> tuple[int, tuple[int, int]]:
        """The line of token `i` and its span in the line: the line is tokenised once, up to that token
        and a few more (a match rarely needs a shown line's last tokens)."""
        line = bisect.bisect_right(self.first, i)
        k = i - self.first[line - 1]
        spans = self._spans.get(line, ())
        if k >= len(spans):
            spans = self._spans[line] = self._more_spans(line, spans, k + 1 + SPANS_AHEAD)
        return line, spans[k]

    def _more_spans(self, line: int, known: tuple[tuple[int, int], ...], wanted: int) -> tuple[tuple[int, int], ...]:
        """The spans of the line's first `wanted` tokens: `known`, then tokenised from the last one's end
        (TOKEN_RE matches no empty string, so it goes on as one pass over the line would). A new tuple,
        not a list grown in place: a report kept (`form_text`) may be read by two searches at once."""
        more = TOKEN_RE.finditer(self.lines.line_text(line), known[-1][1] if known else 0)
        return (*known, *(m.span() for m in itertools.islice(more, wanted - len(known))))

    def tokens_on(self, lines: Iterable[int]) -> Iterator[tuple[int, str]]:
        """(number, fold) of every token on `lines`."""
        folds = self.fold_list()
        for line in sorted(set(lines)):
            if 1 <= line <= self.lines.count:
                for i in range(self.first[line - 1], self.first[line]):
                    yield i, folds[i]


class FormTerms:
    """`matcher.DocTerms` over a `FormText`: every token of the report, no line loaded."""

    def __init__(self, analyzed: FormText, forms: dict[str, WordForms], patterns: dict[str, re.Pattern[str]],
                 rarity: dict[str, int] | None = None) -> None:
        self.analyzed = analyzed
        self.rarity = rarity or {}  # reports holding each word: a phrase scans its rarest words only
        self.count = analyzed.count
        self._forms = forms
        self._patterns = patterns  # the query's, shared by its hits
        self._found: dict[str, frozenset[int]] = {}
        self._by_word: dict[str, re.Pattern[str]] = {}  # each word's pattern, found once a report

    def _pattern(self, word: str, forms: WordForms | None) -> re.Pattern[str]:
        key = word if forms is not None else f" {word}"  # a word's own forms, or the word alone (`exact`)
        pattern = self._patterns.get(key)
        if pattern is None:
            pattern = self._patterns[key] = form_pattern(word, forms)
        return pattern

    def positions(self, word: str) -> frozenset[int]:
        """As `DocTerms.positions`: a marked letter's OCR form (`glyphs`) is not taken on a token printed
        with real marks of its own (`WordForms.accepts_printed`)."""
        found = self._found.get(word)
        if found is None:
            found = self.candidates(word)
            if self._checks_marks(word):
                found = frozenset(p for p in found if self.holds(word, p))
            self._found[word] = found
        return found

    def _word_pattern(self, word: str) -> re.Pattern[str]:
        pattern = self._by_word.get(word)
        if pattern is None:
            pattern = self._by_word[word] = self._pattern(word, self._forms.get(word))
        return pattern

    def candidates(self, word: str) -> frozenset[int]:
        """Tokens any form of the word matches, before `positions` reads the printed marks: a phrase
        checks those only where its words line up (each check tokenises a line)."""
        return self.analyzed.positions(self._word_pattern(word))

    def at(self, word: str, i: int) -> bool:
        """Whether `i` is in `candidates(word)`, read at that token alone."""
        return self.analyzed.holds_form(self._word_pattern(word), i)

    def holds(self, word: str, i: int) -> bool:
        """Whether candidate `i` is in `positions(word)`."""
        if not self._checks_marks(word) or self.is_exact(word, i):
            return True
        return not spelled_with_marks(self.printed(i))

    def _checks_marks(self, word: str) -> bool:
        forms = self._forms.get(word)
        return forms is not None and forms.glyphs is not None and not forms.fuzzy

    def is_exact(self, word: str, i: int) -> bool:
        """Whether the word is candidate `i`'s fold or one of its readings (no OCR letter form, no slip):
        read at the tokens asked about only (a phrase asks where its words line up, not at every candidate)."""
        return word in self.analyzed.forms(i)

    def printed(self, i: int) -> str:
        line, (start, end) = self.analyzed.line_span(i)
        offset = self.analyzed.lines.line_start(line)
        return self.analyzed.text[offset + start : offset + end]

    def slipped(self, word: str, i: int) -> bool:
        """One OCR slip the repair missed (`thi tuc` for thủ tục, `dién tr` for điện tử)."""
        if not can_slip(word) or spelled_with_marks(self.printed(i)):  # real marks are no OCR slip
            return False
        return any(edit_distance(word, f, 1) <= 1 for f in self.analyzed.forms(i))


_RECENT: OrderedDict[tuple[str, str, bytes], FormText] = OrderedDict()
RECENT_REPORTS = 256  # as doctext.RECENT_REPORTS: a batch or a session reads the same reports again


def form_text(text: str, readings: str, stored: bytes, label: str = "a report") -> FormText:
    """The `FormText` of these stored fields, kept for the reports searched last (decompressed once);
    `storedfolds.DamagedStored` names `label` when the folds do not fit the text."""
    key = (text, readings, stored)
    found = _RECENT.get(key)
    if found is None:
        found = _RECENT[key] = FormText(text, readings, *decode_stored_folds(text, stored, label))
        if len(_RECENT) > RECENT_REPORTS:
            _RECENT.popitem(last=False)
    else:
        _RECENT.move_to_end(key)
    return found


def forget_reports() -> None:
    """Drop every report kept, here and in `doctext` (a benchmark timing one search from scratch calls this)."""
    _RECENT.clear()
    doctext.forget_reports()
