"""Index and search costs at scale, with the baselines measured in the same run.

Prints: index throughput (reports/s, with and without OCR repair), search
latency percentiles on a synthetic corpus, and the wall time of a cold
`cchc search` process against a bare `python -c pass`.
"""
from __future__ import annotations

import argparse
import contextlib
import os
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

QUERIES = [
    "tổ chức bộ máy", "cai cach hanh chinh", '"dịch vụ công trực tuyến"',
    "Quyết định 3041", "SIPAS", '"chuyển đổi số"', "một cửa liên thông", "ISO 9001"]


def timed(fn, *args, **kwargs):
    started = time.perf_counter()
    value = fn(*args, **kwargs)
    return value, time.perf_counter() - started


def index_throughput(corpus: Path, idx: Path, with_repair: bool, workers: bool) -> float:
    """Seconds to index `corpus`; without repair every token is indexed under its fold alone."""
    patches = [] if workers else [mock.patch("indexer.store.prepare.PARALLEL_FROM", 10**9)]
    if not with_repair:
        patches.append(mock.patch("indexer.pipeline.token_readings", lambda words: [() for _ in words]))
    with contextlib.ExitStack() as stack:
        for patch in patches:
            stack.enter_context(patch)
        _, seconds = timed(update_index, [corpus], idx)
    return seconds


def search_latencies(idx: Path, rounds: int) -> dict[str, list[float]]:
    library = Library.open(idx)
    out: dict[str, list[float]] = {}
    for query in QUERIES:
        out[query] = [timed(library.search, query, limit=10)[1] * 1000 for _ in range(rounds)]
    return out


def cold_cli(idx: Path, repeats: int = 5) -> tuple[float, float]:
    cli = [sys.executable, "-m", "cchc_tui", "search", "cai cach hanh chinh", "--index-dir", str(idx)]
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
        seeds_s = index_throughput(ROOT / "corpus", tmp / "seed-idx", True, workers=False)
        print(f"seed corpus (5 reports): indexed in {seeds_s:.2f}s")
        corpus = tmp / "synth"
        write_corpus(corpus, args.reports)
        n = args.reports
        plain_s = index_throughput(corpus, tmp / "plain-idx", False, workers=False)
        full_s = index_throughput(corpus, tmp / "full-idx", True, workers=False)
        par_s = index_throughput(corpus, tmp / "par-idx", True, workers=True)
        print(f"synthetic corpus ({n} reports), one process: fold only {plain_s:.1f}s ({n / plain_s:.1f}/s); "
              f"with OCR repair {full_s:.1f}s ({n / full_s:.1f}/s); repair costs {full_s / plain_s:.2f}x at index time")
        print(f"with worker processes ({os.cpu_count()} cores): {par_s:.1f}s ({n / par_s:.1f}/s), {full_s / par_s:.2f}x faster")
        print(f"{'query':<34}{'fold-only p50':>14}{'with repair p50':>16}{'max':>8}  (ms)")
        plain = search_latencies(tmp / "plain-idx", args.rounds)
        for query, samples in search_latencies(tmp / "full-idx", args.rounds).items():
            print(f"{query:<34}{statistics.median(plain[query]):>14.1f}{statistics.median(samples):>16.1f}{max(samples):>8.1f}")
        cli_s, bare_s = cold_cli(tmp / "seed-idx")
        print(f"cold `cchc search` process: {cli_s * 1000:.0f} ms; bare python: {bare_s * 1000:.0f} ms; ratio {cli_s / bare_s:.1f}x")
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"peak RSS of this benchmark process: {peak_mb:.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
