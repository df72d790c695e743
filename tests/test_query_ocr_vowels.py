"""A two-word query finds the lines where the OCR printed ư as a plain `e` (`trec tuyén` for trực tuyến),
typed with marks or without, and nothing more. Invented reports, written from the layout."""
from __future__ import annotations

from pathlib import Path

import pytest

from indexer.api import Library, update_index

SCANNED = (
    "BAO CAO\n"
    "Két qua cong tac cai cach hanh chinh nam 2025\n"
    "Nguoi dan nop hd so trec tuyén tai nha qua Cong dich vu cong.\n"
    "Xa t6 chirc hop tryc tuyén vdi cac thén.\n"
    "Chu treong cua Pang uy vé chuyén doi sé.\n"
    "Can bé tiép nhan truc tiép hé so tai Bo phan Mét cira.\n"
)
DIGITAL = "KẾ HOẠCH\nTrẻ em được tiêm chủng đầy đủ.\nTrung tâm tiếp nhận hồ sơ trực tiếp.\n"


@pytest.fixture(scope="module")
def library(tmp_path_factory) -> Library:
    folder = tmp_path_factory.mktemp("ocr-vowel-docs")
    (folder / "scanned.txt").write_text(SCANNED, encoding="utf-8")
    (folder / "digital.txt").write_text(DIGITAL, encoding="utf-8")
    index = tmp_path_factory.mktemp("ocr-vowel-index") / "index"
    update_index([folder], index)
    return Library.open(index)


def listed(library: Library, query: str) -> dict[str, set[int]]:
    result = library.search(query, limit=20, with_facets=False)
    return {Path(h.path).name: {lh.line for lh in h.lines if lh.starts} for h in result.hits}


@pytest.mark.parametrize(("query", "lines"), [
    ("trực tuyến", {"scanned.txt": {3, 4}}),  # `trec tuyén` and `tryc tuyén`
    ("truc tuyen", {"scanned.txt": {3, 4}}),  # typed without marks: the index reads trec as trực
    ("chủ trương", {"scanned.txt": {5}}),  # `treong` for trương
    ("trực tiếp", {"scanned.txt": {6}, "digital.txt": {3}}),  # no stray line from the e reading
])
def test_a_query_finds_the_misprinted_lines(library: Library, query: str, lines: dict[str, set[int]]) -> None:
    assert listed(library, query) == lines
