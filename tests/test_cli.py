"""The CLI contract through typer's runner: JSON shape, exit codes, one-line errors."""
from __future__ import annotations

import orjson
import pytest
from typer.testing import CliRunner

from cchc_tui.cli import app

runner = CliRunner()
HIT_KEYS = {"doc_id", "path", "score", "unit", "symbol", "doc_type", "date", "title", "lines"}


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


def test_search_json_contract(corpus_index):
    result = run("search", "tuyên truyền cải cách hành chính", "--json", "--index-dir", corpus_index)
    assert result.exit_code == 0, result.output
    data = orjson.loads(result.stdout)
    assert {"query", "total", "hits", "facets"} <= set(data)
    assert data["total"] == 5 and len(data["hits"]) == 5
    for hit in data["hits"]:
        assert HIT_KEYS <= set(hit)
        assert isinstance(hit["score"], float)
        assert hit["lines"]
        for line in hit["lines"]:
            assert isinstance(line["line"], int) and line["line"] >= 1
            assert all(0 <= s < e <= len(line["text"]) for s, e in line["spans"])


def test_human_output_shows_unit_lines_and_count(corpus_index):
    result = run("search", "cai cach hanh chinh", "--index-dir", corpus_index)
    assert result.exit_code == 0
    assert "5 reports match" in result.stdout
    assert "«" in result.stdout  # matches marked when not on a terminal


def test_zero_hits_is_success(corpus_index):
    result = run("search", "zzzqqq", "--json", "--index-dir", corpus_index)
    assert result.exit_code == 0
    assert orjson.loads(result.stdout)["total"] == 0


def test_show_by_id_and_by_path(corpus_index):
    from tests.conftest import CORPUS

    path = sorted(CORPUS.glob("*.txt"))[0]
    by_id = run("show", path.stem, "--json", "--index-dir", corpus_index)
    by_path = run("show", path, "--json", "--index-dir", corpus_index)
    assert by_id.exit_code == 0 and by_path.exit_code == 0
    data = orjson.loads(by_id.stdout)
    assert HIT_KEYS | {"text"} <= set(data)
    assert data["text"] == path.read_text(encoding="utf-8")
    assert orjson.loads(by_path.stdout)["doc_id"] == path.stem
    human = run("show", path.stem, "--index-dir", corpus_index)
    rows = human.stdout.splitlines()
    text_rows = rows[rows.index("") + 1 :]
    assert text_rows[0].split(None, 1)[0] == "1"
    assert len(text_rows) == len(path.read_text(encoding="utf-8").split("\n"))


@pytest.mark.parametrize(
    "args,code,message",
    [
        (("show", "no-such-report"), 1, "not an indexed report"),
        (("show", "/etc/passwd"), 1, "not an indexed report"),
        (("search", "x", "--from", "July"), 2, ""),  # a usage error (issue 11): see test_query_filters
        (("search",), 2, ""),
        (("search", "x", "--limit", "0"), 2, ""),
    ],
)
def test_errors_are_one_line_with_exit_codes(corpus_index, args, code, message):
    result = run(*args, "--index-dir", corpus_index)
    assert result.exit_code == code
    assert "Traceback" not in result.output
    if message:
        assert message in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1


def test_missing_index_says_how_to_build_it(tmp_path):
    result = run("search", "x", "--index-dir", tmp_path / "nothing")
    assert result.exit_code == 1
    assert "cchc index" in result.stderr


def test_index_command_reports_a_summary(corpus_copy, tmp_path):
    first = run("index", corpus_copy, "--index-dir", tmp_path / "idx")
    assert first.exit_code == 0, first.output
    assert "indexed 5, unchanged 0, removed 0, skipped 0" in first.stdout
    edited = sorted(corpus_copy.glob("*.txt"))[1]
    edited.write_text(edited.read_text(encoding="utf-8") + "\nthêm\n", encoding="utf-8")
    again = run("index", corpus_copy, "--index-dir", tmp_path / "idx", "--json")
    data = orjson.loads(again.stdout)
    assert data["indexed"] == [str(edited.resolve())] and data["unchanged"] == 4


def test_index_env_var_is_the_default_location(corpus_copy, tmp_path, monkeypatch):
    monkeypatch.setenv("CCHC_INDEX_DIR", str(tmp_path / "env-idx"))
    assert run("index", corpus_copy).exit_code == 0
    assert (tmp_path / "env-idx" / "cchc-index.json").exists()
