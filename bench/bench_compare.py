"""Time `compare_reports` on the two largest seed reports (parse time shown separately).

Figures are found by the parse stage (`ReportInfo.figures`); the baseline is the same
comparison of reports parsed without them (`figures=None`, an index written before
figures were parsed), where compare runs the figure grammar itself as it used to.

    .venv/bin/python bench/bench_compare.py [--repeat N]
"""
from __future__ import annotations

import argparse
import dataclasses
import statistics
import time
from pathlib import Path

from indexer.model import Report, ReportInfo
from indexer.textnorm import nfc

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def timed(func, *args):
    start = time.perf_counter()
    value = func(*args)
    return value, time.perf_counter() - start


def parse(text: str) -> tuple[ReportInfo, float, str]:
    try:
        from indexer.parse import parse_report

        info, seconds = timed(parse_report, text)
        return info, seconds, "parse_report"
    except ImportError as exc:
        return ReportInfo(), 0.0, f"no parser ({exc}): empty ReportInfo"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    paths = sorted(CORPUS.glob("*.txt"), key=lambda p: p.stat().st_size, reverse=True)[:2]
    reports = []
    for path in paths:
        text = nfc(path.read_text("utf-8"))
        info, cold, how = parse(text)
        _, warm, _ = parse(text)
        print(f"{path.name}: {len(text.splitlines())} lines, {len(text)} chars; "
              f"{how} {cold * 1000:.1f} ms (again: {warm * 1000:.1f} ms)")
        reports.append(Report(path.stem, str(path), text, info))

    _, import_seconds = timed(__import__, "indexer.compare")
    from indexer.compare import compare_reports, extract_figures, shared_passages

    first, first_seconds = timed(compare_reports, *reports)
    runs = [timed(compare_reports, *reports)[1] for _ in range(args.repeat)]
    unparsed = [dataclasses.replace(r, info=dataclasses.replace(r.info, figures=None)) for r in reports]
    baseline = [timed(compare_reports, *unparsed)[1] for _ in range(args.repeat)]
    figures = [timed(extract_figures, r.text)[1] for r in reports]
    shared = timed(shared_passages, reports[0].text, reports[1].text)[1]
    print(f"import indexer.compare: {import_seconds * 1000:.1f} ms")
    print(f"compare_reports, first call (tables loaded): {first_seconds * 1000:.1f} ms")
    for label, times in (("figures from the report", runs), ("baseline, figures extracted at compare", baseline)):
        print(f"compare_reports, {label}, median of {args.repeat}: {statistics.median(times) * 1000:.1f} ms "
              f"(min {min(times) * 1000:.1f}, max {max(times) * 1000:.1f})")
    print(f"  figure grammar on both texts (now in the parse stage): {sum(figures) * 1000:.1f} ms, "
          f"shared text: {shared * 1000:.1f} ms")
    print(f"result: {len(first.sections)} section pairs, {len(first.citations)} citation rows, "
          f"{len(first.topics)} topics, {len(first.figures)} figure rows, {len(first.shared)} shared passages")
    assert compare_reports(*unparsed).figures == first.figures, "stored and extracted figures differ"

if __name__ == "__main__":
    main()
