"""The header block of an official document (Nghị định 30/2020/NĐ-CP layout), read from classified cells.

    UBND THÀNH PHỐ HẢI PHÒNG        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM     <- parent body | motto
    SỞ NGOẠI VỤ                     Độc lập - Tự do - Hạnh phúc            <- issuing unit
    Số: 32/BC-NV                    Hải Phòng, ngày 7 tháng 3 năm 2025     <- number | place, date
                          BÁO CÁO                                          <- type
          Kết quả thực hiện cải cách hành chính Quý 1/2025                 <- title (trích yếu)

The same fields come from any layout (cells.py): columns run together, `|`
tables, one cell per line, the number or the date broken over two cells.
Fields are read from cells of the right kind only, in the order the layout
prints them (unit, number and date above the type word), so a body sentence
never gives the unit or the date. A draft's blank number or day stays None.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from indexer.parse.cells import (
    HEADER_LINE_CHARS,
    HEADER_LINES,
    Cell,
    date_lead,
    mostly_upper,
    number_label,
    split_cells,
    type_of,
    type_regex,
)
from indexer.parse.dates import find_worded_date, iso_date
from indexer.parse.fuzzy import folded, phrase_pattern
from indexer.parse.regexes import NUMERIC_DATE_RE, SYMBOL_RE
from indexer.parse.symbols import canonical_symbol
from indexer.vietnamese.data import load_json
from indexer.vietnamese.openings import body_starters
from indexer.vietnamese.roman import CLEAN_NUMERAL, FOLDED_NUMERAL

TITLE_MAX_LINES = 6
TITLE_LINE_CHARS = 100  # a title line starting like a sentence is short
PROSE_CHARS = 60  # a mixed-case line this long above every header cell is the body of a page without one
HEADLINE_MAX_WORDS = 25  # a portal article's headline, standing alone as the first line


@dataclass(slots=True)
class Header:
    symbol: str | None = None
    symbol_line: int | None = None
    doc_type: str | None = None
    type_line: int | None = None
    date: str | None = None
    place: str | None = None
    title: str | None = None
    title_lines: tuple[int, int] | None = None
    unit_fragments: list[str] = field(default_factory=list)
    title_head: str | None = None  # the title's start, printed on the type line itself
    authority: str | None = None  # "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH X" printed under a decision's title
    formal: bool = False  # a header block was found (motto, number or place-and-date)


@cache
def _words() -> dict:
    return load_json("header_words.json")


@cache
def _body_starter_regex() -> re.Pattern[str]:
    starters = "|".join(phrase_pattern(s) for s in body_starters())
    sections = "|".join(phrase_pattern(s) for s in _words()["section_heads"])
    # `I. Căn cứ`, `1. Mục đích`, `Điều 1.`: the body's structure has begun.
    return re.compile(rf"\s*(?:{starters}|(?:{sections})\s+\d|(?:{FOLDED_NUMERAL}|\d{{1,2}})\s*[.)]\s)")


@cache
def _authority_regex() -> re.Pattern[str]:
    leads = [*_words()["signer_roles"], *_words()["authority_leads"]]
    return re.compile(r"\s*(?:" + "|".join(phrase_pattern(s) for s in sorted(leads, key=len, reverse=True)) + ")")


def is_authority_line(line: str) -> bool:
    return mostly_upper(line, 0.8) and _authority_regex().match(folded(line)) is not None


def _zone_end(lines: list[str]) -> int:
    """The last line the header block can reach: the body's first sentence or heading ends it."""
    for number, line in enumerate(lines[:HEADER_LINES], 1):
        if number > 1 and _body_starter_regex().match(folded(line)):
            return number - 1
        if number == 1 and re.match(rf"\s*(?:{CLEAN_NUMERAL}|\d{{1,2}})\s*[.)]\s", line):
            return 0  # a body fragment: starts at a numbered section
    return min(len(lines), HEADER_LINES)


def _read_number(cells: list[Cell], index: int, header: Header) -> None:
    cell = cells[index]
    label = number_label(folded(cell.text))
    assert label is not None  # split_cells made this a "number" cell because the label matched
    rest = cell.text[label.end():]
    if not any(c.isalnum() for c in rest):  # `Số:` alone: the symbol is the next cell
        following = next((c for c in cells[index + 1:] if c.kind != "rule"), None)
        rest = following.text if following else ""
    m = SYMBOL_RE.match(rest.strip())
    header.symbol_line = cell.line
    if m:  # `Số: /BC-UBND`, `Số:  …/KH`: a draft, no number yet
        header.symbol = canonical_symbol(m.group("symbol"))


