"""The incremental writer: re-process only new or changed files, drop deleted ones.

All bookkeeping (path, content hash) lives in the tantivy documents themselves,
so one tantivy commit is the only state change: a run killed at any moment
leaves the last committed index, with exactly one document per file.
"""
from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import tantivy

from indexer.errors import CchcError
from indexer.ingest import BadReport, Skipped, discover
from indexer.ingest.formats import ExtractCache
from indexer.ingest.formats.model import reason_kind
from indexer.ingest.formats.stage import PageProgress, StageResult, read_documents
from indexer.search.compounds import write_cache
from indexer.store.documents import make_document
from indexer.store.index import LOCK_FILE, SchemaMismatch, WriterLock, open_index
from indexer.store.prepare import Changed, Failed, checked_read, prepare_all

WRITER_HEAP_BYTES = 64_000_000
COMMIT_EVERY = 500  # documents between intermediate commits on large runs

Progress = Callable[[int, int, str], None]  # (done, total, path)


@dataclass(slots=True)
class IndexSummary:
    index_dir: str
    indexed: list[str] = field(default_factory=list)  # paths (re)indexed
    unchanged: int = 0
    removed: list[str] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    rebuilt_reason: str | None = None

    def line(self) -> str:
        return (
            f"indexed {len(self.indexed)}, unchanged {self.unchanged}, "
            f"removed {len(self.removed)}, skipped {len(self.skipped)}{self.skipped_by_reason()}"
        )

    def skipped_counts(self) -> dict[str, int]:
        """What was skipped, counted by kind of reason (`encrypted PDF`: 1, `image too small to read`: 2)."""
        counts: dict[str, int] = {}
        for skipped in self.skipped:
            kind = reason_kind(skipped.reason)
            counts[kind] = counts.get(kind, 0) + 1
        return counts

    def skipped_by_reason(self) -> str:
        counts = self.skipped_counts()
        return f" ({', '.join(f'{kind} {n}' for kind, n in counts.items())})" if counts else ""


@dataclass(slots=True)
class Indexed:
    doc_id: str
    sha: str


def read_existing(index: tantivy.Index) -> dict[str, Indexed]:
    searcher = index.searcher()
    if searcher.num_docs == 0:
        return {}
    found = searcher.search(tantivy.Query.all_query(), limit=searcher.num_docs)
    existing: dict[str, Indexed] = {}
    for _score, address in found.hits:
        doc = searcher.doc(address)
        existing[doc.get_first("path")] = Indexed(doc.get_first("doc_id"), doc.get_first("sha"))
    return existing


def unique_doc_id(path: Path, taken: dict[str, str]) -> str:
    """The file name without `.txt`, unless another file already uses it."""
    doc_id = path.stem
    owner = taken.get(doc_id)
    if owner is not None and owner != str(path):
        doc_id = f"{doc_id}-{hashlib.sha1(str(path).encode()).hexdigest()[:6]}"
    taken[doc_id] = str(path)
    return doc_id


def is_gone(path: str, roots: Sequence[Path], seen: set[str]) -> bool:
    if path in seen:
        return False
    if not Path(path).exists():
        return True
    return any(root.is_dir() and Path(path).is_relative_to(root) for root in roots)


def clear_index_files(index_dir: Path) -> None:
    """Remove an unusable index, keeping the lock file we hold (removing it would let a second writer in)."""
    for entry in index_dir.iterdir():
        if entry.name == LOCK_FILE:
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry)
        else:
            entry.unlink()


def open_for_writing(index_dir: Path, rebuild: bool, summary: IndexSummary) -> tantivy.Index:
    try:
        index = open_index(index_dir, create=True)
    except SchemaMismatch as exc:
        summary.rebuilt_reason = str(exc).split(";")[0]
        rebuild = True
        index = None
    except CchcError as exc:
        if not rebuild:
            raise
        summary.rebuilt_reason = str(exc).split(";")[0]
        index = None
    if index is None:
        clear_index_files(index_dir)
        index = open_index(index_dir, create=True)
    return index


def open_writer(index: tantivy.Index, index_dir: Path):
    try:
        writer = index.writer(WRITER_HEAP_BYTES, 1)
    except ValueError as exc:
        raise CchcError(f"cannot write the index at {index_dir} ({exc})") from exc
    # A run killed mid-commit leaves files no committed meta.json refers to; tantivy would
    # refuse to overwrite them at the same opstamp, every run, until a rebuild.
    writer.garbage_collect_files()
    return writer


def update_index(
    paths: Sequence[Path], index_dir: Path, *, rebuild: bool = False, progress: Progress | None = None
) -> IndexSummary:
    summary = IndexSummary(index_dir=str(index_dir))
    roots = [p.resolve() for p in paths]
    with WriterLock(index_dir):
        index = open_for_writing(index_dir, rebuild, summary)
        files, summary.skipped = discover(roots)
        existing = {} if rebuild else read_existing(index)
        writer = open_writer(index, index_dir)
        try:
            if rebuild:
                writer.delete_all_documents()
            write_changes(writer, files, existing, roots, summary, progress, ExtractCache(index_dir))
            writer.commit()
            writer.wait_merging_threads()
        except BaseException:
            writer.rollback()
            raise
        write_cache(index_dir)
    index.reload()
    return summary


def changed_files(files, existing, summary, pages: PageProgress) -> Iterator[Changed]:
    for path in files:
        key = str(path)
        try:
            sha, raw = checked_read(path)
        except BadReport as exc:
            summary.skipped.append(Skipped(key, exc.reason))
            pages.advance(key)
            continue
        if key in existing and existing[key].sha == sha:
            summary.unchanged += 1
            pages.advance(key)
            continue
        yield Changed(path, sha, raw)


def read_stage(changed: list[Changed], cache: ExtractCache | None, pages: PageProgress, summary) -> tuple[list[Changed], set[str]]:
    """PDF, Word and image files read (OCR'd) here, page by page, into the cache the analysis reads;
    returns what goes on to the analysis and the paths whose pages are counted already."""
    raws = {item.path: item.raw for item in changed}
    stage = read_documents(((str(c.path), c.path) for c in changed), raws.__getitem__, cache, pages) if cache else StageResult()
    summary.skipped.extend(Skipped(key, reason) for key, reason in stage.failed.items())
    return [c for c in changed if str(c.path) not in stage.failed], stage.read


def write_changes(writer, files, existing, roots, summary, progress, cache: ExtractCache | None = None) -> None:
    taken = {entry.doc_id: path for path, entry in existing.items()}
    pages = PageProgress(total=len(files), report=progress)  # progress counts pages: OCR is the slow part
    changed, counted = read_stage(list(changed_files(files, existing, summary, pages)), cache, pages, summary)
    pending = 0
    for result in prepare_all(changed, cache):
        pages.advance(result.path, 0 if result.path in counted else 1)
        if isinstance(result, Failed):
            summary.skipped.append(Skipped(result.path, result.reason))
            continue
        path = Path(result.path)
        doc_id = existing[result.path].doc_id if result.path in existing else unique_doc_id(path, taken)
        writer.delete_documents_by_term("path", result.path)
        writer.add_document(make_document(doc_id, result))
        summary.indexed.append(result.path)
        pending += 1
        if pending >= COMMIT_EVERY:
            writer.commit()
            pending = 0
    seen = {str(p) for p in files}
    for key in existing:
        if is_gone(key, roots, seen):
            writer.delete_documents_by_term("path", key)
            summary.removed.append(key)
