"""Indexing throughput, index size, memory and one-report additions, beside raw tantivy.

    .venv/bin/python bench/bench_index.py [--n 10000] [--large 100000] [--skip-bundled]

For the bundled corpus and for N generated reports (bench/make_corpus.py, seed 1,
70% OCR-damaged) it runs `cchc index --profile` in a fresh process, as a user
would, and prints beside each figure the same figure for raw tantivy indexing of
the same text (stored, one plain folding analyzer, all cores): the engine's
ceiling, and the pipeline's share of it. Memory is the peak of the summed RSS of
the indexing process and all its workers, polled from /proc. Then one new report
is added to the index (a fresh `cchc index` process: start-up included).
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import make_corpus  # noqa: E402


def cchc_command() -> list[str]:
    script = Path(sys.executable).parent / "cchc"
    return [str(script)] if script.exists() else [sys.executable, "-c", "from cchc_tui.cli import main; main()"]


def tree_rss(root: int) -> int:
    """Resident bytes of `root` and every process descending from it."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as handle:
                fields = handle.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        pid, ppid = int(entry), int(fields[1])
        children.setdefault(ppid, []).append(pid)
        rss[pid] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        stack.extend(children.get(pid, ()))
    return total


def run_measured(args: list[str], cwd: Path = ROOT, env: dict[str, str] | None = None,
                 interval: float = 0.1) -> tuple[float, int, str]:
    """Wall seconds, peak summed RSS (bytes, polled every `interval` s) and stdout of a command."""
    started = time.perf_counter()
    process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=cwd, env=env)
    peak = [0]

    def poll() -> None:
        while process.poll() is None:
            peak[0] = max(peak[0], tree_rss(process.pid))
            time.sleep(interval)

    watcher = threading.Thread(target=poll, daemon=True)
    watcher.start()
    out, err = process.communicate()
    wall = time.perf_counter() - started
    watcher.join()
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(args[:3])} failed ({process.returncode}): {err.strip()[-500:]}")
    return wall, peak[0], out


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def text_bytes(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*.txt") if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files)


def measure(label: str, corpus: Path, work: Path, extra_report: Path | None) -> None:
    reports, size = text_bytes(corpus)
    mb = size / 1e6
    index_dir = work / f"index-{label}"
    wall, peak, out = run_measured([*cchc_command(), "index", str(corpus), "--index-dir", str(index_dir), "--profile"])
    raw_wall, raw_peak, raw_out = run_measured([sys.executable, str(HERE / "raw_tantivy.py"), str(corpus), str(work / f"raw-{label}")])
    raw_index_bytes, raw_peak = int(raw_out.split()[1]), max(raw_peak, int(raw_out.split()[2]))
    index_size = folder_bytes(index_dir)
    print(f"\n## {label}: {reports} reports, {mb:.1f} MB of text, {os.cpu_count()} cores")
    print("(both in a fresh process, wall time; share = raw tantivy's figure over the pipeline's)")
    print(f"{'figure':<28} {'pipeline':>12} {'raw tantivy':>12} {'share':>7}")
    rows = [
        ("build time (s)", wall, raw_wall, raw_wall / wall),
        ("throughput (MB/s)", mb / wall, mb / raw_wall, raw_wall / wall),
        ("reports/s", reports / wall, reports / raw_wall, raw_wall / wall),
        ("index size / text", index_size / size, raw_index_bytes / size, raw_index_bytes / index_size),
        ("peak RSS, all processes (MB)", peak / 1e6, raw_peak / 1e6, raw_peak / max(1, peak)),
    ]
    for name, ours, theirs, share in rows:
        print(f"{name:<28} {ours:>12.2f} {theirs:>12.2f} {share:>7.1%}")
    print("stages (cchc index --profile):")
    print("\n".join("  " + line for line in out.strip().splitlines()[1:]))
    if extra_report is not None:
        target = corpus / "added_one_report.txt"
        shutil.copy(extra_report, target)
        try:
            add_wall, add_peak, add_out = run_measured([*cchc_command(), "index", str(corpus), "--index-dir", str(index_dir)])
        finally:
            target.unlink()
        print(f"add one report to {reports}: {add_wall:.2f} s wall in a fresh process, peak RSS {add_peak / 1e6:.0f} MB")
        print(f"  ({add_out.strip()})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=10_000, help="generated reports (0: none)")
    parser.add_argument("--large", type=int, default=0, help="also a run at this many reports (e.g. 100000)")
    parser.add_argument("--skip-bundled", action="store_true")
    parser.add_argument("--work", type=Path, default=None, help="keep corpora and indexes here")
    args = parser.parse_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="cchc-bench-index-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        spare = work / "spare"
        make_corpus.generate(spare, 1, seed=999, ocr_share=1.0, quiet=True)
        extra = spare / "gen_000000.txt"
        if not args.skip_bundled:
            measure("bundled corpus", ROOT / "corpus", work, None)
        for n in [n for n in (args.n, args.large) if n]:
            corpus = work / f"generated-{n}"
            if not corpus.exists():
                stats = make_corpus.generate(corpus, n, seed=1, ocr_share=0.7, quiet=True)
                print(f"\ngenerated {n} reports: duplicate lines {stats['duplicate_line_share']:.1%}")
            measure(f"{n} generated reports", corpus, work, extra)
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
