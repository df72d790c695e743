"""One date rule and one report-filter rule for search, compare and the app's filter form."""
from __future__ import annotations

import pytest
from typer.testing import CliRunner

from indexer.dates import DateError, check_date, date_bound
from indexer.model import Filters
from indexer.search.filters import type_admits, unit_admits

runner = CliRunner()


@pytest.mark.parametrize("value", ["2025", "2025-07", "2025-07-26", "2024-02-29"])
def test_real_dates_are_accepted(value):
    check_date(value)


@pytest.mark.parametrize("value", ["2025-13-40", "2025-1", "2025-13", "2025-02-29", "26/07/2025", "2025-07-", "", "x"])
def test_other_dates_are_usage_errors_naming_the_value(value):
    with pytest.raises(DateError, match="not a date"):
        check_date(value)


def test_bounds_widen_to_the_period():
    assert date_bound("2025-02", upper=True) == 20250228 and date_bound("2025", upper=False) == 20250101


@pytest.mark.parametrize("args,code", [
    (["search", "", "--from", "2025-13-40"], 2), (["search", "", "--from", "2025-1"], 2),
    (["search", "", "--to", "2025-02-30"], 2), (["search", "", "--from", "2025-07"], 0),
    (["compare", "--all", "--from", "2025-13-40"], 2), (["compare", "--all", "--from", "2025-1"], 2),
])
def test_cli_maps_bad_dates_to_exit_2(corpus_index, args, code):
    from cchc_tui import cli

    result = runner.invoke(cli.app, [*args, "--index-dir", str(corpus_index)])
    assert result.exit_code == code, result.output
    if code == 2:
        assert repr(args[-1]) in result.output or args[-1] in result.output


def test_the_app_form_uses_the_same_rule():
    from cchc_tui.screens.filters import parse_form

    assert isinstance(parse_form({"date_from": "2025-07"}), Filters)
    assert "2025-13-40" in parse_form({"date_from": "2025-13-40"})
    assert isinstance(parse_form({"date_to": "2025-1"}), str)


def test_unit_words_match_in_unit_or_parent_in_any_order():
    assert unit_admits("hai phong", "UBND phường Lê Chân", "UBND thành phố Hải Phòng")
    assert unit_admits("le chan phuong", "UBND phường Lê Chân", None)
    assert not unit_admits("hai duong", "UBND phường Lê Chân", "UBND thành phố Hải Phòng")


@pytest.mark.parametrize("typed,admitted", [("bao", True), ("Báo cáo", True), ("bc", True), ("cao", False),
                                            ("ke hoach", False)])
def test_type_by_folded_prefix_or_code(typed, admitted):
    assert type_admits(typed, "Báo cáo") is admitted


FILTERS = [
    {"unit": "hai phong"}, {"unit": "kinh mon"}, {"unit": "Sở Ngoại vụ"}, {"unit": "nowhere at all"},
    {"doc_type": "bao"}, {"doc_type": "Kế hoạch"}, {"doc_type": "kh"}, {"doc_type": "cao"},
    {"date_from": "2025-07"}, {"date_to": "2025-06"}, {"date_from": "2025", "date_to": "2025"},
    {"unit": "hai phong", "doc_type": "bao", "date_from": "2025-03"},
]


@pytest.mark.parametrize("given", FILTERS)
def test_search_and_compare_admit_the_same_reports(library, given):
    from indexer.compare import filter_reports

    searched = {h.doc_id for h in library.search("", limit=100, filters=Filters(**given), with_facets=False).hits}
    compared = {r.doc_id for r in filter_reports(library.reports(), **given)}
    assert searched == compared


def test_hai_phong_and_bao_find_reports_both_ways(library):
    assert library.search("", filters=Filters(unit="hai phong")).total > 0
    assert library.search("", filters=Filters(doc_type="bao")).total > 0
