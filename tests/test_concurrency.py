"""Two processes at one index: one writer at a time, readers always.

- a second `cchc index` while one runs exits at once: exit 1, one line saying
  another process is updating the index;
- `cchc search` and `Library.search` answer while an index run is writing;
- an index folder nobody may write to: `cchc index` says so in one line, exit 1,
  and `cchc search` still answers.
"""
from __future__ import annotations

import fcntl
import os
import shutil
import signal
import subprocess
import time
from contextlib import contextmanager
from pathlib import Path

import pytest
from helpers_badfiles import CORPUS, cchc_process_args

from indexer.api import Library
from indexer.store.index import LOCK_FILE

SYNTHETIC_REPORTS = 80  # enough for an index run of a few seconds
SECOND_WRITER_SECONDS = 5.0  # "at once": process start-up plus the lock check
RUN_TIMEOUT = 120


def make_reports(folder: Path, count: int) -> None:
    sources = [p.read_text(encoding="utf-8").split("\n") for p in sorted(CORPUS.glob("*.txt"))]
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        lines = sources[n % len(sources)]
        start = (n * 7) % (len(lines) - 40)
        (folder / f"s{n:04d}.txt").write_text(f"mau{n}\n" + "\n".join(lines[start : start + 40]) + "\n", encoding="utf-8")


def run_cchc(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(cchc_process_args(*args), capture_output=True, text=True, timeout=RUN_TIMEOUT)


def lock_is_held(index_dir: Path) -> bool:
    try:
        fd = os.open(index_dir / LOCK_FILE, os.O_RDWR)
    except FileNotFoundError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    else:
        fcntl.flock(fd, fcntl.LOCK_UN)
        return False
    finally:
        os.close(fd)


@contextmanager
def indexing_in_background(folder: Path, index_dir: Path, *, finish: bool = True):
    """An index run that is known to hold the writer lock when the block starts;
    at the end it is waited for (and must succeed), or killed."""
    process = subprocess.Popen(cchc_process_args("index", str(folder), "--index-dir", str(index_dir)),
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        deadline = time.monotonic() + RUN_TIMEOUT
        while not lock_is_held(index_dir):
            assert process.poll() is None, f"index run ended before taking the lock: {process.stderr.read()}"
            assert time.monotonic() < deadline
            time.sleep(0.02)
        yield process
        if finish:
            assert process.wait(timeout=RUN_TIMEOUT) == 0, process.stderr.read()[-2000:]
    finally:
        if process.poll() is None:  # the whole group: its worker processes too
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


@pytest.fixture
def busy_setup(tmp_path):
    """An index of the sample corpus, and a folder of many new reports to add to it."""
    index_dir = tmp_path / "index"
    assert run_cchc("index", str(CORPUS), "--index-dir", str(index_dir)).returncode == 0
    big = tmp_path / "big"
    shutil.copytree(CORPUS, big / "corpus")
    make_reports(big / "new", SYNTHETIC_REPORTS)
    return index_dir, big


def test_second_index_run_exits_at_once_with_a_message(busy_setup):
    index_dir, big = busy_setup
    with indexing_in_background(big, index_dir, finish=False) as first:
        started = time.perf_counter()
        second = run_cchc("index", str(CORPUS), "--index-dir", str(index_dir))
        seconds = time.perf_counter() - started
        assert first.poll() is None, "the first run ended too soon to test anything"
    assert second.returncode == 1
    assert seconds < SECOND_WRITER_SECONDS
    lines = second.stderr.strip().split("\n")
    assert len(lines) == 1 and "another process is updating the index" in lines[0], second.stderr


def test_searches_answer_while_indexing(busy_setup):
    index_dir, big = busy_setup
    library = Library.open(index_dir)
    before = library.search("cải cách hành chính", limit=50).total
    answered = 0
    with indexing_in_background(big, index_dir) as writer:
        while writer.poll() is None and answered < 5:
            assert library.search("cải cách hành chính", limit=50).total >= before
            cli = run_cchc("search", "cải cách hành chính", "--index-dir", str(index_dir), "--json")
            assert cli.returncode == 0, cli.stderr
            answered += 1
        assert answered >= 1, "indexing finished before any search ran"
    library.reload()
    assert library.search("mau17", limit=5).total >= 1  # the new reports are there once committed


@contextmanager
def read_only(folder: Path):
    """The folder and everything in it not writable, even for root (immutable flag)."""
    if os.geteuid() != 0:
        modes = {p: p.stat().st_mode for p in [folder, *folder.rglob("*")]}
        for path in modes:
            path.chmod(modes[path] & ~0o222)
        try:
            yield
        finally:
            for path, mode in modes.items():
                path.chmod(mode)
        return
    if shutil.which("chattr") is None:
        pytest.skip("root ignores file modes and chattr is missing")
    made = subprocess.run(["chattr", "-R", "+i", str(folder)], capture_output=True, text=True)
    if made.returncode != 0:
        subprocess.run(["chattr", "-R", "-i", str(folder)], capture_output=True)
        pytest.skip(f"cannot make the folder immutable here: {made.stderr.strip()}")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-R", "-i", str(folder)], check=True)


@pytest.fixture
def read_only_index(tmp_path):
    """An index of the sample corpus that nobody may write to, and a new report."""
    index_dir = tmp_path / "index"
    assert run_cchc("index", str(CORPUS), "--index-dir", str(index_dir)).returncode == 0
    (tmp_path / "more").mkdir()
    (tmp_path / "more" / "new.txt").write_text("Báo cáo mới về cải cách hành chính\n", encoding="utf-8")
    with read_only(index_dir):
        yield index_dir, tmp_path / "more"


def test_index_into_non_writable_dir_is_a_one_line_error(read_only_index):
    index_dir, more = read_only_index
    update = run_cchc("index", str(more), "--index-dir", str(index_dir))
    assert update.returncode == 1, update.stderr
    assert "Traceback" not in update.stderr
    lines = update.stderr.strip().split("\n")
    assert len(lines) == 1 and lines[0].startswith("cchc: ") and str(index_dir) in lines[0], update.stderr


def test_search_works_in_non_writable_index_dir(read_only_index):
    index_dir, _ = read_only_index
    search = run_cchc("search", "cải cách", "--index-dir", str(index_dir))
    assert search.returncode == 0 and "reports match" in search.stdout, search.stderr
