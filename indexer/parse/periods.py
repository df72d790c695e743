"""The period a report covers, from its title: `Quý 1/2025`, `6 tháng cuối năm 2025`, `năm 2025`."""
from __future__ import annotations

import re

from indexer.parse.fuzzy import folded
from indexer.vietnamese.data import load_json
from indexer.vietnamese.roman import FOLDED_NUMERAL, roman_value

YEAR = r"(?P<y>(?:19|20)\d\d)"
NAM = r"n[a-z&]{0,3}m"  # năm as the OCR prints it: nam, nim, ndm, niam
THANG = r"th[a-z]{0,3}ng"
QUARTER_RE = re.compile(rf"\bquy\s+(?P<q>[1-4]|{FOLDED_NUMERAL})\s*(?:/|\s+{NAM}\s+|-)\s*{YEAR}")
MONTHS_RE = re.compile(rf"\b(?P<n>\d{{1,2}})\s+{THANG}\s+(?P<part>d[a-z]{{1,2}}u|cu[a-z]{{1,2}}i)?\s*(?:{NAM})?\s*{YEAR}")
MONTH_RE = re.compile(rf"\b{THANG}\s+(?P<m>\d{{1,2}})\s*(?:/|\s+{NAM}\s+)\s*{YEAR}")
YEAR_RE = re.compile(rf"\b{NAM}\s+{YEAR}")
SPAN_RE = re.compile(r"\bgiai\s+doan\s+(?P<a>(?:19|20)\d\d)\s*[-–]\s*(?P<b>(?:19|20)\d\d)")


def find_period(title: str) -> str | None:
    """The first period named in a title, in a normal form; None when it names none."""
    ftext = " ".join(folded(title).split())
    for finder in (_quarter, _months, _month, _year, _span):
        period = finder(ftext)
        if period:
            return period
    return None


def period_form(form: str, **fields: object) -> str:
    """A period in its normal form (`periods.json`): `period_form("year", y="2025")` -> `năm 2025`."""
    text: str = load_json("periods.json")[form]
    return text.format(**fields)


def _quarter(ftext: str) -> str | None:
    m = QUARTER_RE.search(ftext)
    if not m:
        return None
    q = m.group("q")
    number = int(q) if q.isdigit() and int(q) <= 4 else roman_value(q)  # `11` is an OCR'd `II`
    return period_form("quarter", q=number, y=m.group("y")) if number and 1 <= number <= 4 else None


def _months(ftext: str) -> str | None:
    m = MONTHS_RE.search(ftext)
    if not m:
        return None
    part = load_json("periods.json")["parts"].get((m.group("part") or " ")[0], "")
    return period_form("months", n=m.group("n"), part=part, y=m.group("y"))


def _month(ftext: str) -> str | None:
    m = MONTH_RE.search(ftext)
    return period_form("month", m=int(m.group("m")), y=m.group("y")) if m and 1 <= int(m.group("m")) <= 12 else None


def _year(ftext: str) -> str | None:
    m = YEAR_RE.search(ftext)
    return period_form("year", y=m.group("y")) if m else None


def _span(ftext: str) -> str | None:
    m = SPAN_RE.search(ftext)
    return period_form("span", a=m.group("a"), b=m.group("b")) if m else None
