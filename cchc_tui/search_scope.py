"""Filters from facets, and searches narrowed to a set of reports (pure functions)."""
from __future__ import annotations

import dataclasses
from collections import Counter

from indexer.api import Filters, SearchResult


def filters_for_facet(filters: Filters, facet: str, value: str) -> Filters:
    """`filters` narrowed by one facet value the user picked."""
    if facet == "year":
        return dataclasses.replace(filters, date_from=f"{value}-01-01", date_to=f"{value}-12-31")
    return dataclasses.replace(filters, **{facet: value})


def filters_without_facet(filters: Filters, facet: str) -> Filters:
    """`filters` with that facet's value removed (picking an active value again)."""
    if facet == "year":
        return dataclasses.replace(filters, date_from=None, date_to=None)
    return dataclasses.replace(filters, **{facet: None})


def active_facets(filters: Filters) -> dict[str, str]:
    """Facet -> value the filters hold (a year when the dates span exactly one)."""
    active = {name: getattr(filters, name) for name in ("unit", "doc_type", "topic") if getattr(filters, name)}
    start, end = filters.date_from or "", filters.date_to or ""
    if start[:4] and start == f"{start[:4]}-01-01" and end == f"{start[:4]}-12-31":
        active["year"] = start[:4]
    return active


def scoped(result: SearchResult, scope: frozenset[str]) -> SearchResult:
    """Only the hits among `scope`, with unit, type and year counts of those hits.

    Topic counts need the reports' topics, which hits do not carry: they are left out.
    """
    hits = [hit for hit in result.hits if hit.doc_id in scope]
    facets = {
        "unit": dict(Counter(hit.unit for hit in hits if hit.unit)),
        "doc_type": dict(Counter(hit.doc_type for hit in hits if hit.doc_type)),
        "year": dict(Counter(hit.date[:4] for hit in hits if hit.date)),
    }
    return dataclasses.replace(result, total=len(hits), hits=hits, facets=facets)
