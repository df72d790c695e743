"""Every other document a report cites: numbered instruments, standards, laws cited by name.

Each symbol found by the grammar (regexes.SYMBOL_RE) is read in its context:
the type word just before it (`Quyết định số`, `Kế hoạch:` `số`), the date just
after it (`ngày 26/7/2025`), then the issuer (`của UBND thành phố`). Occurrences
of one document are merged into one Citation with `count` and `lines`.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache

from indexer.model import Citation
from indexer.parse import named
from indexer.parse.dates import date_after
from indexer.parse.fuzzy import (
    folded,
    function_word,
    function_words,
    matched_index,
    word_pattern,
    words_pattern,
)
from indexer.parse.issuers import issuer_after, issuer_before
from indexer.parse.phrase_scan import PhrasesThen
from indexer.parse.regexes import bare_symbols_in, standards_in, symbols_in
from indexer.parse.symbols import canonical_standard, canonical_symbol, type_from_symbol
from indexer.parse.tables import doc_type, doc_type_names, type_by_code
from indexer.textnorm import LineIndex, fold

TYPE_WINDOW = 80  # characters before a symbol searched for its type word


@dataclass(slots=True)
class Occurrence:
    key: str  # what identifies the document within the report
    citation: Citation
    subject: str  # folded first words of "về việc ..." (tells apart two documents sharing a number)
    start: int = 0  # offset in the text, to keep the order of the text
    end: int = 0  # where the symbol ends


@cache
def _type_tail() -> PhrasesThen:
    """A type word ending the text before a symbol: `Quyết định số`, `Kế hoạch:` `số`, `Nghị định`."""
    number_word = rf"(?:{word_pattern(function_word('number'))})"
    return PhrasesThen(doc_type_names(), rf"[\s:]*(?:{number_word}[\s:]*)?$")


def type_before(ftext: str, start: int) -> tuple[str | None, int]:
    """The type word that introduces the symbol at `start`, and where it begins."""
    window_start = max(0, start - TYPE_WINDOW)
    m = _type_tail().search(ftext, window_start, start)
    if not m:
        return None, start
    return doc_type_names()[matched_index(m)], m.start()


@cache
def _subject_re() -> re.Pattern[str]:
    leads = "|".join(words_pattern(w) for w in function_words("about"))
    return re.compile(rf"^[\s,;]*(?:{leads}|v\s*/\s*v)\s+(.{{0,60}})", re.S)


def subject_after(ftext: str, pos: int) -> str:
    m = _subject_re().match(ftext[pos:pos + 90])
    return " ".join(re.findall(r"[a-z0-9]+", m.group(1))[:6]) if m else ""


@cache
def _list_glue() -> re.Pattern[str]:
    """Between two citations of one list: `, số`, `; Nghị định số`, ` và `."""
    conjunction = function_word("and")
    return re.compile(rf"[\s,;]*(?:(?:{conjunction}|{fold(conjunction)}|{word_pattern(conjunction)})\s+)?"
                      rf"(?:(?:{word_pattern(function_word('number'))})\s*:?\s*)?$")


def _share_list_issuer(spans: list[tuple[int, int]], found: list[Occurrence], ftext: str) -> None:
    """`các Nghị định số 130/2005/NĐ-CP, số 43/2006/NĐ-CP … của Chính phủ`: one `của` for the whole list."""
    for i in range(len(found) - 2, -1, -1):
        if found[i].citation.issuer is None and found[i + 1].citation.issuer:
            gap = ftext[spans[i][1]:spans[i + 1][0]]
            if len(gap) < 40 and _list_glue().fullmatch(gap):
                found[i].citation.issuer = found[i + 1].citation.issuer


def _continue_subject_issuer(spans: list[tuple[int, int]], found: list[Occurrence], ftext: str,
                             by_subject: list[bool]) -> None:
    """`Sở X đã ban hành Kế hoạch số 68/…; Kế hoạch số 155/…`: later items of the sentence share the subject."""
    for i in range(1, len(found)):
        if found[i].citation.issuer is None and found[i - 1].citation.issuer and by_subject[i - 1]:
            gap = ftext[spans[i - 1][1]:spans[i][0]]
            if len(gap) < 250 and "." not in gap and re.search(r"[;,]\s*$", gap):
                found[i].citation.issuer = found[i - 1].citation.issuer
                by_subject[i] = True


@cache
def _caption_re() -> re.Pattern[str]:
    """`(Kèm theo Quyết định số …)`, `(Ban hành kèm theo …)`: the document's own number, not a citation."""
    return re.compile(rf"(?:^|\(|\n)[ \t]*(?:{words_pattern(function_word('issue'))}\s+)?"
                      rf"{words_pattern(function_word('attached'))}\s+$")


def _symbol_matches(text: str, ftext: str, types: dict[int, tuple[str | None, int]]):
    """Symbols of the grammar, and agency-only ones (`285/CCTTHC`) right after a type word, in text order.
    `types` keeps each type_before found (by start): the caller asks again for the same places."""
    full = list(symbols_in(text))
    starts, ends = [m.start() for m in full], [m.end() for m in full]  # in order, not overlapping

    def inside_full(pos: int) -> bool:  # (bisect: a bare symbol is mostly part of a full one)
        k = bisect_right(starts, pos) - 1
        return k >= 0 and pos < ends[k]

    def typed(pos: int) -> bool:
        found = types[pos] = type_before(ftext, pos)
        return bool(found[0])

    bare = [m for m in bare_symbols_in(text) if not inside_full(m.start()) and typed(m.start())]
    return sorted(full + bare, key=lambda m: m.start())


_AGENCY_AFTER_BREAK = re.compile(r"[ \t]*-?[ \t]*\n(?:[ \t]*\n)?[ \t]*(?P<agency>[A-ZĐ][A-ZĐ0-9&]+(?:-[A-ZĐ][A-ZĐ0-9&]+)*)(?![\wĐđ/])")


