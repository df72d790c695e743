"""N-way comparison: reports × topics and reports × most-cited directives."""
from __future__ import annotations

from collections.abc import Iterable

from indexer.compare.engine import report_ref
from indexer.compare.result import Matrix, MatrixColumn
from indexer.compare.structure import citation_key, citation_label, taxonomy_labels, titled
from indexer.model import Report
from indexer.search.filters import report_admits

MATRIX_KINDS = ("topics", "citations")


def filter_reports(reports: Iterable[Report], *, unit: str | None = None, doc_type: str | None = None,
                   date_from: str | None = None, date_to: str | None = None) -> list[Report]:
    """Reports every filter given admits, by the one definition search uses (`indexer.search.filters`)."""
    return [r for r in reports
            if report_admits(r.info, unit=unit, doc_type=doc_type, date_from=date_from, date_to=date_to)]


def _cells(per_report: list[dict[str, int]], labels: dict[str, str], top: int | None) -> tuple[list, list]:
    reach = {key: sum(1 for counts in per_report if counts.get(key)) for key in labels}
    volume = {key: sum(counts.get(key, 0) for counts in per_report) for key in labels}
    keys = sorted(labels, key=lambda k: (-reach[k], -volume[k], k))[:top]
    columns = [MatrixColumn(k, labels[k], reach[k]) for k in keys]
    return columns, [[counts.get(k, 0) for k in keys] for counts in per_report]


def topic_matrix(reports: list[Report], top: int | None = None) -> Matrix:
    """Lines per topic in each report; topics most reports cover first, uncovered ones last."""
    labels: dict[str, str] = dict(taxonomy_labels())
    per_report = []
    for report in reports:
        counts = {}
        for hit in report.info.topics:
            labels[hit.topic] = hit.label
            counts[hit.topic] = len(set(hit.lines))
        per_report.append(counts)
    columns, cells = _cells(per_report, labels, top)
    return Matrix("topics", [report_ref(r) for r in reports], columns, cells)


def citation_matrix(reports: list[Report], top: int | None = 20) -> Matrix:
    """Occurrences of each cited document in each report; the most widely cited first."""
    labels: dict[str, str] = {}
    per_report = []
    for report in reports:
        counts: dict[str, int] = {}
        for citation in report.info.citations:
            key = citation_key(citation)
            labels.setdefault(key, titled(citation.type, citation_label(citation)))
            counts[key] = counts.get(key, 0) + max(citation.count, 1)
        per_report.append(counts)
    columns, cells = _cells(per_report, labels, top)
    return Matrix("citations", [report_ref(r) for r in reports], columns, cells)


def compare_matrix(reports: Iterable[Report], kind: str, top: int | None = None) -> Matrix:
    reports = list(reports)
    if kind == "topics":
        return topic_matrix(reports, top)
    if kind == "citations":
        return citation_matrix(reports, top or 20)
    raise ValueError(f"unknown matrix kind {kind!r}: expected one of {', '.join(MATRIX_KINDS)}")
