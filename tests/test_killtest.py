"""`cchc index` killed with SIGKILL at random moments, over and over.

After every kill: the index opens, holds exactly the last committed state
(the state before the run, or the one it was writing, never a mixture with
duplicates), answers searches, and the next `cchc index` completes with exactly
one document per file and no stale text. Set KILLTEST_SEED to replay a run.
"""
from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import time
from collections import Counter
from pathlib import Path

import pytest
from helpers_badfiles import CORPUS, cchc_process_args

from indexer.api import CchcError, Library
from indexer.ingest import read_report
from indexer.store.index import current_folder

REPORTS = 200
KILLS = 20
FRESH_INDEX_ROUNDS = {3}  # the very first `cchc index` is killed
REBUILD_ROUNDS = {11}  # `cchc index --rebuild` is killed
CHANGES_PER_ROUND = (15, 3, 3)  # files edited, deleted, added
RUN_TIMEOUT = 60
ORPHAN_GRACE = 5.0

State = dict[str, str]  # path -> stored text


class Corpus:
    """Synthetic reports cut from the sample corpus: each starts with a marker word."""

    def __init__(self, folder: Path, rng: random.Random) -> None:
        self.folder = folder
        self.rng = rng
        self.sources = [p.read_text(encoding="utf-8").split("\n") for p in sorted(CORPUS.glob("*.txt"))]
        self.next_id = 0
        self.version = 0
        folder.mkdir()

    def write(self, path: Path) -> None:
        lines = self.rng.choice(self.sources)
        start = self.rng.randrange(len(lines) - 30)
        body = "\n".join(lines[start : start + self.rng.randint(5, 12)])
        path.write_text(f"mau{path.stem[1:]} v{self.version}\n{body}\n", encoding="utf-8")

    def add(self) -> None:
        self.write(self.folder / f"r{self.next_id:04d}.txt")
        self.next_id += 1

    def mutate(self) -> None:
        self.version += 1
        edited, deleted, added = CHANGES_PER_ROUND
        files = sorted(self.folder.glob("*.txt"))
        for path in self.rng.sample(files, edited + deleted)[:edited]:
            self.write(path)
        for path in self.rng.sample(files, deleted):
            path.unlink(missing_ok=True)
        for _ in range(added):
            self.add()

    def state(self) -> State:
        return {str(p): read_report(p) for p in sorted(self.folder.glob("*.txt"))}


def index_state(index_dir: Path) -> State:
    reports = list(Library.open(index_dir).reports())
    duplicates = [p for p, n in Counter(r.path for r in reports).items() if n > 1]
    assert not duplicates, f"more than one document for {duplicates[:3]}"
    return {r.path: r.text for r in reports}


def index_command(folder: Path, index_dir: Path, *extra: str) -> list[str]:
    return cchc_process_args("index", str(folder), "--index-dir", str(index_dir), *extra)


def run_to_completion(folder: Path, index_dir: Path) -> float:
    started = time.perf_counter()
    done = subprocess.run(index_command(folder, index_dir), capture_output=True, text=True, timeout=RUN_TIMEOUT)
    assert done.returncode == 0, done.stderr[-2000:]
    return time.perf_counter() - started


def kill_at_random(command: list[str], expected_seconds: float, rng: random.Random) -> tuple[float, bool, bool]:
    """Start, SIGKILL the `cchc` process (not its workers) after a random delay,
    mostly late, when it is writing. Returns (delay, killed, workers outlived it)."""
    late = rng.random() < 0.75
    delay = expected_seconds * (rng.uniform(0.4, 0.98) if late else rng.uniform(0.0, 0.4))
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    time.sleep(delay)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=RUN_TIMEOUT)
    return delay, process.returncode == -signal.SIGKILL, _orphans_linger(process.pid)


def group_members(group: int) -> list[int]:
    """Live processes of a process group (Linux /proc)."""
    members = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[2]) == group and fields[0] != "Z":
                members.append(int(entry.name))
    return members


def _orphans_linger(group: int) -> bool:
    """Worker processes must notice their parent died and exit on their own; any
    still there after ORPHAN_GRACE seconds are killed (they are ours) and reported."""
    deadline = time.monotonic() + ORPHAN_GRACE
    while time.monotonic() < deadline:
        if not group_members(group):
            return False
        time.sleep(0.05)
    os.killpg(group, signal.SIGKILL)
    return True


