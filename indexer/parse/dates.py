"""Dates as written in reports: `27/11/2025`, `ngày 5 tháng 12 năm 2025`; impossible ones kept raw."""
from __future__ import annotations

import datetime as dt
import re

from indexer.parse.regexes import DATE_LEAD_RE, NUMERIC_DATE_RE, WORDED_DATE_RE

DATE_REACH = 40  # a cited date follows its symbol closely


def iso_date(day: str, month: str, year: str) -> str | None:
    """ISO form, or None when the calendar has no such day (26/13/2025)."""
    try:
        return dt.date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


def date_after(text: str, ftext: str, pos: int) -> tuple[str | None, str | None, int]:
    """The date written right after `pos` (`ngày 26/7/2025`, `, ngay 14/08/2023`).

    Returns (iso, raw when impossible, end offset of what was read).
    """
    lead = DATE_LEAD_RE.match(ftext, pos, pos + DATE_REACH)
    start = lead.end() if lead else pos
    for regex in (NUMERIC_DATE_RE, WORDED_DATE_RE):
        m = regex.match(ftext, start, start + DATE_REACH)
        if m:
            iso = iso_date(m.group("d"), m.group("m"), m.group("y"))
            raw = None if iso else text[m.start():m.end()]
            return iso, raw, m.end()
    return None, None, pos


def find_worded_date(ftext: str, start: int = 0, end: int | None = None) -> tuple[re.Match[str] | None, str | None]:
    """First `… tháng … năm …` date in a span of folded text (report headers)."""
    m = WORDED_DATE_RE.search(ftext, start, len(ftext) if end is None else end)
    if not m:
        return None, None
    return m, iso_date(m.group("d"), m.group("m"), m.group("y"))
