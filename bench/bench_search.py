"""Index and search costs at scale, with the baselines measured in the same run.

Prints: index throughput (reports/s, with and without OCR repair), search
latency percentiles on a synthetic corpus, and the wall time of a cold
`cchc search` process against a bare `python -c pass`.
"""
from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from unittest import mock

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from synth import write_corpus  # noqa: E402

from indexer.api import Library, update_index  # noqa: E402

QUERIES = ["tổ chức bộ máy", "cai cach hanh chinh", '"dịch vụ công trực tuyến"', "Quyết định 3041", "SIPAS", '"chuyển đổi số"', "một cửa liên thông", "ISO 9001"]


def timed(fn, *args, **kwargs):
    started = time.perf_counter()
    value = fn(*args, **kwargs)
    return value, time.perf_counter() - started


def index_throughput(corpus: Path, idx: Path, with_repair: bool) -> float:
    if with_repair:
        _, seconds = timed(update_index, [corpus], idx)
    else:
        with mock.patch("indexer.analysis.ocr_readings", lambda words: [() for _ in words]):
            _, seconds = timed(update_index, [corpus], idx)
    return seconds


def search_latencies(idx: Path, rounds: int) -> dict[str, list[float]]:
    library = Library.open(idx)
    out: dict[str, list[float]] = {}
    for query in QUERIES:
        out[query] = [timed(library.search, query, limit=10)[1] * 1000 for _ in range(rounds)]
    return out


def cold_cli(idx: Path, repeats: int = 5) -> tuple[float, float]:
    cli = [sys.executable, "-m", "cchc_tui.cli_main", "search", "cai cach hanh chinh", "--index-dir", str(idx)]
    bare = [sys.executable, "-c", "pass"]
    cli_s = statistics.median(timed(subprocess.run, cli, capture_output=True, check=True)[1] for _ in range(repeats))
    bare_s = statistics.median(timed(subprocess.run, bare, capture_output=True, check=True)[1] for _ in range(repeats))
    return cli_s, bare_s


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--reports", type=int, default=1000, help="synthetic reports to index")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        seeds_s = index_throughput(ROOT / "corpus", tmp / "seed-idx", True)
        print(f"seed corpus (5 reports): indexed in {seeds_s:.2f}s")
        corpus = tmp / "synth"
        write_corpus(corpus, args.reports)
        plain_s = index_throughput(corpus, tmp / "plain-idx", False)
        full_s = index_throughput(corpus, tmp / "full-idx", True)
        print(f"synthetic corpus ({args.reports} reports): fold only {plain_s:.1f}s ({args.reports / plain_s:.0f}/s); "
              f"with OCR repair + parsing {full_s:.1f}s ({args.reports / full_s:.0f}/s); ratio {full_s / plain_s:.2f}x")
        print(f"{'query':<34}{'p50 ms':>9}{'max ms':>9}")
        for query, samples in search_latencies(tmp / "full-idx", args.rounds).items():
            print(f"{query:<34}{statistics.median(samples):>9.1f}{max(samples):>9.1f}")
        cli_s, bare_s = cold_cli(tmp / "seed-idx")
        print(f"cold `cchc search` process: {cli_s * 1000:.0f} ms; bare python: {bare_s * 1000:.0f} ms; ratio {cli_s / bare_s:.1f}x")
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"peak RSS of this benchmark process: {peak_mb:.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
