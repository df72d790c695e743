"""Which folder is cchc's, and which files in it cchc wrote.

An index folder is cchc's only when it carries MARKER, written when cchc takes
an empty (or new) folder and before anything else goes into it. Whatever cchc
removes is removed by name: its markers, tantivy's `meta.json`, `.managed.json`
and the files that list names, its own caches — never a whole folder, never a
file it did not write.

    INDEX_DIR/cchc-index.json     {"format": "cchc-index", "schema_version": 5,
                                   "generation": "generation-…", "roots": [...]}
    INDEX_DIR/.cchc-writer.lock
    INDEX_DIR/generation-…/       one tantivy index, its cchc-generation.json, compounds.txt, cchc-skipped.json,
                                  cchc-overview.json, cchc-manifest.json (store/manifest.py)

A rebuild writes a new generation beside the one in use and switches the marker
to it with one rename: a rebuild killed at any moment leaves the old one whole.
"""
from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from pathlib import Path

import orjson

from indexer.errors import CchcError
from indexer.store.schema import SCHEMA_VERSION

MARKER = "cchc-index.json"
LEGACY_MARKER = "cchc-version.json"  # schema 4 and older: tantivy's files beside it
GENERATION_MARKER = "cchc-generation.json"
GENERATION_PREFIX = "generation-"
LOCK_FILE = ".cchc-writer.lock"
FORMAT = "cchc-index"
SKIPPED_FILE = "cchc-skipped.json"  # what the last run left out (store/skipped.py)
MANIFEST_FILE = "cchc-manifest.json"  # each file's id, hash and stat, for the next update (store/manifest.py)
CACHE_FILES = ("compounds.txt", "compounds.txt.tmp", SKIPPED_FILE, SKIPPED_FILE + ".tmp",
               "cchc-overview.json", "cchc-overview.json.tmp",  # the dashboard's (indexer/overview_cache.py)
               MANIFEST_FILE, MANIFEST_FILE + ".tmp")
TANTIVY_FILES = ("meta.json", ".managed.json", ".tantivy-meta.lock", ".tantivy-writer.lock")


class NotOurs(CchcError):
    """The folder holds files cchc did not write: it is never written to."""


class NewerIndex(CchcError):
    """Written by a newer cchc: neither read nor rebuilt (that would lose it)."""


@dataclass(slots=True)
class Marker:
    schema_version: int
    generation: str | None = None
    roots: list[str] = field(default_factory=list)
    legacy: bool = False  # a schema-4 index: tantivy's files directly in the folder

    def to_json(self) -> bytes:
        return orjson.dumps({"format": FORMAT, "schema_version": self.schema_version,
                             "generation": self.generation, "roots": self.roots})


def shown_dir(path: Path) -> str:
    """A folder name for a message (undecodable bytes escaped, as `ls -b` shows them)."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def read_marker(index_dir: Path) -> Marker | None:
    """None when there is no marker; a damaged one reads as ours, of schema 0 (to rebuild)."""
    try:
        raw = (index_dir / MARKER).read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise CchcError(f"cannot read the index folder {shown_dir(index_dir)} ({exc.strerror})") from None
    try:
        data = orjson.loads(raw)
        generation = data.get("generation")
        if generation is not None and not valid_generation(generation):
            generation = None
        roots = [r for r in data.get("roots") or [] if isinstance(r, str)]
        return Marker(int(data["schema_version"]), generation, roots)
    except (ValueError, KeyError, TypeError, AttributeError):
        return Marker(0)


def valid_generation(name: object) -> bool:
    """Only a plain name of ours: a crafted marker must not point us at other folders."""
    return isinstance(name, str) and name.startswith(GENERATION_PREFIX) and "/" not in name and ".." not in name


def write_marker(index_dir: Path, marker: Marker) -> None:
    """Atomic: written beside, flushed, renamed over. The temporary never outlives a failure."""
    tmp = index_dir / (MARKER + ".tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        try:
            os.write(fd, marker.to_json())
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, index_dir / MARKER)
    except BaseException:
        remove_quietly(tmp)
        raise


def legacy_version(index_dir: Path) -> int | None:
    try:
        return int(orjson.loads((index_dir / LEGACY_MARKER).read_bytes())["schema_version"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def foreign_message(index_dir: Path, names: list[str]) -> str:
    if "meta.json" in names:
        what = "another program's index (a meta.json cchc did not write)"
    else:
        shown = sorted(os.fsencode(n).decode("utf-8", "backslashreplace") for n in names)
        what = f"{len(names)} file(s) or folder(s) cchc did not create, e.g. {shown[0]}"
    return (f"{shown_dir(index_dir)} is not a cchc index folder: it holds {what}; "
            "cchc only writes into an empty folder or one it created — choose another with --index-dir")


def inspect(index_dir: Path) -> Marker | None:
    """The folder's marker (None: the folder is missing or empty); NotOurs or NewerIndex
    when cchc must not touch it."""
    try:
        names = [n for n in os.listdir(index_dir) if n not in (LOCK_FILE, MARKER + ".tmp")]
    except FileNotFoundError:
        return None
    except NotADirectoryError:
        raise NotOurs(f"{shown_dir(index_dir)} is a file, not an index folder; choose another with --index-dir") from None
    except OSError as exc:
        raise CchcError(f"cannot open the index folder {shown_dir(index_dir)} ({exc.strerror})") from None
    if MARKER in names:
        marker = read_marker(index_dir)
    elif LEGACY_MARKER in names and "meta.json" in names:
        marker = Marker(legacy_version(index_dir) or 0, legacy=True)
    elif not names:
        return None
    else:
        raise NotOurs(foreign_message(index_dir, names))
    if marker is not None and marker.schema_version > SCHEMA_VERSION:
        raise NewerIndex(
            f"the index at {shown_dir(index_dir)} was built by a newer cchc (schema {marker.schema_version}; "
            f"this one reads {SCHEMA_VERSION}); use that version, or another --index-dir — it is left untouched"
        )
    return marker


def claim(index_dir: Path) -> Marker:
    """The folder's marker, writing a fresh one first when the folder is new or empty."""
    marker = inspect(index_dir)
    if marker is not None:
        return marker
    try:
        index_dir.mkdir(parents=True, exist_ok=True)
        marker = Marker(SCHEMA_VERSION)
        write_marker(index_dir, marker)
    except OSError as exc:
        raise CchcError(
            f"cannot write to the index folder {shown_dir(index_dir)} ({exc.strerror}); "
            "choose another with --index-dir or CCHC_INDEX_DIR"
        ) from None
    return marker


