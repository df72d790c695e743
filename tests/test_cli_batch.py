"""`cchc search --batch`: one JSON object per query, in order, whatever each query holds."""
from __future__ import annotations

import orjson
from typer.testing import CliRunner

from cchc_tui.cli import app

runner = CliRunner()


def batch(index_dir, text: str, *extra: str):
    return runner.invoke(app, ["search", "--batch", "-", "--index-dir", str(index_dir), *extra], input=text)


def test_one_object_per_query_in_order(corpus_index):
    result = batch(corpus_index, "Quyết định 3041\n\n# a comment\ncai cach hanh chinh\nxyzqwv\n", "--limit", "2")
    assert result.exit_code == 0, result.output
    objects = [orjson.loads(line) for line in result.stdout.splitlines()]
    assert [o["query"] for o in objects] == ["Quyết định 3041", "cai cach hanh chinh", "xyzqwv"]
    assert objects[1]["total"] == 5 and len(objects[1]["hits"]) == 2
    assert objects[2]["total"] == 0 and objects[2]["hits"] == []


def test_the_same_answer_as_a_single_search(corpus_index):
    single = runner.invoke(app, ["search", "tổ chức bộ máy", "--json", "--index-dir", str(corpus_index)])
    batched = batch(corpus_index, "tổ chức bộ máy\n")
    assert orjson.loads(batched.stdout) == orjson.loads(single.stdout)


def test_a_query_without_words_is_an_error_line_and_the_batch_goes_on(corpus_index):
    result = batch(corpus_index, "...\ncai cach\n")
    first, second = (orjson.loads(line) for line in result.stdout.splitlines())
    assert first["query"] == "..." and "error" in first
    assert second["total"] >= 1


def test_an_unreadable_batch_file_is_one_line_and_exit_1(corpus_index, tmp_path):
    result = runner.invoke(app, ["search", "--batch", str(tmp_path / "missing.txt"), "--index-dir", str(corpus_index)])
    assert result.exit_code == 1
    assert "cannot read the batch file" in result.stderr and "missing.txt" in result.stderr


def test_a_query_cut_to_64_words_says_so(corpus_index):
    long_query = " ".join(["cải cách"] * 40)
    text = runner.invoke(app, ["search", long_query, "--index-dir", str(corpus_index)])
    assert "only the first 64 of the query's 80 words are searched" in text.stdout
    data = orjson.loads(runner.invoke(app, ["search", long_query, "--json", "--index-dir", str(corpus_index)]).stdout)
    assert data["notes"] == ["only the first 64 of the query's 80 words are searched"]
