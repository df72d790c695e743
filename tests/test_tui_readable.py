"""The readable view's outline: with `r` on, the section headings read with diacritics restored, like
the text beside them (computed by the core, `readable_sections`); `r` again shows them as printed."""
from __future__ import annotations

import asyncio

import pytest
from tui_app_factory import make_app, open_library, settle, shared_index

from cchc_tui.messages import OpenReport
from cchc_tui.screens.document import DocumentScreen
from cchc_tui.widgets.section_tree import SectionTree
from indexer.api import Section, readable_lines, readable_sections


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory):
    return shared_index(tmp_path_factory)


def flat(sections: list[Section]) -> list[Section]:
    return [s for section in sections for s in [section, *flat(section.children)]]


def outline_text(sections: list[Section], text: str) -> list[Section]:
    lines = text.split("\n")
    return flat(readable_sections(sections, lines, readable_lines(text)))


@pytest.mark.parametrize("printed,number_shown", [
    ("II. KET QUA THUC HIEN", "II"),         # unaccented capitals
    ("I1.  PHUONG HUONG  NHIEM VU", "II"),   # an OCR numeral the parser repaired; spaces collapsed
    ("b) Tuyén truyén cai cach hanh chinh", "b"),  # a list letter the restorer could read as a word
])
def test_a_readable_heading_is_its_line_as_the_readable_view_shows_it(printed, number_shown):
    from indexer.parse.sections import parse_sections

    text = "\n".join(["UBND HUYEN THU NGHIEM", "BAO CAO", "I. MUC DICH", "Noi dung", printed, "Ket thuc"])
    original = {s.line: s for s in flat(parse_sections(text))}
    fixed = {s.line: s for s in outline_text(parse_sections(text), text)}
    assert fixed.keys() == original.keys() and 5 in fixed
    restored_line = readable_lines(text)[4]
    assert fixed[5].number == original[5].number == number_shown
    assert fixed[5].heading != original[5].heading
    assert " ".join(restored_line.split()).endswith(fixed[5].heading)  # the text's own reading, word for word
    assert (fixed[5].line, fixed[5].end_line, fixed[5].kind) == (original[5].line, original[5].end_line, original[5].kind)


def changed_heading(index_dir) -> tuple[str, Section, Section]:
    """A report (a line of the outline panel can show ~35 characters) whose first heading changes."""
    library = open_library(index_dir)
    for hit in library.search("", limit=200).hits:
        report = library.get(hit.doc_id)
        pairs = zip(flat(report.info.sections), outline_text(report.info.sections, report.text), strict=True)
        for printed, fixed in pairs:
            if printed.heading[:20] != fixed.heading[:20]:
                return hit.doc_id, printed, fixed
    pytest.fail("no report whose readable outline differs")


def test_r_shows_the_outline_headings_restored_and_back_as_printed(index_dir):
    doc_id, printed, fixed = changed_heading(index_dir)

    async def scenario() -> list[list[str]]:
        app = make_app(index_dir)
        seen: list[list[str]] = []
        async with app.run_test(size=(160, 45)) as pilot:
            app.post_message(OpenReport(doc_id, None))
            await settle(pilot, 0)
            assert isinstance(app.screen, DocumentScreen)
            tree = app.screen.query_one(SectionTree)
            for _ in range(3):  # printed, readable, printed again
                await pilot.pause()
                seen.append([tree.render_line(y).text for y in range(tree.size.height)])
                await pilot.press("r")
                await settle(pilot, 0)
        return seen

    before, reading, after = asyncio.run(scenario())
    row = f"{printed.line:>3} {printed.number} "
    shown = [next(line for line in rows if row in line) for rows in (before, reading, after)]
    assert printed.heading[:20] in shown[0] and fixed.heading[:20] not in shown[0]
    assert fixed.heading[:20] in shown[1] and printed.heading[:20] not in shown[1]
    assert shown[2] == shown[0]


def test_a_blank_line_in_the_readable_view_shows_no_empty_original(index_dir):
    """The status line names the printed original of the current line, and nothing for a blank one."""
    library = open_library(index_dir)
    hit = library.search("tuyen truyen", limit=1).hits[0]
    lines = library.get(hit.doc_id).text.split("\n")
    blank = next(number for number, line in enumerate(lines, 1) if number > 3 and not line.strip())
    printed = next(number for number, line in enumerate(lines, 1) if number > blank and line.strip())

    async def scenario() -> list[str]:
        from cchc_tui.widgets.report_view import ReportView
        from cchc_tui.widgets.status_line import StatusLine

        app = make_app(index_dir)
        seen = []
        async with app.run_test(size=(160, 45)) as pilot:
            app.post_message(OpenReport(hit.doc_id, None))
            await settle(pilot, 0)
            await pilot.press("r")
            await settle(pilot, 0)
            for line in (blank, printed):
                app.screen.query_one(ReportView).goto_line(line)
                await pilot.pause()
                seen.append(str(app.screen.query_one(StatusLine).render()))
        return seen

    at_blank, at_printed = asyncio.run(scenario())
    assert f"line {blank} of" in at_blank and "original" not in at_blank.replace("r: original", "")
    assert f"line {printed} of" in at_printed and "· original: " in at_printed
