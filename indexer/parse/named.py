"""Instruments cited by name rather than number: `Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015`, `Đề án 06`."""
from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from indexer.model import Citation
from indexer.parse.dates import iso_date
from indexer.parse.fuzzy import WORD_BOUNDARY_AFTER, function_word, phrase_pattern, word_pattern
from indexer.parse.issuers import issuer_after
from indexer.parse.periods import period_form
from indexer.parse.phrase_scan import PhrasesThen
from indexer.parse.restore import restore
from indexer.parse.tables import doc_type
from indexer.textnorm import LineIndex, fold
from indexer.vietnamese.data import load_json
from indexer.vietnamese.glyphs import OCR_LETTER_GLYPHS

MAX_NAME_WORDS = 9


def _table() -> dict:
    return load_json("named_instruments.json")  # kinds, the words that end a name, and those that make none


@cache
def _law_regex() -> PhrasesThen:
    """A kind of law (`k0`, `k1` …: the kinds' index), then its name (`name`)."""
    stops = "|".join(_table()["name_stops"]) + rf"|{word_pattern(function_word('number'))}(?=\s*\d)"
    word = rf"(?:[^\W_]|[{re.escape(OCR_LETTER_GLYPHS)}])[^\s,;.:()“”\"]*"
    name = rf"(?P<name>(?:,?[ \t]*\n?[ \t]*(?!(?:{stops}){WORD_BOUNDARY_AFTER}){word}){{0,{MAX_NAME_WORDS}}})"
    return PhrasesThen(_table()["kinds"], name, "k")  # tried where a kind may begin, not at every offset


def _name_words(printed: str) -> list[str]:
    """Words of a law's name; a comma continues it only before a lower-case word (`Cán bộ, công chức`)."""
    words: list[str] = []
    for part_index, part in enumerate(printed.split(",")):
        part_words = part.split()
        if part_index and (not part_words or not part_words[0][:1].islower()):
            break
        if part_index:
            words[-1] += ","
        words += part_words
    return words


_LAW_DATE = re.compile(
    r"[\s,]*(?:ng[a-z]{0,2}y\s+(?P<d>\d{1,2})\s*(?:th[a-z]{1,4}g\s+|/)(?P<m>\d{1,2})\s*(?:n[a-z&]{0,3}m?\s+|/))?"
    r"(?:n[a-z&]{0,3}m\s+)?(?P<y>(?:19|20)\d\d)(?!\d)"
)


@cache
def _scheme_regex() -> re.Pattern[str]:
    """`Đề án 06`, `Đề án 06/CP`: a scheme cited by its short number, without a symbol."""
    scheme = phrase_pattern(doc_type("scheme"))[:-len(WORD_BOUNDARY_AFTER)]
    return re.compile(rf"{scheme}\s+(?P<num>\d{{1,3}}(?:/[a-z]{{1,4}})?)(?![\w/])")


def _law_kind(m: re.Match[str]) -> str:
    groups = m.groupdict()  # (the kinds that cannot begin where the match does are not in its pattern)
    return next(kind for i, kind in enumerate(_table()["kinds"]) if groups.get(f"k{i}") is not None)


def _kept_end(printed: str, kept: list[str]) -> int:
    """Offset in `printed` just after the last kept word."""
    pos = 0
    for word in kept:
        pos = printed.index(word.rstrip(","), pos) + len(word.rstrip(","))
    return pos


def _law_occurrences(text: str, ftext: str, lines: LineIndex, make: Callable) -> list:
    found, pos = [], 0
    while (m := _law_regex().search(ftext, pos, len(ftext))) is not None:
        start, pos = m.start(), m.start() + 1
        if not text[start].isupper() or ftext[max(0, start - 6):start].strip().endswith("phap"):
            continue  # "pháp luật", or a lower-case common noun
        printed = text[m.start("name"):m.end("name")]
        name_words = _name_words(printed)
        kind = _law_kind(m)
        if (not name_words and kind not in _table()["nameless"]) or (
            name_words and name_words[0].lower() in _table()["not_a_name"]
        ):
            continue
        name_end = m.start("name") + _kept_end(printed, name_words)
        date = _LAW_DATE.match(ftext, name_end, name_end + 40)
        iso = iso_date(date.group("d"), date.group("m"), date.group("y")) if date and date.group("d") else None
        year = " " + period_form("year", y=date.group("y")) if date and not date.group("d") else ""
        name = (restore(" ".join([kind, *name_words])) or "") + year
        end = date.end() if date else name_end
        citation = Citation(kind, None, name, iso, None, None, lines.line_of(start), lines.line_of(end - 1),
                            text[start:end].strip())
        found.append(make(_name_key(name), citation, "", start))
        pos = max(pos, name_end)
    return found


def _name_key(name: str) -> str:
    return "name:" + " ".join(fold(name).split())


def _de_an_occurrences(text: str, ftext: str, lines: LineIndex, make: Callable) -> list:
    found = []
    for m in _scheme_regex().finditer(ftext):
        if not text[m.start()].isupper():
            continue
        name = doc_type("scheme") + " " + text[m.start("num"):m.end("num")]
        issuer = issuer_after(text, ftext, m.end())
        citation = Citation(doc_type("scheme"), None, name, None, None, issuer, lines.line_of(m.start()),
                            lines.line_of(m.end() - 1), text[m.start():m.end()])
        found.append(make(_name_key(name), citation, "", m.start()))
    return found


def named_occurrences(text: str, ftext: str, lines: LineIndex, make: Callable) -> list:
    return _law_occurrences(text, ftext, lines, make) + _de_an_occurrences(text, ftext, lines, make)
