"""Faults of the output and signals, in real processes: a full device, a closed pipe, a closed
stdout, an encoding that cannot carry Vietnamese, SIGTERM during a run with workers."""
from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest
from helpers_badfiles import cchc_process_args

from indexer.api import Library

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
TIMEOUT = 120


def run(*args: str, stdout=subprocess.PIPE, env: dict | None = None, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(cchc_process_args(*args), stdout=stdout, stderr=subprocess.PIPE, timeout=TIMEOUT,
                          env={**os.environ, **(env or {})}, **kwargs)


def one_line_or_none(stderr: bytes) -> None:
    text = stderr.decode("utf-8", "replace")
    assert "Traceback" not in text and "Exception ignored" not in text, text
    assert len(text.strip().splitlines()) <= 1, text


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_output_to_a_full_device_is_one_line(corpus_index):
    with open("/dev/full", "wb") as full:
        done = run("search", "cai cach", "--index-dir", str(corpus_index), stdout=full)
    assert done.returncode == 1
    one_line_or_none(done.stderr)
    assert b"No space left on device" in done.stderr


def test_a_closed_pipe_ends_quietly(corpus_index):
    process = subprocess.Popen(cchc_process_args("search", "", "--unit", "s", "--limit", "1000", "--index-dir",
                                                 str(corpus_index)), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    process.stdout.read(10)
    process.stdout.close()  # `| head -c 10`
    _out, err = process.communicate(timeout=TIMEOUT)
    one_line_or_none(err)


def test_a_closed_stdout_still_does_the_work(tmp_path):
    done = run("index", str(CORPUS), "--index-dir", str(tmp_path / "idx"), stdout=None,
               preexec_fn=lambda: os.close(1))
    assert done.returncode == 0
    one_line_or_none(done.stderr)
    assert Library.open(tmp_path / "idx").count == 5


def test_an_encoding_that_cannot_carry_vietnamese_escapes_instead_of_failing(corpus_index):
    done = run("search", "tổ chức", "--index-dir", str(corpus_index), env={"PYTHONIOENCODING": "latin-1"})
    assert done.returncode == 0
    one_line_or_none(done.stderr)
    assert b"\\u1edf" in done.stdout or b"\\u" in done.stdout  # `Sở` shown escaped


def write_reports(folder: Path, count: int) -> None:
    sources = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
    folder.mkdir()
    for i in range(count):
        (folder / f"r{i}.txt").write_text(f"mau{i}\n{sources[i % 5][:4000]}", encoding="utf-8")


def test_sigterm_during_a_run_with_workers_is_one_line_and_leaves_the_index(tmp_path):
    index_dir = tmp_path / "idx"
    assert run("index", str(CORPUS), "--index-dir", str(index_dir)).returncode == 0
    write_reports(tmp_path / "many", 80)
    process = subprocess.Popen(cchc_process_args("index", str(tmp_path / "many"), "--index-dir", str(index_dir)),
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    deadline = time.monotonic() + TIMEOUT
    while not any(index_dir.glob("generation-*/*.lock")) and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(3)  # workers are up and busy
    process.send_signal(signal.SIGTERM)
    _out, err = process.communicate(timeout=TIMEOUT)
    if process.returncode == 0:
        pytest.skip("the run finished before the signal")
    assert process.returncode == 128 + signal.SIGTERM
    one_line_or_none(err)
    assert b"terminated" in err and b"resource_tracker" not in err
    assert Library.open(index_dir).count == 5
