"""The report data the engine keeps between searches (indexer.search.doctext.report_lines) never
changes an answer: a search after others equals the same search from scratch, and a report whose
text changed is read anew."""
from __future__ import annotations

from indexer.api import Library, update_index
from indexer.search.formtext import forget_reports

QUERIES = ["tổ chức bộ máy", "cai cach hanh chinh", '"dịch vụ công trực tuyến"', "chuyển đổi số", "VNeID",
           "SIPAS ISO", "Quyết định 3041", "cải cách", "thủ tục hành chính", "tổ chức"]


def test_searches_after_others_answer_as_from_scratch(library):
    kept = [library.search(q, limit=limit).to_dict() for limit in (1, 10, 50) for q in QUERIES]
    fresh = []
    for limit in (1, 10, 50):
        for q in QUERIES:
            forget_reports()
            fresh.append(library.search(q, limit=limit).to_dict())
    assert kept == fresh
    assert any(hit["lines"] for result in kept for hit in result["hits"])


def test_a_report_whose_text_changed_is_read_anew(tmp_path):
    folder, index_dir = tmp_path / "reports", tmp_path / "index"
    folder.mkdir()
    report = folder / "bao_cao.txt"
    filler = [f"Dòng thứ {n} của báo cáo về công tác văn thư lưu trữ." for n in range(1, 9)]
    report.write_text("\n".join(["BÁO CÁO", *filler, "Kết quả cải cách hành chính quý I."]) + "\n", encoding="utf-8")
    update_index([folder], index_dir)
    before = Library.open(index_dir).search("cải cách hành chính")
    assert [lh.line for h in before.hits for lh in h.lines] == [10]

    report.write_text("\n".join(["BÁO CÁO", "Kết quả cải cách hành chính quý I.", *filler]) + "\n", encoding="utf-8")
    update_index([folder], index_dir)
    after = Library.open(index_dir).search("cải cách hành chính")
    assert [lh.line for h in after.hits for lh in h.lines] == [2]
    assert after.hits[0].lines[0].text == "Kết quả cải cách hành chính quý I."


def test_lines_whose_folding_moves_offsets_still_point_at_the_words(tmp_path):
    """A combining mark NFC cannot compose folds to nothing, a capital sigma lower-cases by context:
    such lines are read on their own, and the spans still point at the words as printed."""
    folder, index_dir = tmp_path / "reports", tmp_path / "index"
    folder.mkdir()
    lines = ["BÁO CÁO", "Ghi chú x\u0301 về cải cách hành chính.", "Mục ΑΣ cải cách hành chính.", "Hết."]
    (folder / "dau.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    update_index([folder], index_dir)
    for kept in (False, True):
        if not kept:
            forget_reports()
        result = Library.open(index_dir).search("cải cách hành chính")
        found = {lh.line: [lh.text[s:e] for s, e in lh.spans] for h in result.hits for lh in h.lines}
        assert found == {2: ["cải", "cách", "hành", "chính"], 3: ["cải", "cách", "hành", "chính"]}
