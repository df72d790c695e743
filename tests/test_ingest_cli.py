"""`cchc index` on the whole bad-file folder: every readable file indexed, every
other one named on stderr with its reason, in one line each; never a traceback."""
from __future__ import annotations

import json
from pathlib import Path

from helpers_badfiles import build, cli, readable_cases, skipped_cases

from indexer.api import Library

# The 2 MB one-line file costs ~15 s to prepare: its linear cost is checked on a
# smaller line in test_hostile_long_line.py instead.
READABLE = [c for c in readable_cases() if c.name != "long_line.txt"]


def test_index_of_bad_file_folder(tmp_path):
    folder = (tmp_path / "shared").resolve()
    build(folder, READABLE + skipped_cases())
    index_dir = tmp_path / "index"
    run = cli("index", str(folder), "--json", index_dir=index_dir)
    assert run.code == 0, run.stderr
    summary = json.loads(run.stdout)
    skipped = {Path(s["path"]).name: s["reason"] for s in summary["skipped"]}
    stderr_lines = [line for line in run.stderr.splitlines() if line.startswith("skipped ")]
    assert len(stderr_lines) == len(skipped)
    for case in skipped_cases():
        if case.name == "x.txt":  # a folder: walked, not skipped
            continue
        assert case.name in skipped, case.name
    indexed = {Path(r.path).name for r in Library.open(index_dir).reports()}
    assert indexed == {c.name for c in READABLE} | {"inside.txt"}
    assert "Traceback" not in run.stderr


def test_legacy_encoded_report_is_searchable_with_and_without_diacritics(tmp_path):
    folder = tmp_path / "old"
    build(folder, [c for c in readable_cases() if c.name in ("tcvn3.txt", "vni.txt", "cp1258.txt")])
    index_dir = tmp_path / "index"
    assert cli("index", str(folder), index_dir=index_dir).code == 0
    library = Library.open(index_dir)
    for query in ("Quyết định 3041", "quyet dinh 3041", "Sở Khoa học và Công nghệ"):
        found = {Path(hit.path).name for hit in library.search(query, limit=10).hits}
        assert found == {"tcvn3.txt", "vni.txt", "cp1258.txt"}, query
