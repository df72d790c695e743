"""Turning untrusted report text into styled `rich.text.Text`, never markup.

Report text comes from OCR and from arbitrary files: it may contain `[/]`,
`[@click=app.quit]` or terminal escape sequences. Everything shown goes
through `inert()` (control characters replaced one-for-one, so match spans
stay valid) and is wrapped in `Text(...)`, which never parses markup.
"""
from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from rich.text import Text

from cchc_tui.palette import styles
from cchc_tui.widgets.column_fit import cut_at_words
from indexer.api import Hit, LineHit, at_words

DIM_STYLE = "dim"
SCATTERED_NOTE = "  · words apart"  # shown on results whose words are not together as typed

# Bidi overrides and isolates can reorder what follows them on screen.
_BIDI_CONTROLS = [0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)]
_LINE_SEPARATORS = [0x2028, 0x2029]  # terminals may break lines at these


@lru_cache(maxsize=1)
def _control_table() -> dict[int, str]:
    # One character for one character: match spans index into the original line.
    table = {code: chr(0x2400 + code) for code in range(0x20)}  # C0 -> visible "control pictures"
    table[0x09] = " "
    table[0x7F] = "\u2421"
    table.update({code: "\ufffd" for code in range(0x80, 0xA0)})  # C1 (incl. CSI)
    table.update({code: "\ufffd" for code in [*_BIDI_CONTROLS, *_LINE_SEPARATORS]})
    return table


def _local_inert(line: str) -> str:
    return line.translate(_control_table())


def inert(line: str) -> str:
    """`line` with every control character made visible and harmless, same length."""
    from indexer.api import inert_line

    safe = inert_line(line)
    # The shared helper may expand characters; spans need a one-to-one mapping.
    if len(safe) != len(line):
        return _local_inert(line)
    return _local_inert(safe)


def plain(value: object | None, missing: str = "—", style: str = "") -> Text:
    """Any metadata value as literal text."""
    if value is None or value == "":
        return Text(missing, style=DIM_STYLE)
    return Text(inert(str(value)), style=style)


def highlighted(line: str, spans: Iterable[tuple[int, int]], style: str | None = None) -> Text:
    """The line as literal text with each [start, end) span styled (the theme's match style by default)."""
    style = style or styles().match
    text = Text(inert(line))
    length = len(line)
    for start, end in spans:
        start, end = max(0, start), min(length, end)
        if start < end:
            text.stylize(style, start, end)
    return text


def excerpt(line_hit: LineHit, width: int = 90) -> Text:
    """A matching line fitted to `width` cells around its first match (kept visible), cut between
    words where a space is near, "…" where cut."""
    line = line_hit.text
    text = highlighted(line, line_hit.spans)
    if len(line) <= width:
        text.truncate(width, overflow="ellipsis")  # (wide characters)
        return text
    first = min(line_hit.spans, default=(0, 0))
    start, end = _window(len(line), first, width)
    start, end = at_words(line, start, end, first)
    shown = Text("…" if start > 0 else "").append_text(text[start:end])
    if end < len(line):
        shown.append("…")
    shown.truncate(width, overflow="ellipsis")
    return shown


def _window(length: int, first: tuple[int, int], width: int) -> tuple[int, int]:
    """[start, end) of a line of `length` > `width` characters to show in `width` cells, a "…"
    taking one at each cut edge: the first match a third in, whole when it fits."""
    start = max(0, first[0] - width // 3)
    if start > 0 and length - start <= width - 1:  # the rest of the line fits: end with it
        return length - (width - 1), length
    end = start + width - (start > 0) - 1
    if end < first[1]:  # a long match: slide right to show its end too
        start, end = start + first[1] - end, first[1]
        if start > 0 and length - start <= width - 1:
            return length - (width - 1), length
    return start, min(end, length)


def meta_styles() -> tuple[str, str, str]:
    """Styles of symbol, date and type wherever a report is named."""
    palette = styles()
    return palette.primary, palette.success, palette.secondary


def hit_heading(hit: Hit) -> Text:
    """`unit · symbol · date · type` for a result row."""
    heading = Text()
    heading.append_text(plain(hit.unit, "(unit unknown)", "bold"))
    symbol_style, date_style, type_style = meta_styles()
    for value, style in ((hit.symbol, symbol_style), (hit.date, date_style), (hit.doc_type, type_style)):
        if value:
            heading.append("  ·  ", style=DIM_STYLE)
            heading.append_text(plain(value, style=style))
    heading.append(f"  {inert(hit.doc_id)}", style=DIM_STYLE)
    return heading


def hit_prompt(hit: Hit, marked: bool = False, width: int = 100) -> Text:
    """The prompt of one search result: heading, title, first matching line (fits `width`)."""
    prompt = Text("● " if marked else "  ", style=f"bold {styles().accent}")
    heading = hit_heading(hit)
    heading.truncate(max(20, width - 2), overflow="ellipsis")  # ends in the doc id: a part of it still tells reports apart
    prompt.append_text(heading)
    prompt.append("\n  ")
    title = plain(" ".join((hit.title or "").split()), "(no title)", "italic")
    prompt.append_text(cut_at_words(title, max(20, width - 2)))
    # A second-tier hit: every word is there, but not as the phrase typed (say so, or it reads as a phrase match).
    apart = SCATTERED_NOTE if hit.scattered else ""
    if hit.lines:
        first = hit.lines[0]
        more = f"  (+{plural(len(hit.lines) - 1, 'line')})" if len(hit.lines) > 1 else ""
        gutter = f"  {first.line:>4}│ "
        prompt.append("\n")
        prompt.append(gutter, style=DIM_STYLE)
        prompt.append_text(excerpt(first, max(20, width - len(gutter) - len(more) - len(apart))))
        prompt.append(more, style=DIM_STYLE)
    if apart:
        prompt.append(apart, style=f"italic {styles().muted}")
    return prompt


def plural(count: int, noun: str, nouns: str | None = None) -> str:
    """`1 report`, `2 reports` (and `nouns` for irregular plurals)."""
    return f"{count} {noun if count == 1 else nouns or noun + 's'}"
