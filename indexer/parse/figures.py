"""Figures a report gives: a number with the noun it counts.

`730 tin, bài`, `60 lượt tin bài`, `09 buổi`, `13/13 tổ dân phố`, `100% hồ sơ`
— and the same phrases after OCR (`09 budi`, `550 ngudi`, `13/13 t6 dan phd`).
The grammar runs over folded text aligned character for character with the
report, so every figure keeps its printed form and line. Count nouns come
from `indexer/data/count_nouns.json`; each accented letter of a noun may take
the OCR forms of `indexer/data/ocr_letter_forms.tsv` (column `count_nouns`),
so one table serves clean and scanned text.

Run once per report by the parse stage (`ReportInfo.figures`, stored with the
metadata); compare pairs the stored figures and never runs this grammar,
except on a report an index stored before figures were parsed.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache, lru_cache

from indexer.model import Figure
from indexer.parse.fuzzy import folded
from indexer.parse.regexes import finditer_at
from indexer.textnorm import LineIndex, fold, nfc
from indexer.vietnamese.data import load_json
from indexer.vietnamese.glyphs import OCR_LETTER_GLYPHS
from indexer.vietnamese.letters import letter_forms

GLYPHS = re.escape(OCR_LETTER_GLYPHS)
WORD_CHAR = rf"[\w{GLYPHS}]"
LEFT_EDGE = rf"(?<!{WORD_CHAR})"
RIGHT_EDGE = rf"(?!{WORD_CHAR})"
# Words of one noun phrase may be split by a comma or a line break: `tin, bài`.
WORD_SEP = r"(?:[ \t]*,[ \t]*\n?[ \t]*|[ \t]*\n[ \t]*|[ \t]+)"

NUMBER = rf"""
    (?<![\w/{GLYPHS}-])(?<!\d[.,])          # not inside a word, symbol, date or longer number
    (?:
        (?P<part>\d{{1,6}})[ ]?/[ ]?(?P<whole>\d{{1,6}})   # a share of a whole: 13/13
      | (?P<percent>\d{{1,3}}(?:[.,]\d{{1,2}})?)[ ]?%     # 100%, 97,5%
      | (?P<count>(?:\d{{1,3}}(?:\.\d{{3}})+|\d{{1,7}})(?:,\d{{1,2}})?)   # 730, 1.250, 1,5 (tỷ đồng)
    )
    (?![\w/]|[.,]\d)                        # the whole number: not `2.1.`, not `15/7/2025`
"""


@cache
def table() -> dict:
    return load_json("count_nouns.json")


def _letter_pattern(ch: str, readings: dict[str, tuple[str, ...]]) -> str:
    options = {fold(ch), *readings.get(ch, ())}
    return "(?:" + "|".join(re.escape(o) for o in sorted(options, key=len, reverse=True)) + ")"


def form_pattern(form: str) -> str:
    """A regex over folded text for one printed form, tolerant of OCR letter damage."""
    readings = letter_forms("count_nouns")
    words = [w for w in re.split(r"[\s,]+", nfc(form)) if w]
    parts = []
    for word in words:
        if word.isupper():  # an acronym: matched as folded, letter for letter
            parts.append(re.escape(fold(word)))
        else:
            parts.append("".join(_letter_pattern(ch, readings) for ch in word.lower()))
    return LEFT_EDGE + WORD_SEP.join(parts) + RIGHT_EDGE


def _union(forms: list[str]) -> str:
    return "|".join(form_pattern(f) for f in sorted(forms, key=len, reverse=True))


@cache
def noun_forms() -> list[tuple[str, int]]:
    """(form, noun index) for every form of every noun, longest first, so `hồ sơ` is tried
    before `hộ` whichever entry each belongs to."""
    return sorted(((form, i) for i, entry in enumerate(table()["nouns"]) for form in entry["forms"]),
                  key=lambda pair: len(pair[0]), reverse=True)


@cache
def figure_regex() -> re.Pattern[str]:
    data = table()
    forms = noun_forms()
    nouns = "|".join(f"(?P<n{i}_{k}>{form_pattern(form)})" for k, (form, i) in enumerate(forms))
    tail = rf"""
        (?:  # no group around the tail: the noun's group is the match's last (`lastgroup`)
            [ \t]*\n?[ \t]*
            (?:(?P<filler>{_union(data['fillers'])})\s+)?             # các, những
            (?:(?P<measure>{_union(data['measures'])})\s+)?  # lượt (tin bài): backtracked if no noun follows
            (?:{nouns})
        )?
    """
    return re.compile(NUMBER + tail, re.VERBOSE)


def _opens_with_word_char(form: str) -> bool:
    """Whether every match of `form_pattern(form)` begins with a word character (no first letter that may vanish)."""
    words = [w for w in re.split(r"[\s,]+", nfc(form)) if w]
    if not words:
        return False
    if words[0].isupper():
        options = {fold(words[0])[:1]}
    else:
        first = words[0].lower()[0]
        options = {fold(first), *letter_forms("count_nouns").get(first, ())}
    return all(re.match(WORD_CHAR, option) for option in options)


def _at_word_starts(forms: list[str]) -> str:
    """A guard before an alternation of forms, searched: every position but a word start fails at once
    instead of trying each form (the same matches: each form opens with LEFT_EDGE and, checked, a word character)."""
    return rf"{LEFT_EDGE}(?={WORD_CHAR})" if all(_opens_with_word_char(f) for f in forms) else ""


@cache
def prefix_regexes() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Words just before a number: one that disqualifies it, one kept as a qualifier."""
    data = table()
    not_after = re.compile(rf"{_at_word_starts(data['not_after'])}(?:{_union(data['not_after'])})[\s:.]*$")
    qualifiers = "|".join(rf"(?P<q{i}>{form_pattern(q)})\s*$" for i, q in enumerate(data["qualifiers"]))
    qualifier = re.compile(rf"{_at_word_starts(data['qualifiers'])}(?:{qualifiers})")
    return not_after, qualifier


