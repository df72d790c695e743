"""Word files -> pages. `.docx` through python-docx; `.doc` (Word 97-2003) through the
`antiword` or `catdoc` program when one is installed.

A .docx has no fixed pages; Word records where pages fell when it last laid the
file out (`w:lastRenderedPageBreak`), and typed page breaks are `w:br w:type="page"`.
Both start a new page here. The heading block of an official letter is usually a
borderless two-column table (issuer and number left, Quốc hiệu and date right):
its rows are written cell beside cell, line by line, as a scan's OCR prints them.
"""
from __future__ import annotations

import io
import os
import shutil
import tempfile
import unicodedata
import zipfile
from itertools import zip_longest

import docx
from docx.oxml.ns import qn
from lxml import etree

from indexer.ingest.formats.model import PAGE_BREAK, Extracted, Unreadable, clean_page, run_program

CELL_GAP = "    "  # between the cells of one table row: wide, so parsers see two columns
CONVERTER_TIMEOUT_SECONDS = 60
_PARAGRAPH, _TABLE, _ROW, _CELL = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc")
_TEXT, _TAB, _BREAK, _RENDERED_BREAK = qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:lastRenderedPageBreak")
_BREAK_TYPE = qn("w:type")
_CONTENT_CONTROL, _CONTROL_CONTENT = qn("w:sdt"), qn("w:sdtContent")


def _paragraph_text(paragraph: etree._Element) -> str:
    """Text of a <w:p>, with PAGE_BREAK where a page starts inside it."""
    parts: list[str] = []
    for node in paragraph.iter(_TEXT, _TAB, _BREAK, _RENDERED_BREAK):
        if node.tag == _TEXT:
            parts.append(node.text or "")
        elif node.tag == _TAB:
            parts.append("\t")
        elif node.tag == _RENDERED_BREAK or node.get(_BREAK_TYPE) == "page":
            parts.append(f"\n{PAGE_BREAK}\n")
        elif node.get(_BREAK_TYPE) != "column":
            parts.append("\n")
    return "".join(parts)


def _cell_lines(cell: etree._Element) -> list[str]:
    lines: list[str] = []
    for block in cell:
        lines.extend(_block_lines(block))
    return [line for line in lines if line != PAGE_BREAK]  # a page break inside a table cell is layout noise


def _table_lines(table: etree._Element) -> list[str]:
    lines: list[str] = []
    for row in (child for child in table if child.tag == _ROW):
        cells = [_cell_lines(cell) for cell in row if cell.tag == _CELL]
        for side_by_side in zip_longest(*cells, fillvalue=""):
            lines.append(CELL_GAP.join(part.strip() for part in side_by_side).strip())
    return lines


def _block_lines(block: etree._Element) -> list[str]:
    if block.tag == _PARAGRAPH:
        return _paragraph_text(block).split("\n")
    if block.tag == _TABLE:
        return _table_lines(block)
    if block.tag == _CONTENT_CONTROL:  # a form field or a template block: its content is ordinary blocks
        return [line for content in block.iter(_CONTROL_CONTENT) for child in content for line in _block_lines(child)]
    return []


def read_docx(raw: bytes) -> Extracted:
    try:
        body = docx.Document(io.BytesIO(raw)).element.body
    except (zipfile.BadZipFile, KeyError, ValueError, etree.XMLSyntaxError) as error:
        raise Unreadable(f"damaged Word file ({error})") from None
    lines: list[str] = []
    for block in body:
        lines.extend(_block_lines(block))
    pages = "\n".join(lines).split(f"\n{PAGE_BREAK}\n")
    pages = [clean_page(unicodedata.normalize("NFC", page)).lstrip("\n") for page in pages]
    while len(pages) > 1 and not pages[0].strip():  # Word records a break before the first page sometimes
        pages.pop(0)
    return Extracted(pages, "docx")


CONVERTERS = (  # tried in this order; each writes UTF-8 text on stdout, pages split by form feeds
    ("antiword", ["antiword", "-m", "UTF-8.txt", "-w", "0"]),
    ("catdoc", ["catdoc", "-d", "utf-8", "-w"]),
)


def doc_converter() -> tuple[str, list[str]] | None:
    for name, command in CONVERTERS:
        if shutil.which(command[0]):
            return name, command
    return None


def read_doc(raw: bytes) -> Extracted:
    converter = doc_converter()
    if converter is None:
        raise Unreadable("Word 97-2003 .doc needs antiword or catdoc (sudo apt-get install antiword), or save it as .docx")
    name, command = converter
    with tempfile.TemporaryDirectory(prefix="cchc-doc-") as folder:
        source = os.path.join(folder, "report.doc")
        with open(source, "wb") as stream:
            stream.write(raw)
        try:
            text = run_program(name, [*command, source], timeout=CONVERTER_TIMEOUT_SECONDS, what="this .doc")
        except Unreadable as failed:  # the converter names our temporary copy: say "it" instead
            raise Unreadable(str(failed).replace(source, "it")) from None
    return Extracted([clean_page(page) for page in text.split(PAGE_BREAK)], f"doc-{name}")
