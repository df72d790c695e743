"""The kind of a file from its first bytes, not its name: scanners and mail
clients name files anything (`scan0001`, `baocao.PDF.pdf`, a .docx saved as .doc)."""
from __future__ import annotations

import io
import zipfile
from enum import StrEnum


class Kind(StrEnum):
    TEXT = "text"
    PDF = "pdf"
    DOCX = "docx"
    DOC = "doc"  # Word 97-2003 (OLE2 compound file)
    IMAGE = "image"  # PNG, JPEG, TIFF, BMP, WebP, GIF
    OTHER_ZIP = "zip"  # a zip archive that is not a Word document (xlsx, odt, plain .zip)
    OTHER_OLE = "ole"  # an OLE2 file that is not a Word document (xls, ppt, msg)


# Suffixes discovery picks up under folders (lower case); files named directly are sniffed whatever their name.
SUFFIXES: dict[str, Kind] = {
    ".txt": Kind.TEXT, ".pdf": Kind.PDF, ".docx": Kind.DOCX, ".doc": Kind.DOC,
    ".png": Kind.IMAGE, ".jpg": Kind.IMAGE, ".jpeg": Kind.IMAGE, ".tif": Kind.IMAGE, ".tiff": Kind.IMAGE,
}

_IMAGE_MAGIC = (
    b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*", b"BM", b"GIF87a", b"GIF89a",
)
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_PDF_SEARCH = 1024  # the PDF header may follow some junk bytes (the spec allows it within the first 1 KB)


def sniff(raw: bytes) -> Kind:
    kind = sniff_magic(raw)
    if kind is Kind.DOCX:
        return Kind.DOCX if _is_word_zip(raw) else Kind.OTHER_ZIP
    if kind is Kind.DOC:
        return Kind.DOC if _is_word_ole(raw) else Kind.OTHER_OLE
    return kind


def is_document(head: bytes) -> bool:
    """Whether the first bytes (1 KB is enough) are those of a PDF, zip, OLE2 or image file:
    the kinds read by the reading stage rather than decoded as text."""
    return sniff_magic(head) is not Kind.TEXT


def sniff_magic(head: bytes) -> Kind:
    """The kind by magic bytes alone (a zip is taken for a Word file, an OLE2 file for a .doc)."""
    if b"%PDF-" in head[:_PDF_SEARCH]:
        return Kind.PDF
    if head.startswith(_IMAGE_MAGIC) or (head[:4] == b"RIFF" and head[8:12] == b"WEBP"):
        return Kind.IMAGE
    if head.startswith(b"PK\x03\x04"):
        return Kind.DOCX
    if head.startswith(_OLE2):
        return Kind.DOC
    return Kind.TEXT


def _is_word_zip(raw: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            return "word/document.xml" in archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False


def _is_word_ole(raw: bytes) -> bool:
    """The directory of an OLE2 file names its streams in UTF-16; Word's main stream is `WordDocument`.
    Reading the directory properly needs a library; the name's bytes are a reliable enough mark."""
    return "WordDocument".encode("utf-16-le") in raw[:1024 * 1024] or "WordDocument".encode("utf-16-le") in raw[-65536:]