def _agency_over_break(text: str, symbol: str, end: int) -> tuple[str, int]:
    """`Thông tư số 04/2020/TT` + line break + `BTP`: a yearly symbol that stops at its type code lost its
    dash at the line end; the agency code opening the next line completes it."""
    m = re.fullmatch(r"\d+\w?/(?:19|20)\d\d/(?P<code>[^/\-]+)", symbol)
    if not m or m.group("code") not in type_by_code():
        return symbol, end
    agency = _AGENCY_AFTER_BREAK.match(text, end)
    if not agency:
        return symbol, end
    return f"{symbol}-{agency.group('agency')}", agency.end()


def _symbol_occurrences(text: str, ftext: str, lines: LineIndex) -> list[Occurrence]:
    found, spans, by_subject = [], [], []
    types: dict[int, tuple[str | None, int]] = {}
    for m in _symbol_matches(text, ftext, types):
        type_word, type_start = types.get(m.start()) or type_before(ftext, m.start())
        if _caption_re().search(ftext, max(0, type_start - 30), type_start):
            continue
        symbol = canonical_symbol(m.group("symbol"), type_word)
        symbol, symbol_end = _agency_over_break(text, symbol, m.end())
        if type_word == doc_type("generic"):  # "văn bản số 1187/SNV-CCHC" is a công văn; "văn bản số 12/QĐ-…" a decision
            type_word = type_from_symbol(symbol)
        date, date_raw, after = date_after(text, ftext, symbol_end)
        issuer = issuer_after(text, ftext, after)
        by_subject.append(issuer is None)
        issuer = issuer or issuer_before(text, ftext, type_start)
        by_subject[-1] = by_subject[-1] and issuer is not None
        spans.append((type_start, after))
        citation = Citation(
            type=type_word or type_from_symbol(symbol),
            symbol=symbol,
            name=None,
            date=date,
            date_raw=date_raw,
            issuer=issuer,
            line=lines.line_of(m.start()),
            end_line=lines.line_of(symbol_end - 1),
            raw=text[type_start:after].strip(),
        )
        citation.subject = subject_after(ftext, after) or None
        found.append(Occurrence(symbol, citation, citation.subject or "", m.start(), symbol_end))
    _share_list_issuer(spans, found, ftext)
    _continue_subject_issuer(spans, found, ftext, by_subject)
    return found


def _standard_occurrences(text: str, lines: LineIndex) -> list[Occurrence]:
    found = []
    for m in standards_in(text):
        symbol = canonical_standard(m)
        citation = Citation(doc_type("standard"), symbol, None, None, None, None,
                            lines.line_of(m.start()), lines.line_of(m.end() - 1), m.group(0).strip())
        found.append(Occurrence(symbol, citation, "", m.start()))
    return found


def _merge(occurrences: list[Occurrence]) -> list[Citation]:
    """One Citation per document: same key, unless both occurrences name different subjects."""
    merged: list[tuple[Occurrence, Citation]] = []
    for occ in sorted(occurrences, key=lambda o: o.start):
        target = next((c for o, c in merged if o.key == occ.key and not _different_subjects(o, occ)), None)
        if target is None:
            first = occ.citation
            first.lines = [first.line]
            first.count = 1
            merged.append((occ, first))
            continue
        target.count += 1
        if occ.citation.line not in target.lines:
            target.lines.append(occ.citation.line)
        for field in ("date", "date_raw", "issuer", "subject"):
            if getattr(target, field) is None and getattr(occ.citation, field) is not None:
                setattr(target, field, getattr(occ.citation, field))
    return [c for _, c in merged]


def _different_subjects(a: Occurrence, b: Occurrence) -> bool:
    if not a.subject or not b.subject:
        return False
    return a.citation.date == b.citation.date and a.subject.split()[:2] != b.subject.split()[:2]


def extract_citations(text: str, own_symbol: str | None = None) -> list[Citation]:
    """Citations of a report, in order of first occurrence. The report's own symbol is not one."""
    ftext = folded(text)
    lines = LineIndex(text)
    occurrences = _symbol_occurrences(text, ftext, lines) + _standard_occurrences(text, lines)
    occurrences += named.named_occurrences(text, ftext, lines, Occurrence)
    _same_document_keys(occurrences, len(text.rstrip()))
    if own_symbol:
        occurrences = [o for o in occurrences if o.key != own_symbol]
    return _merge(occurrences)


def _same_document_keys(occurrences: list[Occurrence], text_end: int) -> None:
    """One document written two ways in a report: `25/QĐ-TTg` beside `25/2021/QĐ-TTg` takes the full
    form (same number, type and agency); a symbol cut off by the end of the text (`2629/QĐ-T`) the one
    it begins."""
    keys = {o.key for o in occurrences if o.citation.symbol}
    yearly: dict[tuple[str, str], set[str]] = {}
    for key in keys:
        m = re.fullmatch(r"(\d+\w?)/((?:19|20)\d\d)/(.+)", key)
        if m:
            yearly.setdefault((m.group(1), m.group(3)), set()).add(key)
    for occ in occurrences:
        if not occ.citation.symbol:
            continue
        short = re.fullmatch(r"(\d+\w?)/([^/]+)", occ.key)
        full = yearly.get((short.group(1), short.group(2))) if short else None
        target = next(iter(full)) if full and len(full) == 1 else None
        if target is None and occ.end >= text_end:
            longer = [k for k in keys if k != occ.key and k.startswith(occ.key)]
            target = longer[0] if len(longer) == 1 else None
        if target:
            occ.key = occ.citation.symbol = target


__all__ = ["extract_citations", "type_before"]
