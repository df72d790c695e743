"""What a run walks, what the index records, and what becomes of reports not seen.

The index records the folders (and files) it was built from, so a rebuild
re-reads them. Corpora accumulate: `cchc index a/` then `cchc index b/` leaves
both in one index. A recorded folder that is not reachable (an unmounted share)
keeps its reports; a report is removed only when its folder was read and the
file is no longer there.
"""
from __future__ import annotations

import hashlib
import os
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePath

import tantivy

from indexer.ingest import shown_path
from indexer.model import info_from_dict
from indexer.pipeline import AnalysedReport, stored_report
from indexer.search.stored import stored_info, stored_readings, stored_str, stored_text
from indexer.store.index import tantivy_path
from indexer.store.layout import Marker, generation_dir, shown_dir
from indexer.store.manifest import Indexed
from indexer.store.schema import SCHEMA_VERSION, register_analyzers

HEX_PREFIX = "hex:"  # a root whose name is not UTF-8, as the hex of its bytes (roots are absolute)


def root_text(path: Path) -> str:
    text = os.fspath(path)
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return HEX_PREFIX + os.fsencode(text).hex()


def root_path(text: str) -> Path:
    if text.startswith(HEX_PREFIX):
        return Path(os.fsdecode(bytes.fromhex(text[len(HEX_PREFIX):])))
    return Path(text)


def merged(*groups: Sequence[Path]) -> list[Path]:
    return list(dict.fromkeys(p for group in groups for p in group))


def reachable(path: Path) -> bool:
    try:
        os.stat(path)
        return True
    except OSError:
        return False


@dataclass(slots=True)
class RootPlan:
    fresh: bool  # a new generation, swapped in at the end
    reason: str | None  # why a rebuild nobody asked for
    walk: list[Path]  # reachable roots read this run
    recorded: list[str]  # roots the index records afterwards (root_text)
    owners: list[str]  # every root that may own a document, shown, longest first
    walked: set[str]
    unreachable: set[str]
    previous_folder: Path | None
    seen: set[str] = field(default_factory=set)  # stored names found this run
    skipped_folders: list[str] = field(default_factory=list)  # files and folders not read this run
    taken: dict[str, str] = field(default_factory=dict)  # doc id -> stored name

    def owner(self, key: str) -> str | None:
        return next((r for r in self.owners if key == r or key.startswith(r.rstrip("/") + "/")), None)

    def verdict(self, key: str) -> str:
        """`kept`, `gone`, or the unreachable root whose report this is (kept as well)."""
        if key in self.seen:
            return "kept"
        root = self.owner(key)
        if root in self.unreachable:
            return root
        if any(key == unread or key.startswith(unread.rstrip("/") + "/") for unread in self.skipped_folders):
            return "kept"  # it, or its folder, could not be read this time
        if root in self.walked:
            return "gone"
        return "gone" if file_is_gone(key) else "kept"


def file_is_gone(key: str) -> bool:
    """A report outside the roots read this run: gone only when its folder is there and it is not."""
    if "\\" in key:  # an escaped name does not lead back to the file: decided when its root is read
        return False
    try:
        os.stat(key)
        return False
    except (FileNotFoundError, NotADirectoryError):
        return reachable(Path(key).parent)
    except OSError:
        return False


def plan_roots(index_dir: Path, previous: Marker, paths: Sequence[Path], rebuild: bool,
               fallback: Sequence[Path]) -> RootPlan:
    old_folder = generation_dir(index_dir, previous)
    outdated = previous.legacy or previous.schema_version != SCHEMA_VERSION
    recorded = [root_path(r) for r in previous.roots]
    if not recorded and old_folder is not None and outdated:
        recorded = recovered_roots(old_folder)
    given = [Path(os.path.abspath(p)) for p in paths]
    fresh = rebuild or old_folder is None or outdated
    if given and rebuild:
        roots = given
    elif given:
        roots = merged(recorded, given)
    else:
        roots = recorded or [Path(os.path.abspath(p)) for p in fallback]
    to_walk = given if given and not fresh else roots
    unreachable = {shown_path(r) for r in roots if not reachable(r)}
    walk = [r for r in to_walk if shown_path(r) not in unreachable]
    reason = None
    if outdated and old_folder is not None:
        reason = (f"index at {shown_dir(index_dir)} was built by an older cchc "
                  f"(schema {previous.schema_version}, this one uses {SCHEMA_VERSION})")
    owners = sorted({shown_path(r) for r in merged(roots, given)}, key=len, reverse=True)
    return RootPlan(fresh, reason, walk, [root_text(r) for r in roots], owners,
                    {shown_path(r) for r in walk}, unreachable, old_folder)


def all_documents(index: tantivy.Index) -> Iterator[tantivy.Document]:
    searcher = index.searcher()
    if searcher.num_docs == 0:
        return
    found = searcher.search(tantivy.Query.all_query(), limit=searcher.num_docs)
    for _score, address in found.hits:
        yield searcher.doc(address)


def read_existing(index: tantivy.Index) -> dict[str, Indexed]:
    """Each stored file's id and hash from the documents (no manifest to read: store/manifest.py)."""
    return {stored_str(doc, "path"): Indexed(stored_str(doc, "doc_id"), stored_str(doc, "sha"))
            for doc in all_documents(index)}


def open_any(folder: Path) -> tantivy.Index | None:
    """An index of any schema of ours, read as it is (to recover roots or carry reports over)."""
    try:
        index = tantivy.Index.open(tantivy_path(folder))
        register_analyzers(index)
        return index
    except (ValueError, OSError):
        return None


def recovered_roots(folder: Path) -> list[Path]:
    """An older index recorded no roots: the folders its reports came from."""
    index = open_any(folder)
    try:
        parents = sorted({str(Path(stored_str(doc, "path")).parent) for doc in all_documents(index)} if index else ())
    except (ValueError, OSError):
        return []
    roots: list[str] = []
    for parent in parents:
        if not any(parent.startswith(r.rstrip("/") + "/") for r in roots):
            roots.append(parent)
    return [Path(r) for r in roots]


def carried_documents(folder: Path, plan: RootPlan) -> Iterator[tuple[str, AnalysedReport]]:
    """Reports of unreachable roots, rebuilt from what the old index stored."""
    index = open_any(folder)
    if index is None:
        return
    try:
        docs = [doc for doc in all_documents(index) if plan.owner(doc.get_first("path") or "") in plan.unreachable]
    except (ValueError, OSError):
        return
    for doc in docs:
        text = stored_text(doc)
        info = info_from_dict(stored_info(doc, text))  # the text decompressed once
        report = stored_report(stored_str(doc, "path"), stored_str(doc, "sha"), text, stored_readings(doc, text), info)
        yield stored_str(doc, "doc_id"), report


def unique_doc_id(key: str, taken: dict[str, str], wanted: str | None = None) -> str:
    """The file name without `.txt` (NFC: two spellings of one name look alike), unless another
    report already uses it; then a suffix from the path's hash, checked against every id taken."""
    stem = wanted or unicodedata.normalize("NFC", PurePath(key).stem)
    doc_id, attempt = stem, 0
    while taken.get(doc_id, key) != key:
        attempt += 1
        digest = hashlib.sha1(f"{key}\0{attempt}".encode() if attempt > 1 else key.encode()).hexdigest()
        doc_id = f"{stem}-{digest[:6 + attempt - 1]}"
    taken[doc_id] = key
    return doc_id
