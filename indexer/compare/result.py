"""Typed results of comparing reports: what the CLI and the TUI render.

Field names are the public JSON contract of `cchc compare --json`: add
fields freely, never rename one. Line numbers are 1-based lines of the
report text (`Report.text`).
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field

from indexer.model import Figure  # what parsing found; pairs of them are compared here


@dataclass(slots=True)
class ReportRef:
    doc_id: str
    path: str
    unit: str | None
    symbol: str | None
    doc_type: str | None
    date: str | None
    title: str | None = None


@dataclass(slots=True)
class HeaderField:
    name: str  # "unit", "symbol", "doc_type", "date", "period", "signer", "responds_to"
    a: str | None
    b: str | None
    same: bool  # equal after folding (both None counts as same)


@dataclass(slots=True)
class Header:
    fields: list[HeaderField]
    common_directive: str | None  # the document both reports answer, if any


@dataclass(slots=True)
class SectionSide:
    number: str
    heading: str
    kind: str
    level: int
    line: int
    end_line: int


@dataclass(slots=True)
class SectionPair:
    kind: str  # canonical kind of the pair ("other" when matched by heading)
    a: SectionSide | None  # None: the section is missing from A
    b: SectionSide | None
    score: float  # 1.0 for a match by kind, heading similarity otherwise, 0.0 unmatched
    children: list[SectionPair] = field(default_factory=list)


@dataclass(slots=True)
class CitationSide:
    type: str | None
    date: str | None
    date_raw: str | None
    issuer: str | None
    line: int
    lines: list[int]
    count: int
    raw: str


@dataclass(slots=True)
class CitationRow:
    key: str  # canonical symbol, or the instrument's name when it has no number
    type: str | None
    status: str  # "both" | "only_a" | "only_b" | "conflict"
    a: CitationSide | None
    b: CitationSide | None
    conflicts: list[str] = field(default_factory=list)  # "date", "issuer"
    label: str = ""  # what to show: the symbol, or the name as the parser canonicalised it ("Đề án 06")

    @property
    def line(self) -> int:
        """Where the citation first stands: in A when A cites it, else in B."""
        side = self.a or self.b
        assert side is not None, "a row has at least one side"
        return side.line


@dataclass(slots=True)
class TopicRow:
    topic: str
    label: str
    a_count: int  # lines of A on this topic
    b_count: int
    a_lines: list[int]
    b_lines: list[int]


@dataclass(slots=True)
class FigurePair:
    noun: str | None
    a: Figure | None
    b: Figure | None
    score: float  # context similarity of a paired figure, 0.0 when one side is missing

    @property
    def line(self) -> int:
        """Where the figure stands: in A when A has it, else in B."""
        side = self.a or self.b
        assert side is not None, "a pair has at least one side"
        return side.line


@dataclass(slots=True)
class SharedPassage:
    a_line: int
    a_end_line: int
    b_line: int
    b_end_line: int
    containment: float  # shared shingles / shingles of the shorter paragraph
    jaccard: float
    a_text: str
    b_text: str


@dataclass(slots=True)
class Originality:
    paragraphs: int
    shared_paragraphs: int
    words: int
    shared_words: int  # words in paragraphs that have a near-copy on the other side
    original_ratio: float  # 1 - shared_words / words


@dataclass(slots=True)
class Comparison:
    a: ReportRef
    b: ReportRef
    header: Header
    sections: list[SectionPair]
    citations: list[CitationRow]
    topics: list[TopicRow]
    figures: list[FigurePair]
    shared: list[SharedPassage]
    originality_a: Originality
    originality_b: Originality

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(slots=True)
class MatrixColumn:
    key: str  # topic id or citation key
    label: str
    reports: int  # how many reports have a non-zero cell


@dataclass(slots=True)
class Matrix:
    kind: str  # "topics" | "citations"
    reports: list[ReportRef]
    columns: list[MatrixColumn]
    cells: list[list[int]]  # cells[report][column]: lines on the topic / occurrences of the citation

    def to_dict(self) -> dict:
        return asdict(self)
