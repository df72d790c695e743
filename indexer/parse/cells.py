"""The header block as classified cells: what each piece of the first lines is, whatever the layout.

A header reaches us as two printed columns run together (OCR), as table cells
joined by `|` (web pages, e-office exports), one cell per line, or with
separator lines (`-------`) between. So the first lines are cut into cells at
`|`, tabs and wide gaps, then at the structural anchors found inside a cell
(the motto, `Số:`, `…, ngày`), and each cell is classified:

    unit-like capitals | motto | number (`Số:`/`S6:`/`S06:`) | date (place, ngày … tháng … năm)
    | type word (QUYẾT ĐỊNH, DỰ THẢO BÁO CÁO) | rule (no letters: `---`, `|`, `![]()`) | text

Anchors are matched OCR-tolerantly on folded text, so `UY BAN NHAN DAN`,
`Doc lap - Tu do - Hanh phtc`, `S06:` and `Ha Ndi, ngay 08` classify the same.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from indexer.parse.fuzzy import WORD_BOUNDARY_AFTER, alternation, folded, phrase_pattern, word_pattern
from indexer.parse.tables import doc_type_names
from indexer.vietnamese.data import load_json

HEADER_LINES = 24  # the header block never runs longer, even one cell per line
HEADER_LINE_CHARS = 400  # nor wider: a one-line PDF dump must not make the scans below quadratic
CELL_MAX_CHARS = 120  # a header cell is short; a longer piece is a sentence, never cut at its anchors
# `|`, tabs, or a gap of 2+ spaces, except the padding inside a symbol (`Số: 31  /BC-UBND`, `Số:      /BC`).
_CELL_SPLIT = re.compile(r"[ \t\u00a0]*\|[ \t\u00a0]*|\t+|(?<![/\-–:]) {2,}(?![ /\-–])")
NUMBER_LABEL = re.compile(r"(?:^|(?<=\s))(?:s|\$)[o0-9e&¢bd]{0,2}[ \t]*[:;]")  # folded: so:, s6:, s06:, $6:
# The Party's `Số 12-CTr/ĐU` has no colon: a label only where a cell starts (OCR: `S6 12-…`, `Sé 12-…`).
_BARE_LABEL = re.compile(r"(?:s|\$)[o06e&¢bd]?(?=[ \t]+\d{1,5}[-/])")


def number_label(ftext: str) -> re.Match[str] | None:
    """The `Số:` label opening a cell (folded), with or without its colon."""
    return NUMBER_LABEL.match(ftext) or _BARE_LABEL.match(ftext)
_DATE_LEAD = re.compile(r"(?:^|(?<=[\s,]))ng[a-z]{0,2}y(?=[\s.…_]*(?:\d|th[a-z]{1,4}g\b|$))")


# What may follow `ngày` in a place-and-date cell: the date and nothing else (a body line goes on: `… của Ban`).
_DATE_ONLY = re.compile(r"(?:[\s\d/.\-–,…_|]|th[a-z]{1,4}g\b|n[a-z&]{0,3}m\b)*")


@dataclass(slots=True)
class Cell:
    line: int  # 1-based line of the text
    text: str  # stripped
    kind: str = "text"  # unit-like "caps", "motto", "number", "date", "type", "draft", "rule", "text"
    end_line: int = 0  # last line, when the cell was joined over two (`QUYẾT` / `ĐỊNH`)


@cache
def _words() -> dict:
    return load_json("header_words.json")


@cache
def motto_regex() -> re.Pattern[str]:
    anchors = [phrase_pattern(a) for a in _words()["motto_anchors"]]
    anchors.append(phrase_pattern(_words()["motto_damaged_head"]) + r"\s+[l1i|]")  # `Poc l1ap`: lập too damaged to spell
    return re.compile("|".join(anchors))


@cache
def _motto_words() -> tuple[tuple[re.Pattern[str], ...], ...]:
    return tuple(tuple(re.compile(r"[\s\-–]*" + word_pattern(w) + WORD_BOUNDARY_AFTER) for w in re.findall(r"[^\W_]+", line))
                 for line in _words()["motto_lines"])


def motto_end(ftext: str, start: int) -> int:
    """End of the longest run of consecutive motto words from `start` (folded text)."""
    best = start
    for words in _motto_words():
        for first in range(len(words)):
            pos = start
            for word in words[first:]:
                m = word.match(ftext, pos)
                if not m:
                    break
                pos = m.end()
            best = max(best, pos)
    return best


@cache
def type_regex() -> re.Pattern[str]:
    prefixes = "|".join(phrase_pattern(p) for p in _words()["type_prefixes"])
    qualifiers = "|".join(phrase_pattern(q) for q in _words()["type_qualifiers"])
    return re.compile(rf"[\W\d_]*(?:(?:{prefixes})\s+)?(?:" + alternation(doc_type_names()).pattern
                      + rf")(?:\s+(?:{qualifiers}))?(?P<rest>.*)")


@cache
def _type_prefix_regex() -> re.Pattern[str]:
    return re.compile(r"\s*(?:" + "|".join(phrase_pattern(p) for p in _words()["type_prefixes"]) + r")\s*")


def type_of(m: re.Match[str]) -> str:
    names = doc_type_names()
    return next(names[i] for i in range(len(names)) if m.group(f"p{i}") is not None)


def mostly_upper(text: str, share: float = 0.7) -> bool:
    """Capitals, ignoring one-letter debris (`UY a`)."""
    letters = [c for w in text.split() if sum(ch.isalpha() for ch in w) > 1 for c in w if c.isalpha()]
    return len(letters) >= 2 and sum(c.isupper() for c in letters) >= share * len(letters)


def _split_at_anchors(piece: str) -> list[str]:
    """A raw cell cut again where a structural anchor starts inside it."""
    fpiece = folded(piece)
    cuts = []
    motto = motto_regex().search(fpiece)
    if motto and motto.start() > 0:
        cuts.append(motto.start())
    if motto:
        end = motto_end(fpiece, motto.start())
        if fpiece[end:].strip(" |-–"):
            cuts.append(end)  # a unit glued after the motto (columns reversed)
    label = NUMBER_LABEL.search(fpiece)
    if label and label.start() > 0 and (not motto or label.start() < motto.start()):
        cuts.append(label.start())
    lead = _DATE_LEAD.search(fpiece)
    if lead and not (motto and motto.start() < lead.start()):
        place = _place_start(piece, lead.start())
        if place > 0:
            cuts.append(place)
    out, last = [], 0
    for cut in sorted(set(cuts)):
        out.append(piece[last:cut])
        last = cut
    out.append(piece[last:])
    return [p.strip() for p in out if p.strip()]


_SYMBOL_TAIL = re.compile(r"\S*/\S*|\d+")  # a symbol's piece (`/BC-UBND`) or its number


def _place_start(piece: str, lead: int) -> int:
    """Where the place before `, ngày` begins: the run of words with lower-case letters (`Lào Cai`, `TP.`)
    after any capitals (the unit) or the symbol (`365 /BC-UBND Phuong L8 Chan, ngay`)."""
    before = piece[:lead]
    start = lead
    for m in reversed(list(re.finditer(r"\S+", before))):
        word = m.group()
        capitals = word.isupper() and sum(c.isalpha() for c in word) > 1 and not word.endswith(".")
        if _SYMBOL_TAIL.fullmatch(word) or capitals:
            break
        start = m.start()
    return start


def split_cells(lines: list[str], last_line: int) -> list[Cell]:
    cells = []
    for number in range(1, min(last_line, len(lines)) + 1):
        line = lines[number - 1][:HEADER_LINE_CHARS]
        for raw in _CELL_SPLIT.split(line):
            raw = raw.strip()
            if len(raw) > CELL_MAX_CHARS:
                cells.append(Cell(number, raw, "text"))
                continue
            for piece in _split_at_anchors(raw) if raw else []:
                cells.append(Cell(number, piece, classify(piece)))
    _mark_motto_heads(cells)
    _mark_motto_tails(cells)
    return _join_split_types(cells)


def _mark_motto_tails(cells: list[Cell]) -> None:
    """`VIỆT NAM` alone on the line under `CỘNG HÒA XÃ HỘI CHỦ NGHĨA` (the OCR's own break): motto, when
    the cell is two or more motto words and a motto cell comes just before it."""
    content = [c for c in cells if c.kind != "rule"]
    for index, cell in enumerate(content):
        if cell.kind != "caps" or len(cell.text.split()) < 2 or not any(c.kind == "motto" for c in content[max(0, index - 2):index]):
            continue
        fcell = folded(cell.text)
        if motto_end(fcell, 0) >= len(fcell.rstrip(" |-–")):
            cell.kind = "motto"


def _join_split_types(cells: list[Cell]) -> list[Cell]:
    """`QUYẾT` / `ĐỊNH` on two lines: one type word."""
    out: list[Cell] = []
    for cell in cells:
        prev = out[-1] if out else None
        if prev and prev.kind in ("caps", "text") and cell.kind in ("caps", "text") and len(prev.text.split()) == 1:
            joined = f"{prev.text} {cell.text}"
            if classify(joined) == "type":
                out[-1] = Cell(prev.line, joined, "type", cell.line)
                continue
        out.append(cell)
    return out


def classify(text: str) -> str:
    if not any(c.isalnum() for c in text):
        return "rule"
    ftext = folded(text)
    if motto_regex().match(ftext):
        return "motto"
    if number_label(ftext):
        return "number"
    lead = _DATE_LEAD.search(ftext)
    if lead and (ftext[:lead.start()].rstrip().endswith(",") or len(ftext[:lead.start()].split()) <= 4) \
            and _DATE_ONLY.fullmatch(ftext, lead.end()):
        return "date"
    if mostly_upper(text, 0.8) and type_regex().fullmatch(ftext):
        return "type"
    if _type_prefix_regex().fullmatch(ftext):
        return "draft"  # `DỰ THẢO` alone in the right column
    return "caps" if mostly_upper(text) else "text"


def _mark_motto_heads(cells: list[Cell]) -> None:
    """`ĐẢNG` alone over `CỘNG SẢN VIỆT NAM`: the head word belongs to the motto."""
    heads = [(re.compile(rf"\s*{phrase_pattern(h['word'])}\s*"), re.compile(phrase_pattern(h["next"])))
             for h in _words()["motto_heads"]]
    content = [c for c in cells if c.kind != "rule"]
    for cell, following in zip(content, content[1:]):
        if cell.kind == "caps" and following.kind == "motto":
            fcell, fnext = folded(cell.text), folded(following.text)
            if any(word.fullmatch(fcell) and nxt.match(fnext) for word, nxt in heads):
                cell.kind = "motto"


def date_lead(ftext: str) -> re.Match[str] | None:
    return _DATE_LEAD.search(ftext)
