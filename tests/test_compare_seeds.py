"""The comparison engine on the seed reports: gold citations, OCR vs restored text, parsed wards."""
from __future__ import annotations

import json
from functools import cache
from itertools import combinations
from pathlib import Path

import pytest

from indexer.compare import compare_reports, extract_figures, shared_passages
from indexer.compare.structure import compare_citations
from indexer.model import Citation, Report, ReportInfo

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
RESTORED = ROOT / "tests" / "data" / "eval" / "seeds-restored"
GOLD = ROOT / "tests" / "data" / "eval" / "seed-gold.json"
SEEDS = sorted(p.name for p in CORPUS.glob("*.txt"))
KINH_MON, LE_CHAN = "003_bcf0e4ac2e850802", "004_168e2d2b68016eeb"


def seed(prefix: str) -> str:
    return next(name for name in SEEDS if name.startswith(prefix))


@cache
def gold_info(prefix: str) -> ReportInfo:
    """ReportInfo holding exactly the gold citations of one seed (no parser involved)."""
    entry = next(e for e in json.loads(GOLD.read_text("utf-8")) if e["file"] == seed(prefix))
    citations = [Citation(c["type"], c.get("symbol"), c.get("name"), c.get("date"), c.get("raw_date"), c.get("issuer"),
                          c["line"], c["line"], c.get("ocr_form", ""), c.get("count", 1), c.get("lines", []))
                 for c in entry["citations"]]
    return ReportInfo(citations=citations)


# Pairs of seeds citing the same documents, as the gold records them.
GOLD_PAIRS = [
    ("000", "004", {"6121/SVHTTDL-TTBCXB": ("conflict", ["date"])}),  # 27/11 vs 28/11/2025
    ("001", "003", {"3041/QĐ-UBND": ("conflict", ["date"])}),  # 26/7/2025 vs impossible 26/13/2025
    ("002", "003", {"362/QĐ-UBND": ("conflict", ["date", "issuer"]),  # the city's vs the ward's decision
                    "76/NQ-CP": ("both", [])}),
    ("001", "002", {"03-NQ/TU": ("both", []), "TCVN ISO 9001:2015": ("both", [])}),  # Thành ủy = its Ban Thường vụ
    ("003", "004", {"de an 06": ("both", [])}),  # "Đề án 06" and "Đề án 06/CP"
    ("000", "003", {}),
]


@pytest.mark.parametrize(("a", "b", "expected"), GOLD_PAIRS, ids=[f"{a}-{b}" for a, b, _ in GOLD_PAIRS])
def test_gold_citations_compared(a, b, expected):
    rows = compare_citations(gold_info(a), gold_info(b))
    shared = {r.key: (r.status, r.conflicts) for r in rows if r.status in ("both", "conflict")}
    assert shared == expected
    only_a = sum(r.status == "only_a" for r in rows)
    only_b = sum(r.status == "only_b" for r in rows)
    distinct = lambda info: len({c.symbol or c.name for c in info.citations})  # noqa: E731
    assert only_a == distinct(gold_info(a)) - len(expected)
    assert only_b == distinct(gold_info(b)) - len(expected)


@pytest.mark.parametrize("name", SEEDS)
def test_figures_same_on_ocr_and_restored_text(name):
    """The restored seeds are line-aligned with the scans: a figure must not depend on the OCR."""
    key = lambda text: {(f.line, f.value, f.total, f.noun, f.kind) for f in extract_figures(text)}  # noqa: E731
    assert key((CORPUS / name).read_text("utf-8")) == key((RESTORED / name).read_text("utf-8"))


SEED_FIGURES = {  # (line, value, noun) read off the restored text of the two ward reports
    KINH_MON: [(75, 13, "to_dan_pho"), (76, 32, "an_pham"), (90, 60, "tin_bai"), (95, 50, "van_ban"),
               (124, 13, "to_dan_pho"), (132, 120, "hoc_vien"), (148, 9, "buoi"), (148, 550, "nguoi"),
               (185, 13, "to_dan_pho"), (199, 3, "dot"), (199, 21, "buoi"), (200, 13, "to_dan_pho")],
    LE_CHAN: [(63, 100, "ho_so"), (95, 50, "tin_bai"), (104, 100, "can_bo")],
}


