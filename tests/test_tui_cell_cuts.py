"""Table cells cut to their column end between words with "…", on what the screen shows."""
from __future__ import annotations

import asyncio

import pytest
from rich.text import Text
from tui_app_factory import make_app, settle, shared_index

from cchc_tui.messages import ShowCitations, ShowConflicts
from cchc_tui.widgets.column_fit import cut_at_words, cut_str, wrapped_label
from cchc_tui.widgets.link_table import LinkTable


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory):
    return shared_index(tmp_path_factory)


def assert_cut_between_words(shown: str, full: str) -> None:
    kept = shown[:-1]
    assert shown.endswith("…") and full.startswith(kept), (shown, full)
    inside_word = kept[-1:].isalnum() and full[len(kept)].isalnum()
    assert not inside_word or " " not in kept, f"cut inside a word: {shown!r} of {full!r}"  # one long word


@pytest.mark.parametrize("text,width,shown", [
    ("Sở Khoa học và Công nghệ", 23, "Sở Khoa học và Công…"),
    ("Sở Văn hóa, Thể thao và Du lịch", 14, "Sở Văn hóa…"),  # no comma before the ellipsis
    ("kien toan co cau to chuc", 23, "kien toan co cau to…"),
    ("3041/QĐ-UBND", 11, "3041/QĐ-UB…"),  # one word: cut inside it
    ("ngắn", 10, "ngắn"),
])
def test_cut_between_words(text, width, shown):
    assert cut_str(text, width) == shown
    cut = cut_at_words(Text(text, style="bold"), width)
    assert cut.plain == shown and cut.cell_len <= width
    assert cut.style == "bold"  # styles kept


def test_a_wrapped_header_ends_in_a_whole_word():
    assert wrapped_label("Chỉ đạo, điều hành công tác", 10) == "Chỉ đạo,\nđiều hành…"
    assert wrapped_label("Cải cách chế độ công vụ", 10) == "Cải cách\nchế độ…"


@pytest.mark.parametrize("message", [ShowConflicts(), ShowCitations(), ShowCitations("362/QĐ-UBND")],
                         ids=["conflicts", "citations", "citing"])
def test_every_cut_cell_on_screen_ends_between_words(index_dir, message):
    async def scenario():
        app = make_app(index_dir)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot, 0)
            app.post_message(message)
            await settle(pilot, 0)
            cut = 0
            for table in app.screen.query(LinkTable):
                for index, link in enumerate(table.link_rows):
                    shown = [cell.plain for cell in table.get_row_at(index)]
                    for text, full in zip(shown, (cell.plain for cell in link.cells)):
                        if text != full:
                            cut += 1
                            assert_cut_between_words(text, full)
            return cut

    assert asyncio.run(scenario()) > 0  # 80 columns do cut some cells: the check has something to check
