"""The corpus at a glance: the aggregates the dashboard shows (pure functions, JSON-ready).

Everything here is computed in one pass over `Library.entries()` (a stream) and their citations;
each count carries the doc ids behind it so a front end can list exactly those
reports. Nothing reads report text.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from indexer.corpus import CitedDocument, CitingRef, topic_labels
from indexer.model import Indexed, ReportInfo
from indexer.parse.citeindex import aggregate_citations
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


@dataclass(slots=True, frozen=True)
class _Row:
    """What the overview keeps of one report (a report with its info is ~25 KB; this, ~0.2 KB)."""

    doc_id: str
    unit: str | None
    doc_type: str | None
    period: str | None
    month: str | None  # "YYYY-MM"; None: undated
    topics: frozenset[str]  # topics with at least one line

    @classmethod
    def of(cls, report: Indexed) -> _Row:
        info = report.info
        month = info.date[:7] if info.date and len(info.date) >= 7 else None
        return cls(report.doc_id, info.unit, info.doc_type, info.period, month,
                   frozenset(hit.topic for hit in info.topics if hit.lines))


def counts_by(rows: Iterable[_Row], value: Callable[[_Row], str | None]) -> list[Count]:
    """Reports grouped by `value(row)`: biggest group first, unknown last; doc ids in order."""
    groups: dict[str | None, list[str]] = {}
    for row in rows:
        groups.setdefault(value(row), []).append(row.doc_id)
    ordered = sorted(groups.items(), key=lambda kv: (kv[0] is None, -len(kv[1]), kv[0] or ""))
    return [Count(key, len(ids), sorted(ids)) for key, ids in ordered]


def by_month(rows: Iterable[_Row]) -> tuple[list[Count], list[str]]:
    """Reports per month of their date, every month between the first and the last listed."""
    months: dict[str, list[str]] = {}
    undated: list[str] = []
    for row in rows:
        if row.month:
            months.setdefault(row.month, []).append(row.doc_id)
        else:
            undated.append(row.doc_id)
    if not months:
        return [], sorted(undated)
    return [Count(month, len(months.get(month, [])), sorted(months.get(month, [])))
            for month in month_range(min(months), max(months))], sorted(undated)


def month_range(first: str, last: str) -> list[str]:
    year, month = int(first[:4]), int(first[5:7])
    found = []
    while f"{year:04d}-{month:02d}" <= last:
        found.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return found


def coverage(rows: list[_Row], labels: dict[str, str]) -> Coverage:
    units = [count.key for count in counts_by(rows, lambda row: row.unit)]
    covered: dict[tuple[str | None, str], int] = {}
    for row in rows:
        for topic in row.topics:
            covered[(row.unit, topic)] = covered.get((row.unit, topic), 0) + 1
    totals: dict[str, int] = {}
    for (_, topic), count in covered.items():
        totals[topic] = totals.get(topic, 0) + count
    topics = sorted(totals, key=lambda t: (-totals[t], labels.get(t, t), t))
    cells = [[covered.get((unit, topic), 0) for topic in topics] for unit in units]
    return Coverage(units, topics, {t: labels.get(t, t) for t in topics}, cells)


def most_cited(documents: list[CitedDocument], limit: int = MOST_CITED) -> list[CitedCount]:
    ranked = sorted(documents, key=lambda d: (-d.report_count, d.symbol or d.name or ""))
    return [CitedCount(d.symbol, d.name, d.type, d.report_count, len(d.conflicts)) for d in ranked[:limit]]


GIVEN_FIELD = {"date": "date", "issuer": "issuer", "type": "type", "subject": "subject", "impossible_date": "date_raw"}


def _given(ref: CitingRef, kind: str) -> str | None:
    """What the citing report says on the conflict's subject (a conflict of another kind: nothing)."""
    name = GIVEN_FIELD.get(kind)
    return None if name is None else getattr(ref, name)


def conflict_rows(documents: list[CitedDocument]) -> list[ConflictRow]:
    """Every conflict with the citing reports it involves (first citing line of each)."""
    rows = []
    for document in documents:
        for conflict in document.conflicts:
            sides: dict[str, ConflictSide] = {}
            involved = set(conflict.doc_ids)  # a date conflict of a much-cited decision lists thousands
            for ref in document.citing:
                if ref.doc_id in involved and ref.doc_id not in sides:
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


def build_overview(reports: Iterable[Indexed], labels: dict[str, str], status: IndexStatus) -> Overview:
    """One pass over `reports` (a stream: only a small row of each is kept) and their citations."""
    rows: list[_Row] = []

    def infos() -> Iterator[tuple[str, ReportInfo]]:
        for report in reports:
            rows.append(_Row.of(report))
            yield report.doc_id, report.info

    documents = aggregate_citations(infos())
    months, undated = by_month(rows)
    return Overview(
        total=len(rows),
        by_unit=counts_by(rows, lambda row: row.unit),
        by_type=counts_by(rows, lambda row: row.doc_type),
        by_period=counts_by(rows, lambda row: row.period),
        by_month=months,
        undated=undated,
        coverage=coverage(rows, labels),
        cited=len(documents),
        most_cited=most_cited(documents),
        conflicts=conflict_rows(documents),
        status=status,
    )


def library_overview(library) -> Overview:
    """The overview of every report in `library` (an `indexer.api.Library`)."""
    overview = build_overview(library.entries(), topic_labels(), IndexStatus(str(library.index_dir), 0, None))
    overview.status = index_status(library.index_dir, overview.total, getattr(library, "folder", None))
    return overview


def section_kind_labels() -> dict[str, str]:
    """Section kind id -> the label users read (`ket_qua` -> `Kết quả thực hiện`)."""
    from indexer.vietnamese.data import load_json as load

    return {kind["id"]: kind["label"] for kind in load("section_kinds.json")["kinds"]}