def _read_date(cells: list[Cell], index: int, header: Header) -> None:
    cell = cells[index]
    fcell = folded(cell.text)
    lead = date_lead(fcell)
    assert lead is not None  # split_cells made this a "date" cell because the lead matched
    text = fcell[lead.end():]
    for following in cells[index + 1:index + 4]:  # `Hà Nội, ngày 01` / `tháng 3 năm 2025`
        if re.search(r"(?:19|20)\d\d", text):
            break
        if following.kind == "text" and re.match(r"\d|th\w{1,4}g\b", folded(following.text)):
            text += " " + folded(following.text)  # skipping `|`, `*` and a number cell between
    numeric = NUMERIC_DATE_RE.match(text.strip())
    if numeric:  # "Hà Nội, ngày 05/3/2025"
        header.date = iso_date(numeric.group("d"), numeric.group("m"), numeric.group("y"))
    elif re.match(r"[\s.…_]*\d", text):  # `ngày    tháng 6`: a draft, no day yet
        header.date = find_worded_date(" " + text)[1]
    header.place = " ".join(cell.text[:lead.start()].split()).strip(" ,.;:-–") or None


def _read_type(cell: Cell, header: Header) -> None:
    m = type_regex().fullmatch(folded(cell.text))
    assert m is not None  # split_cells made this a "type" cell because the type regex matched
    header.doc_type = type_of(m)
    header.type_line = max(cell.line, cell.end_line)
    rest = cell.text[m.start("rest"):].strip(" .:-–|")
    header.title_head = rest if any(c.isalpha() for c in rest) else None  # "BÁO CÁO SƠ KẾT ..."


def _unit_fragments(cells: list[Cell], stop: int) -> list[str]:
    """Unit-like capitals above the number and the type word (any column order)."""
    fragments = []
    for cell in cells[:stop]:
        words = [w for w in cell.text.split()  # OCR debris: `ỦY ¬`, `UY a`
                 if any(c.isalnum() for c in w) and not (len(w) == 1 and w.islower())]
        if cell.kind == "caps" and words and "/" not in cell.text:  # `/TB-UBND`: a number without its label
            fragments.append(" ".join(words).strip(" .;:-–|]"))
    return fragments


def _title_lines(lines: list[str], first: int, head: str | None) -> list[int]:
    number = first
    while head is None and number <= len(lines) and not lines[number - 1].strip(" |\t"):
        number += 1  # the title under the type word, maybe after a blank line; not after the title's head
    collected: list[int] = []
    while number <= len(lines) and len(collected) < TITLE_MAX_LINES:
        line = lines[number - 1].strip(" |\t")
        if not line and collected and _caps_continue(lines, collected[-1], number + 1):
            number += 1  # the OCR's blank line inside a title in capitals (`BAN` / / `HÀNH KẾ HOẠCH …`)
            continue
        if not any(c.isalpha() for c in line) or is_authority_line(line) or _opens_body(line, not collected and head is None):
            break
        previous = lines[collected[-1] - 1] if collected else head
        if previous and mostly_upper(line, 0.8) != mostly_upper(previous, 0.8) and (collected or len(line) > TITLE_LINE_CHARS):
            break  # "CHỦ TỊCH ỦY BAN NHÂN DÂN ..." under a title; a body sentence under "KẾ HOẠCH CẢI CÁCH …"
        collected.append(number)
        number += 1
    return collected


def _opens_body(line: str, first: bool) -> bool:
    """A body sentence, not the title: starts with `Căn cứ`, `Thực hiện` … — except the title's own first
    line, which may start so (`TRIỂN KHAI PHONG TRÀO …`) when it is capitals or short and unpunctuated."""
    if not first and len(line) > TITLE_LINE_CHARS and re.search(r"[.;:]$", line):
        return True  # a paragraph, whatever its first word (`Ngày 16 tháng 5 …, Ban Chỉ đạo … như sau:`)
    if not _body_starter_regex().match(folded(line)):
        return False
    short = len(line) <= TITLE_LINE_CHARS and not re.search(r"[.;:,]$", line)
    heading = mostly_upper(line, 0.8) or short or line[:1].islower()  # `thực hiện Nghị quyết …` continues `KẾ HOẠCH`
    return not (first and heading)


