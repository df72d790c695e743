"""The dashboard's coverage grid: shades scaled to the busiest cell, built in time linear in the cells."""
from __future__ import annotations

import pytest

from cchc_tui.dashboard_rows import coverage_rows
from indexer.overview import Count, Coverage, IndexStatus, Overview

TOPICS = ["mot_cua", "chuyen_doi_so", "de_an_06"]


def overview_of(cells: list[list[int]]) -> Overview:
    units: list[str | None] = [f"UBND phường {k}" for k in range(len(cells))]
    coverage = Coverage(units, TOPICS, {t: t.replace("_", " ") for t in TOPICS}, cells)
    by_unit = [Count(unit, sum(row), [f"doc{k}"]) for k, (unit, row) in enumerate(zip(units, cells))]
    return Overview(sum(map(sum, cells)), by_unit, [], [], [], [], coverage, 0, [], [], IndexStatus("idx", 0, None))


def test_the_busiest_cell_takes_the_darkest_shade_and_empty_cells_none():
    rows = coverage_rows(overview_of([[1, 0, 8], [2, 8, 0]]))
    styles = [[str(cell.style) for cell in row.cells[1:]] for row in rows]
    assert styles[0][2] == styles[1][1]  # both hold the peak
    assert styles[0][0] != styles[0][2]
    assert styles[0][1] == styles[1][2]  # empty cells: the dim style
    assert [row.cells[0].plain for row in rows] == ["UBND phường 0", "UBND phường 1"]


def test_the_peak_is_found_once_not_once_a_cell(monkeypatch: pytest.MonkeyPatch):
    # asked per cell, the scan over every cell made a 3,000-unit grid take minutes
    asked = []
    original = Coverage.peak
    monkeypatch.setattr(Coverage, "peak", property(lambda self: asked.append(1) or original.fget(self)))
    coverage_rows(overview_of([[k % 5, k % 3, k % 7] for k in range(200)]))
    assert len(asked) <= 1
