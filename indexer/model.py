"""The typed values of the public contract: what parsing extracts from a report, and what queries return.

Field names are the JSON of `cchc show --json` (ReportInfo and its parts) and of
`cchc search --json` (SearchResult, Hit, LineHit); add fields freely, never
rename one.
"""
from __future__ import annotations

import functools
from dataclasses import asdict, dataclass, field, fields
from typing import Any, Protocol


@dataclass(slots=True)
class Citation:
    type: str | None  # "Quyết định", "Nghị định", "Kế hoạch", "Luật", "Tiêu chuẩn" ...
    symbol: str | None  # canonical official form: "3041/QĐ-UBND", "57-NQ/TW"; None for laws cited by name
    name: str | None  # for instruments cited without a number
    date: str | None  # ISO date as cited; None when absent or impossible
    date_raw: str | None  # the printed date when it is impossible ("26/13/2025")
    issuer: str | None
    line: int  # 1-based, first line of the citation
    end_line: int
    raw: str  # the citation as printed (line breaks kept)
    count: int = 1  # occurrences of this document in the report
    lines: list[int] = field(default_factory=list)
    subject: str | None = None  # folded first words of "về việc ..." after it, when given


@dataclass(slots=True)
class Section:
    number: str  # "I", "2", "2.1", "a"
    heading: str  # as printed (stripped)
    level: int  # 1 = top level
    kind: str  # canonical kind for top-level sections, "other" otherwise
    line: int
    end_line: int
    children: list[Section] = field(default_factory=list)


@dataclass(slots=True)
class TopicHit:
    topic: str  # taxonomy id, e.g. "mot_cua"
    label: str  # "Một cửa, một cửa liên thông"
    lines: list[int]


@dataclass(slots=True)
class Figure:
    text: str  # the phrase as printed, e.g. "730 tin, bài" / "09 budi tuyén truyén"
    line: int
    kind: str  # "count" | "fraction" | "percent"
    value: float  # the number (the numerator of a fraction)
    total: float | None  # the denominator of a fraction ("13/13")
    noun: str | None  # count-noun id from indexer/data/count_nouns.json, e.g. "buoi"
    unit: str | None  # its label, e.g. "buổi"
    measure: str | None  # a measure word before the noun, e.g. "lượt"
    qualifier: str | None  # "trên", "hơn", "gần" ...
    what: str  # folded words after the noun: what is counted ("tuyen truyen long ghep")
    reading: str = ""  # the figure in proper Vietnamese: "09 buổi", "13/13 tổ dân phố", "60 lượt tin, bài"


@dataclass(slots=True)
class ReportInfo:
    unit: str | None = None
    unit_parent: str | None = None
    # Where the unit was read: "header"; or inferred, as a second step, from the "authority line"
    # under a decision's title, the "body" (`UBND xã X báo cáo …`), the "signature", the header's
    # "place" (a header saying only ỦY BAN NHÂN DÂN), the own "symbol"'s agency code. None: no unit.
    unit_source: str | None = None
    unit_inferred: bool = False  # True when unit_source is not "header"
    symbol: str | None = None
    doc_type: str | None = None
    date: str | None = None
    place: str | None = None
    title: str | None = None
    period: str | None = None
    signer: str | None = None
    signer_role: str | None = None
    responds_to: str | None = None
    recipients: list[str] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    topics: list[TopicHit] = field(default_factory=list)
    # Numbers with what they count (indexer/parse/figures.py), in text order. None: not parsed —
    # an index written before figures were parsed, or a parser failure (compare extracts them then).
    figures: list[Figure] | None = None

    def to_dict(self) -> dict:
        return asdict(self)


@functools.cache
def _field_names(cls: type) -> frozenset[str]:
    return frozenset(f.name for f in fields(cls))


def _known(cls: type, data: dict[str, Any]) -> dict[str, Any]:
    # read for each of a report's sections, citations, topics and figures (~50 a report): the common
    # case, no unknown key, costs one set test instead of a new dict and `fields()` every time
    names = _field_names(cls)
    return data if names.issuperset(data) else {k: v for k, v in data.items() if k in names}


def section_from_dict(data: dict[str, Any]) -> Section:
    kids = [section_from_dict(c) for c in data.get("children") or []]
    return Section(**{**_known(Section, data), "children": kids})


def info_from_dict(data: dict[str, Any]) -> ReportInfo:
    """Stored JSON (`ReportInfo.to_dict()`) back into typed metadata; unknown keys (from newer fields) are ignored."""
    info = ReportInfo(**_known(ReportInfo, data))
    info.sections = [section_from_dict(s) for s in data.get("sections") or []]
    info.citations = [Citation(**_known(Citation, c)) for c in data.get("citations") or []]
    info.topics = [TopicHit(**_known(TopicHit, t)) for t in data.get("topics") or []]
    figures = data.get("figures")
    info.figures = None if figures is None else [Figure(**_known(Figure, f)) for f in figures]
    return info


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


class Indexed(Protocol):
    """A report as the corpus-wide aggregates read it: a `Report` or a `ReportEntry`."""

    @property
    def doc_id(self) -> str: ...

    @property
    def info(self) -> ReportInfo: ...


@dataclass(slots=True)
class ReportEntry:
    """One indexed report without its text: what lists and corpus-wide aggregates need
    (a report's text and parsed info together are ~40 KB in memory; its info alone, ~25 KB)."""

    doc_id: str
    path: str
    info: ReportInfo


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