def _caps_continue(lines: list[str], last: int, following: int) -> bool:
    if following > len(lines) or not mostly_upper(lines[last - 1], 0.8):
        return False
    line = lines[following - 1].strip(" |\t")
    return mostly_upper(line, 0.8) and not is_authority_line(line) and not _body_starter_regex().match(folded(line))


def _set_title(lines: list[str], header: Header, start: int, head: str | None) -> None:
    collected = _title_lines(lines, start + 1, head)
    parts = ([head] if head else []) + [" ".join(lines[n - 1].strip(" |\t").split()) for n in collected]
    if parts:
        header.title = " ".join(parts)
        header.title_lines = (collected[0] if collected else start, collected[-1] if collected else start)
    after = (collected[-1] if collected else start) + 1
    for number in range(after, min(len(lines), after + 2) + 1):  # the authority line, maybe after a blank
        if is_authority_line(lines[number - 1]):
            header.authority = " ".join(lines[number - 1].strip(" |\t").split())
            break
        if lines[number - 1].strip(" |\t"):
            break


_VV = re.compile(r"\s*v\s*/\s*v\b")


def _find_title(lines: list[str], cells: list[Cell], header: Header) -> None:
    if header.type_line is not None:
        _set_title(lines, header, header.type_line, header.title_head)
        return
    for cell in cells:  # công văn: "V/v ..." under the symbol, maybe continued in lower case
        if _VV.match(folded(cell.text)):
            parts, last = [re.sub(r"^\s*[Vv]\s*/\s*[vV]\s*[:.]?\s*", "", cell.text).strip()], cell.line
            while last < len(lines) and len(parts) < TITLE_MAX_LINES and lines[last].strip()[:1].islower():
                parts.append(" ".join(lines[last].split()))
                last += 1
            header.title, header.title_lines = " ".join(parts), (cell.line, last)
            return
    if header.formal:  # no type word: the title follows the number and the date (`BAN HÀNH KẾ HOẠCH …`)
        last = max(c.line for c in cells if c.kind in ("number", "date", "motto"))
        _set_title(lines, header, last, None)
        if header.title and not mostly_upper(header.title, 0.8):
            header.title = header.title_lines = None
        return
    _headline(lines, header)


def _headline(lines: list[str], header: Header) -> None:
    """A page without a header: a short first line standing alone is its headline."""
    first = next((n for n, line in enumerate(lines[:3], 1) if line.strip()), None)
    if first is None:
        return
    line = " ".join(lines[first - 1].split())
    if len(line.split()) <= HEADLINE_MAX_WORDS and not re.search(r"[.;:,]$", line) \
            and not _body_starter_regex().match(folded(line)):
        header.title, header.title_lines = line, (first, first)


def _is_prose(cell: Cell) -> bool:
    """A sentence of the body (a page without a header): no header cell comes after it."""
    return cell.kind == "text" and len(cell.text) > PROSE_CHARS and not mostly_upper(cell.text)


def parse_header(text: str) -> Header:
    lines = [line[:HEADER_LINE_CHARS] for line in text.split("\n")]
    cells = split_cells(lines, _zone_end(lines))
    header = Header()
    kinds = [c.kind for c in cells]
    type_at = kinds.index("type") if "type" in kinds else len(cells)
    prose = next((i for i, c in enumerate(cells) if _is_prose(c)), len(cells))
    kinds = kinds[:prose] + ["text"] * (len(cells) - prose) if prose < type_at else kinds  # the body began
    number_at = kinds.index("number") if "number" in kinds[:type_at] else None
    if type_at < len(cells):
        _read_type(cells[type_at], header)
    if number_at is not None:
        _read_number(cells, number_at, header)
    date_at = kinds.index("date") if "date" in kinds[:type_at] else None
    if date_at is not None:
        _read_date(cells, date_at, header)
    header.formal = any(k in ("motto", "number") for k in kinds[:type_at]) or date_at is not None
    stop = min(i for i in (type_at, number_at if number_at is not None else len(cells)))
    header.unit_fragments = _unit_fragments(cells, stop)
    _find_title(lines, cells, header)
    return header