def generation_dir(index_dir: Path, marker: Marker) -> Path | None:
    if marker.legacy:
        return index_dir
    return index_dir / marker.generation if marker.generation else None


def new_generation(index_dir: Path) -> Path:
    """A folder for a new build, its own marker written before anything else."""
    folder = index_dir / f"{GENERATION_PREFIX}{time.time_ns():x}-{os.getpid()}"
    folder.mkdir()
    try:
        (folder / GENERATION_MARKER).write_bytes(orjson.dumps({"format": FORMAT, "schema_version": SCHEMA_VERSION}))
    except BaseException:
        remove_quietly(folder / GENERATION_MARKER)
        remove_quietly(folder, is_dir=True)
        raise
    return folder


def remove_quietly(path: Path, *, is_dir: bool = False) -> None:
    try:
        os.rmdir(path) if is_dir else os.unlink(path)
    except OSError:
        pass  # already gone, or not empty: what is left is not ours to remove


def managed_files(folder: Path) -> list[str]:
    """The file names tantivy says it wrote (its `.managed.json`); OSError if it cannot be read."""
    try:
        names = orjson.loads((folder / ".managed.json").read_bytes())
    except FileNotFoundError:
        return []
    except ValueError:  # damaged: only the fixed names are known
        return []
    if not isinstance(names, list):
        return []
    return [n for n in names if isinstance(n, str) and "/" not in n and n not in ("", ".", "..")]


def remove_tantivy_files(folder: Path) -> bool:
    """tantivy's files and our caches, by name; `.managed.json` (the list of the names) goes
    last, and only once every file it lists is gone. True when all are gone."""
    names = [n for n in dict.fromkeys((*managed_files(folder), *CACHE_FILES, *TANTIVY_FILES))
             if n != ".managed.json"]
    for name in names:
        remove_quietly(folder / name)
    if any(os.path.lexists(folder / name) for name in names):
        return False
    remove_quietly(folder / ".managed.json")
    return not os.path.lexists(folder / ".managed.json")


def remove_generation(folder: Path) -> None:
    """One of our generations, file by file. Its marker goes last, and only when nothing else is
    left: interrupted, the folder is still known as ours and the next run finishes the job."""
    try:
        if not (folder / GENERATION_MARKER).is_file():
            remove_quietly(folder, is_dir=True)  # empty (its marker went, its rmdir failed): nothing to lose
            return
        if not remove_tantivy_files(folder) or os.listdir(folder) != [GENERATION_MARKER]:
            return  # a file we could not remove, or did not write: the folder stays
    except OSError:
        return
    remove_quietly(folder / GENERATION_MARKER)
    remove_quietly(folder, is_dir=True)


def remove_legacy(index_dir: Path) -> None:
    """A schema-4 index: tantivy's files and ours, by name, in the folder itself."""
    try:
        if not remove_tantivy_files(index_dir):
            return
    except OSError:
        return
    for name in (LEGACY_MARKER, LEGACY_MARKER + ".tmp"):
        remove_quietly(index_dir / name)


def stale_generations(index_dir: Path, keep: str | None) -> list[Path]:
    """Generations left by killed or failed builds (each still carries our marker, or is empty)."""
    try:
        names = [n for n in os.listdir(index_dir) if n.startswith(GENERATION_PREFIX) and n != keep]
    except OSError:
        return []
    return [index_dir / n for n in names if (index_dir / n / GENERATION_MARKER).is_file() or is_empty(index_dir / n)]


def is_empty(folder: Path) -> bool:
    try:
        return folder.is_dir() and not os.listdir(folder)
    except OSError:
        return False
