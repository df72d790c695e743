"""Pure rendering helpers and small screen logic (table-driven)."""
from __future__ import annotations

import pytest
from rich.style import Style
from rich.text import Text

from cchc_tui.factory import parse_keymap
from cchc_tui.palette import styles
from cchc_tui.screens.filters import parse_form
from cchc_tui.screens.search import filters_for_facet
from cchc_tui.widgets.compare_rows import SECTION_WIDTH, section_rows
from cchc_tui.widgets.rendering import excerpt, highlighted, inert
from indexer.api import CchcError
from indexer.compare import Comparison, Header, Originality, ReportRef, SectionPair
from indexer.compare.result import SectionSide
from indexer.model import Filters, LineHit, Report, ReportInfo


def styled_text(text: Text, style: str | None = None) -> list[str]:
    style = style or styles().match
    wanted = Style.parse(style)
    return [text.plain[span.start : span.end] for span in text.spans if span.style == wanted or str(span.style) == style]


INERT_CASES = [
    ("escape", "a\x1b[2Jb", "a␛[2Jb"),
    ("bell", "x\x07y", "x␇y"),
    ("tab", "a\tb", "a b"),
    ("csi-c1", "a\x9bb", "a\ufffdb"),
    ("rtl-override", "a\u202eb", "a\ufffdb"),
    ("delete", "a\x7fb", "a␡b"),
    ("markup stays", "[@click=app.quit]x[/]", "[@click=app.quit]x[/]"),
    ("vietnamese stays", "Độc lập – Tự do", "Độc lập – Tự do"),
]


@pytest.mark.parametrize(("name", "raw", "shown"), INERT_CASES, ids=[c[0] for c in INERT_CASES])
def test_inert_is_one_for_one(name, raw, shown):
    assert inert(raw) == shown
    assert len(inert(raw)) == len(raw)


HIGHLIGHT_CASES = [
    ("one", "Quyết định số 3041", [(0, 5)], ["Quyết"]),
    ("two", "Quyết định số 3041", [(0, 5), (14, 18)], ["Quyết", "3041"]),
    ("clipped", "abc", [(1, 99)], ["bc"]),
    ("empty span ignored", "abc", [(2, 2)], []),
    ("after control char", "\x1bab cd", [(4, 6)], ["cd"]),
]


@pytest.mark.parametrize(("name", "line", "spans", "marked"), HIGHLIGHT_CASES, ids=[c[0] for c in HIGHLIGHT_CASES])
def test_highlighted_styles_exactly_the_spans(name, line, spans, marked):
    assert styled_text(highlighted(line, spans)) == marked


def test_excerpt_keeps_a_late_match_visible():
    line = "x" * 200 + " 3041/QĐ-UBND " + "y" * 50
    start = line.index("3041")
    text = excerpt(LineHit(1, line, [(start, start + 12)]), width=60)
    assert "3041/QĐ-UBND" in text.plain
    assert text.cell_len <= 60


FACET_CASES = [
    ("unit", "Sở Nội vụ", Filters(unit="Sở Nội vụ")),
    ("doc_type", "Báo cáo", Filters(doc_type="Báo cáo")),
    ("topic", "mot_cua", Filters(topic="mot_cua")),
    ("year", "2025", Filters(date_from="2025-01-01", date_to="2025-12-31")),
]


@pytest.mark.parametrize(("facet", "value", "expected"), FACET_CASES, ids=[c[0] for c in FACET_CASES])
def test_a_facet_value_becomes_a_filter(facet, value, expected):
    assert filters_for_facet(Filters(), facet, value) == expected


FORM_CASES = [
    ("empty", {}, Filters()),
    ("cites", {"cites": " 3041/QĐ-UBND "}, Filters(cites="3041/QĐ-UBND")),
    ("dates", {"date_from": "2025-01-01", "date_to": "2025-06-30"}, Filters(date_from="2025-01-01", date_to="2025-06-30")),
    ("bad date", {"date_from": "1/1/2025"}, "date from: not a date: '1/1/2025' (use YYYY, YYYY-MM or YYYY-MM-DD)"),
]


@pytest.mark.parametrize(("name", "values", "expected"), FORM_CASES, ids=[c[0] for c in FORM_CASES])
def test_filter_form(name, values, expected):
    assert parse_form(values) == expected


def make_report(doc_id: str, **info) -> Report:
    return Report(doc_id, f"/x/{doc_id}.txt", "text", ReportInfo(**info))


def side(number: str, heading: str, line: int) -> SectionSide:
    return SectionSide(number=number, heading=heading, kind="other", level=1, line=line, end_line=line + 5)


def comparison_with_sections(pairs: list[SectionPair]) -> Comparison:
    ref = ReportRef("x", "/x", None, None, None, None)
    empty = Originality(0, 0, 0, 0, 1.0)
    return Comparison(ref, ref, Header([], None), pairs, [], [], [], [], empty, empty)


SECTION_CASES = [
    ("both sides", [SectionPair("ket_qua", side("I", "KẾT QUẢ", 10), side("I", "KET QUA", 12), 1.0)],
     [("I KẾT QUẢ", 10, "I KET QUA", 12)]),
    ("missing in B", [SectionPair("other", side("2", "Nội dung", 20), None, 0.0)],
     [("2 Nội dung", 20, "— missing —", None)]),
    ("children follow their parent", [SectionPair("ket_qua", side("I", "A", 1), side("I", "B", 2), 1.0,
                                                   [SectionPair("other", None, side("1", "con", 3), 0.0)])],
     [("I A", 1, "I B", 2), ("— missing —", None, "1 con", 3)]),
    ("markup heading stays literal", [SectionPair("other", side("1", "[@click=app.quit]x[/]", 5), None, 0.0)],
     [("1 [@click=app.quit]x[/]", 5, "— missing —", None)]),
]


@pytest.mark.parametrize(("name", "pairs", "expected"), SECTION_CASES, ids=[c[0] for c in SECTION_CASES])
def test_section_rows_pair_both_reports(name, pairs, expected):
    rows = section_rows(comparison_with_sections(pairs))
    shown = [(r.cells[1].plain.strip(), r.a_line, r.cells[3].plain.strip(), r.b_line) for r in rows]
    assert shown == expected


def test_long_section_headings_are_cut_to_fit():
    pair = SectionPair("other", side("1", "tiêu đề " * 20, 1), side("1", "x", 2), 0.5)
    cell = section_rows(comparison_with_sections([pair]))[0].cells[1]
    assert cell.cell_len <= SECTION_WIDTH and cell.plain.endswith("…")


KEYMAP_CASES = [
    ("empty", "", {}),
    ("one", "report.next=j", {"report.next": "j"}),
    ("two with spaces", " report.next = j , report.previous=k ", {"report.next": "j", "report.previous": "k"}),
    ("several keys", "app.quit=q,ctrl+q", None),  # "ctrl+q" alone has no id: an error
    ("no key", "report.next=", None),
]


@pytest.mark.parametrize(("name", "spec", "expected"), KEYMAP_CASES, ids=[c[0] for c in KEYMAP_CASES])
def test_parse_keymap(name, spec, expected):
    if expected is None:
        with pytest.raises(CchcError):
            parse_keymap(spec)
    else:
        assert parse_keymap(spec) == expected
