"""`cchc cite`, `citations`, `units`, `topics` through typer's runner, on the indexed corpus."""
from __future__ import annotations

import orjson
import pytest
from typer.testing import CliRunner

from cchc_tui.cli import app

runner = CliRunner()


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


@pytest.mark.parametrize("typed", ["3041/QĐ-UBND", "3041/QD-UBND", "qđ 3041", "QD 3041", "quyết định 3041"])
def test_cite_json_in_any_typed_form(corpus_index, typed):
    result = run("cite", typed, "--json", "--index-dir", corpus_index)
    assert result.exit_code == 0, result.output
    data = orjson.loads(result.stdout)
    assert {"query", "symbol", "type", "citing", "conflicts"} <= set(data)
    assert (data["query"], data["symbol"], data["type"]) == (typed, "3041/QĐ-UBND", "Quyết định")
    rows = {(c["doc_id"][:3], c["line"], c["date"]) for c in data["citing"]}
    assert rows == {("001", 6, "2025-07-26"), ("003", 6, None)}
    for row in data["citing"]:
        assert {"doc_id", "path", "unit", "line", "raw", "date", "issuer"} <= set(row)
        assert row["issuer"] == "UBND thành phố"
    assert [c["kind"] for c in data["conflicts"]] == ["impossible_date"]


def test_cite_flags_date_conflict_between_reports(corpus_index):
    data = orjson.loads(run("cite", "6121/SVHTTDL-TTBCXB", "--json", "--index-dir", corpus_index).stdout)
    assert sorted(c["date"] for c in data["citing"]) == ["2025-11-27", "2025-11-28"]
    (conflict,) = data["conflicts"]
    assert conflict["kind"] == "date" and len(conflict["doc_ids"]) == 2


def test_cite_human_output(corpus_index):
    result = run("cite", "362/QĐ-UBND", "--index-dir", corpus_index)
    assert result.exit_code == 0
    assert "362/QĐ-UBND" in result.stdout and "CONFLICT (issuer)" in result.stdout
    assert "UBND phường Kinh Môn" in result.stdout and "28/13/2025 (impossible)" in result.stdout


def test_cite_unknown_symbol_is_empty_success(corpus_index):
    result = run("cite", "9999/QĐ-UBND", "--index-dir", corpus_index)
    assert result.exit_code == 0 and result.stdout == ""
    data = orjson.loads(run("cite", "9999/QĐ-UBND", "--json", "--index-dir", corpus_index).stdout)
    assert data["citing"] == [] and data["symbol"] == "9999/QĐ-UBND"


def test_cite_rejects_non_symbols(corpus_index):
    result = run("cite", "hello", "--index-dir", corpus_index)
    assert result.exit_code == 1 and "not a document symbol" in result.output


def test_citations_lists_documents_and_conflicts(corpus_index):
    data = orjson.loads(run("citations", "--json", "--index-dir", corpus_index).stdout)
    documents = {d["symbol"] or d["name"]: d for d in data["documents"]}
    assert documents["3041/QĐ-UBND"]["reports"] == 2
    assert documents["TCVN ISO 9001:2015"]["reports"] == 3
    only_conflicts = orjson.loads(run("citations", "--json", "--conflicts", "--index-dir", corpus_index).stdout)
    assert {d["symbol"] for d in only_conflicts["documents"]} >= {"6121/SVHTTDL-TTBCXB", "362/QĐ-UBND"}
    assert all(d["conflict"] for d in only_conflicts["documents"])
    human = run("citations", "--index-dir", corpus_index)
    assert human.exit_code == 0 and "document" in human.stdout.splitlines()[0]


def test_units_counts_reports(corpus_index):
    data = orjson.loads(run("units", "--json", "--index-dir", corpus_index).stdout)
    counts = {u["unit"]: u["reports"] for u in data["units"]}
    assert counts == {"Sở Ngoại vụ": 2, "Sở Khoa học và Công nghệ": 1, "UBND phường Kinh Môn": 1, "UBND phường Lê Chân": 1}
    assert run("units", "--index-dir", corpus_index).exit_code == 0


def test_topics_command(corpus_index):
    data = orjson.loads(run("topics", "--json", "--index-dir", corpus_index).stdout)
    by_id = {t["topic"]: t for t in data["topics"]}
    assert by_id["tuyen_truyen"]["reports"] == 5


def test_report_text_is_made_inert(tmp_path):
    from cchc_tui.commands.cite import _inert

    assert "\x1b" not in _inert("Sở\x1b]0;pwned\x07 Nội vụ")


def test_cite_by_name_for_unnumbered_instruments(corpus_index):
    data = orjson.loads(run("cite", "Đề án 06", "--json", "--index-dir", corpus_index).stdout)
    assert sorted(c["doc_id"][:3] for c in data["citing"]) == ["003", "004"]  # `Đề án 06` and `Đề án 06/CP`
    assert data["type"] == "Đề án"
