"""Cost of indexing one large report, per MB of text: time and peak memory of the
index pipeline (read, analyse, parse, make the tantivy document, commit).

    .venv/bin/python bench/bench_index_cost.py [--sizes 0.25,0.5,1,2]

Each size runs in a fresh process (peak RSS is per process); the baseline is the
same pipeline on the largest sample report, measured in the same run.
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
MB = 1024 * 1024


def one(size_mb: float) -> dict:
    import tantivy

    from indexer.pipeline import analyse_text, index_keys
    from indexer.store.schema import build_schema, register_analyzers

    sources = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
    if size_mb <= 0:
        text = max(sources, key=len)
    else:
        text, i = "", 0
        while len(text.encode()) < size_mb * MB:
            text += sources[i % len(sources)] + "\n"
            i += 1
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    prepared = analyse_text("big.txt", "0" * 64, text)
    analysed = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        index = tantivy.Index(build_schema(), path=folder)
        register_analyzers(index)
        writer = index.writer(64_000_000, 1)
        writer.add_document(index_keys("big", prepared))
        writer.commit()
        writer.wait_merging_threads()
    done = time.perf_counter()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"mb": len(text.encode()) / MB, "prepare_s": analysed - start, "total_s": done - start,
            "peak_mb": peak / 1024, "growth_mb": (peak - base) / 1024}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sizes", default="0,0.25,0.5,1,2")
    ap.add_argument("--one", type=float, default=None)
    args = ap.parse_args()
    if args.one is not None:
        print(json.dumps(one(args.one)))
        return
    for size in (float(s) for s in args.sizes.split(",")):
        out = subprocess.run([sys.executable, __file__, "--one", str(size)], capture_output=True, text=True, check=True)
        row = json.loads(out.stdout.strip().splitlines()[-1])
        label = "baseline (largest sample report)" if size <= 0 else f"{size} MB"
        per_mb = f"{row['total_s'] / row['mb']:.1f} s/MB, {row['growth_mb'] / row['mb']:.0f} MB RAM/MB" if size > 0 else ""
        print(f"{label:34s} {row['mb']:6.2f} MB text  prepare {row['prepare_s']:6.2f} s  total {row['total_s']:6.2f} s  "
              f"peak RSS {row['peak_mb']:7.0f} MB (+{row['growth_mb']:.0f})  {per_mb}")


if __name__ == "__main__":
    main()
