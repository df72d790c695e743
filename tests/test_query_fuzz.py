"""Whatever is typed as a query: never a traceback. `Library.search` returns a
result or raises CchcError (one line); `cchc search` exits 0, or 1 with one
line on stderr."""
from __future__ import annotations

import random
import time

import pytest
from helpers_badfiles import cli
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from indexer.api import CchcError

OPERATORS = ["AND", "OR", "NOT", "+", "-", ":", "^", "~", "*", "(", ")", "[", "]", "{", "}", '"', "'", "\\", "/",
             "~2", "^3", "*:*", "&&", "||", "!", "?", "TO", "IN", "$", "@", "«", "»", "“", "”"]
FIELDS = ["foo:bar", "body:", "doc_id:x", "unit:", "text:\"", "path:/etc/passwd", ":", "cites:3041", "year:[2020 TO 2025]"]
WORDS = ["cải", "cách", "hành", "chính", "cai cach", "Quyết định", "3041/QĐ-UBND", "QB-UBND", "S&", "Péc", "1ap",
         "số", "phường", "Lê Chân", "2025", "26/13/2025", "đ", "ĐẢNG", "x" * 60, "😀", "\u0301", "\u202e", "\x00", "\x1b[2J"]

pieces = st.sampled_from(OPERATORS + FIELDS + WORDS) | st.text(max_size=12)
queries = st.lists(pieces, max_size=25).map(" ".join) | st.text() | st.text(alphabet=st.sampled_from("()[]{}\"'^~*:+-!\\"))

LONG_QUERIES = {
    "10k words": " ".join(random.Random(6).choice(WORDS[:16]) for _ in range(2000))[:10_000],
    "10k one word": "a" * 10_000,
    "10k quotes": '"' * 10_000,
    "10k brackets": "(" * 5_000 + ")" * 5_000,
    "10k operators": " ".join(random.Random(7).choice(OPERATORS) for _ in range(4000))[:10_000],
    "10k unicode": "".join(chr(random.Random(i).randrange(0x20, 0x2FFF)) for i in range(10_000)),
}
QUERY_SECONDS = 5.0  # even a pasted page answers within this


def search_or_error(library, query: str) -> None:
    try:
        library.search(query, limit=5)
    except CchcError as error:
        assert str(error) and "\n" not in str(error)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=queries)
@example(query='"unbalanced')
@example(query="foo:bar")
@example(query="NOT")
@example(query="((((")
@example(query="*")
def test_library_search_never_raises_anything_but_cchc_error(library, query):
    search_or_error(library, query)


@pytest.mark.parametrize("name", LONG_QUERIES)
def test_ten_thousand_character_queries_answer_quickly(library, name):
    started = time.perf_counter()
    search_or_error(library, LONG_QUERIES[name])
    assert time.perf_counter() - started < QUERY_SECONDS


def assert_clean_exit(run) -> None:
    assert run.code in (0, 1), (run.code, run.stderr)
    if run.code == 1:
        lines = run.stderr.strip("\n").split("\n")
        assert len(lines) == 1 and lines[0].startswith("cchc: "), run.stderr


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=queries.filter(lambda q: q.strip() != "" and "\x00" not in q))
@example(query="foo:bar")
@example(query='"')
@example(query="-")  # after `--`: a query, not an option
def test_cli_search_exits_0_or_1_with_one_line(corpus_index, query):
    assert_clean_exit(cli("search", "--index-dir", str(corpus_index), "--", query))
    assert_clean_exit(cli("search", "--json", "--index-dir", str(corpus_index), "--", query))


@pytest.mark.parametrize("name", ["10k words", "10k quotes", "10k operators"])
def test_cli_long_queries(corpus_index, name):
    assert_clean_exit(cli("search", "--index-dir", str(corpus_index), "--", LONG_QUERIES[name]))


def test_punctuation_only_query_is_a_one_line_error(corpus_index):
    run = cli("search", "--index-dir", str(corpus_index), "--", "()[]{}")
    assert run.code == 1 and run.stderr.startswith("cchc: empty query")


def test_leading_dash_is_a_usage_error_not_a_traceback(corpus_index):
    """`cchc search "-foo"` reads -foo as an option (exit 2, typer's usage error);
    `cchc search -- "-foo"` searches for it."""
    run = cli("search", "--index-dir", str(corpus_index), "-foo")
    assert run.code == 2 and "Traceback" not in run.stderr
    assert_clean_exit(cli("search", "--index-dir", str(corpus_index), "--", "-foo"))
