"""discover() on folders as officials' shared drives really are."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from helpers_badfiles import SAMPLE, build, readable_cases, skipped_cases

from indexer.ingest import BadReport, discover, read_report


def names(paths, root: Path) -> list[str]:
    return [str(Path(p).relative_to(root)) for p in paths]


def write(path: Path, text: str = SAMPLE) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_folders_are_walked_recursively_for_txt_any_case(tmp_path):
    write(tmp_path / "a.txt")
    write(tmp_path / "sub" / "deeper" / "B.TXT")
    write(tmp_path / "sub" / "sheet.xlsx")  # not a report format (.doc is: tests/test_formats_index.py)
    write(tmp_path / "sub" / "report.txt.bak")
    files, skipped = discover([tmp_path])
    assert names(files, tmp_path) == ["a.txt", "sub/deeper/B.TXT"]
    assert skipped == []


def test_result_is_absolute_sorted_and_deduplicated(tmp_path, monkeypatch):
    write(tmp_path / "z.txt")
    write(tmp_path / "m.txt")
    os.symlink(tmp_path / "z.txt", tmp_path / "alias.txt")  # the same file twice
    monkeypatch.chdir(tmp_path)
    files, _ = discover([Path("."), Path("z.txt"), tmp_path / "m.txt"])
    assert all(p.is_absolute() for p in files)
    assert names(files, tmp_path) == ["alias.txt", "m.txt"]  # one name per file, first by name


def test_a_file_named_directly_is_taken_whatever_its_suffix(tmp_path):
    path = write(tmp_path / "report.TEXT")
    assert discover([path]) == ([path], [])


def test_missing_argument_is_skipped_with_reason(tmp_path):
    files, skipped = discover([tmp_path / "nowhere"])
    assert files == []
    assert [s.reason for s in skipped] == ["no such file or folder"]


def test_folder_symlink_loop_ends_and_is_reported(tmp_path):
    write(tmp_path / "dept" / "r.txt")
    os.symlink(tmp_path, tmp_path / "dept" / "back-to-top")
    os.symlink("self.txt", tmp_path / "self.txt")
    files, skipped = discover([tmp_path])
    assert names(files, tmp_path) == ["dept/r.txt"]
    reasons = {Path(s.path).name: s.reason for s in skipped}
    assert "already searched" in reasons["back-to-top"]
    assert reasons["self.txt"] == "symbolic link loop"


def test_folder_named_x_txt_is_walked_not_read(tmp_path):
    write(tmp_path / "x.txt" / "inside.txt")
    files, skipped = discover([tmp_path])
    assert names(files, tmp_path) == ["x.txt/inside.txt"]
    assert skipped == []


def test_hidden_folders_are_left_alone(tmp_path):
    write(tmp_path / ".git" / "HEAD.txt")
    write(tmp_path / "r.txt")
    assert names(discover([tmp_path])[0], tmp_path) == ["r.txt"]


def test_pipes_and_broken_links_are_skipped_not_opened(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    os.symlink(tmp_path / "gone.txt", tmp_path / "dangling.txt")
    files, skipped = discover([tmp_path])
    assert files == []
    reasons = {Path(s.path).name: s.reason for s in skipped}
    assert "not a regular file" in reasons["pipe.txt"]
    assert "broken symbolic link" in reasons["dangling.txt"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root opens any folder")
def test_unreadable_subfolder_is_skipped(tmp_path):
    locked = tmp_path / "locked"
    write(locked / "r.txt")
    locked.chmod(0)
    try:
        files, skipped = discover([tmp_path])
    finally:
        locked.chmod(0o755)
    assert files == [] and "cannot open folder" in skipped[0].reason


def test_whole_bad_file_folder_never_raises(tmp_path):
    """Every bad case together: discover then read, as `cchc index` does."""
    build(tmp_path, readable_cases() + skipped_cases())
    files, skipped = discover([tmp_path])
    outcomes = {}
    for path in files:
        try:
            read_report(path)
            outcomes[path.name] = "read"
        except BadReport as bad:
            outcomes[path.name] = bad.reason
    for s in skipped:
        outcomes[Path(s.path).name] = s.reason
    for case in readable_cases():
        assert outcomes[case.name] == "read", case.name
    for case in skipped_cases():
        if case.name == "x.txt":  # a folder: walked, its report read
            assert outcomes["inside.txt"] == "read"
            continue
        assert case.reason.split(" (")[0] in outcomes[case.name] or case.name == "dangling.txt", case.name
    assert "broken symbolic link" in outcomes["dangling.txt"]
