"""The incremental writer: re-process only new or changed files, drop deleted ones.

All bookkeeping (path, content hash) lives in the tantivy documents themselves
and every run makes exactly one commit, after every other write it needs (the
compounds cache, the marker's list of roots): a run killed or failing at any
moment leaves the last committed index, with exactly one document per file, and
readers never see a half-built one. A rebuild (asked for, or for an index of an
older schema) is written into a new generation folder and swapped in by
rewriting the marker; the old generation is then removed file by file.
"""
from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import tantivy

from indexer.errors import CchcError
from indexer.ingest import Skipped, discover, read_report_bytes
from indexer.ingest.formats import ExtractCache
from indexer.ingest.formats.model import reason_kind
from indexer.ingest.formats.stage import PageProgress, read_documents
from indexer.pipeline import index_keys
from indexer.search.compounds import write_cache
from indexer.store.changes import Books, candidates, changed_files
from indexer.store.faults import named_faults, quietly
from indexer.store.index import WriterLock, create_index, open_folder
from indexer.store.layout import (
    Marker,
    claim,
    generation_dir,
    new_generation,
    remove_generation,
    remove_legacy,
    shown_dir,
    stale_generations,
    write_marker,
)
from indexer.store.manifest import Indexed, read_manifest, run_start, write_manifest
from indexer.store.prepare import Changed, Failed, prepare_all
from indexer.store.roots import RootPlan, carried_documents, plan_roots, read_existing, unique_doc_id
from indexer.store.schema import SCHEMA_VERSION
from indexer.store.skipped import write_skipped

WRITER_HEAP_BYTES = 64_000_000

Progress = Callable[[int, int, str], None]  # (done, total, path)


@dataclass(slots=True)
class IndexSummary:
    index_dir: str
    indexed: list[str] = field(default_factory=list)  # paths (re)indexed
    unchanged: int = 0
    removed: list[str] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    rebuilt_reason: str | None = None
    kept: dict[str, int] = field(default_factory=dict)  # unreachable root -> its reports kept
    roots: list[str] = field(default_factory=list)  # the folders and files the index is built from

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

    def notes(self) -> list[str]:
        return [f"{root}: not reachable (unmounted or removed?), its {n} report(s) kept"
                for root, n in self.kept.items()]


def open_writer(index: tantivy.Index, index_dir: Path):
    try:
        writer = index.writer(WRITER_HEAP_BYTES, 1)
    except ValueError as exc:
        raise CchcError(f"cannot write the index at {shown_dir(index_dir)} ({exc})") from exc
    # A run killed mid-commit leaves files no committed meta.json refers to; tantivy would
    # refuse to overwrite them at the same opstamp, every run, until a rebuild.
    writer.garbage_collect_files()
    return writer


def update_index(
    paths: Sequence[Path], index_dir: Path, *, rebuild: bool = False, progress: Progress | None = None,
    fallback: Sequence[Path] = (),
) -> IndexSummary:
    """Index `paths` (none: the roots the index records, else `fallback`) into `index_dir`."""
    summary = IndexSummary(index_dir=shown_dir(index_dir))
    with named_faults(index_dir):
        claim(index_dir)
        with WriterLock(index_dir):
            previous = claim(index_dir)  # again, now that no other writer can change it
            for stale in stale_generations(index_dir, previous.generation):
                remove_generation(stale)
            plan = plan_roots(index_dir, previous, paths, rebuild, fallback)
            summary.rebuilt_reason, summary.roots = plan.reason, plan.recorded
            run_plan(index_dir, previous, plan, summary, progress)
            write_skipped(index_dir, summary.skipped)  # for the dashboard (indexer/store/skipped.py)
    return summary


def run_plan(index_dir: Path, previous: Marker, plan: RootPlan, summary: IndexSummary, progress) -> None:
    target = new_generation(index_dir) if plan.fresh else generation_dir(index_dir, previous)
    # plan_roots makes a plan fresh whenever the previous marker names no generation folder
    assert target is not None, "an update needs the previous generation"
    since = run_start()  # before any file's stat (store/manifest.py)
    try:
        index = create_index(target) if plan.fresh else open_folder(target, index_dir)
        existing = {} if plan.fresh else known_files(index, target)
        writer = open_writer(index, index_dir)
    except BaseException:
        if plan.fresh:
            remove_generation(target)
        raise
    books = Books(dict(existing))
    try:
        write_changes(writer, plan, existing, books, summary, progress, ExtractCache(index_dir))
        if plan.fresh:
            carry_over(writer, plan, books, summary)
        else:
            remove_gone(writer, plan, existing, books, summary)
        write_cache(target)
        if not plan.fresh and plan.recorded != previous.roots:
            write_marker(index_dir, Marker(SCHEMA_VERSION, previous.generation, plan.recorded))
        opstamp = writer.commit()
    except BaseException:
        quietly(writer.rollback)
        quietly(writer.wait_merging_threads)  # releases tantivy's lock: a caller may try again in-process
        if plan.fresh:
            remove_generation(target)
        raise
    write_manifest(target, opstamp, books.files, since)  # committed already: a manifest not written costs time only
    quietly(writer.wait_merging_threads)  # committed already: a failed merge costs nothing
    if plan.fresh:
        swap_in(index_dir, previous, target, plan.recorded)


