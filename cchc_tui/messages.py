"""Messages that travel across screens (widget-local messages live on their widget)."""
from __future__ import annotations

from dataclasses import dataclass, field

from textual.message import Message

from indexer.api import Filters, Hit


@dataclass
class IndexChanged(Message):
    """Another process committed to the index; screens showing results refresh."""


@dataclass
class ThemeChanged(Message):
    """The user switched theme; screens rebuild what they styled from the old one."""


@dataclass
class OpenReport(Message):
    """Show one report; `hit` (when known) carries the lines to highlight."""

    doc_id: str
    hit: Hit | None = None
    line: int | None = None  # open at this line instead of the first match


@dataclass
class CompareReports(Message):
    """Show two reports side by side."""

    left: str  # doc ids
    right: str


@dataclass
class ShowSearch(Message):
    """Search (or browse) with these filters, optionally only among `scope` doc ids."""

    query: str = ""
    filters: Filters = field(default_factory=Filters)
    scope: frozenset[str] | None = None
    scope_label: str = ""  # what the scope is, for the status line ("period: năm 2025")


@dataclass
class ShowCitations(Message):
    """The citations browser; `symbol` (or name) opens that document's citing reports."""

    symbol: str | None = None


@dataclass
class ShowConflicts(Message):
    """The conflicts list, with the cursor on conflict number `index`."""

    index: int = 0
