"""Corpus-wide aggregates stream reports without their text, and do not depend on the order they come in."""
from __future__ import annotations

import random

import pytest
from tui_app_factory import CORPUS

from indexer.api import (
    IndexStatus,
    Library,
    build_overview,
    citation_dict,
    citations,
    topic_labels,
    topics,
    units,
    update_index,
)


@pytest.fixture(scope="module")
def library(tmp_path_factory):
    index = tmp_path_factory.mktemp("streams") / "index"
    update_index([CORPUS], index)
    return Library.open(index)


def _aggregates(reports) -> dict:
    reports = list(reports)
    overview = build_overview(reports, topic_labels(), IndexStatus("-", 0, None)).to_dict()
    return {
        "citations": [citation_dict(d) for d in citations(reports)],
        "units": [u.to_dict() for u in units(reports)],
        "topics": [t.to_dict() for t in topics(reports)],
        "overview": overview,
    }


def test_entries_are_every_report_without_its_text(library):
    entries = list(library.entries())
    reports = list(library.reports())
    assert sorted(e.doc_id for e in entries) == [r.doc_id for r in reports]
    assert not hasattr(entries[0], "text")
    by_id = {r.doc_id: r for r in reports}
    assert all(e.info == by_id[e.doc_id].info and e.path == by_id[e.doc_id].path for e in entries)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_aggregates_do_not_depend_on_the_order_of_the_reports(library, seed):
    in_order = _aggregates(library.reports())
    shuffled = list(library.entries())
    random.Random(seed).shuffle(shuffled)
    assert _aggregates(shuffled) == in_order
    assert in_order["citations"] and in_order["overview"]["conflicts"]


def test_batches_hold_at_most_their_size(library):
    batches = list(library.entry_batches(2))
    assert [len(b) for b in batches] == [2, 2, 1]
