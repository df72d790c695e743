"""Memory and time of what the app does on opening an index: the dashboard's overview, then a search.

    .venv/bin/python bench/bench_app_memory.py INDEX_DIR [--cached]

Computes the overview from the reports (the cached copy is ignored unless `--cached`), runs one
broad search, and prints the peak private memory (RssAnon, sampled every 50 ms) and the peak
RSS, which also counts the index pages tantivy maps from disk (page cache: shared, reclaimable).
Baseline of the same run: the same figures right after `Library.open`, before any report is read.
Issue 14's target: the app open on 10,000 reports within 400 MB.
"""
from __future__ import annotations

import argparse
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from indexer.api import Library, build_overview, cached_overview, topic_labels  # noqa: E402
from indexer.overview import IndexStatus  # noqa: E402


def memory_mb() -> dict[str, int]:
    fields = ("VmHWM", "RssAnon", "RssFile")
    lines = Path("/proc/self/status").read_text().splitlines()
    return {k: int(v.split()[0]) // 1024 for k, v in (line.split(":", 1) for line in lines) if k in fields}


class PeakPrivate:
    """The largest RssAnon seen while running (the kernel keeps a peak only for RSS as a whole)."""

    def __init__(self) -> None:
        self.peak = 0
        threading.Thread(target=self._sample, daemon=True).start()

    def _sample(self) -> None:
        while True:
            self.peak = max(self.peak, memory_mb()["RssAnon"])
            time.sleep(0.05)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("index", type=Path)
    parser.add_argument("--cached", action="store_true", help="read the overview back when a current copy exists")
    args = parser.parse_args()
    sampler = PeakPrivate()
    library = Library.open(args.index)
    opened = memory_mb()
    started = time.perf_counter()
    if args.cached:
        overview = cached_overview(library)
    else:
        overview = build_overview(library.entries(), topic_labels(), IndexStatus(str(args.index), 0, None))
    seconds = time.perf_counter() - started
    library.search("tổ chức bộ máy", limit=50)
    time.sleep(0.2)
    done = memory_mb()
    print(f"{overview.total} reports: overview in {seconds:.1f} s; peak private {sampler.peak} MB "
          f"(baseline, index opened: {opened['RssAnon']} MB); peak RSS with mapped index pages {done['VmHWM']} MB "
          f"(baseline {opened['VmHWM']} MB; mapped now {done['RssFile']} MB); target: app on 10,000 reports <= 400 MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
