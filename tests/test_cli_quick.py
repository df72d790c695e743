"""A plain `cchc search` runs without typer (cchc_tui.quick) and prints, byte for byte, with the
same exit status, what the typer command prints; every other command line is left to typer."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cchc_tui.cli import app
from cchc_tui.quick import parse_search, quick_main

ROOT = Path(__file__).resolve().parent.parent


def cases(index_dir: Path) -> list[list[str]]:
    where = ["--index-dir", str(index_dir)]
    return [
        ["search", "cai cach hanh chinh", "--json", *where],
        ["search", "tổ chức bộ máy", *where],
        ["search", "Quyết định 3041", "--json", "-n", "3", *where],
        ["search", "--cites", "3041/QĐ-UBND", "--json", "--limit", "2", *where],
        ["search", "xyzqwv", "--json", *where],
        ["search", "cai cach", "--json", "--from", "2025-13", *where],  # a date refused: exit 2
        ["search", "cai cach", "--json", "--index-dir", str(index_dir / "missing")],  # no index: exit 1
    ]


def test_a_plain_search_prints_what_typer_prints(corpus_index, capsysbinary):
    for argv in cases(corpus_index):
        code = quick_main(argv)
        quick = capsysbinary.readouterr()
        typed = CliRunner().invoke(app, argv)
        assert code == typed.exit_code, argv
        assert quick.out == typed.stdout_bytes, argv
        assert quick.err.decode() == typed.stderr, argv


def test_a_batch_prints_what_typer_prints(corpus_index, tmp_path, capsysbinary):
    queries = tmp_path / "queries.txt"
    queries.write_text("Quyết định 3041\n# a comment\ncai cach hanh chinh\n...\nxyzqwv\n", encoding="utf-8")
    argv = ["search", "--batch", str(queries), "--limit", "2", "--index-dir", str(corpus_index)]
    assert quick_main(argv) == 0
    quick = capsysbinary.readouterr()
    typed = CliRunner().invoke(app, argv)
    assert typed.exit_code == 0 and quick.out == typed.stdout_bytes and len(quick.out.splitlines()) == 4


@pytest.mark.parametrize("argv", [
    ["search", "--help"], ["search", "--limit=3", "cai"], ["search", "a", "b"], ["search", "cai", "--limit", "0"],
    ["search", "cai", "--limit", "x"], ["search", "cai", "--json", "--json"], ["search", "cai", "--unit"],
    ["search", "--", "-cai"], ["search", "cai", "--rebuild"], ["index"], [], ["show", "x"],
])
def test_anything_but_a_plain_search_is_left_to_typer(argv):
    assert parse_search(argv) is None


def test_a_query_with_nothing_to_search_is_left_to_typer(corpus_index):
    assert quick_main(["search", "...", "--index-dir", str(corpus_index)]) is None
    assert quick_main(["search", "", "--json", "--index-dir", str(corpus_index)]) is None


def test_a_plain_search_loads_neither_typer_nor_pydantic(corpus_index):
    probe = ("import runpy, sys\n"
             f"sys.argv = ['cchc', 'search', 'cai cach', '--json', '--index-dir', r'{corpus_index}']\n"
             "try:\n    runpy.run_module('cchc_tui', run_name='__main__')\n"
             "except SystemExit as exc:\n    assert exc.code == 0, exc.code\n"
             "print('\\n'.join(sys.modules), file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, check=True)
    roots = {m.split(".")[0] for m in done.stderr.split()}
    assert '"total"' in done.stdout
    assert not roots & {"typer", "click", "pydantic", "textual", "rich"}
