"""Fault injection: each I/O call of an index run fails in turn (first, middle, last and a sample
between), with the errors a disk gives (ENOSPC, EIO, EROFS, a vanished folder) and tantivy's own.

After each: exit status 0 or 1 with exactly one line and no traceback; on 1 the previous index
opens and holds exactly what it held; no temporary file is left; no file outside cchc's own is
written; and the next run, without faults, is exact (one document per file, current text).
The figures are printed in pytest's terminal summary.
"""
from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest
from fault_shim import Shim
from typer.testing import CliRunner

from cchc_tui.cli import app
from indexer.api import CchcError, Library
from indexer.ingest import read_report
from indexer.store.layout import LOCK_FILE, MARKER

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
POINTS_PER_KIND = int(os.environ.get("FAULT_POINTS", "24"))  # sampled evenly beyond this (suite ~30 s); FAULT_POINTS=999: all
USER_FILE = "user-notes.odt"  # a file of the user's in cchc's folder: never touched
runner = CliRunner()


def write_reports(folder: Path, count: int) -> None:
    sources = [p.read_text(encoding="utf-8").split("\n") for p in sorted(CORPUS.glob("*.txt"))]
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        lines = sources[i % len(sources)]
        (folder / f"r{i}.txt").write_text(f"mau{i} v0\n" + "\n".join(lines[i : i + 10]) + "\n", encoding="utf-8")


def mutate(folder: Path) -> None:
    """What an ordinary re-run meets: one report edited, one deleted, one added."""
    edited = folder / "r0.txt"
    edited.write_text(edited.read_text(encoding="utf-8").replace("v0", "v1"), encoding="utf-8")
    (folder / "r1.txt").unlink()
    (folder / "r9.txt").write_text("mau9 v0\nBáo cáo cải cách hành chính quý 1\n", encoding="utf-8")


def state(index_dir: Path) -> dict[str, str]:
    """path -> stored text; one document per path, or the test fails."""
    reports = list(Library.open(index_dir).reports())
    paths = [r.path for r in reports]
    assert len(paths) == len(set(paths)), "two documents for one file"
    return {r.path: r.text for r in reports}


def answers(index_dir: Path) -> list[str]:
    """What a search answers: the same reports, in the same order."""
    return [hit.doc_id for hit in Library.open(index_dir).search("cải cách hành chính", limit=50).hits]


def files_state(folder: Path) -> dict[str, str]:
    return {str(p): read_report(p) for p in sorted(folder.glob("*.txt"))}


def index(corpus: Path, index_dir: Path, *extra: str):
    return runner.invoke(app, ["index", str(corpus), "--index-dir", str(index_dir), *extra])


def cchc_names_only(index_dir: Path, mutated: list[str]) -> list[str]:
    """Written paths that are not cchc's: its marker (and temporary), its lock, its generations."""
    ours = {MARKER, MARKER + ".tmp", LOCK_FILE}
    bad = []
    for target in mutated:
        relative = Path(target).relative_to(index_dir) if target.startswith(str(index_dir)) else None
        if relative is None or not relative.parts:
            if relative is None or target != str(index_dir):
                bad.append(target)
            continue
        if relative.parts[0] not in ours and not relative.parts[0].startswith("generation-"):
            bad.append(target)
    return bad


def leftovers(index_dir: Path) -> list[str]:
    return [str(p) for p in index_dir.rglob("*.tmp")] if index_dir.exists() else []


class World:
    """A corpus and an index in fixed places (stored paths are absolute), restored before each point."""

    def __init__(self, root: Path, kind: str) -> None:
        self.root, self.kind = root, kind
        self.corpus, self.index_dir = root / "world" / "corpus", root / "world" / "index"
        self.pristine = root / "pristine"
        write_reports(self.corpus, 6)
        if kind != "first":
            assert index(self.corpus, self.index_dir).exit_code == 0
            (self.index_dir / USER_FILE).write_text("precious", encoding="utf-8")
        self.previous = state(self.index_dir) if kind != "first" else None
        self.previous_hits = answers(self.index_dir) if kind != "first" else None
        mutate(self.corpus)
        if kind == "incremental":  # make the run write the compounds cache as well
            for cache in self.index_dir.glob("generation-*/compounds.txt"):
                cache.unlink()
        self.target = files_state(self.corpus)
        shutil.copytree(root / "world", self.pristine, symlinks=True)

    def restore(self) -> None:
        remove_tree(self.root / "world")
        shutil.copytree(self.pristine, self.root / "world", symlinks=True)

    def extra(self) -> tuple[str, ...]:
        return ("--rebuild",) if self.kind == "rebuild" else ()