def known_files(index: tantivy.Index, folder: Path) -> dict[str, Indexed]:
    """Each stored file's id and hash: from the manifest of the commit in use, else (none yet, or one
    a killed run left stale) from the documents themselves, slower but the same answer."""
    found = read_manifest(folder, index.searcher().num_docs)
    return found if found is not None else read_existing(index)


def swap_in(index_dir: Path, previous: Marker, target: Path, roots: list[str]) -> None:
    """One rename makes the new generation the index; then the old one goes, by name."""
    try:
        write_marker(index_dir, Marker(SCHEMA_VERSION, target.name, roots))
    except BaseException:
        remove_generation(target)
        raise
    if previous.legacy:
        quietly(remove_legacy, index_dir)
    elif previous.generation:
        quietly(remove_generation, index_dir / previous.generation)


def read_stage(changed: list[Changed], cache: ExtractCache, pages: PageProgress, summary) -> tuple[list[Changed], set[str]]:
    """PDF, Word and image files read (OCR'd) here, page by page, into the cache the analysis workers
    read; returns what goes on to analysis and the names whose pages are counted already."""
    stage = read_documents(((c.key, c.path) for c in changed), read_report_bytes, cache, pages)
    summary.skipped.extend(Skipped(key, reason) for key, reason in stage.failed.items())
    return [c for c in changed if c.key not in stage.failed], stage.read


def write_changes(writer, plan: RootPlan, existing: dict[str, Indexed], books: Books, summary: IndexSummary,
                  progress, cache: ExtractCache) -> None:
    files, summary.skipped = discover(plan.walk)
    keyed = candidates(files, summary.skipped)
    plan.seen = set(keyed)
    plan.skipped_folders = [s.path for s in summary.skipped if s.unread]
    taken = plan.taken
    taken.update({entry.doc_id: key for key, entry in existing.items()})
    pages = PageProgress(total=len(keyed), report=progress)  # progress counts pages: OCR is the slow part
    unchanged: list[str] = []
    changed, counted = read_stage(list(changed_files(keyed, existing, books, pages, unchanged)), cache, pages, summary)
    summary.unchanged += len(unchanged)
    with contextlib.closing(prepare_all(changed, cache)) as results:  # stops the workers on any error
        for result in results:
            pages.advance(result.path, 0 if result.path in counted else 1)
            add_result(writer, result, existing, books, taken, summary)


def add_result(writer, result, existing: dict[str, Indexed], books: Books, taken: dict[str, str],
               summary: IndexSummary) -> None:
    if isinstance(result, Failed):  # a stored version stays, and so does its manifest entry
        summary.skipped.append(Skipped(result.path, result.reason))
        return
    doc_id = existing[result.path].doc_id if result.path in existing else unique_doc_id(result.path, taken)
    if result.path in existing:
        writer.delete_documents_by_term("path", result.path)
    writer.add_document(index_keys(doc_id, result))
    books.indexed(result.path, doc_id, result.sha)
    summary.indexed.append(result.path)


def remove_gone(writer, plan: RootPlan, existing: dict[str, Indexed], books: Books, summary: IndexSummary) -> None:
    for key in existing:
        verdict = plan.verdict(key)
        if verdict == "gone":
            writer.delete_documents_by_term("path", key)
            books.removed(key)
            summary.removed.append(key)
        elif verdict != "kept":
            summary.kept[verdict] = summary.kept.get(verdict, 0) + 1


def carry_over(writer, plan: RootPlan, books: Books, summary: IndexSummary) -> None:
    """A rebuild cannot re-read a folder that is not reachable: its reports come over as stored."""
    if not plan.unreachable or plan.previous_folder is None:
        return
    for doc_id, report in carried_documents(plan.previous_folder, plan):
        root = plan.verdict(report.path)
        if root in ("gone", "kept") or report.path in plan.seen:
            continue
        doc_id = unique_doc_id(report.path, plan.taken, doc_id)
        writer.add_document(index_keys(doc_id, report))
        books.indexed(report.path, doc_id, report.sha)  # no stat: hashed when its root is back
        summary.kept[root] = summary.kept.get(root, 0) + 1


__all__ = ["IndexSummary", "update_index"]
