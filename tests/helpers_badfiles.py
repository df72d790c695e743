"""Factories for the files a shared folder really holds: every encoding an office
machine writes, binary junk named `.txt`, huge files, links that loop.

Everything is built in `tmp_path` at test time (the 50 MB file is sparse), so no
large or hostile file is committed.
"""
from __future__ import annotations

import os
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
RESTORED = REPO / "tests" / "data" / "eval" / "seeds-restored"
CORPUS = REPO / "corpus"
LEGACY_TSV = REPO / "indexer" / "data" / "legacy_vietnamese.tsv"
MB = 1024 * 1024
TONES = "\u0300\u0301\u0303\u0309\u0323"

SAMPLE = (
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\n"
    "Báo cáo kết quả công tác cải cách hành chính năm 2025 của Sở Khoa học và Công nghệ.\n"
    "Thực hiện Quyết định số 3041/QĐ-UBND ngày 12/10/2025 của Ủy ban nhân dân thành phố.\n"
)


def restored_text(index: int = 0) -> str:
    """A hand-restored real report: proper Vietnamese with diacritics."""
    files = sorted(RESTORED.glob("*.txt"))
    return unicodedata.normalize("NFC", files[index].read_text(encoding="utf-8"))


# --- encoders: the inverse of what indexer.ingest reads -------------------------------

def to_cp1258(text: str) -> bytes:
    """Windows-1258 as Word writes it: precomposed where the code page has the
    letter, otherwise the base letter followed by a combining tone mark."""
    out = []
    for ch in text:
        try:
            out.append(ch.encode("cp1258"))
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONES))
        tone = "".join(c for c in parts if c in TONES)
        out.append(base.encode("cp1258") + tone.encode("cp1258"))
    return b"".join(out)


@cache
def _legacy_encoder(encoding: str) -> dict[str, bytes]:
    table: dict[str, bytes] = {}
    for row in LEGACY_TSV.read_text(encoding="utf-8").splitlines():
        if row and not row.startswith("#"):
            enc, hex_bytes, letter = row.split("\t")
            if enc == encoding:
                table.setdefault(letter, bytes.fromhex(hex_bytes))
    return table


def to_legacy(text: str, encoding: str) -> bytes:
    """TCVN3 or VNI bytes for `text`. TCVN3 has no codes for capital toned letters:
    like a typist using a capitals font, we write the lower-case code."""
    table = _legacy_encoder(encoding)
    out = []
    for ch in unicodedata.normalize("NFC", text):
        code = table.get(ch) or table.get(ch.lower())
        out.append(code if code is not None else ch.encode("cp1252"))
    return b"".join(out)


# --- the bad-file folder -----------------------------------------------------------------

@dataclass(frozen=True)
class Case:
    """One file in a shared folder and what reading it must give."""

    name: str
    make: Callable[[Path], None]  # builds the file at the given path
    text: str | None = None  # expected text when read, or
    reason: str | None = None  # a fragment of the skip reason


def write_bytes(data: bytes) -> Callable[[Path], None]:
    return lambda path: path.write_bytes(data)


def sparse_file(size: int) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        with open(path, "wb") as stream:
            stream.truncate(size)
    return make


