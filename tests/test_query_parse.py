"""Query parsing: lenient quotes, and unquoted syllables grouped into lexicon words."""
from __future__ import annotations

import pytest

from indexer.search.compounds import build_compounds, group_words
from indexer.search.query import parse_query

COMPOUNDS = build_compounds()


@pytest.mark.parametrize(
    "typed,groups",
    [
        ("tổ chức bộ máy", [["to", "chuc"], ["bo", "may"]]),
        ("biên chế", [["bien", "che"]]),
        ("Quyết định 3041", []),  # a citation term, not words (see test_query_citations)
        ("cai cach hanh chinh", [["cai", "cach"], ["hanh", "chinh"]]),
        ("SIPAS", [["sipas"]]),
        ("3041", [["3041"]]),
    ],
)
def test_unquoted_syllables_group_into_words(typed, groups):
    assert parse_query(typed, COMPOUNDS).groups == groups


@pytest.mark.parametrize(
    "typed,phrases,loose",
    [
        ('"dịch vụ công" trực tuyến', [["dich", "vu", "cong"]], ["truc", "tuyen"]),
        ('"unbalanced quote', [["unbalanced", "quote"]], []),
        ('title:"a b" AND (c)', [["a", "b"]], ["title", "and", "c"]),
        ("“smart quotes”", [["smart", "quotes"]], []),
        ('""', [], []),
    ],
)
def test_quotes_are_parsed_leniently(typed, phrases, loose):
    plan = parse_query(typed, COMPOUNDS)
    assert [p.words for p in plan.phrases] == phrases
    assert plan.loose.words == loose


def test_a_pasted_page_is_cut_to_the_first_words():
    plan = parse_query("cải cách " * 500, COMPOUNDS)
    assert len(plan.all_words()) == 64


def test_greedy_grouping_never_loses_a_word():
    words = "chinh quyen dia phuong 2 cap".split()
    groups = group_words(words, COMPOUNDS)
    assert [w for g in groups for w in g] == words
