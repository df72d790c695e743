"""Per-function cumulative parse time over a folder of reports, in-process.

    PYTHONPATH=TREE .venv/bin/python bench/profile_parse.py DIR [--tree TREE]

Runs analyse_text over every *.txt under DIR under cProfile (with --warm
OTHER, after analysing OTHER unprofiled, so one-off compiles are left out)
and prints, per named parse function, the cumulative ms per report.
Run it against two trees in the same shell command to compare a branch with
its start. With --first, it instead times (unprofiled: cProfile inflates the
pure-Python regex parser) the first report of DIR in this fresh process and
the regex compilation inside it, by the parse function that compiled.
"""
from __future__ import annotations

import argparse
import cProfile
import pstats
import re
import sys
import time
from collections import defaultdict
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
    ap.add_argument("--first", action="store_true", help="time the first report's regex compilation instead")
    args = ap.parse_args()
    sys.path.insert(0, str(args.tree))
    if args.first:
        first_report(args.folder, args.top or 12)
        return
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


def first_report(folder: Path, top: int) -> None:
    """CPU of the first analysis in a fresh process and of the re.compile calls in it, by caller."""
    costs: defaultdict[str, float] = defaultdict(float)
    compile_ = re._compile  # type: ignore[attr-defined]

    def timed(pattern, flags):
        started = time.process_time()
        compiled = compile_(pattern, flags)
        frame = sys._getframe(1)
        while frame.f_back is not None and frame.f_code.co_filename.endswith(("re/__init__.py", "functools.py")):
            frame = frame.f_back
        costs[f"{Path(frame.f_code.co_filename).name}:{frame.f_code.co_name}"] += time.process_time() - started
        return compiled

    re._compile = timed  # type: ignore[attr-defined]
    started = time.process_time()
    from indexer.pipeline import analyse_text
    imported = time.process_time()
    path = sorted(folder.glob("*.txt"))[0]
    text = path.read_text(encoding="utf-8")
    analyse_text(path.name, "0" * 64, text)
    first = time.process_time()
    analyse_text(path.name, "0" * 64, text)
    again = time.process_time()
    print(f"{path.name}: import {imported - started:.3f} s, first analysis {first - imported:.3f} s CPU"
          f" (re.compile {sum(costs.values()):.3f} s), the same report again {again - first:.3f} s")
    for caller, seconds in sorted(costs.items(), key=lambda kv: -kv[1])[:top]:
        print(f"  {seconds:7.3f} s  {caller}")


if __name__ == "__main__":
    main()
