"""Shared fixtures: the bundled corpus indexed once per session into a temp dir."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
EVAL = ROOT / "tests" / "data" / "eval"


@pytest.fixture(autouse=True)
def _isolated_index_env(monkeypatch, tmp_path_factory):
    """No test may touch the user's real index."""
    monkeypatch.setenv("CCHC_INDEX_DIR", str(tmp_path_factory.getbasetemp() / "default-index"))
    monkeypatch.setenv("NO_COLOR", "1")


@pytest.fixture(scope="session")
def corpus_index(tmp_path_factory) -> Path:
    """A read-only index of corpus/ (do not write to it: copy `corpus_copy` for that)."""
    from indexer.api import update_index

    directory = tmp_path_factory.mktemp("corpus-index")
    update_index([CORPUS], directory)
    return directory


@pytest.fixture(scope="session")
def library(corpus_index):
    from indexer.api import Library

    return Library.open(corpus_index)


@pytest.fixture
def corpus_copy(tmp_path) -> Path:
    """A writable copy of corpus/ for tests that edit, add or delete reports."""
    target = tmp_path / "corpus"
    shutil.copytree(CORPUS, target)
    return target


FIGURES = pytest.StashKey[list]()


def pytest_configure(config):
    config.stash[FIGURES] = []


def pytest_terminal_summary(terminalreporter, config):
    """Figures some tests measure (fault points exercised …), shown after the results."""
    figures = config.stash.get(FIGURES, [])
    if figures:
        terminalreporter.section("figures")
        for line in figures:
            terminalreporter.write_line(line)


@pytest.fixture
def report_figure(request):
    return request.config.stash[FIGURES].append
