"""Header, section alignment, citations and topics on hand-built ReportInfo (no parser needed)."""
from __future__ import annotations

import pytest

from indexer.compare import compare_reports
from indexer.compare.structure import align_sections, compare_citations, compare_header, compare_topics
from indexer.model import Citation, Report, ReportInfo, Section, TopicHit


def section(number, heading, kind="other", line=1, end_line=None, children=(), level=1):
    return Section(number, heading, level, kind, line, end_line or line, list(children))


def cite(symbol, date=None, issuer=None, line=1, type_="Quyết định", name=None, date_raw=None, count=1):
    return Citation(type_, symbol, name, date, date_raw, issuer, line, line, symbol or name or "", count, [line])


def topic(topic_id, lines, label=None):
    return TopicHit(topic_id, label or topic_id.replace("_", " "), list(lines))


def info(**fields):
    return ReportInfo(**fields)


# --- header ------------------------------------------------------------------

def test_header_side_by_side_and_common_directive():
    a = info(unit="UBND phường An Bình", symbol="120/BC-UBND", doc_type="Báo cáo", date="2025-12-01",
             responds_to="845/SVHTT-TT")
    b = info(unit="UBND phường Hòa Lạc", symbol="98/BC-UBND", doc_type="Bao cao", date=None,
             responds_to="845/SVHTT-TT")
    header = compare_header(a, b)
    rows = {f.name: (f.a, f.b, f.same) for f in header.fields}
    assert rows["unit"] == ("UBND phường An Bình", "UBND phường Hòa Lạc", False)
    assert rows["doc_type"][2] is True  # equal once folded
    assert rows["date"] == ("2025-12-01", None, False)
    assert rows["signer"] == (None, None, True)
    assert header.common_directive == "845/SVHTT-TT"
    assert compare_header(a, info(responds_to="1/KH-UBND")).common_directive is None


# --- sections ----------------------------------------------------------------

def flat(pairs):
    """(kind, A heading, B heading, score) for each pair, children indented after their parent."""
    out = []
    for p in pairs:
        out.append((p.kind, p.a.heading if p.a else None, p.b.heading if p.b else None, p.score))
        out += [("  " + k, x, y, s) for k, x, y, s in flat(p.children)]
    return out


