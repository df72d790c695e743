"""Citations typed inside a query: `3042/QĐ-UBND`, `QĐ 3042`, `Quyết định số 3042`.

A number with a document type is a citation term: it is satisfied only by that
number (cited under that type, or printed after the type word), never by the
type alone. Symbols and type words come from the parser's grammar and the
`doc_types.json` table; nothing here knows a particular document.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from indexer.textnorm import TOKEN_RE, fold, nfc

NUMBER_WORD = "so"  # `số`, between a type word and its number
MAX_TYPE_WORDS = 4  # `thông tư liên tịch`


@dataclass(slots=True)
class CiteTerm:
    text: str  # as typed
    number: str  # digits as typed: `06`, `3042`
    code: str | None  # folded type code: `qd`
    key: str | None = None  # whole symbol key (`3042/qd-ubnd`) when one was typed
    type_words: tuple[str, ...] = ()  # folded type words typed before the number
    symbol_words: tuple[str, ...] = ()  # folded tokens of a whole symbol: `3042 qd ubnd`

    @property
    def numbers(self) -> tuple[str, ...]:
        """The number as typed and without leading zeros (`06`, `6`)."""
        return tuple(dict.fromkeys((self.number, str(int(self.number)))))

    @property
    def typed_key(self) -> str | None:
        return f"{int(self.number)}/{self.code}" if self.code else None

    def phrases(self) -> list[tuple[str, ...]]:
        """Token sequences that print this citation in running text."""
        out: list[tuple[str, ...]] = []
        for number in self.numbers:
            if self.symbol_words:
                out.append((number, *self.symbol_words[1:]))
            elif self.code:
                out.append((number, self.code))  # `3042/QĐ-UBND` tokenises to `3042 qd ubnd`
            if self.type_words:
                out += [(*self.type_words, number), (*self.type_words, NUMBER_WORD, number)]
        return list(dict.fromkeys(out))


@functools.lru_cache(maxsize=1)
def type_words() -> dict[tuple[str, ...], str]:
    """Folded type words and codes -> folded code: (`quyet`, `dinh`) -> `qd`, (`qd`,) -> `qd`."""
    from indexer.vietnamese.data import load_json as load

    out: dict[tuple[str, ...], str] = {}
    for entry in load("doc_types.json")["types"]:
        if not entry.get("codes"):
            continue
        code = fold(entry["codes"][0])
        for name in [entry["name"], *entry.get("aliases", []), *entry["codes"]]:
            out.setdefault(tuple(fold(name).split()), code)
    return out


def _symbols(text: str) -> list[re.Match[str]]:
    from indexer.parse.citeindex import _upper_codes
    from indexer.parse.regexes import SYMBOL_RE

    return list(SYMBOL_RE.finditer(_upper_codes(text)))


def _type_before(words: list[str], end: int) -> tuple[int, tuple[str, ...], str | None]:
    """The type words ending at `end` (exclusive), an optional `số` skipped: (start, words, code)."""
    stop = end - 1 if end > 0 and words[end - 1] == NUMBER_WORD else end
    known = type_words()
    for size in range(min(MAX_TYPE_WORDS, stop), 0, -1):
        candidate = tuple(words[stop - size : stop])
        if candidate in known:
            return stop - size, candidate, known[candidate]
    return end, (), None


def extract_citations(text: str) -> tuple[list[CiteTerm], str]:
    """Citation terms found in `text`, and the text left once they are cut out."""
    text = nfc(text)
    if not any(ch.isdigit() for ch in text):
        return [], text
    from indexer.search.symbols import symbol_key_of

    cites: list[CiteTerm] = []
    cut: list[tuple[int, int]] = []
    for match in _symbols(text):
        words = [fold(m.group()) for m in TOKEN_RE.finditer(match.group())]
        number = next((w for w in words if w.isdigit()), None)
        if number is None:
            continue
        code = next((w for w in words[1:] if not w.isdigit() and (w,) in type_words()), None)
        cites.append(CiteTerm(match.group(), number, code, symbol_key_of(match.group()), (), tuple(words)))
        cut.append(_with_type_before(text, match.start(), match.end()))
    rest = _cut(text, cut)
    tokens = list(TOKEN_RE.finditer(rest))
    words = [fold(t.group()) for t in tokens]
    spans: list[tuple[int, int]] = []
    for i, word in enumerate(words):
        if not word.isdigit() or len(word) > 6:
            continue
        start, typed, code = _type_before(words, i)
        if code and not any(s <= tokens[start].start() < e for s, e in spans):
            cites.append(CiteTerm(rest[tokens[start].start() : tokens[i].end()], word, code, None, typed))
            spans.append((tokens[start].start(), tokens[i].end()))
    return cites, _cut(rest, spans)


def _with_type_before(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a symbol's span over the type words typed before it (`Quyết định số 3042/QĐ-UBND`)."""
    tokens = list(TOKEN_RE.finditer(text[:start]))
    words = [fold(t.group()) for t in tokens]
    first, typed, _code = _type_before(words, len(words))
    return (tokens[first].start() if typed else start), end


def _cut(text: str, spans: list[tuple[int, int]]) -> str:
    for start, end in sorted(spans, reverse=True):
        text = text[:start] + " " + text[end:]
    return text