@pytest.mark.parametrize("doc_id", sorted(SEED_FIGURES))
def test_ward_report_figures(doc_id):
    figures = extract_figures((CORPUS / f"{doc_id}.txt").read_text("utf-8"))
    assert [(f.line, f.value, f.noun) for f in figures] == SEED_FIGURES[doc_id]


SHARED_CASES = [  # (A, B, some near-copied paragraphs (A line, B line), or none at all)
    ("000", "002", [(32, 300), (53, 327), (65, 344)]),  # the same city propaganda plan, copied
    ("000", "004", [(9, 9)]),  # both open by answering Công văn 6121
    ("002", "003", [(274, 282)]),
    ("003", "004", []),  # two wards, each its own account
]


@pytest.mark.parametrize(("a", "b", "expected"), SHARED_CASES, ids=[f"{a}-{b}" for a, b, _ in SHARED_CASES])
@pytest.mark.parametrize("folder", [CORPUS, RESTORED], ids=["ocr", "restored"])
def test_shared_text_on_seeds(folder, a, b, expected):
    passages, originality_a, _ = shared_passages((folder / seed(a)).read_text("utf-8"),
                                                 (folder / seed(b)).read_text("utf-8"))
    found = {(p.a_line, p.b_line) for p in passages}
    assert set(expected) <= found
    if not expected:
        assert found == set() and originality_a.original_ratio == 1.0


def test_no_seed_pair_is_mostly_copied():
    for a, b in combinations(SEEDS, 2):
        _, originality_a, originality_b = shared_passages((CORPUS / a).read_text("utf-8"), (CORPUS / b).read_text("utf-8"))
        assert originality_a.original_ratio > 0.5 and originality_b.original_ratio > 0.5, (a, b)


# --- the two ward reports, parsed -----------------------------------------------

@cache
def parsed(doc_id: str) -> Report:
    parse = pytest.importorskip("indexer.parse").parse_report
    text = (CORPUS / f"{doc_id}.txt").read_text("utf-8")
    return Report(doc_id, str(CORPUS / f"{doc_id}.txt"), text, parse(text))


def test_ward_reports_compared_end_to_end():
    a, b = parsed(KINH_MON), parsed(LE_CHAN)
    result = compare_reports(a, b)
    def walk(pairs):
        for p in pairs:
            yield p
            yield from walk(p.children)

    kinds = {(p.kind, p.a is not None, p.b is not None) for p in walk(result.sections)}
    assert ("ket_qua", True, True) in kinds
    assert ("chi_dao", True, True) in kinds  # B's top-level chỉ đạo is A's sub-section 1.
    assert all(p.a is None or p.a.line <= p.a.end_line for p in walk(result.sections))
    listed_b = [p.b.line for p in walk(result.sections) if p.b]
    assert len(listed_b) == len(set(listed_b))  # every section of B shown once
    topics = {t.topic: (t.a_count, t.b_count) for t in result.topics}
    covered = {t for t, counts in topics.items() if counts != (0, 0)}
    assert covered == {t.topic for t in a.info.topics} | {t.topic for t in b.info.topics}
    assert any(0 in counts and counts != (0, 0) for counts in topics.values())  # one report never mentions it
    assert "tai_chinh_cong" in topics and topics["tai_chinh_cong"] == (0, 0)  # neither does: still listed
    paired = {(p.a.text, p.b.text) for p in result.figures if p.a and p.b}
    assert ("60 lugt tin bai", "50 tin, bai") in paired
    assert result.shared == []
    statuses = {r.key: r.status for r in result.citations}
    assert statuses.get("3041/QĐ-UBND") == "only_a" and statuses.get("30/KH-UBND") == "only_b"


@pytest.mark.parametrize(("a", "b", "key", "conflicts"), [
    ("000", "004", "6121/SVHTTDL-TTBCXB", ["date"]),
    ("001", "003", "3041/QĐ-UBND", ["date"]),
    ("002", "003", "362/QĐ-UBND", ["date", "issuer"]),
])
def test_parsed_seeds_show_the_gold_conflicts(a, b, key, conflicts):
    rows = {r.key: r for r in compare_reports(parsed(seed(a)[:-4]), parsed(seed(b)[:-4])).citations}
    assert rows[key].status == "conflict" and rows[key].conflicts == conflicts
    assert rows[key].a.lines and rows[key].b.lines
