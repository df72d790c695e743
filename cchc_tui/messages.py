"""Messages that travel across screens (widget-local messages live on their widget)."""
from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from indexer.api import Hit


@dataclass
class IndexChanged(Message):
    """Another process committed to the index; screens showing results refresh."""


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