def remove_tree(path: Path) -> None:
    # When the injected failure hits tantivy's wait_merging_threads, the real join never runs and a merge
    # thread may still be writing into the index while the next point restores the world: let it finish.
    for _ in range(50):
        try:
            shutil.rmtree(path)
            return
        except OSError:
            time.sleep(0.1)
    shutil.rmtree(path)


def sample(count: int, limit: int) -> list[int]:
    if count <= limit:
        return list(range(count))
    step = (count - 1) / (limit - 1)
    return sorted({round(i * step) for i in range(limit)} | {0, count // 2, count - 1})


def check_after_fault(world: World, result, shim: Shim) -> str:
    where = f"fault at call {shim.fail_at} ({shim.failed})"
    assert "Traceback" not in result.output, where
    assert result.exception is None or isinstance(result.exception, SystemExit), f"{where}: {result.exception!r}"
    assert result.exit_code in (0, 1), where
    assert leftovers(world.index_dir) == [], f"{where}: temporary files left"
    assert cchc_names_only(world.index_dir, shim.mutated()) == [], f"{where}: wrote outside cchc's own files"
    assert files_state(world.corpus) == world.target, f"{where}: a report was changed"
    if world.kind != "first":
        assert (world.index_dir / USER_FILE).read_text(encoding="utf-8") == "precious", where
    if result.exit_code == 1:
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("cchc: "), f"{where}: {result.stderr!r}"
        if world.previous is None:
            with pytest.raises(CchcError):
                Library.open(world.index_dir)
        else:
            assert state(world.index_dir) == world.previous, f"{where}: the previous index changed"
            assert answers(world.index_dir) == world.previous_hits, f"{where}: searches answer differently"
        return "refused"
    now = state(world.index_dir)
    previous = world.previous or {}
    for path, text in now.items():
        assert text in (world.target.get(path), previous.get(path)), f"{where}: {path} holds a mixture"
    return "completed"


def check_next_run(world: World, where: str) -> None:
    result = index(world.corpus, world.index_dir)
    assert result.exit_code == 0, f"after {where}: {result.output}"
    assert state(world.index_dir) == world.target
    assert len(list(world.index_dir.glob("generation-*"))) == 1
    assert leftovers(world.index_dir) == []


@pytest.mark.parametrize("kind", ["incremental", "rebuild", "first"])
def test_every_io_call_of_an_index_run_fails_in_turn(kind, tmp_path, monkeypatch, report_figure):
    world = World(tmp_path.resolve(), kind)
    counter = Shim(world.root / "world")
    with monkeypatch.context() as patch:
        counter.install(patch)
        assert index(world.corpus, world.index_dir, *world.extra()).exit_code == 0
    assert state(world.index_dir) == world.target
    points = sample(len(counter.calls), POINTS_PER_KIND)
    outcomes = {"refused": 0, "completed": 0}
    for point in points:
        world.restore()
        shim = Shim(world.root / "world", fail_at=point)
        with monkeypatch.context() as patch:
            shim.install(patch)
            result = index(world.corpus, world.index_dir, *world.extra())
        assert shim.failed is not None, f"call {point} was not reached the second time"
        outcomes[check_after_fault(world, result, shim)] += 1
        check_next_run(world, f"fault at call {point} ({shim.failed})")
    kinds = sorted({c.name for c in counter.calls})
    report_figure(f"fault injection ({kind} run): {len(counter.calls)} I/O calls, {len(points)} injected "
                  f"({outcomes['refused']} refused with one line, {outcomes['completed']} completed); "
                  f"calls: {', '.join(kinds)}")
