"""A report that is one enormous line (text pulled from a PDF without line
breaks): indexed whole (indexer.ingest keeps long lines, LINE_LIMIT = None), in
time linear in its size, and printed in bounded size."""
from __future__ import annotations

import time

from helpers_badfiles import cli

WORDS = "báo cáo cải cách hành chính Quyết định 3041/QĐ-UBND ngày 12/10/2025 của Sở Nội vụ "
LINE_CHARS = 40_000  # a 12-page report with no line breaks
MAX_GROWTH_FOR_4X = 6.0  # linear: ~4; quadratic: ~16
FAST_ENOUGH_SECONDS = 0.15  # below this, timing noise decides the ratio
PRINTED_CHARS = 20_000


def one_line(chars: int) -> str:
    return (WORDS * (chars // len(WORDS) + 1))[:chars] + "\n"


def best_time(work, text: str, repeats: int = 2) -> float:
    timings = []
    for _ in range(repeats):
        started = time.perf_counter()
        work(text)
        timings.append(time.perf_counter() - started)
    return min(timings)


def test_one_line_report_is_prepared_in_linear_time():
    """4x the line, about 4x the time (before 7dfd9a8: 10x, and 120 s at 400 kB)."""
    from indexer.pipeline import analyse_text

    def prepare(text: str) -> None:
        analyse_text("one-line.txt", "", text)

    prepare(one_line(2_000))  # tables and compiled patterns load once
    small = best_time(prepare, one_line(LINE_CHARS // 4))
    large = best_time(prepare, one_line(LINE_CHARS))
    assert large < FAST_ENOUGH_SECONDS or large < MAX_GROWTH_FOR_4X * small, (small, large)


def test_search_hit_on_a_long_line_prints_a_window(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "one-line.txt").write_text(one_line(LINE_CHARS), encoding="utf-8")
    assert cli("index", str(folder), index_dir=tmp_path / "index").code == 0
    search = cli("search", "3041", index_dir=tmp_path / "index")
    assert search.code == 0 and "1 report matches" in search.stdout
    assert len(search.stdout) < PRINTED_CHARS
