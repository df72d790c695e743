"""The one loader of the data files in `indexer/data/`, each read once.

Comment lines (`#` first) and blank lines are skipped in text tables; TSV
tables with a header row come back as dicts. A missing or broken file raises
`DataFileError` naming the file and what is wrong with it: the data files are
part of the program, so that is a broken installation, not a bad report.
"""
from __future__ import annotations

import importlib.util
import json
from functools import cache
from pathlib import Path
from typing import Any

from indexer.errors import CchcError

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


class DataFileError(CchcError):
    """A data file of the program is missing or cannot be read as its format says."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"data file {path}: {reason} (reinstall cchc)")
        self.path = path
        self.reason = reason


def data_path(name: str) -> Path:
    return DATA_DIR / name


@cache
def read_text(name: str) -> str:
    """The whole file, decoded as UTF-8."""
    path = data_path(name)
    try:
        return path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        raise DataFileError(path, "missing") from None
    except OSError as error:
        raise DataFileError(path, f"unreadable ({error.strerror or error})") from None
    except UnicodeDecodeError as error:
        raise DataFileError(path, f"not UTF-8 at byte {error.start}") from None


@cache
def load_json(name: str) -> Any:
    try:
        return json.loads(read_text(name))
    except json.JSONDecodeError as error:
        raise DataFileError(data_path(name), f"not JSON at line {error.lineno}: {error.msg}") from None


def _content_lines(name: str) -> list[tuple[int, str]]:
    """(1-based line number, line) of every line that is not blank or a comment."""
    lines = read_text(name).split("\n")  # not splitlines(): a table cell may hold U+2028 or U+0085
    return [(n, line) for n, line in enumerate(lines, 1) if line.strip() and not line.startswith("#")]


@cache
def load_lines(name: str) -> tuple[str, ...]:
    """One entry a line, stripped."""
    return tuple(line.strip() for _, line in _content_lines(name))


@cache
def load_tsv(name: str, columns: int = 2) -> tuple[tuple[str, ...], ...]:
    """Rows of a tab-separated table without a header, each with at least `columns` fields."""
    rows = []
    for number, line in _content_lines(name):
        row = tuple(line.split("\t"))
        if len(row) < columns:
            raise DataFileError(data_path(name), f"line {number} has {len(row)} tab-separated fields, not {columns}")
        rows.append(row)
    return tuple(rows)


@cache
def load_rows(name: str) -> tuple[dict[str, str], ...]:
    """Rows of a tab-separated table whose first content line names the columns.
    Fields are taken as written (no quoting); an empty trailing field may be left out."""
    content = _content_lines(name)
    if not content:
        raise DataFileError(data_path(name), "no header row")
    header = content[0][1].split("\t")
    rows = []
    for number, line in content[1:]:
        fields = line.split("\t")
        if not len(header) - 1 <= len(fields) <= len(header):
            raise DataFileError(data_path(name), f"line {number} has {len(fields)} fields, the header {len(header)}")
        rows.append(dict(zip(header, fields + [""] * (len(header) - len(fields)))))
    return tuple(rows)


def pyvi_words_path() -> Path:
    """pyvi's word list (`pyvi/models/words.txt`), found without importing pyvi (that costs a second)."""
    spec = importlib.util.find_spec("pyvi")
    if spec is None or not spec.submodule_search_locations:
        raise DataFileError(Path("pyvi/models/words.txt"), "pyvi is not installed: its word list is the lexicon")
    return Path(list(spec.submodule_search_locations)[0]) / "models" / "words.txt"


def read_pyvi_words() -> str:
    """pyvi's word list, one entry a line (not cached: callers build what they need once)."""
    path = pyvi_words_path()
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise DataFileError(path, f"unreadable ({error})") from None
