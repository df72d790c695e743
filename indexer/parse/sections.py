"""The heading tree of a report: `I.` > `1.` > `2.1.` > `a)`, OCR numerals repaired (`|.`, `I1.`, `Il.`, `I11.`)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from indexer.model import Section
from indexer.parse.fuzzy import alternation, folded
from indexer.vietnamese import roman
from indexer.vietnamese.data import load_json
from indexer.vietnamese.letters import LIST_ITEM_LETTER
from indexer.vietnamese.roman import roman_value, to_roman

HEADING_MAX = 200
# Numbering styles, outermost first; a document's levels are the styles it uses, in this order.
STYLES = ("roman", "number", "decimal", "letter")

_ROMAN_LINE = re.compile(rf"^\s*(?P<num>{roman.PRINTED_NUMERAL})\s*[.:]\s*(?P<text>\S.*)$")
_NUMBER_LINE = re.compile(r"^\s*(?P<num>\d{1,2})\s*\.\s+(?P<text>[^\W\d_].*)$")
_DECIMAL_LINE = re.compile(r"^\s*(?P<num>\d{1,2}\.\d{1,2})\.?\s+(?P<text>[^\W\d_].*)$")
_LETTER_LINE = re.compile(rf"^\s*(?P<num>{LIST_ITEM_LETTER})\s*\)\s+(?P<text>[^\W\d_].*)$")


@dataclass(slots=True)
class _Heading:
    style: str
    number: str
    text: str
    line: int


def _mostly_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and sum(c.isupper() for c in letters) >= 0.75 * len(letters)


def _classify(line: str, number: int, last_roman: int) -> _Heading | None:
    m = _ROMAN_LINE.match(line)
    if m and _mostly_upper(m.group("text")):
        value = roman_value(m.group("num"))
        if value is not None:
            return _Heading("roman", to_roman(value), m.group("text"), number)
    for style, regex in (("decimal", _DECIMAL_LINE), ("number", _NUMBER_LINE), ("letter", _LETTER_LINE)):
        m = regex.match(line)
        if m and m.group("text")[:1].isupper():
            if style == "number" and last_roman and _mostly_upper(m.group("text")):
                return _Heading("roman", to_roman(last_roman + 1), m.group("text"), number)  # `1.` read for `II.`
            return _Heading(style, m.group("num"), m.group("text"), number)
    return None


def _headings(lines: list[str]) -> list[_Heading]:
    found, last_roman = [], 0
    for number, line in enumerate(lines, 1):
        heading = _classify(line, number, last_roman)
        if heading is None:
            continue
        if heading.style == "roman":
            value = roman_value(heading.number) or 0
            if last_roman and value != last_roman + 1:  # OCR misread: trust the sequence
                heading.number = to_roman(last_roman + 1)
                value = last_roman + 1
            last_roman = value
        found.append(heading)
    return found


@cache
def _kind_regex():
    kinds = load_json("section_kinds.json")["kinds"]
    owners, triggers = [], []
    for kind in kinds:
        for trigger in kind["triggers"]:
            owners.append(kind["id"])
            triggers.append(trigger)
    return alternation(triggers, "s"), owners


def section_kind(heading: str) -> str:
    """The canonical kind of a top-level heading, from the trigger that occurs earliest in it."""
    regex, owners = _kind_regex()
    m = regex.search(folded(heading))
    return owners[int(m.lastgroup[1:])] if m else "other"


def parse_sections(text: str) -> list[Section]:
    lines = text.split("\n")
    headings = _headings(lines)
    styles = [s for s in STYLES if any(h.style == s for h in headings)]
    last_line = len(lines)
    while last_line > 1 and not lines[last_line - 1].strip():
        last_line -= 1
    roots: list[Section] = []
    stack: list[Section] = []
    for heading in headings:
        level = styles.index(heading.style) + 1
        section = Section(heading.number, " ".join(heading.text.split())[:HEADING_MAX], level,
                          section_kind(heading.text) if level == 1 else "other", heading.line, last_line)
        while stack and stack[-1].level >= level:
            stack.pop().end_line = heading.line - 1
        (stack[-1].children if stack else roots).append(section)
        stack.append(section)
    return roots
