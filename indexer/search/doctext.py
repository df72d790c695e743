"""One report's text as the matcher sees it: only the lines that can hold a match are tokenised.

A report is ~2,000 tokens; a page of hits needs a few lines of each. The index
stores how many tokens each line holds (`line_tokens`), so a token's global
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
from collections.abc import Iterable

from indexer.textnorm import FOLD_TABLE, OCR_LETTER_GLYPHS, TOKEN_RE, LineIndex, Token, fold

WORD_CHAR = rf"(?:[^\W_]|[{re.escape(OCR_LETTER_GLYPHS)}])"


def encode_line_tokens(text: str, lines_of_tokens: Iterable[int]) -> bytes:
    """Tokens per line (1-based line numbers in), as uint32 for the index's stored bytes."""
    counts = array("I", [0]) * (text.count("\n") + 1)
    for line in lines_of_tokens:
        counts[line - 1] += 1
    return counts.tobytes()


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


class DocText:
    """Tokens, folds and readings of the lines loaded so far, at their global token positions."""

    def __init__(self, text: str, readings: str, line_tokens: bytes | None) -> None:
        self.text = text
        self.lines = LineIndex(text)
        counts = array("I")
        if line_tokens:
            counts.frombytes(line_tokens)
        self._exact = len(counts) == self.lines.count
        if not self._exact:  # an index without the counts (or a foreign one): count by tokenising
            counts = array("I", (sum(1 for _ in TOKEN_RE.finditer(self.lines.line_text(n)))
                                 for n in range(1, self.lines.count + 1)))
        self.first = [0, *itertools.accumulate(counts)]  # first token of each line (index line - 1)
        self.count = self.first[-1]
        self._readings_text = readings
        parts = readings.split(" ") if readings else []
        self._parts = parts if len(parts) == self.count else None
        self.tokens: dict[int, Token] = {}
        self.folds: dict[int, str] = {}
        self._loaded: set[int] = set()

    def forms(self, i: int) -> tuple[str, ...]:
        if i not in self.folds:
            return ()
        part = self._parts[i] if self._parts is not None else ""
        # A leading `|` marks the fold as the best reading (indexer.pipeline.encode_readings).
        return (self.folds[i], *(r for r in part.split("|") if r)) if part else (self.folds[i],)

    def line_of_token(self, i: int) -> int:
        return bisect.bisect_right(self.first, i)

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
                    self._load_tokens(line, max(0, count - width), None)

    def _load_tokens(self, line: int, skip: int, keep: int | None) -> None:
        """Tokens `skip` to `skip + keep` (all with None) of `line`, at their global positions."""
        offset, index = self.lines.line_start(line), self.first[line - 1]
        printed = self.lines.line_text(line)
        found = TOKEN_RE.finditer(printed)
        spans = [m.span() for m in (found if keep is None else itertools.islice(found, skip + keep))][skip:]
        if not spans:
            return
        # fold only the stretch read: folding keeps the length (it almost always does)
        base = spans[0][0]
        folded = printed[base : spans[-1][1]].translate(FOLD_TABLE).lower()
        same = len(folded) == spans[-1][1] - base
        tokens, folds = self.tokens, self.folds
        for k, (start, end) in enumerate(spans, index + skip):
            word = printed[start:end]
            tokens[k] = Token(offset + start, offset + end, line, word)
            folds[k] = folded[start - base : end - base] if same else fold(word)

    def load_all(self) -> None:
        self.load_lines(range(1, self.lines.count + 1))

    def lines_matching(self, printed: re.Pattern[str] | None, folded: re.Pattern[str] | None) -> set[int]:
        """Lines where a printed token matches `printed`, or a token's OCR reading matches `folded`."""
        found: set[int] = set()
        if printed is not None:
            text = self.text
            found.update(self.lines.line_of(m.start()) for m in printed.finditer(text)
                         if is_token_at(text, m.start(), m.end()))
        if folded is not None and self._parts is not None and self._readings_text:
            spaces, last = 0, 0
            for m in folded.finditer(self._readings_text):
                spaces += self._readings_text.count(" ", last, m.start())
                last = m.start()
                found.add(self.line_of_token(spaces))
        return found
