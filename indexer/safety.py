"""Make report text inert before a terminal sees it.

Reports come from shared folders: any of them may hold escape sequences (clear
the screen, set the window title, OSC 52 writes to the clipboard), other
control characters, or bidirectional overrides that make text read differently
from what it is. `inert` turns each such character into a visible stand-in, so
nothing in a report can act on the terminal, and everything else is left
exactly as it was. Markup-looking text (`[bold]`, `[@click=app.quit]`) is
ordinary text here: the CLI prints with markup off and the TUI renders plain
`Text`, never a markup string built from report text.
"""
from __future__ import annotations

import re
from functools import cache

ESCAPE = 0x1B
DELETE = 0x7F
CONTROL_PICTURES = 0x2400  # U+2400..U+241F: ␀ ␁ ... ␛ ... ␟ for C0 codes 0x00..0x1F
DELETE_PICTURE = "\u2421"  # ␡
NEWLINE_PICTURE = "\u2424"  # ␤

# Characters that reorder or hide text without being visible themselves.
BIDI_CONTROLS = (
    "\u061c"  # ARABIC LETTER MARK
    "\u200e\u200f"  # LEFT-TO-RIGHT / RIGHT-TO-LEFT MARK
    "\u202a\u202b\u202c\u202d\u202e"  # LRE RLE PDF LRO RLO
    "\u2066\u2067\u2068\u2069"  # LRI RLI FSI PDI
)
# Terminals may break lines at these: they are line breaks in disguise.
LINE_SEPARATORS = "\u2028\u2029\u0085"
# Invisible characters that join, split or hide words (`cải\u200bcách` looks like `cảicách`).
ZERO_WIDTH = (
    "\u00ad"  # SOFT HYPHEN
    "\u180e"  # MONGOLIAN VOWEL SEPARATOR
    "\u200b\u200c\u200d"  # ZERO WIDTH SPACE / NON-JOINER / JOINER
    "\u2060\u2061\u2062\u2063\u2064"  # WORD JOINER, invisible operators
    "\ufeff"  # ZERO WIDTH NO-BREAK SPACE (a byte-order mark inside the text)
)


def _visible(code: int) -> str:
    if code < 0x20:
        return chr(CONTROL_PICTURES + code)
    if code == DELETE:
        return DELETE_PICTURE
    return f"\\u{code:04x}" if code > 0xFF else f"\\x{code:02x}"


@cache
def _table(keep_newline: bool) -> dict[int, str]:
    codes = [*range(0x00, 0x20), DELETE, *range(0x80, 0xA0), *map(ord, BIDI_CONTROLS), *map(ord, LINE_SEPARATORS),
             *map(ord, ZERO_WIDTH)]
    table = {code: _visible(code) for code in codes}
    del table[ord("\t")]
    if keep_newline:
        del table[ord("\n")]
    else:
        table[ord("\n")] = NEWLINE_PICTURE
    return table


def inert(text: str) -> str:
    """Text safe to print to a terminal: control characters (but tab and newline),
    bidi controls and zero-width characters become visible stand-ins (ESC -> `␛`,
    U+009B -> `\\x9b`, U+202E -> `\\u202e`, U+200B -> `\\u200b`); all other
    characters are unchanged."""
    return text.translate(_table(True))


def inert_line(text: str) -> str:
    """Like `inert`, and a newline becomes `␤`: for one-line fields (titles, snippets)."""
    return text.translate(_table(False))


def is_inert(text: str, *, single_line: bool = False) -> bool:
    """True when `text` holds nothing `inert` (or `inert_line`) would replace."""
    table = _table(not single_line)
    return not any(ord(ch) in table for ch in text)


# In JSON text these characters can only stand inside strings, where `\uXXXX`
# means the same character: escaping them keeps the data and disarms a terminal
# that shows the JSON (JSON itself only requires U+0000-U+001F escaped).
JSON_ACTIVE_RE = re.compile(f"[\u007f-\u009f{BIDI_CONTROLS}\u2028\u2029]")


def inert_json(encoded: bytes) -> bytes:
    """UTF-8 JSON (e.g. from `orjson.dumps`) with DEL, C1 and bidi controls and line
    separators written as `\\u` escapes; parses to the same value."""
    text = encoded.decode("utf-8")
    if not JSON_ACTIVE_RE.search(text):
        return encoded
    return JSON_ACTIVE_RE.sub(lambda m: f"\\u{ord(m.group()):04x}", text).encode("utf-8")
