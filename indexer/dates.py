"""The one reading of a date typed as a filter (`--from`, `--to`, the app's filter form).

`YYYY`, `YYYY-MM` or `YYYY-MM-DD`, and a real calendar date; anything else is a
usage error naming the value (front ends map it to their usage error: exit 2).
A bound widens to the start (from) or end (to) of the period it names.
"""
from __future__ import annotations

import calendar
import re

from indexer.errors import UsageError

DATE_SHAPE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


class DateError(UsageError):
    """A typed date that is not YYYY, YYYY-MM or YYYY-MM-DD on the calendar."""


def check_date(value: str) -> tuple[int, int | None, int | None]:
    """(year, month, day) of a typed date; DateError naming the value otherwise."""
    text = (value or "").strip()
    match = DATE_SHAPE.match(text)
    if not match:
        raise DateError(f"not a date: {value!r} (use YYYY, YYYY-MM or YYYY-MM-DD)")
    year, month, day = (int(g) if g else None for g in match.groups())
    if month is not None and not 1 <= month <= 12:
        raise DateError(f"not a date: {value!r} (month {month} does not exist)")
    assert year is not None  # DATE_SHAPE's year group is not optional
    if day is not None and month is not None and not 1 <= day <= calendar.monthrange(year, month)[1]:
        raise DateError(f"not a date: {value!r} ({year}-{month:02d} has no day {day})")
    return year, month, day


def date_bound(value: str, *, upper: bool) -> int:
    """YYYYMMDD of the first (or, with `upper`, the last) day of the period `value` names."""
    year, month, day = check_date(value)
    if month is None:
        month, day = (12, 31) if upper else (1, 1)
    elif day is None:
        day = calendar.monthrange(year, month)[1] if upper else 1
    return year * 10000 + month * 100 + day


def date_range(date_from: str | None, date_to: str | None) -> tuple[int | None, int | None]:
    """Both bounds checked (each may be missing)."""
    lo = date_bound(date_from, upper=False) if date_from else None
    hi = date_bound(date_to, upper=True) if date_to else None
    return lo, hi


def iso_to_int(iso: str | None) -> int | None:
    """A report's parsed ISO date as YYYYMMDD; None when it has no full date."""
    match = re.match(r"^(\d{4})-(\d{2})-(\d{2})$", iso or "")
    return int("".join(match.groups())) if match else None
