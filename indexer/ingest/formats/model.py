"""What reading a file produces: its text page by page, and how it was read.

Page-break scheme: the pages of a report are joined with a line holding only a
form feed (`"\\n\\f\\n"`). Report text is split into lines with `split("\\n")`
everywhere in the project, so that line is one line of its own, blank to every
parser (`"\\f".strip() == ""`), and the page of any line is 1 + the number of
page-break lines above it. A `.txt` report has no such line: one page.
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field

PAGE_BREAK = "\f"
PAGE_JOIN = "\n\f\n"
INSTALL_TESSERACT = "install tesseract: sudo apt-get install tesseract-ocr tesseract-ocr-vie"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
_CONTROL_AS = {"\x02": "-", "\ufffe": "", "\x00": ""}  # pdfium marks a hyphen broken over a line end with U+0002


class Unreadable(Exception):
    """A file that holds no text we can read; str() is the one-line reason."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class OcrMissing(Unreadable):
    """Pages that need OCR while tesseract (or its Vietnamese model) is not installed."""


@dataclass(slots=True)
class Extracted:
    """Text of one file, page by page (page 1 first).

    `method` says how the file was read: "text", "pdf-text", "pdf-ocr" (every page
    OCR'd), "pdf-mixed", "ocr" (an image), "docx", "doc-antiword", "doc-catdoc".
    `ocr_pages` lists the 1-based pages whose text came from tesseract."""

    pages: list[str]
    method: str
    ocr_pages: list[int] = field(default_factory=list)
    engine: str = ""  # the OCR engine and settings, when any page was OCR'd

    @property
    def text(self) -> str:
        return PAGE_JOIN.join(self.pages)

    def to_dict(self) -> dict:
        return {"pages": self.pages, "method": self.method, "ocr_pages": self.ocr_pages, "engine": self.engine}

    @classmethod
    def from_dict(cls, data: dict) -> Extracted:
        pages = data["pages"]
        if not isinstance(pages, list) or not all(isinstance(p, str) for p in pages):
            raise ValueError("pages must be a list of strings")
        return cls(pages, str(data["method"]), [int(p) for p in data.get("ocr_pages", [])], str(data.get("engine", "")))


def clean_page(text: str) -> str:
    """One page's text as a report line list: LF line ends, no control characters (a stray
    form feed would read as a page break), no trailing blank lines."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub(lambda m: _CONTROL_AS.get(m.group(), " "), text).rstrip()


def page_starts(text: str) -> list[int]:
    """1-based line number where each page begins (page 1 begins on line 1)."""
    starts = [1]
    if PAGE_BREAK not in text:  # every .txt report: no second pass over the text
        return starts
    for number, line in enumerate(text.split("\n"), start=1):
        if line == PAGE_BREAK:
            starts.append(number + 1)
    return starts


def page_of_line(line: int, starts: list[int]) -> int:
    """The 1-based page of 1-based `line`, given `page_starts(text)` (computed once per report).
    The page-break line itself belongs to the page before it."""
    return max(1, bisect.bisect_right(starts, line))


def reason_kind(reason: str) -> str:
    """The kind of a skip reason, for counting: `encrypted PDF (needs a password…)` -> `encrypted PDF`,
    `page 3: image too small to read (…)` -> `image too small to read`."""
    kind = re.sub(r"^page \d+: ", "", reason).split(" (", 1)[0].split(", or ", 1)[0]
    return kind.strip() or reason


def is_page_break(line: str) -> bool:
    return line == PAGE_BREAK


def run_program(name: str, command: list[str], *, timeout: float, what: str, stdin: bytes | None = None,
                env: dict[str, str] | None = None) -> str:
    """The standard output (NFC text) of a helper program (tesseract, antiword, catdoc) run on one
    document. Every way it can fail is an `Unreadable` with one line naming `what` it was doing."""
    import subprocess  # here: the search path imports this module for its page helpers only

    try:
        done = subprocess.run(command, input=stdin, capture_output=True, timeout=timeout, env=env, check=False)
    except subprocess.TimeoutExpired:
        raise Unreadable(f"{name} took over {timeout:g} s on {what} (stopped)") from None
    except OSError as error:
        raise Unreadable(f"{name} could not be started ({error})") from None
    if done.returncode != 0:
        detail = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise Unreadable(f"{name} could not read {what} ({detail[-1] if detail else f'exit {done.returncode}'})")
    return unicodedata.normalize("NFC", done.stdout.decode("utf-8", "replace"))
