"""Where the search screen's UI thread spends its time, from the results handed over to the frame
painted with them (what bench/bench_tui.py reports as "UI thread CPU").

cProfile runs on the UI thread only, switched on when `SearchScreen.show_result` starts and off
after the refresh that drew its results (`SearchScreen._painted`), for every page shown, over
bench_tui's typed queries. The code measured is the one on PYTHONPATH (this file may be run from
another checkout, for a baseline).

    PYTHONPATH=$PWD .venv/bin/python bench/profile_tui.py --index DIR [--rounds 1] [--top 25] [--sort tottime]
"""
from __future__ import annotations

import argparse
import asyncio
import cProfile
import importlib.util
import io
import pstats
import sys
import time
from pathlib import Path


def load_bench_tui():
    """bench_tui.py of the checkout on PYTHONPATH (bench/ is not a package)."""
    root = Path(next(path for path in sys.path if (Path(path or ".") / "cchc_tui").is_dir()) or ".").resolve()
    spec = importlib.util.spec_from_file_location("bench_tui", root / "bench" / "bench_tui.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def profiled(index_dir: Path, rounds: int) -> cProfile.Profile:
    from cchc_tui.screens.search import SearchScreen

    bench_tui = load_bench_tui()
    profile = cProfile.Profile(time.thread_time)  # CPU of the UI thread: not its waits for the GIL or the terminal
    show_result, painted = SearchScreen.show_result, SearchScreen._painted
    state = {"on": False}

    def show_profiled(self, query, *args, **kwargs):
        if query and not state["on"]:  # typed queries only, not the start-up list or the box cleared
            profile.enable()
            state["on"] = True
        return show_result(self, query, *args, **kwargs)

    def painted_profiled(self, *args):
        painted(self, *args)
        if state["on"]:
            profile.disable()
            state["on"] = False

    SearchScreen.show_result = show_profiled  # type: ignore[method-assign]
    SearchScreen._painted = painted_profiled  # type: ignore[method-assign]
    try:
        asyncio.run(bench_tui.measure(index_dir, rounds))
    finally:
        SearchScreen.show_result, SearchScreen._painted = show_result, painted  # type: ignore[method-assign]
    return profile


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--index", type=Path, required=True)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--sort", default="tottime", help="pstats sort key: tottime, cumulative, ...")
    parser.add_argument("--dump", type=Path, help="also save the raw profile here")
    args = parser.parse_args()
    profile = profiled(args.index, args.rounds)
    if args.dump:
        profile.dump_stats(str(args.dump))
    out = io.StringIO()
    pstats.Stats(profile, stream=out).strip_dirs().sort_stats(args.sort).print_stats(args.top)
    print(out.getvalue())


if __name__ == "__main__":
    main()
