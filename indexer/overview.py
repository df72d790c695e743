"""The corpus at a glance: the aggregates the dashboard shows (pure functions, JSON-ready).

Everything here is computed from `Library.reports()` and the aggregated citations;
each count carries the doc ids behind it so a front end can list exactly those
reports. Nothing reads report text.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from indexer.corpus import CitedDocument, CitingRef, citations, topic_labels
from indexer.model import Report, ReportInfo
from indexer.store.skipped import SkippedFile, read_skipped

MOST_CITED = 10


@dataclass(slots=True)
class Count:
    """Reports sharing one value (`key` None: the value is unknown)."""

    key: str | None
    count: int
    doc_ids: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Coverage:
    """Units × topics: `cells[u][t]` reports of unit `units[u]` covering topic `topics[t]`."""

    units: list[str | None]
    topics: list[str]  # topic ids, most covered first
    labels: dict[str, str]  # topic id -> label
    cells: list[list[int]]

    @property
    def peak(self) -> int:
        return max((n for row in self.cells for n in row), default=0)


@dataclass(slots=True)
class CitedCount:
    symbol: str | None
    name: str | None
    type: str | None
    reports: int
    conflicts: int


@dataclass(slots=True)
class ConflictSide:
    """One report's side of a conflict: what it gives, at which line."""

    doc_id: str
    unit: str | None
    line: int
    given: str | None


@dataclass(slots=True)
class ConflictRow:
    symbol: str | None
    name: str | None
    kind: str  # "date" | "issuer" | "type" | "subject" | "impossible_date"
    detail: str
    sides: list[ConflictSide]


@dataclass(slots=True)
class IndexStatus:
    index_dir: str
    reports: int
    last_indexed: str | None  # ISO time of the last commit (UTC), None when unknown
    skipped: int | None = None  # files the last run skipped; None: the index does not record it
    skipped_files: list[SkippedFile] = field(default_factory=list)  # each with its reason


@dataclass(slots=True)
class Overview:
    total: int
    by_unit: list[Count]
    by_type: list[Count]
    by_period: list[Count]
    by_month: list[Count]  # "YYYY-MM", oldest first; undated reports in `undated`
    undated: list[str]
    coverage: Coverage
    cited: int  # distinct documents cited across the corpus
    most_cited: list[CitedCount]
    conflicts: list[ConflictRow]
    status: IndexStatus

    def to_dict(self) -> dict:
        return asdict(self)


def counts_by(reports: Iterable[Report], value) -> list[Count]:
    """Reports grouped by `value(info)`: biggest group first, unknown last."""
    groups: dict[str | None, list[str]] = {}
    for report in reports:
        groups.setdefault(value(report.info), []).append(report.doc_id)
    ordered = sorted(groups.items(), key=lambda kv: (kv[0] is None, -len(kv[1]), kv[0] or ""))
    return [Count(key, len(ids), ids) for key, ids in ordered]


def by_month(reports: Iterable[Report]) -> tuple[list[Count], list[str]]:
    """Reports per month of their date, every month between the first and the last listed."""
    months: dict[str, list[str]] = {}
    undated: list[str] = []
    for report in reports:
        date = report.info.date
        if date and len(date) >= 7:
            months.setdefault(date[:7], []).append(report.doc_id)
        else:
            undated.append(report.doc_id)
    if not months:
        return [], undated
    return [Count(month, len(months.get(month, [])), months.get(month, [])) for month in month_range(min(months), max(months))], undated


def month_range(first: str, last: str) -> list[str]:
    year, month = int(first[:4]), int(first[5:7])
    found = []
    while f"{year:04d}-{month:02d}" <= last:
        found.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return found


def coverage(reports: list[Report], labels: dict[str, str]) -> Coverage:
    units = [count.key for count in counts_by(reports, lambda info: info.unit)]
    covered: dict[tuple[str | None, str], int] = {}
    for report in reports:
        for topic in {hit.topic for hit in report.info.topics if hit.lines}:
            covered[(report.info.unit, topic)] = covered.get((report.info.unit, topic), 0) + 1
    totals: dict[str, int] = {}
    for (_, topic), count in covered.items():
        totals[topic] = totals.get(topic, 0) + count
    topics = sorted(totals, key=lambda t: (-totals[t], labels.get(t, t)))
    cells = [[covered.get((unit, topic), 0) for topic in topics] for unit in units]
    return Coverage(units, topics, {t: labels.get(t, t) for t in topics}, cells)


def most_cited(documents: list[CitedDocument], limit: int = MOST_CITED) -> list[CitedCount]:
    ranked = sorted(documents, key=lambda d: (-d.report_count, d.symbol or d.name or ""))
    return [CitedCount(d.symbol, d.name, d.type, d.report_count, len(d.conflicts)) for d in ranked[:limit]]


def _given(ref: CitingRef, kind: str) -> str | None:
    values = {"date": ref.date, "issuer": ref.issuer, "type": ref.type, "subject": ref.subject, "impossible_date": ref.date_raw}
    return values.get(kind)


def conflict_rows(documents: list[CitedDocument]) -> list[ConflictRow]:
    """Every conflict with the citing reports it involves (first citing line of each)."""
    rows = []
    for document in documents:
        for conflict in document.conflicts:
            sides: dict[str, ConflictSide] = {}
            for ref in document.citing:
                if ref.doc_id in conflict.doc_ids and ref.doc_id not in sides:
                    sides[ref.doc_id] = ConflictSide(ref.doc_id, ref.unit, ref.line, _given(ref, conflict.kind))
            rows.append(ConflictRow(document.symbol, document.name, conflict.kind, conflict.detail, list(sides.values())))
    return rows


def index_status(index_dir: Path, reports: int, folder: Path | None = None) -> IndexStatus:
    """`folder`: the generation in use inside `index_dir` (where tantivy's meta.json is)."""
    skipped = read_skipped(Path(index_dir))
    try:
        stamp = (Path(folder or index_dir) / "meta.json").stat().st_mtime
        when: str | None = datetime.fromtimestamp(stamp, tz=UTC).isoformat(timespec="seconds")
    except OSError:
        when = None
    return IndexStatus(str(index_dir), reports, when, None if skipped is None else len(skipped), skipped or [])


def build_overview(reports: list[Report], documents: list[CitedDocument], labels: dict[str, str], status: IndexStatus) -> Overview:
    months, undated = by_month(reports)
    return Overview(
        total=len(reports),
        by_unit=counts_by(reports, lambda info: info.unit),
        by_type=counts_by(reports, lambda info: info.doc_type),
        by_period=counts_by(reports, _period),
        by_month=months,
        undated=undated,
        coverage=coverage(reports, labels),
        cited=len(documents),
        most_cited=most_cited(documents),
        conflicts=conflict_rows(documents),
        status=status,
    )


def _period(info: ReportInfo) -> str | None:
    return info.period


def library_overview(library, reports: list[Report] | None = None) -> Overview:
    """The overview of every report in `library` (an `indexer.api.Library`); `reports`: read from it already."""
    reports = list(library.reports()) if reports is None else reports
    documents = citations(reports)
    status = index_status(library.index_dir, len(reports), getattr(library, "folder", None))
    return build_overview(reports, documents, topic_labels(), status)


def section_kind_labels() -> dict[str, str]:
    """Section kind id -> the label users read (`ket_qua` -> `Kết quả thực hiện`)."""
    from indexer.vietnamese.data import load_json as load

    return {kind["id"]: kind["label"] for kind in load("section_kinds.json")["kinds"]}
