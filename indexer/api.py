"""The typed API the front ends use. Everything the CLI and the TUI show comes from here."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from indexer.model import Filters, Report, SearchResult


class CchcError(Exception):
    """An error for the user: the front end prints the message and exits 1."""


class Library:
    """An opened index (read side). Cheap to open; safe while another process indexes."""

    @classmethod
    def open(cls, index_dir: Path | None = None) -> "Library":
        raise NotImplementedError  # being written (store + search)

    def search(self, query: str, *, limit: int = 10, filters: Filters | None = None) -> SearchResult:
        raise NotImplementedError

    def get(self, doc: str) -> Report:
        """A report by doc id or by the path it was indexed from; CchcError if not indexed."""
        raise NotImplementedError

    def reports(self) -> Iterator[Report]:
        """Every indexed report, in doc id order."""
        raise NotImplementedError

    def reload(self) -> bool:
        """Pick up commits made by another process; True when something changed."""
        raise NotImplementedError