SECTION_CASES = [
    (  # same kinds in a different order; a kind only one side has
        [section("I", "CÔNG TÁC CHỈ ĐẠO", "chi_dao", 5), section("II", "KẾT QUẢ", "ket_qua", 10),
         section("III", "KIẾN NGHỊ", "kien_nghi", 20)],
        [section("I", "KẾT QUẢ ĐẠT ĐƯỢC", "ket_qua", 4), section("II", "CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH", "chi_dao", 9),
         section("III", "PHƯƠNG HƯỚNG", "phuong_huong", 15)],
        [("chi_dao", "CÔNG TÁC CHỈ ĐẠO", "CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH", 1.0),
         ("ket_qua", "KẾT QUẢ", "KẾT QUẢ ĐẠT ĐƯỢC", 1.0),
         ("phuong_huong", None, "PHƯƠNG HƯỚNG", 0.0),
         ("kien_nghi", "KIẾN NGHỊ", None, 0.0)],
    ),
    (  # sub-sections paired by heading on OCR-tolerant keys
        [section("II", "KẾT QUẢ", "ket_qua", 10, children=[
            section("1", "Tuyên truyền trên Cổng thông tin điện tử", line=11, level=2),
            section("2", "Hội nghị tập huấn", line=14, level=2)])],
        [section("I", "KET QUA PAT PUQC", "ket_qua", 8, children=[
            section("1", "Tap huan k¥ ning sé", line=9, level=2),
            section("2", "Tuyén truyén trén Cong thong tin dién tir", line=12, level=2)])],
        [("ket_qua", "KẾT QUẢ", "KET QUA PAT PUQC", 1.0),  # B-only goes where B has it: first
         ("  other", None, "Tap huan k¥ ning sé", 0.0),
         ("  other", "Tuyên truyền trên Cổng thông tin điện tử", "Tuyén truyén trén Cong thong tin dién tir", 1.0),
         ("  other", "Hội nghị tập huấn", None, 0.0)],
    ),
    (  # an unpaired top-level section finds its counterpart nested in the other report
        [section("I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", "chi_dao", 3)],
        [section("I", "KẾT QUẢ THỰC HIỆN", "ket_qua", 5, children=[
            section("1", "Công tác chỉ đạo, điều hành, tổ chức triển khai", line=6, level=2)])],
        [("ket_qua", None, "KẾT QUẢ THỰC HIỆN", 0.0),
         ("chi_dao", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", "Công tác chỉ đạo, điều hành, tổ chức triển khai", 0.875)],
    ),
    (  # sub-sections found at other levels
        [section("I", "KẾT QUẢ THỰC HIỆN", "ket_qua", 10, children=[
            section("1", "Công tác chỉ đạo, điều hành", line=11, level=2),
            section("2", "Kết quả cụ thể đạt được", line=20, level=2, children=[
                section("2.1", "Tuyên truyền trực quan", line=21, level=3),
                section("2.2", "Tuyên truyền trên hệ thống truyền thanh, trang thông tin điện tử phường",
                        line=30, level=3)])])],
        [section("I", "CÔNG TÁC CHỈ ĐẠO", "chi_dao", 3),
         section("II", "KẾT QUẢ ĐẠT ĐƯỢC", "ket_qua", 9, children=[
             section("5", "Tuyên truyền trên Cổng thông tin điện tử phường", line=12, level=2)])],
        # the result follows A's outline: B's top-level I. pairs with A's 1. under I.,
        # B's 5. with A's 2.2. two levels down; each section listed once
        [("ket_qua", "KẾT QUẢ THỰC HIỆN", "KẾT QUẢ ĐẠT ĐƯỢC", 1.0),
         ("  chi_dao", "Công tác chỉ đạo, điều hành", "CÔNG TÁC CHỈ ĐẠO", 0.9),
         ("  other", "Kết quả cụ thể đạt được", None, 0.0),
         ("    other", "Tuyên truyền trực quan", None, 0.0),
         ("    other", "Tuyên truyền trên hệ thống truyền thanh, trang thông tin điện tử phường",
          "Tuyên truyền trên Cổng thông tin điện tử phường", 0.808)],
    ),
]


@pytest.mark.parametrize(("sections_a", "sections_b", "expected"), SECTION_CASES)
def test_align_sections(sections_a, sections_b, expected):
    assert flat(align_sections(info(sections=sections_a), info(sections=sections_b))) == expected


def test_section_pairs_carry_line_ranges_on_both_sides():
    a = info(sections=[section("I", "KẾT QUẢ", "ket_qua", 10, 30)])
    b = info(sections=[section("II", "KET QUA", "ket_qua", 40, 90)])
    pair = align_sections(a, b)[0]
    assert (pair.a.line, pair.a.end_line, pair.b.line, pair.b.end_line) == (10, 30, 40, 90)


# --- citations ---------------------------------------------------------------

def rows(a_cites, b_cites):
    return [(r.key, r.status, r.conflicts) for r in compare_citations(info(citations=a_cites), info(citations=b_cites))]


CITATION_CASES = [
    ([cite("2100/QĐ-UBND", "2025-01-05", "UBND tỉnh")], [cite("2100/QĐ-UBND", "2025-01-05", "UBND tỉnh")],
     [("2100/QĐ-UBND", "both", [])]),
    ([cite("15/KH-UBND", "2025-02-10")], [cite("15/KH-UBND", "2025-02-12")],
     [("15/KH-UBND", "conflict", ["date"])]),
    ([cite("362/QĐ-UBND", None, "UBND thành phố")], [cite("362/QĐ-UBND", None, "UBND phường Kinh Môn")],
     [("362/QĐ-UBND", "conflict", ["issuer"])]),
    ([cite("3041/QĐ-UBND", date_raw="26/13/2025")], [cite("3041/QĐ-UBND", "2025-07-26")],
     [("3041/QĐ-UBND", "conflict", ["date"])]),
    ([cite("22/KH-UBND", None, "UBND phường")], [cite("22/KH-UBND", None, "UBND phường Kinh Môn")],
     [("22/KH-UBND", "both", [])]),  # a shortened issuer is the same issuer
    ([cite("76/NQ-CP", line=5)], [cite("57-NQ/TW", line=3)],
     [("76/NQ-CP", "only_a", []), ("57-NQ/TW", "only_b", [])]),
    ([cite(None, name="Đề án 06", type_="Đề án")], [cite(None, name="Đề án 06/CP", type_="Đề án")],
     [("de an 06", "both", [])]),
]


@pytest.mark.parametrize(("a_cites", "b_cites", "expected"), CITATION_CASES)
def test_citations(a_cites, b_cites, expected):
    assert rows(a_cites, b_cites) == expected


# --- topics ------------------------------------------------------------------

def test_topics_cover_both_sides_including_topics_one_never_mentions():
    a = info(topics=[topic("mot_cua", [3, 4, 4, 9]), topic("chuyen_doi_so", [12])])
    b = info(topics=[topic("chuyen_doi_so", [5, 6, 7]), topic("thi_dua", [20])])
    rows = compare_topics(a, b)
    table = [(r.topic, r.a_count, r.b_count) for r in rows if r.a_count or r.b_count]
    assert table == [("chuyen_doi_so", 1, 3), ("mot_cua", 3, 0), ("thi_dua", 0, 1)]
    assert rows[:3] == [r for r in rows if r.a_count or r.b_count]  # topics neither covers come last
    assert all((r.a_count, r.b_count) == (0, 0) for r in rows[3:])


def test_compare_reports_to_dict_is_json_ready():
    import orjson

    a = Report("a", "/a.txt", "Phường tổ chức 04 buổi tập huấn.", info(unit="A", topics=[topic("t", [1])]))
    b = Report("b", "/b.txt", "Phường tổ chức 06 buổi tập huấn.", info(unit="B"))
    data = orjson.loads(orjson.dumps(compare_reports(a, b).to_dict()))
    assert data["a"]["doc_id"] == "a" and data["b"]["unit"] == "B"
    assert [(p["a"]["value"], p["b"]["value"]) for p in data["figures"]] == [(4, 6)]
    assert set(data) >= {"header", "sections", "citations", "topics", "figures", "shared", "originality_a"}
