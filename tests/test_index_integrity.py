"""A damaged or outdated index is named as such, with the cure; rebuilding recovers it."""
from __future__ import annotations

import shutil

import orjson
import pytest
from typer.testing import CliRunner

from cchc_tui.cli import app
from indexer.store.index import current_folder
from indexer.store.layout import MARKER

runner = CliRunner()


@pytest.fixture
def own_index(corpus_index, tmp_path):
    target = tmp_path / "idx"
    shutil.copytree(corpus_index, target)
    return target


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


def damage_truncate(index_dir):
    store = sorted(current_folder(index_dir).glob("*.store"))[0]
    store.write_bytes(store.read_bytes()[:100])


def damage_delete(index_dir):
    sorted(current_folder(index_dir).glob("*.idx"))[0].unlink()


def damage_old_schema(index_dir):
    marker = orjson.loads((index_dir / MARKER).read_bytes())
    (index_dir / MARKER).write_bytes(orjson.dumps({**marker, "schema_version": 1}))


@pytest.mark.parametrize("damage", [damage_truncate, damage_delete, damage_old_schema])
def test_search_on_a_damaged_index_names_the_rebuild(own_index, damage):
    damage(own_index)
    result = run("search", "cai cach", "--index-dir", own_index)
    assert result.exit_code == 1
    assert "cchc index --rebuild" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.output


@pytest.mark.parametrize("damage", [damage_truncate, damage_delete, damage_old_schema])
def test_rebuild_recovers(own_index, damage):
    damage(own_index)
    rebuilt = run("index", "--rebuild", "--index-dir", own_index)
    assert rebuilt.exit_code == 0, rebuilt.output
    assert "indexed 5" in rebuilt.stdout
    found = run("search", "cai cach", "--json", "--index-dir", own_index)
    assert orjson.loads(found.stdout)["total"] == 5


def test_an_older_schema_is_rebuilt_by_a_plain_index_run_with_a_message(own_index):
    damage_old_schema(own_index)
    result = run("index", "--index-dir", own_index)
    assert result.exit_code == 0, result.output
    assert "rebuilt the index" in result.stderr
    assert "indexed 5" in result.stdout
