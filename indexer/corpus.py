"""What the whole corpus cites, who wrote it and what it covers: the lookups behind
`cchc cite`, `cchc citations`, `cchc units`, `cchc topics` and the app's browsers.

Pure functions over the reports of a `Library`; every result is a dataclass whose
`to_dict()` is the documented JSON. Nothing here reads report text again: all of
it was parsed at index time.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from indexer.errors import CchcError
from indexer.model import Indexed, Report
from indexer.parse.citeindex import CitedDocument, CitingRef, Conflict, aggregate_citations, parse_symbol_query
from indexer.parse.tables import doc_type_names
from indexer.parse.topics import topic_labels
from indexer.textnorm import fold

__all__ = [
    "CiteResult", "CitedDocument", "CitingRef", "Conflict", "TopicSummary", "UnitSummary",
    "cite", "citations", "citation_dict", "conflict_dicts", "topic_labels", "topics", "units",
]


def conflict_dicts(conflicts: Iterable[Conflict]) -> list[dict[str, Any]]:
    return [{"kind": c.kind, "detail": c.detail, "doc_ids": c.doc_ids} for c in conflicts]


def citation_dict(document: CitedDocument) -> dict[str, Any]:
    """One row of `cchc citations --json`."""
    return {
        "symbol": document.symbol, "name": document.name, "type": document.type, "reports": document.report_count,
        "doc_ids": sorted({c.doc_id for c in document.citing}), "dates": document.dates,
        "issuers": document.issuers, "conflict": bool(document.conflicts),
        "conflicts": conflict_dicts(document.conflicts),
    }


def citations(reports: Iterable[Indexed], *, conflicts_only: bool = False) -> list[CitedDocument]:
    """Every document cited across `reports`, most cited first; with `conflicts_only`, those whose citations disagree."""
    documents = aggregate_citations((r.doc_id, r.info) for r in reports)
    return [d for d in documents if d.conflicts] if conflicts_only else documents


@dataclass(slots=True)
class CiteResult:
    """Who cites one document (`cchc cite`): the documents the typed symbol names, each citing line."""

    query: str
    symbol: str | None  # canonical symbol when one document (or a whole typed symbol) is meant
    documents: list[CitedDocument]
    reports: dict[str, Report]  # doc id -> citing report (for path and context lines)

    @property
    def citing(self) -> list[tuple[CitedDocument, CitingRef]]:
        return [(d, c) for d in self.documents for c in d.citing]

    def context(self, ref: CitingRef) -> str:
        """The line of the citing report where the citation starts, as printed."""
        return self.reports[ref.doc_id].line_text(ref.line)

    def to_dict(self) -> dict[str, Any]:
        symbols = [d.symbol or d.name for d in self.documents]
        return {
            "query": self.query,
            "symbol": self.symbol,
            "symbols": symbols,
            "type": self.documents[0].type if len(self.documents) == 1 else None,
            "citing": [{"doc_id": c.doc_id, "path": self.reports[c.doc_id].path, "unit": c.unit, "symbol": d.symbol,
                        "line": c.line, "end_line": c.end_line, "raw": c.raw, "type": c.type, "date": c.date,
                        "date_raw": c.date_raw, "issuer": c.issuer, "context": self.context(c)}
                       for d, c in self.citing],
            "conflicts": [x for d in self.documents for x in conflict_dicts(d.conflicts)],
        }


def names_an_instrument(text: str) -> bool:
    """`Luật dân chủ …`, `Đề án 06`: instruments cited by name, looked up by name."""
    words = fold(text).split()
    return len(words) > 1 and any(words[: len(fold(t).split())] == fold(t).split() for t in doc_type_names())


def cite(reports: Iterable[Indexed], symbol: str, read: Callable[[str], Report]) -> CiteResult:
    """Every report citing the document `symbol` names (`3041/QĐ-UBND`, `qđ 3041`, `3041`, `Luật …`);
    `read(doc_id)` gives a citing report with its text (for the context lines). CchcError when
    `symbol` names no document at all."""
    query = parse_symbol_query(symbol)
    by_name = names_an_instrument(symbol)
    if query.key is None and query.number is None and not by_name:
        raise CchcError(f"not a document symbol: {symbol!r} (try 3041/QĐ-UBND, 'qđ 3041' or 'Luật …')")
    wanted = " ".join(fold(symbol).split())
    documents = [d for d in aggregate_citations((r.doc_id, r.info) for r in reports)
                 if (d.symbol and any(query.matches(d.symbol, c.type) for c in d.citing))
                 or (by_name and d.name and wanted in " ".join(fold(d.name).split()))]
    symbols = [d.symbol or d.name for d in documents]
    canonical = symbols[0] if len(symbols) == 1 else query.symbol
    citing = sorted({c.doc_id for d in documents for c in d.citing})
    return CiteResult(symbol, canonical, documents, {doc_id: read(doc_id) for doc_id in citing})


@dataclass(slots=True)
class UnitSummary:
    unit: str | None  # None: reports whose unit could not be read
    parent: str | None
    doc_ids: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"unit": self.unit, "parent": self.parent, "reports": len(self.doc_ids), "doc_ids": self.doc_ids}


def units(reports: Iterable[Indexed]) -> list[UnitSummary]:
    """Issuing units, most reports first; the parent is the one most of the unit's reports give."""
    groups: dict[str | None, list[tuple[str, str | None]]] = {}
    for report in reports:
        groups.setdefault(report.info.unit, []).append((report.doc_id, report.info.unit_parent))
    ordered = sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0] or "\uffff"))
    summaries = []
    for unit, members in ordered:
        members.sort()  # doc id order, whatever order the reports came in
        parent = Counter(parent for _doc_id, parent in members).most_common(1)[0][0]
        summaries.append(UnitSummary(unit, parent, [doc_id for doc_id, _parent in members]))
    return summaries


@dataclass(slots=True)
class TopicSummary:
    topic: str  # taxonomy id
    label: str
    lines_by_report: dict[str, int] = field(default_factory=dict)  # doc id -> lines on the topic

    def to_dict(self) -> dict[str, Any]:
        return {"topic": self.topic, "label": self.label, "reports": len(self.lines_by_report),
                "doc_ids": list(self.lines_by_report), "lines": sum(self.lines_by_report.values())}


def topics(reports: Iterable[Indexed]) -> list[TopicSummary]:
    """Every topic of the taxonomy, in its order (then topics outside it, as first met in doc id
    order), with the reports that cover it in doc id order."""
    labels = topic_labels()
    covered = {tid: TopicSummary(tid, label) for tid, label in labels.items()}
    for report in reports:
        for hit in report.info.topics:
            summary = covered.setdefault(hit.topic, TopicSummary(hit.topic, labels.get(hit.topic, hit.topic)))
            summary.lines_by_report[report.doc_id] = len(hit.lines)
    for summary in covered.values():
        summary.lines_by_report = dict(sorted(summary.lines_by_report.items()))
    extra = sorted((s for s in covered.values() if s.topic not in labels), key=lambda s: next(iter(s.lines_by_report)))
    return [covered[tid] for tid in labels] + extra
