"""The header block of an official document (Nghị định 30/2020/NĐ-CP layout).

    UBND THÀNH PHỐ HẢI PHÒNG        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM     <- parent body | motto
    SỞ NGOẠI VỤ                     Độc lập - Tự do - Hạnh phúc            <- issuing unit
    Số: 32/BC-NV                    Hải Phòng, ngày 7 tháng 3 năm 2025     <- symbol | place, date
                          BÁO CÁO                                          <- type
          Kết quả thực hiện cải cách hành chính Quý 1/2025                 <- title (trích yếu)

OCR runs the two columns together on one line, so the right column is cut
off at the motto, the symbol and the place-and-date.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from indexer.parse.dates import find_worded_date, iso_date
from indexer.parse.fuzzy import alternation, folded, phrase_pattern, word_pattern
from indexer.parse.regexes import NUMERIC_DATE_RE, SYMBOL_RE
from indexer.parse.symbols import canonical_symbol
from indexer.parse.tables import doc_type_names

HEADER_LINES = 16  # the header block never runs longer
HEADER_LINE_CHARS = 400  # nor wider: a one-line PDF dump must not make the scans below quadratic
MOTTO_ANCHORS = ("Cộng hòa xã", "Độc lập", "Tự do", "Hạnh phúc")
TITLE_MAX_LINES = 4


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


@cache
def _motto_regex() -> re.Pattern[str]:
    anchors = [phrase_pattern(a) for a in MOTTO_ANCHORS]
    anchors.append(phrase_pattern("Độc") + r"\s+[l1i|]")  # `Poc l1ap`: lập too damaged to spell
    return re.compile("|".join(anchors))


_NUMBER_LABEL = re.compile(rf"(?:^|\s)(?:{word_pattern('số')})\s*[:;]\s*$")
_DATE_LEAD = re.compile(r",?\s*ng[a-z]{0,2}y[\s.…_]")
_BODY_STARTERS = ("Thực hiện", "Căn cứ", "Phúc đáp", "Kính gửi", "Triển khai", "Theo", "Trả lời", "Để")


def _strip_motto(line: str) -> str:
    m = _motto_regex().search(folded(line))
    return line[:m.start()] if m else line


def _find_symbol(lines: list[str], header: Header) -> None:
    last = header.type_line or HEADER_LINES  # the number sits above the type line
    for number, line in enumerate(lines[:last], 1):
        fline = folded(line)  # same offsets as `line`
        for m in SYMBOL_RE.finditer(line):
            if _NUMBER_LABEL.search(fline, 0, m.start()):
                header.symbol = canonical_symbol(m.group("symbol"))
                header.symbol_line = number
                return
        if re.search(r"(?:^|\s)(?:s|\$)\S{0,2}\s*:\s*[\s.…_]*/", folded(line)):  # "Số:    /BC-UBND": no number yet
            header.symbol_line = number
            return


def _find_date_and_place(lines: list[str], header: Header) -> int | None:
    for number, line in enumerate(lines[:HEADER_LINES], 1):
        fline = folded(line)
        lead = _DATE_LEAD.search(fline)
        numeric = NUMERIC_DATE_RE.match(fline, lead.end()) if lead else None
        if not lead or not (numeric or re.search(r"th[a-z]{1,4}g", fline[lead.end():])):
            continue
        if numeric:  # "Hà Nội, ngày 05/3/2025"
            header.date = iso_date(numeric.group("d"), numeric.group("m"), numeric.group("y"))
        else:
            header.date = find_worded_date(fline, lead.start())[1]
        before = line[:lead.start()]
        symbol = SYMBOL_RE.search(before)
        place_text = before[symbol.end():] if symbol else re.sub(r"^.*?(?:S\S{0,2}\s*:\s*\S*)", "", before)
        place_text = re.split(r"\s{2,}|\t", place_text.strip())[-1]  # the right column, when spacing shows it
        header.place = " ".join(place_text.split()) or None
        return number
    return None


@cache
def _type_line_regex() -> re.Pattern[str]:
    return re.compile(r"[\W\d_]*(?:" + alternation(doc_type_names()).pattern + r")(?P<rest>.*)")


def _find_type_line(lines: list[str], header: Header) -> None:
    for number, line in enumerate(lines[:HEADER_LINES], 1):
        letters = [c for c in line if c.isalpha()]
        if not letters or sum(c.isupper() for c in letters) < 0.8 * len(letters):
            continue
        stripped = line.strip()
        m = _type_line_regex().fullmatch(folded(stripped))
        if m:
            header.doc_type = doc_type_names()[_type_index(m)]
            header.type_line = number
            rest = stripped[m.start("rest"):].strip(" .:-–")
            header.title_head = rest if any(c.isalpha() for c in rest) else None  # "BÁO CÁO SƠ KẾT ..."
            return


def _type_index(m: re.Match[str]) -> int:
    return next(i for i in range(len(doc_type_names())) if m.group(f"p{i}") is not None)


@cache
def _body_starter_regex() -> re.Pattern[str]:
    return re.compile(r"\s*(?:" + "|".join(phrase_pattern(s) for s in _BODY_STARTERS) + ")")


def _find_title(lines: list[str], header: Header) -> None:
    start = header.type_line
    if start is None:  # công văn: "V/v ..." under the symbol
        for number, line in enumerate(lines[:HEADER_LINES], 1):
            if re.match(r"\s*v\s*/\s*v\b", folded(line)):
                header.title = re.sub(r"^\s*[Vv]\s*/\s*[vV]\s*[:.]?\s*", "", line).strip()
                header.title_lines = (number, number)
                return
        return
    number = start + 1
    while number <= len(lines) and not lines[number - 1].strip():
        number += 1
    collected = []
    while number <= len(lines) and lines[number - 1].strip() and len(collected) < TITLE_MAX_LINES:
        line = lines[number - 1]
        if _body_starter_regex().match(folded(line)):
            break
        if collected and _mostly_upper(line) and not _mostly_upper(lines[collected[-1] - 1]):
            break  # "CHỦ TỊCH ỦY BAN NHÂN DÂN ..." under a decision's title
        collected.append(number)
        number += 1
    parts = ([header.title_head] if header.title_head else []) + [" ".join(lines[n - 1].split()) for n in collected]
    if parts:
        header.title = " ".join(parts)
        header.title_lines = (collected[0] if collected else start, collected[-1] if collected else start)


def _mostly_upper(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 3 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def _unit_fragments(lines: list[str], header: Header, date_line: int | None) -> list[str]:
    """The left column above the type line: parent body, then the issuing unit."""
    last = (header.type_line or header.symbol_line or date_line or 4) - 1
    fragments = []
    for number in range(1, min(last, HEADER_LINES, len(lines)) + 1):
        line = _strip_motto(lines[number - 1])
        if number in (header.symbol_line, date_line):
            cut = re.search(r"(?:^|\s)(?:S|\$)\S{0,2}\s*:", line) or _DATE_LEAD.search(folded(line))
            line = line[:cut.start()] if cut else line
            words = line.split()
            while words and any(c.islower() for c in words[-1]):  # the place before ", ngày": `Lào Cai`
                words.pop()
            line = " ".join(words)
        line = " ".join(line.split()).strip(" .,;:-–|]")
        letters = [c for c in line if c.isalpha()]
        if len(letters) >= 2 and sum(c.isupper() for c in letters) >= 0.7 * len(letters):
            fragments.append(line)
    return fragments


def parse_header(text: str) -> Header:
    lines = [line[:HEADER_LINE_CHARS] for line in text.split("\n")]
    header = Header()
    _find_type_line(lines, header)
    _find_symbol(lines, header)
    date_line = _find_date_and_place(lines, header)
    _find_title(lines, header)
    header.unit_fragments = _unit_fragments(lines, header, date_line)
    return header
