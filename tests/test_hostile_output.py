"""Hostile report text and file names, indexed, then shown by `cchc search/show`:
human output is inert (nothing can act on the terminal), JSON escapes it and
round-trips it exactly."""
from __future__ import annotations

import json
import re

import pytest
from helpers_badfiles import cli

from indexer.safety import BIDI_CONTROLS

ESC, BEL, ST = "\x1b", "\x07", "\x1b\\"
HOSTILE_LINES = [
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    f"Báo cáo cải cách hành chính {ESC}[2J{ESC}[H xoá màn hình {ESC}]0;chiếm tiêu đề{BEL} {ESC}]52;c;cm0gLXJmIH4K{ST}",
    "Nội dung cải cách \x9b31m đỏ \x9d0;tiêu đề\x9c QĐ-\u202eDNBU\u202c \u2067ẩn\u2069 xuống\rdòng\x08\x7f\x01",
    "Đánh dấu cải cách [bold]đậm[/bold] [@click=app.quit]thoát[/] [link=https://example.invalid]bấm[/link] [/] [red]",
    "Kết thúc.",
]
HOSTILE_TEXT = "\n".join(HOSTILE_LINES) + "\n"
# What is stored: a lone carriage return is a line end, like CR LF (indexer.ingest).
STORED_TEXT = HOSTILE_TEXT.replace("\r", "\n")
STORED_LINES = STORED_TEXT.split("\n")
NAME_ONLY_TEXT = "Tên tệp độc hại, nội dung bình thường.\n"
HOSTILE_NAME = f"bao cao {ESC}]0;pwn{BEL}[bold]x[@click=app.quit]\u202e.txt"  # no "/": a path separator
MARKUP_SAMPLES = ["[bold]đậm[/bold]", "[@click=app.quit]thoát[/]", "[link=https://example.invalid]bấm[/link]"]
VISIBLE_SAMPLES = ["␛[2J␛[H", "␛]0;chiếm tiêu đề␇", "␛]52;c;cm0gLXJmIH4K␛\\", "\\x9b31m", "\\u202e"]

# Anything a terminal may act on: C0 (but tab, newline), DEL, C1, bidi controls.
ACTIVE = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{BIDI_CONTROLS}\u2028\u2029]")


@pytest.fixture(scope="module")
def hostile_index(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    reports = root / "reports"
    reports.mkdir()
    (reports / "hostile.txt").write_text(HOSTILE_TEXT, encoding="utf-8", newline="")
    (reports / HOSTILE_NAME).write_text(NAME_ONLY_TEXT, encoding="utf-8", newline="")
    (reports / f"empty {ESC}[2J.txt").write_bytes(b"")  # skipped: its name is echoed on stderr
    index_dir = root / "index"
    run = cli("index", str(reports), index_dir=index_dir)
    assert run.code == 0, run.stderr
    return index_dir, reports


def assert_inert(output: str) -> None:
    found = ACTIVE.search(output)
    assert found is None, f"active character {found.group()!r} at {found.start()}: {output[max(0, found.start() - 40):found.end() + 40]!r}"


def test_index_messages_are_inert(hostile_index):
    index_dir, reports = hostile_index
    run = cli("index", str(reports), "--rebuild", index_dir=index_dir)
    assert run.code == 0
    assert "skipped" in run.stderr and "␛[2J" in run.stderr
    assert_inert(run.stdout)
    assert_inert(run.stderr)


def test_search_output_is_inert_and_otherwise_faithful(hostile_index):
    index_dir, _ = hostile_index
    run = cli("search", "cải cách", index_dir=index_dir)
    assert run.code == 0, run.stderr
    assert_inert(run.stdout)
    for visible in VISIBLE_SAMPLES + MARKUP_SAMPLES[:1]:
        assert visible in run.stdout.replace("«", "").replace("»", "")


def test_show_output_is_inert_and_otherwise_faithful(hostile_index):
    index_dir, _ = hostile_index
    run = cli("show", "hostile", index_dir=index_dir)
    assert run.code == 0, run.stderr
    assert_inert(run.stdout)
    for visible in VISIBLE_SAMPLES + MARKUP_SAMPLES:
        assert visible in run.stdout
    assert "Đánh dấu cải cách [bold]đậm[/bold]" in run.stdout  # markup printed as text


def test_hostile_file_name_is_inert_in_search_and_show(hostile_index):
    index_dir, reports = hostile_index
    search = cli("search", "tên tệp", index_dir=index_dir)
    assert search.code == 0 and "1 report matches" in search.stdout
    assert_inert(search.stdout)
    show = cli("show", str(reports / HOSTILE_NAME), index_dir=index_dir)
    assert show.code == 0, show.stderr
    assert_inert(show.stdout)


@pytest.mark.parametrize("command", [["search", "cải cách"], ["show", "hostile"]])
def test_json_escapes_controls_and_round_trips(hostile_index, command):
    index_dir, _ = hostile_index
    run = cli(*command, "--json", index_dir=index_dir)
    assert run.code == 0, run.stderr
    assert b"\x1b" not in run.stdout_bytes and b"\x07" not in run.stdout_bytes
    data = json.loads(run.stdout_bytes)
    if command[0] == "show":
        assert data["text"] == STORED_TEXT
    else:
        shown = {lh["line"]: lh["text"] for hit in data["hits"] if hit["doc_id"] == "hostile" for lh in hit["lines"]}
        for line, text in shown.items():
            assert text == STORED_LINES[line - 1]
        assert 2 in shown


@pytest.mark.parametrize("command", [["search", "cải cách"], ["show", "hostile"]])
def test_json_escapes_c1_and_bidi_controls_too(hostile_index, command):
    """JSON only must escape U+0000-U+001F; C1 (U+0080-U+009F, e.g. CSI U+009B) and
    bidi overrides pass raw through orjson, and `cchc ... --json` is often read on a
    terminal: they are written as \\u escapes (indexer.safety.inert_json)."""
    index_dir, _ = hostile_index
    run = cli(*command, "--json", index_dir=index_dir)
    assert_inert(run.stdout_bytes.decode("utf-8"))
