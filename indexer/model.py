"""Typed results of queries: what the CLI and the TUI render."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass(slots=True)
class LineHit:
    line: int  # 1-based line in the original file
    text: str  # the original line
    spans: list[tuple[int, int]]  # [start, end) character offsets of matched words in `text`


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

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(slots=True)
class SearchResult:
    query: str
    total: int
    hits: list[Hit]
    facets: dict[str, dict[str, int]] = field(default_factory=dict)
    suggestions: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)