def one_long_line(chars: int) -> Callable[[Path], None]:
    words = "báo cáo cải cách hành chính Quyết định 3041/QĐ-UBND "
    line = (words * (chars // len(words) + 1))[:chars]
    return lambda path: path.write_text(line + "\n", encoding="utf-8")


def symlink_to(target: str) -> Callable[[Path], None]:
    return lambda path: os.symlink(target, path)


def folder() -> Callable[[Path], None]:
    def make(path: Path) -> None:
        path.mkdir()
        (path / "inside.txt").write_text("Báo cáo trong thư mục tên x.txt\n", encoding="utf-8")
    return make


def fifo() -> Callable[[Path], None]:
    return lambda path: os.mkfifo(path)


def readable_cases() -> list[Case]:
    sample_lf = SAMPLE
    return [
        Case("utf8.txt", write_bytes(SAMPLE.encode()), text=sample_lf),
        Case("utf8_bom.txt", write_bytes(b"\xef\xbb\xbf" + SAMPLE.encode()), text=sample_lf),
        Case("utf8_crlf.txt", write_bytes(SAMPLE.replace("\n", "\r\n").encode()), text=sample_lf),
        Case("utf8_cr_only.txt", write_bytes(SAMPLE.replace("\n", "\r").encode()), text=sample_lf),
        Case("utf8_nfd.txt", write_bytes(unicodedata.normalize("NFD", SAMPLE).encode()), text=sample_lf),
        Case("utf16le_bom.txt", write_bytes(SAMPLE.encode("utf-16")), text=sample_lf),
        Case("utf16be_bom.txt", write_bytes(b"\xfe\xff" + SAMPLE.encode("utf-16-be")), text=sample_lf),
        Case("utf16le_nobom.txt", write_bytes(SAMPLE.encode("utf-16-le")), text=sample_lf),
        Case("utf16be_nobom.txt", write_bytes(SAMPLE.encode("utf-16-be")), text=sample_lf),
        Case("cp1258.txt", write_bytes(to_cp1258(SAMPLE.replace("\n", "\r\n"))), text=sample_lf),
        Case("vni.txt", write_bytes(to_legacy(SAMPLE, "vni")), text=sample_lf),
        # TCVN3 has no code for a capital toned letter: a lone `Ủ` comes back lower-case.
        Case("tcvn3.txt", write_bytes(to_legacy(SAMPLE, "tcvn3")), text=sample_lf.replace("Ủy", "ủy")),
        Case("UPPER.TXT", write_bytes(SAMPLE.encode()), text=sample_lf),
        Case("long_line.txt", one_long_line(MB), text=None),  # read whole: checked separately
        Case("escape_codes.txt", write_bytes(b"B\xc3\xa1o c\xc3\xa1o \x1b[2J\x1b]52;c;SGk=\x07\n"),
             text="Báo cáo \x1b[2J\x1b]52;c;SGk=\x07\n"),  # kept as is: made inert on display
    ]


def skipped_cases() -> list[Case]:
    return [
        Case("empty.txt", write_bytes(b""), reason="empty file"),
        Case("blank.txt", write_bytes(b"  \r\n\t\n"), reason="empty file (only blank space)"),
        Case("bom_only.txt", write_bytes(b"\xef\xbb\xbf"), reason="empty file"),
        Case("png.txt", write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4),
             reason="binary file (NUL bytes)"),
        Case("utf8_with_nul.txt", write_bytes(SAMPLE.encode() + b"\x00\x00" + SAMPLE.encode()),
             reason="binary file (NUL bytes)"),
        Case("random_8bit.txt", write_bytes(bytes(range(0x80, 0x100)) * 64), reason="encoding unsure"),
        Case("french_cp1252.txt", write_bytes("Le café où l'été très réussi à Genève".encode("cp1252")),
             reason="encoding unsure"),
        Case("huge.txt", sparse_file(50 * MB), reason="too large (50.0 MB > 2 MB limit)"),
        Case("pipe.txt", fifo(), reason="not a regular file"),
        Case("loop.txt", symlink_to("loop.txt"), reason="symbolic link loop"),
        Case("dangling.txt", symlink_to("no-such-target.txt"), reason="no longer exists"),
        Case("x.txt", folder(), reason="is a folder"),
    ]


def build(folder_path: Path, cases: list[Case]) -> dict[str, Path]:
    folder_path.mkdir(parents=True, exist_ok=True)
    paths = {}
    for case in cases:
        path = folder_path / case.name
        case.make(path)
        paths[case.name] = path
    return paths


# --- running the CLI ---------------------------------------------------------------------

@dataclass(frozen=True)
class Run:
    code: int
    stdout: str
    stderr: str
    stdout_bytes: bytes


def cli(*args: str, index_dir: Path | None = None) -> Run:
    """`cchc ARGS` in-process (typer's runner), stdout not a terminal."""
    from typer.testing import CliRunner

    from cchc_tui.cli import app

    argv = [*args, *(["--index-dir", str(index_dir)] if index_dir else [])]
    result = CliRunner().invoke(app, argv, catch_exceptions=True)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception  # a traceback is a test failure, shown as such
    return Run(result.exit_code, result.stdout, result.stderr, result.stdout_bytes)


def cchc_process_args(*args: str) -> list[str]:
    """argv for running `cchc` as a separate process with this interpreter."""
    import sys

    return [sys.executable, "-c", "from cchc_tui.cli import main; main()", *args]
