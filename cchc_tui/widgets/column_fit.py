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
