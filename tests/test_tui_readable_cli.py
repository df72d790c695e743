"""`cchc show DOC --readable` prints what the app's readable view shows: the same lines, and with
`--json` the same text (`readable_text`) and outline headings (`readable_sections`)."""
from __future__ import annotations

import asyncio

import orjson
import pytest
from helpers_badfiles import cli
from tui_app_factory import make_app, settle, shared_index

from cchc_tui.messages import OpenReport
from cchc_tui.screens.document import DocumentScreen
from cchc_tui.widgets.report_view import ReportView
from cchc_tui.widgets.section_tree import SectionTree
from indexer.api import inert_line

OCR_REPORT = "002_21e941790add82e5"  # printed without diacritics: the readable view changes most lines


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory):
    return shared_index(tmp_path_factory)


def flat_headings(sections: list[dict]) -> list[tuple[int, str]]:
    return [pair for s in sections for pair in [(s["line"], s["heading"]), *flat_headings(s["children"])]]


def app_readable_view(index_dir) -> tuple[list[str], list[tuple[int, str]]]:
    async def scenario():
        app = make_app(index_dir)
        async with app.run_test(size=(160, 45)) as pilot:
            app.post_message(OpenReport(OCR_REPORT, None))
            await settle(pilot, 0)
            await pilot.press("r")
            await settle(pilot, 0)
            assert isinstance(app.screen, DocumentScreen) and app.screen.reading
            lines = list(app.screen.query_one(ReportView).lines)
            tree = app.screen.query_one(SectionTree)
            nodes, stack = [], list(tree.root.children)
            while stack:
                node = stack.pop(0)
                nodes.append((node.data.line, node.data.heading))
                stack[:0] = list(node.children)
            return lines, nodes

    return asyncio.run(scenario())


def test_show_readable_prints_the_app_readable_view(index_dir):
    lines, headings = app_readable_view(index_dir)
    printed = cli("show", OCR_REPORT, "--readable", index_dir=index_dir)
    assert printed.code == 0
    body = printed.stdout.split("\n\n", 1)[1].rstrip("\n").split("\n")
    assert len(body) == len(lines)
    for number, (row, line) in enumerate(zip(body, lines), 1):
        assert row.split(None, 1)[0] == str(number)
        assert row.lstrip()[len(str(number)) + 2:] == inert_line(line)
    assert any("THỰC HIỆN" in line or "thực hiện" in line for line in lines)  # restored, not the print

    as_json = orjson.loads(cli("show", OCR_REPORT, "--readable", "--json", index_dir=index_dir).stdout)
    assert as_json["readable_text"] == "\n".join(lines)
    assert as_json["text"] != as_json["readable_text"]
    assert flat_headings(as_json["readable_sections"]) == headings
    assert flat_headings(as_json["sections"]) != headings  # the printed outline differs: the check means something
