"""Typed results of queries: what the CLI and the TUI render."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass(slots=True)
class LineHit:
    line: int  # 1-based line in the original file
    text: str  # the original line
    spans: list[tuple[int, int]]  # [start, end) character offsets of matched words in `text`
    starts: int = 1  # matches that begin on this line (0: the line only continues one)
    scattered: bool = False  # the query's words are on this line, but not as the phrase typed
    page: int = 1  # 1-based page of a PDF or Word file the line is on (a .txt report is one page)


@dataclass(slots=True)
class Hit:
    doc_id: str
    path: str
    score: float
    unit: str | None
    symbol: str | None
    doc_type: str | None
    date: str | None
    title: str | None
    lines: list[LineHit] = field(default_factory=list)
    scattered: bool = False  # the report holds every word, but nowhere as the phrase typed

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(slots=True)
class SearchResult:
    query: str
    total: int
    hits: list[Hit]
    facets: dict[str, dict[str, int]] = field(default_factory=dict)
    suggestions: list[str] = field(default_factory=list)
    phrase_total: int | None = None  # reports with the phrase (listed first); None: no phrase tier
    missing: list[str] = field(default_factory=list)  # query words no report holds under any form
    notes: list[str] = field(default_factory=list)  # what was left out of the query as typed (overlong words, words past 64)

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(slots=True)
class Report:
    """One indexed report: its identity, its original text and what parsing found."""

    doc_id: str  # file name without `.txt`
    path: str  # absolute path when indexed
    text: str  # the NFC text as read (line numbers refer to it)
    info: ReportInfo

    def line_text(self, line: int) -> str:
        lines = self.text.split("\n")
        return lines[line - 1] if 0 < line <= len(lines) else ""


@dataclass(slots=True)
class Filters:
    """Search filters; every one given must hold."""

    unit: str | None = None  # unit name as typed (diacritics optional)
    doc_type: str | None = None
    cites: str | None = None  # a symbol in any form a user types
    topic: str | None = None  # topic id or label
    date_from: str | None = None  # ISO date, inclusive
    date_to: str | None = None

    def is_empty(self) -> bool:
        return all(v is None for v in (self.unit, self.doc_type, self.cites, self.topic, self.date_from, self.date_to))


from indexer.docmodel import ReportInfo  # noqa: E402  (for the annotation above)
