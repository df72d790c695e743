"""`cchc search --batch FILE` with a worker process writes exactly what one process writes."""
from __future__ import annotations

from typer.testing import CliRunner

import cchc_tui.batch
from cchc_tui.cli import app

QUERIES = ["tổ chức bộ máy", "...", "cai cach hanh chinh", '"dịch vụ công trực tuyến"', "VNeID", "Quyết định 3041",
           "chuyen doi so xyzq", "SIPAS ISO", "# a comment", "thủ tục hành chính"]


def test_workers_answer_in_order_byte_for_byte(corpus_index, tmp_path, monkeypatch):
    source = tmp_path / "queries.txt"
    source.write_text("\n".join(QUERIES) + "\n", encoding="utf-8")
    runner = CliRunner()
    command = ["search", "--batch", str(source), "--index-dir", str(corpus_index), "--limit", "3"]
    one_process = runner.invoke(app, command)
    monkeypatch.setattr(cchc_tui.batch, "PARALLEL_FROM", 4)
    monkeypatch.setattr(cchc_tui.batch, "CHUNK", 1)  # chunks of one: this process answers some, the worker others
    workers = runner.invoke(app, command)
    assert one_process.exit_code == workers.exit_code == 0, workers.output
    assert workers.stdout_bytes == one_process.stdout_bytes
    assert len(workers.stdout_bytes.splitlines()) == len(QUERIES) - 1
