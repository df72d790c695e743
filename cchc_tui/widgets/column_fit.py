"""Fitting table columns to the screen: which columns give up width, and cells cut with "…"."""
from __future__ import annotations

from rich.text import Text

from indexer.api import at_words

MIN_FLEXIBLE = 8
_CUT_TAIL = " ,;:·—–-/"  # dropped before the "…" of a cut: `Sở Văn hóa,…` reads as a typo


def word_cut(text: str, width: int) -> str:
    """Where to cut `text` to fit `width` with a "…": between words (indexer's `at_words`, the same
    rule as the excerpts, the cut moving back as far as the last space), inside a word only when the
    first word alone is too long. Returns the part kept."""
    room = max(0, width - 1)
    _, end = at_words(text, 0, room, slack=room)
    kept = text[:end].rstrip(_CUT_TAIL)
    return kept if kept else text[:room]


def cut_at_words(cell: Text, width: int) -> Text:
    """A copy of `cell` cut to `width` cells between words with "…" (styles kept); as it is when it fits."""
    if cell.cell_len <= width:
        return cell
    if width <= 1:
        cut = cell.copy()
        cut.truncate(width, overflow="ellipsis")
        return cut
    cut = cell[: len(word_cut(cell.plain, width))]
    cut.append("…")
    cut.truncate(width, overflow="ellipsis")  # wide characters: cells, not characters, must fit
    return cut


def cut_str(text: str, width: int) -> str:
    """`text` cut between words to at most `width` characters, "…" where cut."""
    return text if len(text) <= width else word_cut(text, width) + "…"


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
    """Cells cut to their column's width between words with an ellipsis (copies: rows are rebuilt on resize)."""
    return [cut_at_words(cell, width) for cell, width in zip(cells, widths)]


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
        rows.append(cut_str(row, width))  # one word longer than the column is cut inside
    if words and not rows[-1].endswith("…"):  # more than fits: the last line ends in an ellipsis
        last = rows[-1].rstrip(_CUT_TAIL)
        rows[-1] = last + "…" if len(last) < width else word_cut(last, width) + "…"
    return "\n".join(rows)
