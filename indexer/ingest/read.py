"""Read one report file from a shared folder, trusting nothing about it.

Limits:
- MAX_REPORT_BYTES: larger files are skipped with the size in the reason. The
  limit is set from the measured cost of indexing (bench/bench_index_cost.py):
  OCR analysis and parsing take about 9 s and 330 MB of memory per MB of text,
  so a 2 MB file costs ~20 s and ~0.7 GB; a 20 MB one took 6 GB. The largest
  real report seen is well under 1 MB.
- Long lines are kept whole: there is no per-line limit (LINE_LIMIT = None),
  because splitting a line would make line numbers disagree with the file the
  official opens in an editor. A 2 MB single-line file is read and indexed;
  front ends shorten what they print.
"""
from __future__ import annotations

import errno
import os
import stat
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from indexer.ingest.decode import NotText, decode_report_bytes
from indexer.ingest.formats.kinds import is_document
from indexer.ingest.names import shown_path

MAX_REPORT_BYTES = 2 * 1024 * 1024
# PDF, Word and image files: their size is pictures, not text (a scanned page is ~0.3-1 MB at 300 dpi);
# what analysis costs follows their extracted text, held to MAX_REPORT_BYTES by the reader.
MAX_DOCUMENT_BYTES = 100 * 1024 * 1024
LINE_LIMIT: int | None = None  # see the module docstring
MB = 1024 * 1024


@dataclass(frozen=True)
class Skipped:
    """A file left out of the index, with a one-line reason for the user."""

    path: str
    reason: str
    unread: bool = False  # could not be read this time (I/O, permission): its indexed reports are kept


class BadReport(Exception):
    """A file that cannot be read as a report; str() is `<path>: <reason>`."""

    def __init__(self, path: Path | str, reason: str) -> None:
        super().__init__(f"{shown_path(path)}: {reason}")
        self.path = shown_path(path)
        self.reason = reason

    def skipped(self) -> Skipped:
        return Skipped(self.path, self.reason)


def read_report(path: Path) -> str:
    """The report's text: NFC, `\\n` line ends, otherwise as in the file."""
    return decode_report(path, read_report_bytes(path))


def read_report_bytes(path: Path) -> bytes:
    """The file's bytes, checked (a regular file within the size limit); for callers
    that hash the bytes to skip unchanged files before decoding them."""
    return _read_bytes(Path(path))


def decode_report(path: Path, raw: bytes) -> str:
    """`raw` (from `read_report_bytes(path)`) as report text; BadReport if it is none."""
    if not raw.strip():
        raise BadReport(path, "empty file" if not raw else "empty file (only blank space)")
    try:
        text = decode_report_bytes(raw).text
    except NotText as reason:
        raise BadReport(path, str(reason)) from None
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise BadReport(path, "empty file (only blank space)" if text else "empty file")
    return unicodedata.normalize("NFC", text)


def _too_large(size: int, limit: int = MAX_REPORT_BYTES) -> str:
    return f"too large ({size / MB:.1f} MB > {limit // MB} MB limit)"


def _size_limit(fd: int) -> int:
    """The limit for this file: PDF, Word and image files (by their first bytes) may be larger than text."""
    head = os.read(fd, 1024)
    os.lseek(fd, 0, os.SEEK_SET)  # os.pread is not on Windows; the stream below shares this offset
    return MAX_DOCUMENT_BYTES if is_document(head) else MAX_REPORT_BYTES


def _read_bytes(path: Path) -> bytes:
    """Open without blocking (a FIFO named .txt must not hang the indexer), check it
    is a regular file of sane size, read at most the limit plus one byte."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as error:
        raise BadReport(path, _os_reason(error)) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise BadReport(path, "is a folder, not a file")
        if not stat.S_ISREG(info.st_mode):
            raise BadReport(path, "not a regular file (device, pipe or socket)")
        limit = _size_limit(fd) if info.st_size > MAX_REPORT_BYTES else MAX_REPORT_BYTES
        if info.st_size > limit:
            raise BadReport(path, _too_large(info.st_size, limit))
        with os.fdopen(os.dup(fd), "rb") as stream:
            raw = stream.read(limit + 1)
    except OSError as error:
        raise BadReport(path, _os_reason(error)) from None
    finally:
        os.close(fd)
    if len(raw) > limit:  # grew after the size check
        raise BadReport(path, _too_large(len(raw), limit))
    return raw


OS_REASONS = {
    errno.ENOENT: "file no longer exists (deleted or moved after it was listed)",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.EISDIR: "is a folder, not a file",
    errno.ELOOP: "symbolic link loop",
    errno.ENAMETOOLONG: "path too long",
    errno.ENOTDIR: "file no longer exists (a folder on its path was replaced)",
    errno.EIO: "input/output error (a damaged disk or a lost network share)",
}


def _os_reason(error: OSError) -> str:
    return OS_REASONS.get(error.errno or 0, f"cannot read ({error.strerror or error})")
