"""Find the report files under the paths an official points the tool at.

Shared folders hold anything: symbolic links that loop or point nowhere,
folders named `x.txt`, pipes, unreadable subfolders. None of it raises; what
is left out and worth telling is returned as `Skipped` with a reason, its name
shown as `ls -b` would when it is not UTF-8. A cchc index folder inside a
searched folder is not entered.
"""
from __future__ import annotations

import errno
import os
import stat
from collections.abc import Sequence
from pathlib import Path

from indexer.ingest.formats.kinds import SUFFIXES
from indexer.ingest.read import Skipped, shown_path

REPORT_SUFFIX = ".txt"  # compared case-insensitively: scanners write `.TXT`
OFFICE_LOCK_PREFIX = "~$"  # `~$baocao.docx`: Word's lock file beside an open document, not a document
# Files that mark a folder as cchc's own index (see indexer/store/layout.py): never read as reports.
INDEX_MARKERS = ("cchc-index.json", "cchc-generation.json", "cchc-version.json")


def discover(paths: Sequence[Path]) -> tuple[list[Path], list[Skipped]]:
    """Files named directly (any suffix) and report files under folders (`*.txt`, `*.pdf`, `*.docx`,
    `*.doc`, page images; see formats.kinds.SUFFIXES), recursively.

    Returns absolute paths (symbolic link names kept, not resolved), sorted, one per
    file even when links or repeated arguments reach it twice."""
    walk = _Walk()
    for given in paths:
        walk.visit_argument(Path(os.path.abspath(given)))
    files = sorted(walk.files.values(), key=str)
    return files, sorted(walk.skipped, key=lambda s: s.path)


class _Walk:
    def __init__(self) -> None:
        self.files: dict[tuple[int, int], Path] = {}  # (device, inode) -> first path by name order
        self.skipped: list[Skipped] = []
        self.folders_seen: set[tuple[int, int]] = set()

    def skip(self, path: Path, reason: str, *, unread: bool = False) -> None:
        self.skipped.append(Skipped(shown_path(path), reason, unread))

    def visit_argument(self, path: Path) -> None:
        info = self._stat(path)
        if info is None:
            return
        if stat.S_ISDIR(info.st_mode):
            self._walk_folder(path, info)
        else:
            self._add_file(path, info)

    def _stat(self, path: Path) -> os.stat_result | None:
        try:
            return path.stat()  # follows links: what the link points to decides
        except OSError as error:
            gone = error.errno in (errno.ENOENT, errno.ENOTDIR, errno.ELOOP)
            self.skip(path, _missing_reason(path, error), unread=not gone)
            return None

    def _add_file(self, path: Path, info: os.stat_result) -> None:
        if not stat.S_ISREG(info.st_mode):
            self.skip(path, "not a regular file (device, pipe or socket)")
            return
        key = (info.st_dev, info.st_ino)
        if key not in self.files or str(path) < str(self.files[key]):
            self.files[key] = path

    def _walk_folder(self, root: Path, root_info: os.stat_result) -> None:
        pending = [(root, root_info)]
        while pending:
            folder, info = pending.pop()
            key = (info.st_dev, info.st_ino)
            if key in self.folders_seen:
                if _is_link(folder):
                    self.skip(folder, "symbolic link to a folder already searched (link loop or duplicate)")
                continue
            self.folders_seen.add(key)
            if folder != root and _is_index_folder(folder):
                continue
            pending.extend(self._entries(folder))

    def _entries(self, folder: Path) -> list[tuple[Path, os.stat_result]]:
        """Report files of `folder` are added; its subfolders are returned to walk."""
        subfolders = []
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as error:
            self.skip(folder, f"cannot open folder: {_os_words(error)}", unread=True)
            return []
        for entry in entries:
            path = Path(entry.path)
            if entry.name.startswith("."):  # hidden: version control, sync tools' caches
                continue
            looks_like_report = _is_report_name(entry.name)
            if not looks_like_report and not _may_be_folder(entry):
                continue
            info = self._stat(path)
            if info is None:
                continue
            if stat.S_ISDIR(info.st_mode):
                subfolders.append((path, info))  # a folder named `x.txt` is just a folder
            elif looks_like_report:
                self._add_file(path, info)
        return subfolders


def _is_report_name(name: str) -> bool:
    """`.txt`, `.pdf`, `.docx`, `.doc`, `.png`, `.jpg`, `.tif` ... in any case; how it is read is sniffed from its bytes."""
    return os.path.splitext(name)[1].lower() in SUFFIXES and not name.startswith(OFFICE_LOCK_PREFIX)


def _may_be_folder(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir(follow_symlinks=False) or entry.is_symlink()
    except OSError:
        return False


def _is_link(path: Path) -> bool:
    try:
        return path.is_symlink()
    except OSError:
        return False


def _is_index_folder(folder: Path) -> bool:
    return any(os.path.lexists(folder / name) for name in INDEX_MARKERS)


def _missing_reason(path: Path, error: OSError) -> str:
    if error.errno == errno.ELOOP:
        return "symbolic link loop"
    if error.errno == errno.ENAMETOOLONG:
        return "path too long"
    if _is_link(path):
        return "broken symbolic link (its target does not exist)"
    if error.errno == errno.ENOENT:
        return "no such file or folder"
    return f"cannot open: {_os_words(error)}"


def _os_words(error: OSError) -> str:
    return (error.strerror or str(error)).lower()