def check_after_kill(index_dir: Path, committed: State, target: State, rng: random.Random) -> str:
    """Which state the kill left: 'before' or 'after' the run's commit ('none': no index yet)."""
    try:
        got = index_state(index_dir)
    except CchcError as error:  # only when the very first run was killed
        assert not committed, f"committed index no longer opens: {error}"
        assert "\n" not in str(error)
        return "none"
    assert got in (committed, target), "index holds neither the previous nor the new committed state"
    if got:
        path = rng.choice(sorted(got))
        marker = Path(path).stem[1:]
        result = Library.open(index_dir).search(f"mau{marker}", limit=5)
        assert path in [hit.path for hit in result.hits], f"search for mau{marker} misses {path}"
    return "after" if got == target and got != committed else "before"


def test_sigkill_during_indexing_leaves_a_consistent_index(tmp_path):
    seed = int(os.environ.get("KILLTEST_SEED") or random.randrange(1 << 30))
    print(f"killtest seed={seed} (KILLTEST_SEED={seed} to replay)")
    rng = random.Random(seed)
    started = time.perf_counter()
    corpus = Corpus(tmp_path.resolve() / "reports", rng)
    index_dir = tmp_path.resolve() / "index"
    for _ in range(REPORTS):
        corpus.add()
    full_seconds = run_to_completion(corpus.folder, index_dir)
    committed = corpus.state()
    assert index_state(index_dir) == committed
    outcomes: Counter[str] = Counter()
    expected = {"incremental": full_seconds / 3, "full": full_seconds}
    for round_no in range(KILLS):
        corpus.mutate()
        target = corpus.state()
        extra: tuple[str, ...] = ()
        kind = "incremental"
        if round_no in FRESH_INDEX_ROUNDS:
            shutil.rmtree(index_dir)
            committed, kind = {}, "full"
        elif round_no in REBUILD_ROUNDS:
            extra, kind = ("--rebuild",), "full"
        delay, killed, orphans = kill_at_random(index_command(corpus.folder, index_dir, *extra), expected[kind], rng)
        outcomes["workers outlived the kill"] += orphans  # asserted in test_workers_exit_...
        outcome = check_after_kill(index_dir, committed, target, rng)
        outcomes[f"{outcome}{'' if killed else ' (finished first)'}"] += 1
        seconds = run_to_completion(corpus.folder, index_dir)
        print(f"round {round_no:2d} {kind:11s} {' '.join(extra):9s} killed after {delay:.2f}s -> {outcome}; "
              f"completing run {seconds:.2f}s; {time.perf_counter() - started:.1f}s so far")
        if outcome != "after":  # the completing run redid the killed run's work: a fair estimate
            expected[kind] = seconds
        assert index_state(index_dir) == target, f"round {round_no}: stale, missing or extra documents"
        committed = target
    print(f"killtest outcomes over {KILLS} kills: {dict(outcomes)}")
    assert sum(n for name, n in outcomes.items() if name in ("before", "after", "none")) >= KILLS // 2


def test_leftover_files_of_a_killed_commit_do_not_block_the_next_run(tmp_path):
    """A kill after tantivy wrote a commit's files but before `meta.json` named them:
    simulated exactly by putting the previous `meta.json` back."""
    folder = tmp_path / "reports"
    shutil.copytree(CORPUS, folder)
    index_dir = tmp_path / "index"
    run_to_completion(folder, index_dir)
    meta = current_folder(index_dir) / "meta.json"
    meta_before = meta.read_bytes()
    first = sorted(folder.glob("*.txt"))[0]
    first.write_text(first.read_text(encoding="utf-8") + "\nthêm một dòng\n", encoding="utf-8")
    run_to_completion(folder, index_dir)
    meta.write_bytes(meta_before)  # the commit never happened
    run_to_completion(folder, index_dir)
    assert index_state(index_dir) == {str(p): read_report(p) for p in sorted(folder.glob("*.txt"))}


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads process groups from /proc")
def test_workers_exit_when_cchc_index_is_killed(tmp_path):
    """A large run prepares reports in worker processes; SIGKILL of `cchc index`
    (what `kill -9` or an out-of-memory kill does) must not leave them running."""
    corpus = Corpus(tmp_path / "reports", random.Random(5))
    for _ in range(REPORTS):
        corpus.add()
    command = index_command(corpus.folder, tmp_path / "index")
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + RUN_TIMEOUT
    while len(group_members(process.pid)) < 3 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)  # until workers are up
    assert process.poll() is None, "the run ended before it started workers"
    time.sleep(0.5)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=RUN_TIMEOUT)
    assert not _orphans_linger(process.pid)
