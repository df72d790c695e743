"""`cchc show PATH` prints indexed reports only: never an arbitrary file, whatever
path, link or doc id is given."""
from __future__ import annotations

import os
import shutil

import pytest
from helpers_badfiles import CORPUS, cli

SECRET = "mật khẩu: hunter2"


@pytest.fixture(scope="module")
def indexed(tmp_path_factory):
    root = tmp_path_factory.mktemp("show").resolve()
    reports = root / "reports"
    shutil.copytree(CORPUS, reports)
    index_dir = root / "index"
    assert cli("index", str(reports), index_dir=index_dir).code == 0
    (root / "secret.txt").write_text(SECRET + "\n", encoding="utf-8")
    (reports / "added-later.txt").write_text(SECRET + "\n", encoding="utf-8")  # in the folder, not indexed
    os.symlink(root / "secret.txt", reports / "link-to-secret.txt")
    return root, reports, index_dir


def test_indexed_report_is_shown_by_path_relative_path_and_doc_id(indexed, monkeypatch):
    root, reports, index_dir = indexed
    name = sorted(CORPUS.glob("*.txt"))[0].name
    by_id = cli("show", name.removesuffix(".txt"), index_dir=index_dir)
    assert by_id.code == 0
    monkeypatch.chdir(reports)
    for given in (str(reports / name), name, f"./{name}", f"../reports/{name}"):
        run = cli("show", given, index_dir=index_dir)
        assert run.code == 0, (given, run.stderr)
        assert run.stdout == by_id.stdout


@pytest.mark.parametrize("given", [
    "/etc/passwd",
    "{root}/secret.txt",
    "{reports}/added-later.txt",
    "{reports}/link-to-secret.txt",
    "{reports}/../secret.txt",
    "../../../../../../etc/passwd",
    "~/.bashrc",
    "",
    "*",
    "{reports}",
])
def test_anything_not_indexed_is_refused_in_one_line(indexed, given):
    root, reports, index_dir = indexed
    run = cli("show", given.format(root=root, reports=reports), index_dir=index_dir)
    assert run.code == 1, run.stdout[:200]
    assert SECRET not in run.stdout + run.stderr
    assert "root:" not in run.stdout
    lines = run.stderr.strip().split("\n")
    assert len(lines) == 1 and lines[0].startswith("cchc: "), run.stderr


def test_json_show_of_unindexed_file_is_refused_too(indexed):
    root, _, index_dir = indexed
    run = cli("show", str(root / "secret.txt"), "--json", index_dir=index_dir)
    assert run.code == 1 and run.stdout == "" and SECRET not in run.stderr
