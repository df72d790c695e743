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


KEY_MIN = 12  # the first flexible column names the row (a symbol: 3041/QĐ-UBND): cut last, never below this


def fit_widths(natural: list[int], flexible: tuple[int, ...], available: int) -> list[int]:
    """Column widths: natural ones when they fit, else the widest flexible columns are capped
    to one width (short flexible columns keep theirs) so that the table fits `available`; the
    first flexible column keeps KEY_MIN (or its natural width) while the others can give more."""
    if sum(natural) <= available or not flexible:
        return list(natural)
    floors = {i: min(natural[i], KEY_MIN if n == 0 and len(flexible) > 1 else MIN_FLEXIBLE) for n, i in enumerate(flexible)}
    fixed = sum(width for index, width in enumerate(natural) if index not in flexible)
    room = max(sum(floors.values()), available - fixed)
    cap = max(natural[i] for i in flexible)

    def width(i: int, cap: int) -> int:
        return max(floors[i], min(natural[i], cap))

    while cap > MIN_FLEXIBLE and sum(width(i, cap) for i in flexible) > room:
        cap -= 1
    return [width(index, cap) if index in flexible else natural[index] for index in range(len(natural))]


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
