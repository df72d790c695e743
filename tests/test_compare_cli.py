"""`cchc compare` on a fake library of fixture reports: outputs, usage errors, untrusted text."""
from __future__ import annotations

from pathlib import Path

import orjson
import pytest
from typer.testing import CliRunner

from cchc_tui import cli
from cchc_tui.commands import compare as compare_cmd
from indexer.api import CchcError
from indexer.model import Citation, Report, ReportInfo, Section, TopicHit

FIXTURES = Path(__file__).parent / "data" / "fixtures"
runner = CliRunner()


def cite(symbol, date, line):
    return Citation("Quyết định", symbol, None, date, None, None, line, line, symbol, 1, [line])


def report(doc_id, fixture, unit, date, citations=(), topics=(), sections=()):
    text = (FIXTURES / f"{fixture}.txt").read_text("utf-8")
    info = ReportInfo(unit=unit, doc_type="Báo cáo", date=date, responds_to="845/SVHTT-TT",
                      citations=list(citations), topics=list(topics), sections=list(sections))
    return Report(doc_id, str(FIXTURES / f"{fixture}.txt"), text, info)


REPORTS = {
    "ward_a": report("ward_a", "compare_a", "UBND phường An Bình", "2025-12-01",
                     [cite("2100/QĐ-UBND", "2025-01-05", 8), cite("15/KH-UBND", "2025-02-10", 8)],
                     [TopicHit("chuyen_doi_so", "Chuyển đổi số", [15, 20])],
                     [Section("II", "KẾT QUẢ THỰC HIỆN", 1, "ket_qua", 10, 21)]),
    "ward_b": report("ward_b", "compare_b", "UBND phường Hòa Lạc", "2025-11-20",
                     [cite("2100/QĐ-UBND", "2025-01-05", 12), cite("15/KH-UBND", "2025-02-12", 12),
                      cite("76/NQ-CP", "2021-07-15", 12)],
                     [TopicHit("chuyen_doi_so", "Chuyển đổi số", [16]), TopicHit("thi_dua", "Thi đua", [22])],
                     [Section("I", "KẾT QUẢ ĐẠT ĐƯỢC", 1, "ket_qua", 8, 22)]),
    "ward_b_ocr": report("ward_b_ocr", "compare_b_ocr", "UBND phường Hòa Lạc", "2024-06-30"),
}


class FakeLibrary:
    def get(self, doc):
        if doc not in REPORTS:
            raise CchcError(f"not indexed: {doc}")
        return REPORTS[doc]

    def reports(self):
        return iter(REPORTS[k] for k in sorted(REPORTS))


@pytest.fixture(autouse=True)
def fake_library(monkeypatch):
    monkeypatch.setattr(compare_cmd, "_open_library", lambda index_dir: FakeLibrary())


def run(*args):
    return runner.invoke(cli.app, ["compare", *args])


def test_json_two_reports():
    result = run("ward_a", "ward_b", "--json")
    assert result.exit_code == 0, result.output
    data = orjson.loads(result.stdout)
    assert data["header"]["common_directive"] == "845/SVHTT-TT"
    statuses = {r["key"]: r["status"] for r in data["citations"]}
    assert statuses == {"2100/QĐ-UBND": "both", "15/KH-UBND": "conflict", "76/NQ-CP": "only_b"}
    assert [s["a_line"] for s in data["shared"]] == [6, 10, 16]
    assert "Hòa Lạc" in result.stdout  # UTF-8, not \\u-escaped
    assert data["sections"][0]["kind"] == "ket_qua"


def test_terminal_side_by_side():
    result = run("ward_a", "ward_b")
    assert result.exit_code == 0, result.output
    for expected in ("Header", "Sections", "Citations", "Topics", "Figures", "Shared text", "85 tin, bài", "conflict"):
        assert expected in result.stdout


def test_markdown():
    result = run("ward_a", "ward_b_ocr", "--markdown")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# Comparison: ward_a")
    assert "| tin, bài | 85 tin, bài (l.18) | 140 tin, bài (l.18) |" in result.stdout


@pytest.mark.parametrize(("args", "header"), [
    # most widespread first, ties by key
    (("--all", "--matrix", "citations", "--csv"), "doc_id,unit,date,15/KH-UBND,2100/QĐ-UBND,76/NQ-CP"),
    (("ward_a", "ward_b", "ward_b_ocr", "--matrix", "topics", "--csv", "--top", "2"),
     "doc_id,unit,date,chuyen_doi_so,thi_dua"),
])
def test_matrix_csv(args, header):
    result = run(*args)
    assert result.exit_code == 0, result.output
    rows = result.stdout.splitlines()
    assert rows[0] == header
    assert rows[1:] == [r for r in rows[1:] if r.count(",") == header.count(",")] and len(rows) == 4


def test_all_with_filters_json():
    result = run("--all", "--unit", "phuong hoa lac", "--from", "2025", "--json")
    assert result.exit_code == 0, result.output
    data = orjson.loads(result.stdout)
    assert [r["doc_id"] for r in data["reports"]] == ["ward_b"]
    assert [m["kind"] for m in data["matrices"]] == ["topics", "citations"]


def test_all_terminal_matrix():
    result = run("--all", "--matrix", "topics")
    assert result.exit_code == 0, result.output
    assert "Chuyển đổi số" in result.stdout and "Thi đua" in result.stdout


@pytest.mark.parametrize("args", [
    ("ward_a",), (), ("ward_a", "ward_b", "--unit", "x"), ("ward_a", "--all"), ("--all", "--from", "1/2025"),
    ("--all", "--matrix", "units"), ("ward_a", "ward_b", "--json", "--markdown"), ("--all", "--csv"),
])
def test_usage_errors_exit_2(args):
    assert run(*args).exit_code == 2


@pytest.mark.parametrize("args", [("ward_a", "nope"), ("--all", "--unit", "Sở Ngoại vụ")])
def test_user_errors_exit_1_with_one_line(args):
    result = run(*args)
    assert result.exit_code == 1
    assert len(result.stderr.strip().splitlines()) == 1


def test_untrusted_text_is_inert(monkeypatch):
    hostile = report("evil", "compare_b", "UBND \x1b]0;pwned\x07 [bold red]X[/] \u202e", None)
    monkeypatch.setitem(REPORTS, "evil", hostile)
    for fmt in ((), ("--markdown",), ("--json",)):
        result = run("ward_a", "evil", *fmt)
        assert result.exit_code == 0, result.output
        assert "\x1b" not in result.stdout and "\x07" not in result.stdout and "\u202e" not in result.stdout
    assert "[bold red]X[/]" in run("ward_a", "evil").stdout  # markup shown as text, not obeyed
