"""One report's text as the matcher sees it: only the lines that can hold a match are tokenised.

A report is ~2,000 tokens; a page of hits needs a few lines of each. The index
stores how many tokens each line holds (with the folds, `storedfolds`), so a token's global
position (what phrases and OCR readings are aligned on) is known without
tokenising the lines before it. Candidate lines come from two C-speed scans:
the printed text against a diacritic- and case-blind pattern of the query's
words, and the stored readings against their folded forms.
"""
from __future__ import annotations

import bisect
import functools
import itertools
import re
from array import array
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Sequence

from indexer.search.storedfolds import decode_stored_folds, encode_stored_folds
from indexer.textnorm import FOLD_TABLE, OCR_LETTER_GLYPHS, TOKEN_RE, LineIndex, fold

TokenAt = tuple[int, int, int]  # start, end (offsets in the whole text), 1-based line
Span = tuple[int, int]  # start, end in the line
WORD_CHAR = rf"(?:[^\W_]|[{re.escape(OCR_LETTER_GLYPHS)}])"


@functools.lru_cache(maxsize=1)
def _printed_classes() -> dict[str, str]:
    """Folded letter -> regex class of every printed character folding to it (`o` -> [oóòôố…])."""
    members: dict[str, set[str]] = {}
    for code, base in FOLD_TABLE.items():
        if len(base) == 1:
            members.setdefault(base.lower(), {base.lower(), base.upper()}).add(chr(code))
    return {k: "[" + "".join(re.escape(c) for c in sorted(v)) + "]" for k, v in members.items()}


def printed_pattern(folded_regex_parts: list[list[str]]) -> str:
    """A pattern over printed text: each part is a list of folded alternatives (a literal is one)."""
    classes = _printed_classes()
    out = []
    for alternatives in folded_regex_parts:
        spelled = ["".join(classes.get(ch, _both_cases(ch)) for ch in alt) for alt in alternatives]
        out.append(spelled[0] if len(spelled) == 1 else "(?:" + "|".join(spelled) + ")")
    return "".join(out)


def _both_cases(ch: str) -> str:
    return f"[{re.escape(ch.lower())}{re.escape(ch.upper())}]" if ch.lower() != ch.upper() else re.escape(ch)


