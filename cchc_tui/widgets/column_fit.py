"""Fitting table columns to the screen: which columns give up width, and cells cut with "…"."""
from __future__ import annotations

from rich.text import Text

MIN_FLEXIBLE = 8


def fit_widths(natural: list[int], flexible: tuple[int, ...], available: int) -> list[int]:
    """Column widths: natural ones when they fit, else the widest flexible columns are capped
    to one width (short flexible columns keep theirs) so that the table fits `available`."""
    if sum(natural) <= available or not flexible:
        return list(natural)
    fixed = sum(width for index, width in enumerate(natural) if index not in flexible)
    room = max(MIN_FLEXIBLE * len(flexible), available - fixed)
    cap = max(natural[i] for i in flexible)
    while cap > MIN_FLEXIBLE and sum(min(natural[i], cap) for i in flexible) > room:
        cap -= 1
    return [min(width, cap) if index in flexible else width for index, width in enumerate(natural)]


def fitted(cells: list[Text], widths: list[int]) -> list[Text]:
    """Cells cut to their column's width with an ellipsis (copies: rows are rebuilt on resize)."""
    out = []
    for cell, width in zip(cells, widths):
        if cell.cell_len > width:
            cell = cell.copy()
            cell.truncate(width, overflow="ellipsis")
        out.append(cell)
    return out


def share(room: int, columns: int, least: int, most: int, padding: int = 2) -> int:
    """The width each of `columns` equal columns gets from `room` (each also takes `padding`),
    at least `least` (the table scrolls sideways then) and no more than `most` (their longest label)."""
    if columns <= 0:
        return least
    return max(least, min(most, room // columns - padding))


def wrapped_label(label: str, width: int, lines: int = 2) -> str:
    """`label` word-wrapped into at most `lines` lines of `width` characters; "…" ends what is cut."""
    rows: list[str] = []
    words = label.split()
    while words and len(rows) < lines:
        row = words.pop(0)
        while words and len(row) + 1 + len(words[0]) <= width:
            row += " " + words.pop(0)
        if len(row) > width:  # one word longer than the column
            row = row[: width - 1] + "…"
        rows.append(row)
    if words:  # more than fits: the last line ends in an ellipsis
        rows[-1] = rows[-1][: width - 1].rstrip() + "…"
    return "\n".join(rows)