def _qualifier_label(match: re.Match[str] | None) -> str | None:
    """The qualifier as the table writes it (`trên`), whatever the scan printed (`trén`)."""
    if match is None:
        return None
    name = next(k for k, v in match.groupdict().items() if v is not None)
    return table()["qualifiers"][int(name[1:])]


@lru_cache(maxsize=1024)  # a report prints its few measures many times
def _measure_label(printed: str) -> str:
    """The measure as the table writes it (`lượt`), whatever the scan printed (`lugt`)."""
    measures = table()["measures"]
    return next((m for m in measures if re.fullmatch(form_pattern(m), printed)), measures[0])


WHAT_RE = re.compile(rf"(?:[ \t]*\n?[ \t]*)({WORD_CHAR}+)")


def _words_after(ftext: str, offset: int, limit: int = 4) -> list[str]:
    words: list[str] = []
    while len(words) < limit:
        match = WHAT_RE.match(ftext, offset)
        if not match or match.group(1).isdigit():
            break
        words.append(match.group(1))
        offset = match.end()
    return words


def _number(raw: str) -> float:
    """Vietnamese numbers: `.` groups thousands, `,` starts decimals (`1.234,5`); `97.5` is a decimal."""
    integer, _, decimals = raw.partition(",")
    groups = integer.split(".")
    if len(groups) > 1 and all(len(g) == 3 for g in groups[1:]):
        integer = "".join(groups)
    return float(integer + ("." + decimals if decimals else ""))


def _noun_of(match: re.Match[str]) -> tuple[dict, str] | tuple[None, None]:
    """The count-noun entry that matched and the form (proper Vietnamese) it matched as."""
    name = match.lastgroup or ""  # the noun closes last; without one, a number's group (`count`, …)
    if name.startswith("n") and name[1:2].isdigit():
        form, index = noun_forms()[int(name.split("_")[1])]
        return table()["nouns"][index], form
    return None, None


def _is_year(match: re.Match[str]) -> bool:
    count = match.group("count")
    return count is not None and len(count) == 4 and 1900 <= int(count) <= 2099


def _figure(match: re.Match[str], text: str, ftext: str, lines: LineIndex) -> Figure | None:
    noun, form = _noun_of(match)
    if noun is None and match.group("percent") is None:
        return None  # a bare number counts nothing we can name
    if _is_year(match):
        return None  # `năm 2025 phường ...`: years print without a thousands dot
    if match.group("part") is not None and int(match.group("part")) > int(match.group("whole")):
        return None  # 15/7 is a day and month, not a share
    not_after, qualifier = prefix_regexes()
    before = ftext[max(0, match.start() - 30):match.start()]
    if not_after.search(before):
        return None
    end = match.end() if noun is not None else match.end("percent") + 1
    qual = qualifier.search(before)
    kind = "percent" if match.group("percent") else "fraction" if match.group("part") else "count"
    value = match.group("percent") or match.group("part") or match.group("count")
    number = {"percent": f"{value}%", "fraction": f"{value}/{match.group('whole')}", "count": value}[kind]
    measure = _measure_label(match.group("measure")) if match.group("measure") else None
    reading = " ".join(x for x in (number, measure, form) if x)
    return Figure(
        text=" ".join(text[match.start():end].split()),
        line=lines.line_of(match.start()),
        kind=kind,
        value=_number(value),
        total=float(match.group("whole")) if match.group("whole") else None,
        noun=noun["id"] if noun else None,
        unit=noun["label"] if noun else None,
        measure=measure,
        qualifier=_qualifier_label(qual),
        what=" ".join(_words_after(ftext, end)),
        reading=reading,
    )


_DIGITS = re.compile(r"\d+")


def _figure_matches(ftext: str) -> Iterator[re.Match[str]]:
    """`figure_regex().finditer(ftext)`: NUMBER opens with a digit no word character precedes (its
    lookbehind), so only where a run of digits begins."""
    return finditer_at(figure_regex(), ftext, (m.start() for m in _DIGITS.finditer(ftext)))


def extract_figures(text: str) -> list[Figure]:
    """Every number + counted-noun phrase of a report, in text order."""
    ftext = folded(text)  # offsets in it are offsets in `text`; remembered from the parsers before
    lines = LineIndex(text)
    found = (_figure(m, text, ftext, lines) for m in _figure_matches(ftext))
    return [f for f in found if f is not None]