def is_token_at(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is a whole token (no word character glued on either side)."""
    return not (start > 0 and _WORD.match(text, start - 1)) and not (end < len(text) and _WORD.match(text, end))


_WORD = re.compile(WORD_CHAR)
TAIL_CHARS_PER_TOKEN = 24  # a line's last tokens are looked for in a suffix this long per token
# Characters whose fold is not exactly one character (combining marks, a few scripts' vowels);
# capital sigma lower-cases by context. A line free of both folds character by character.
_LENGTH_CHANGING = re.compile(
    "[" + "".join(re.escape(chr(c)) for c, base in FOLD_TABLE.items() if len(base.lower()) != 1) + "]")
# Printed token -> fold, across reports and queries: tokens repeat, translating them is most of reading a line.
_FOLDS: dict[str, str] = {}
MAX_REMEMBERED_FOLDS = 200_000


def remembered_folds(words: list[str]) -> list[str]:
    """The folds of tokens whose characters each fold to one character, without context."""
    remembered = (_FOLDS if len(_FOLDS) < MAX_REMEMBERED_FOLDS else _forget_folds()).get
    return [remembered(w) or _fold_token(w) for w in words]


def _fold_token(word: str) -> str:
    folded = _FOLDS[word] = word.translate(FOLD_TABLE).lower()
    return folded


def _forget_folds() -> dict[str, str]:
    _FOLDS.clear()
    return _FOLDS


def encode_folds(text: str, folds: Sequence[str]) -> str:
    """The folds to store, "" when the matcher must fold the text itself: there folding is not character
    by character (a final sigma lower-cases by context), so the indexed folds may not be its own."""
    joined = " ".join(folds)
    if not folds or "Σ" in text or _LENGTH_CHANGING.search(text) or joined.count(" ") != len(folds) - 1:
        return ""
    return joined


def stored_folds(text: str, folds: Sequence[str], token_lines: Sequence[int]) -> bytes:
    """The stored `folds` field: b"" where the matcher folds the text itself (see `encode_folds`)."""
    return encode_stored_folds(text, folds, token_lines) if encode_folds(text, folds) else b""


class ReportLines:
    """What one report's matching needs whatever the query: line offsets, tokens per line, readings,
    and each line's tokens once read. Kept for the reports searched last (`report_lines`): a batch
    or a session of searches reads the same reports again."""

    def __init__(self, text: str, readings: str, folds: bytes | None, label: str = "a report") -> None:
        self.text = text
        self.lines = LineIndex(text)
        counts = decode_stored_folds(text, folds, label)[1] if folds else array("I")
        if len(counts) != self.lines.count:  # an index without the counts (or a foreign one): count by tokenising
            counts = array("I", (sum(1 for _ in TOKEN_RE.finditer(self.lines.line_text(n)))
                                 for n in range(1, self.lines.count + 1)))
        self.first = [0, *itertools.accumulate(counts)]  # first token of each line (index line - 1)
        self.count = self.first[-1]
        self.readings_text = readings
        parts = readings.split(" ") if readings else []
        self.reading_parts = parts if len(parts) == self.count else None
        self._line_tokens: dict[int, tuple[list[Span], list[str]] | None] = {}
        self._matching: dict[tuple[str | None, str | None], frozenset[int]] = {}

    def line_tokens(self, line: int) -> tuple[list[Span], list[str]] | None:
        """Every token of `line` (offsets in the line) and its fold; None for a line whose folding is not character by
        character (those are read as they are asked for, see DocText._load_tokens)."""
        if line not in self._line_tokens:
            printed = self.lines.line_text(line)
            if "Σ" in printed or _LENGTH_CHANGING.search(printed):
                self._line_tokens[line] = None
            else:
                spans = [m.span() for m in TOKEN_RE.finditer(printed)]
                self._line_tokens[line] = (spans, remembered_folds([printed[start:end] for start, end in spans]))
        return self._line_tokens[line]

    def read_before(self, line: int) -> tuple[list[Span], list[str]] | None:
        return self._line_tokens.get(line)

    def lines_matching(self, printed: re.Pattern[str] | None, folded: re.Pattern[str] | None) -> frozenset[int]:
        """Lines where a printed token matches `printed`, or a token's OCR reading matches `folded`."""
        key = (printed.pattern if printed else None, folded.pattern if folded else None)
        if key not in self._matching:
            self._matching[key] = frozenset(self._scan(printed, folded))
        return self._matching[key]

    def _scan(self, printed: re.Pattern[str] | None, folded: re.Pattern[str] | None) -> set[int]:
        found: set[int] = set()
        if printed is not None:
            text = self.text
            found.update(self.lines.line_of(m.start()) for m in printed.finditer(text)
                         if is_token_at(text, m.start(), m.end()))
        if folded is not None and self.reading_parts is not None and self.readings_text:
            spaces, last = 0, 0
            for m in folded.finditer(self.readings_text):
                spaces += self.readings_text.count(" ", last, m.start())
                last = m.start()
                found.add(bisect.bisect_right(self.first, spaces))
        return found


_RECENT: OrderedDict[tuple[str, str, bytes | None], ReportLines] = OrderedDict()
RECENT_REPORTS = 256  # a few pages of hits for a session, ~40 MB at most for 10 KB reports


def report_lines(text: str, readings: str, folds: bytes | None, label: str = "a report") -> ReportLines:
    """The `ReportLines` of this very text, readings and stored folds (the key is the stored fields themselves)."""
    key = (text, readings, folds)
    found = _RECENT.get(key)
    if found is None:
        found = _RECENT[key] = ReportLines(text, readings, folds, label)
        if len(_RECENT) > RECENT_REPORTS:
            _RECENT.popitem(last=False)
    else:
        _RECENT.move_to_end(key)
    return found


def forget_reports() -> None:
    """Drop the reports kept (a benchmark timing one search from scratch calls this)."""
    _RECENT.clear()
    _FOLDS.clear()


class DocText:
    """Tokens, folds and readings of the lines loaded so far (for one query), at their global token positions."""

    def __init__(self, text: str, readings: str, folds: bytes | None, label: str = "a report") -> None:
        self.report = report = report_lines(text, readings, folds, label)
        self.text, self.lines, self.first, self.count = report.text, report.lines, report.first, report.count
        self.reading_parts = report.reading_parts
        self.folds: dict[int, str] = {}  # position -> fold, for every token loaded
        # line -> (position of the first, their spans in the line) for each stretch of it loaded
        self._spans: dict[int, list[tuple[int, list[Span]]]] = {}
        self._loaded: set[int] = set()

    def forms(self, i: int) -> tuple[str, ...]:
        if i not in self.folds:
            return ()
        part = self.reading_parts[i] if self.reading_parts is not None else ""
        # A leading `|` marks the fold as the best reading (indexer.pipeline.encode_readings).
        return (self.folds[i], *(r for r in part.split("|") if r)) if part else (self.folds[i],)

    def line_of_token(self, i: int) -> int:
        return bisect.bisect_right(self.first, i)

    def tokens_on(self, lines: Iterable[int]) -> Iterator[tuple[int, str]]:
        """(number, fold) of every token loaded on `lines`."""
        wanted = set(lines)
        return ((i, fold) for i, fold in self.folds.items() if self.line_of_token(i) in wanted)

    def token_at(self, i: int) -> TokenAt:
        """(start, end, line) of loaded token `i`, offsets in the whole text."""
        line = self.line_of_token(i)
        offset = self.lines.line_start(line)
        for first, spans in self._spans[line]:
            if first <= i < first + len(spans):
                start, end = spans[i - first]
                return offset + start, offset + end, line
        raise KeyError(i)

    def line_span(self, i: int) -> tuple[int, Span]:
        """The line of loaded token `i` and its span in the line."""
        start, end, line = self.token_at(i)
        offset = self.lines.line_start(line)
        return line, (start - offset, end - offset)

    def load_lines(self, lines: Iterable[int]) -> None:
        for line in sorted(set(lines)):
            if line in self._loaded or not 1 <= line <= self.lines.count:
                continue
            self._loaded.add(line)
            self._load_tokens(line, 0, None)

    def load_edges(self, lines: Iterable[int], head: bool, width: int) -> None:
        """Only the first (`head`) or last `width` tokens of each line: all a phrase of
        `width + 1` words starting or ending on the next or previous line can reach."""
        for line in set(lines):
            if width > 0 and line not in self._loaded and 1 <= line <= self.lines.count:
                count = self.first[line] - self.first[line - 1]
                if head:
                    self._load_tokens(line, 0, width)
                else:
                    self._load_tail(line, max(0, count - width), count)

    def _load_tail(self, line: int, skip: int, count: int) -> None:
        """The tokens after the first `skip` of `line`, reading only the end of the line when it is long."""
        start = len(self.lines.line_text(line)) - TAIL_CHARS_PER_TOKEN * (count - skip)
        if skip == 0 or start <= 0 or self.report.read_before(line) is not None:
            self._load_tokens(line, skip, None)
            return
        printed = self.lines.line_text(line)
        spans = [m.span() for m in TOKEN_RE.finditer(printed, start)]
        if spans and spans[0][0] == start and _WORD.match(printed, start - 1):
            del spans[0]  # the suffix cut a token
        if len(spans) < count - skip:
            self._load_tokens(line, skip, None)
            return
        self._store(line, self.first[line - 1] + skip, printed, spans[len(spans) - (count - skip) :])

    def _load_tokens(self, line: int, skip: int, keep: int | None) -> None:
        """Tokens `skip` to `skip + keep` (all with None) of `line`, at their global positions."""
        index = self.first[line - 1] + skip
        # a line's first few tokens (an edge) are read on their own unless the whole line was read before
        read = self.report.line_tokens(line) if keep is None else self.report.read_before(line)
        if read is not None:
            spans, folds = read
            if skip or keep is not None:
                stop = None if keep is None else skip + keep
                spans, folds = spans[skip:stop], folds[skip:stop]
            if spans:
                self._spans.setdefault(line, []).append((index, spans))
                self.folds.update(zip(range(index, index + len(spans)), folds))
            return
        printed = self.lines.line_text(line)
        found = TOKEN_RE.finditer(printed)
        self._store(line, index, printed, [m.span() for m in (found if keep is None else itertools.islice(found, skip + keep))][skip:])

    def _store(self, line: int, index: int, printed: str, spans: list[tuple[int, int]]) -> None:
        """Tokens at `spans` of `line` (printed), the first at global position `index`."""
        if not spans:
            return
        positions = range(index, index + len(spans))
        self._spans.setdefault(line, []).append((index, spans))
        base, stop = spans[0][0], spans[-1][1]
        if "Σ" not in printed and not _LENGTH_CHANGING.search(printed, base, stop):
            self.folds.update(zip(positions, remembered_folds([printed[start:end] for start, end in spans])))
            return
        # fold only the stretch read: folding keeps the length (it almost always does)
        folded = printed[base:stop].translate(FOLD_TABLE).lower()
        if len(folded) == stop - base:
            self.folds.update(zip(positions, [folded[start - base : end - base] for start, end in spans]))
        else:
            self.folds.update(zip(positions, [fold(printed[start:end]) for start, end in spans]))

    def load_all(self) -> None:
        self.load_lines(range(1, self.lines.count + 1))

    def lines_matching(self, printed: re.Pattern[str] | None, folded: re.Pattern[str] | None) -> frozenset[int]:
        return self.report.lines_matching(printed, folded)
