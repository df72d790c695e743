"""bench/ at a tiny size, so the benchmark scripts cannot rot (no timing is asserted)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import orjson
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"


def test_make_corpus_is_deterministic_and_reports_duplicates(tmp_path):
    runs = []
    for name in ("a", "b"):
        out = subprocess.run(
            [sys.executable, str(BENCH / "make_corpus.py"), "--n", "12", "--seed", "3", "--out", str(tmp_path / name)],
            capture_output=True, text=True, check=True,
        ).stdout
        runs.append(out)
    assert "duplicate lines:" in runs[0]
    files = sorted(p.name for p in (tmp_path / "a").glob("*.txt"))
    assert len(files) == 12
    assert all((tmp_path / "a" / f).read_bytes() == (tmp_path / "b" / f).read_bytes() for f in files)
    texts = [(tmp_path / "a" / f).read_text(encoding="utf-8") for f in files]
    assert len(set(texts)) == 12 and all(len(t) > 1000 for t in texts)


def test_generated_reports_index_profile_and_export(tmp_path):
    from cchc_tui.cli import app

    corpus, index_dir = tmp_path / "gen", tmp_path / "index"
    subprocess.run(
        [sys.executable, str(BENCH / "make_corpus.py"), "--n", "20", "--out", str(corpus), "--quiet"],
        check=True, capture_output=True,
    )
    runner = CliRunner()
    indexed = runner.invoke(app, ["index", str(corpus), "--index-dir", str(index_dir), "--profile"])
    assert indexed.exit_code == 0, indexed.output
    for stage in ("read", "decode", "tokenise", "normalise", "OCR readings", "parse", "index", "commit"):
        assert stage in indexed.output
    assert "20 reports read" in indexed.output
    exported = runner.invoke(app, ["export", "--jsonl", "--index-dir", str(index_dir)])
    assert exported.exit_code == 0, exported.output
    records = [orjson.loads(line) for line in exported.stdout_bytes.splitlines()]
    assert len(records) == 20
    for record in records:
        assert {"doc_id", "text", "metadata", "citations", "topics", "folded", "best"} <= set(record)
        assert len(record["best"].split()) == len(record["folded"].split())
    assert any(record["citations"] for record in records)
    memory = subprocess.run([sys.executable, str(BENCH / "bench_app_memory.py"), str(index_dir)],
                            capture_output=True, text=True, check=True, cwd=ROOT).stdout
    assert memory.startswith("20 reports: overview in") and "peak private" in memory and "baseline" in memory


def test_bench_index_runs_at_a_tiny_size(tmp_path):
    out = subprocess.run(
        [sys.executable, str(BENCH / "bench_index.py"), "--n", "8", "--skip-bundled", "--work", str(tmp_path)],
        capture_output=True, text=True, check=True, cwd=ROOT,
    ).stdout
    assert "raw tantivy" in out
    assert "add one report to 8" in out


def test_bench_add_one_runs_at_a_tiny_size(tmp_path):
    out = subprocess.run(
        [sys.executable, str(BENCH / "bench_add_one.py"), "--tiny", "--repeat", "1", "--work", str(tmp_path)],
        capture_output=True, text=True, check=True, cwd=ROOT,
    ).stdout
    assert "python -c pass" in out and "no-change index (baseline)" in out
    added = next(line for line in out.splitlines() if "add one report" in line)
    assert "indexed 1," in added  # the new report was analysed and added, not found unchanged
