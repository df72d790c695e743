"""Add one new report to a big index in a fresh `cchc index` process: wall, CPU and peak RSS.

    PYTHONPATH=. .venv/bin/python bench/bench_add_one.py [--index /tmp/s13-10k-idx10] [--tree OTHER ...]

The index is copied first (the original is never written), one new generated
report is written to a folder of its own, and `cchc index FOLDER --index-dir
COPY` adds it (a new root: only that folder is read). Beside it, measured in
the same run: a second, no-change `cchc index` of the same folder (start-up,
index opening and the scan, no analysis) and `python -c pass`. With --tree,
each tree (this one first) is measured on its own copy, to compare a branch
with main in the same minute. Bytecode goes to a cache of the run's own
(PYTHONPYCACHEPREFIX), warmed before timing, so no tree is written to.
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import make_corpus  # noqa: E402
from bench_index import run_measured  # noqa: E402

CLI = "from cchc_tui.cli import main; main()"


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def measured(args: list[str], env: dict[str, str], cwd: Path) -> tuple[float, float, int, str]:
    """Wall s, CPU s (the process and its waited-for workers), peak summed RSS bytes, stdout's last line."""
    before = children_cpu()
    # cwd is not a tree: `python -c` puts the cwd first on sys.path, before PYTHONPATH
    wall, peak, out = run_measured(args, cwd=cwd, env=env, interval=0.05)
    return wall, children_cpu() - before, peak, (out.strip().splitlines() or [""])[-1]


def tree_env(tree: Path, pycache: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = str(tree)
    env["PYTHONPYCACHEPREFIX"] = str(pycache)  # bytecode outside the trees
    return env


def build_tiny_index(work: Path, env: dict[str, str]) -> Path:
    """--tiny: a small generated index stands in for the 10k one (the smoke test)."""
    corpus, index = work / "tiny-corpus", work / "tiny-index"
    make_corpus.generate(corpus, 6, seed=1, ocr_share=0.7, quiet=True)
    measured([sys.executable, "-c", CLI, "index", str(corpus), "--index-dir", str(index)], env, work)
    return index


def measure_tree(tree: Path, source: Path, report: Path, work: Path, label: str) -> list[tuple[str, tuple[float, float, int, str]]]:
    env = tree_env(tree, work / "pycache")
    index, folder = work / f"index-{label}", work / f"new-{label}"
    shutil.rmtree(index, ignore_errors=True)
    shutil.copytree(source, index)
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(report, folder / "added_one_report.txt")
    command = [sys.executable, "-c", CLI, "index", str(folder), "--index-dir", str(index)]
    measured([sys.executable, "-c", "import indexer.pipeline, cchc_tui.cli"], env, work)  # warm the bytecode
    rows = [("python -c pass", measured([sys.executable, "-c", "pass"], env, work))]
    rows.append(("add one report", measured(command, env, work)))
    rows.append(("no-change index (baseline)", measured(command, env, work)))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--index", type=Path, default=Path("/tmp/s13-10k-idx10"), help="index to copy (read only)")
    parser.add_argument("--tree", type=Path, action="append", default=[], help="another source tree to compare")
    parser.add_argument("--work", type=Path, default=None, help="keep the copies here")
    parser.add_argument("--tiny", action="store_true", help="a 6-report index of its own instead of --index")
    parser.add_argument("--repeat", type=int, default=3, help="runs per tree, interleaved; the median is shown")
    args = parser.parse_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="cchc-bench-add-one-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        spare = work / "spare"
        make_corpus.generate(spare, 1, seed=999, ocr_share=1.0, quiet=True)  # in no index yet
        source = build_tiny_index(work, tree_env(ROOT, work / "pycache")) if args.tiny else args.index
        print(f"index {source}; CPU = user + sys of the process and its workers")
        trees = [ROOT, *args.tree]
        runs: dict[tuple[int, str], list[tuple[float, float, int, str]]] = {}
        for _ in range(args.repeat):  # interleaved: the machine's load falls on every tree alike
            for i, tree in enumerate(trees):
                for name, one in measure_tree(tree.resolve(), source, spare / "gen_000000.txt", work, str(i)):
                    runs.setdefault((i, name), []).append(one)
        print(f"median of {args.repeat} (min in brackets)")
        print(f"{'tree':<24} {'run':<28} {'wall s':>13} {'CPU s':>13} {'peak RSS MB':>12}")
        for (i, name), figures in runs.items():
            said = figures[-1][3]
            walls, cpus = [f[0] for f in figures], [f[1] for f in figures]
            peaks = [f[2] for f in figures]
            print(f"{str(trees[i])[-24:]:<24} {name:<28} {statistics.median(walls):>6.2f} ({min(walls):4.2f})"
                  f" {statistics.median(cpus):>6.2f} ({min(cpus):4.2f}) {statistics.median(peaks) / 1e6:>12.0f}  {said[:44]}")
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
