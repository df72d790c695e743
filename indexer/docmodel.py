"""What document understanding extracts from one report (typed, JSON-ready).

Field names here are the public JSON contract of `cchc show --json`; add
fields freely, never rename one.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field


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

    def to_dict(self) -> dict:
        return asdict(self)
