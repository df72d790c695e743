"""Per-function cumulative parse time over a folder of reports, in-process.

    PYTHONPATH=TREE .venv/bin/python bench/profile_parse.py DIR [--tree TREE]

Runs analyse_text over every *.txt under DIR under cProfile (with --warm
OTHER, after analysing OTHER unprofiled, so one-off compiles are left out)
and prints, per named parse function, the cumulative ms per report.
Run it against two trees in the same shell command to compare a branch with
its start.
"""
from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
from pathlib import Path

WATCHED = ("find_unit", "issuer_after", "extract_figures", "restore", "parse_header",
           "extract_citations", "extract_signature", "analyse_text")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("folder", type=Path)
    ap.add_argument("--tree", type=Path, default=Path(__file__).resolve().parent.parent)
    ap.add_argument("--top", type=int, default=0, help="also print the top N by cumulative time")
    ap.add_argument("--warm", type=Path, help="analyse this folder first, unprofiled: leaves out one-off compiles")
    ap.add_argument("--sort", default="cumulative", help="pstats order for --top")
    args = ap.parse_args()
    sys.path.insert(0, str(args.tree))
    from indexer.pipeline import analyse_text

    paths = sorted(args.folder.glob("*.txt"))
    texts = [(p.name, p.read_text(encoding="utf-8")) for p in paths]
    for path in sorted(args.warm.glob("*.txt")) if args.warm else []:
        analyse_text(path.name, "0" * 64, path.read_text(encoding="utf-8"))
    prof = cProfile.Profile()
    prof.enable()
    for name, text in texts:
        analyse_text(name, "0" * 64, text)
    prof.disable()
    stats = pstats.Stats(prof)
    n = len(texts)
    print(f"tree {args.tree}  ({n} reports)")
    for (file, _line, func), (_cc, _nc, _tt, ct, _callers) in sorted(stats.stats.items()):  # type: ignore[attr-defined]
        if func in WATCHED and str(args.tree) in file:
            print(f"  {func:20s} {1000 * ct / n:8.2f} ms/report  {Path(file).name}")
    if args.top:
        stats.sort_stats(args.sort).print_stats(args.top)


if __name__ == "__main__":
    main()
