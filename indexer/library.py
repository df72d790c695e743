"""The read side of an index: what `indexer.api.Library` is."""
from __future__ import annotations

import functools
import itertools
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Self

import tantivy

from indexer.errors import CchcError, IndexDamaged, UsageError
from indexer.ingest.names import shown_path
from indexer.model import Filters, Report, ReportEntry, SearchResult, info_from_dict
from indexer.search.stored import stored_info, stored_str, stored_text
from indexer.store.index import REBUILD_HINT, current_folder, open_folder, resolve_index_dir
from indexer.store.layout import shown_dir

# How tantivy words damage it finds while reading (a truncated or missing segment file).
DAMAGE_WORDS = ("corrupt", "datacorruption", "ioerror", "io error", "failed to open", "failed to read",
                "os error", "checksum", "file does not exist", "filedoesnotexist", "incomplete", "truncat")


def is_index_damage(exc: BaseException) -> bool:
    """Only what reading the index raised: a bad date or query from the user is not damage."""
    if isinstance(exc, OSError):
        return True
    text = str(exc).lower()
    return type(exc) is ValueError and any(word in text for word in DAMAGE_WORDS)


# No Vietnamese word, OCR token or document symbol is this long; a pasted blob is cut to it, so
# the work per query word is bounded (a 1 MB single-token query took 73 s uncut).
MAX_QUERY_WORD_CHARS = 64
MAX_QUERY_WORDS = 64  # what indexer.search keeps of a longer query
LONG_WORD = re.compile(rf"[^\s\"“”]{{{MAX_QUERY_WORD_CHARS + 1},}}")
ENTRY_BATCH = 500  # reports read per step of a corpus-wide aggregate (see `Library.entry_batches`)


def bounded_query(text: str) -> tuple[str, list[str]]:
    """The query with over-long words cut, and notes saying what was cut (for the front ends)."""
    notes = []
    cut = LONG_WORD.sub(lambda m: m.group()[:MAX_QUERY_WORD_CHARS], text)
    if cut != text:
        notes.append(f"words longer than {MAX_QUERY_WORD_CHARS} characters were cut to their first "
                     f"{MAX_QUERY_WORD_CHARS}")
    words = len(cut.split())
    if words > MAX_QUERY_WORDS:
        notes.append(f"only the first {MAX_QUERY_WORDS} of the query's {words} words are searched")
    return cut, notes


def index_errors(method):
    """tantivy reports damage lazily (a truncated segment read at query time): name the cure.
    Any other ValueError is the request's fault: a usage error, never "corrupted"."""

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except (ValueError, OSError) as exc:
            if is_index_damage(exc):
                raise IndexDamaged(
                    f"index at {shown_dir(self.index_dir)} is unreadable or corrupted ({exc}); {REBUILD_HINT}"
                ) from exc
            raise UsageError(str(exc)) from exc

    return wrapper


def report_from_doc(doc: tantivy.Document) -> Report:
    text = stored_text(doc)
    info = info_from_dict(stored_info(doc, text))  # the text decompressed once
    return Report(doc_id=stored_str(doc, "doc_id"), path=stored_str(doc, "path"), text=text, info=info)


def entry_from_doc(doc: tantivy.Document) -> ReportEntry:
    info = info_from_dict(stored_info(doc))  # the text read only as the dictionary, not kept
    return ReportEntry(doc_id=stored_str(doc, "doc_id"), path=stored_str(doc, "path"), info=info)


class Library:
    """An opened index (read side). Cheap to open; safe while another process indexes."""

    def __init__(self, index_dir: Path, index: tantivy.Index, folder: Path | None = None) -> None:
        self.index_dir = index_dir
        self.index = index
        self.folder = folder or index_dir  # the generation in use (see indexer/store/layout.py)
        self._generation = self._meta_generation()

    @classmethod
    def open(cls, index_dir: Path | str | None = None) -> Self:
        directory = resolve_index_dir(index_dir)
        folder = current_folder(directory)
        try:
            index = open_folder(folder, directory)
        except CchcError:
            if current_folder(directory) == folder:
                raise
            folder = current_folder(directory)  # a rebuild swapped generations meanwhile
            index = open_folder(folder, directory)
        return cls(directory, index, folder)

    @index_errors
    def search(self, query: str, *, limit: int = 10, filters: Filters | None = None, with_facets: bool = True) -> SearchResult:
        from indexer.search.engine import run_search
        from indexer.search.topics import topic_ids_for

        filters = filters or Filters()
        query, notes = bounded_query(query)
        topic_ids = topic_ids_for(filters.topic) if filters.topic else None
        from indexer.search.compounds import compounds

        result = run_search(
            self.index, query, limit=limit, filters=filters, topic_ids=topic_ids,
            with_facets=with_facets, compounds=compounds(self.folder),
        )
        result.notes = notes
        return result

    def _first(self, field: str, value: str) -> Report | None:
        searcher = self.index.searcher()
        found = searcher.search(tantivy.Query.term_query(self.index.schema, field, value), limit=1)
        return report_from_doc(searcher.doc(found.hits[0][1])) if found.hits else None

    @index_errors
    def get(self, doc: str) -> Report:
        """A report by doc id or by the path it was indexed from (symbolic link names included:
        they are indexed as named); CchcError if not indexed."""
        report = self._first("doc_id", shown_path(doc))
        for path in candidate_paths(doc):
            if report is not None:
                break
            report = self._first("path", path)
        if report is None:
            raise CchcError(f"not an indexed report: {doc} (see `cchc search` or `cchc index PATH`)")
        return report

    @index_errors
    def reports(self) -> Iterator[Report]:
        """Every indexed report, in doc id order."""
        searcher = self.index.searcher()
        if searcher.num_docs == 0:
            return iter(())
        found = searcher.search(tantivy.Query.all_query(), limit=searcher.num_docs)
        reports = [report_from_doc(searcher.doc(addr)) for _s, addr in found.hits]
        return iter(sorted(reports, key=lambda r: r.doc_id))

    def entries(self) -> Iterator[ReportEntry]:
        """Every indexed report without its text, one at a time (see `entry_batches`)."""
        return itertools.chain.from_iterable(self.entry_batches())

    @index_errors
    def entry_batches(self, size: int = ENTRY_BATCH) -> Iterator[list[ReportEntry]]:
        """Every indexed report without its text, `size` at a time, in index order (not doc id order:
        aggregates order what they list). Corpus-wide aggregates stream these, so memory holds one
        batch rather than every report (~4 GB of reports and texts at 100,000); a caller that
        serialises index access takes its lock per batch."""
        searcher = self.index.searcher()
        if searcher.num_docs == 0:
            return iter(())
        found = searcher.search(tantivy.Query.all_query(), limit=searcher.num_docs)
        addresses = sorted((addr for _s, addr in found.hits), key=lambda a: (a.segment_ord, a.doc))
        return (self._entries_at(searcher, addresses[start : start + size]) for start in range(0, len(addresses), size))

    @index_errors
    def _entries_at(self, searcher: tantivy.Searcher, addresses: list) -> list[ReportEntry]:
        return [entry_from_doc(searcher.doc(addr)) for addr in addresses]

    @property
    def count(self) -> int:
        return self.index.searcher().num_docs

    def _meta_generation(self) -> tuple[str, int, int]:
        try:
            stat = (self.folder / "meta.json").stat()
        except OSError:
            return (self.folder.name, 0, 0)
        return (self.folder.name, stat.st_mtime_ns, stat.st_size)

    def reload(self) -> bool:
        """Pick up commits made by another process, and a rebuild's new generation; True when
        something changed."""
        folder = current_folder(self.index_dir)
        if folder != self.folder:
            self.index, self.folder = open_folder(folder, self.index_dir), folder
            self._generation = self._meta_generation()
            return True
        generation = self._meta_generation()
        if generation == self._generation:
            return False
        self._generation = generation
        self.index.reload()
        return True


def candidate_paths(doc: str) -> list[str]:
    """The names a report given by path may be indexed under: as typed (absolute, links kept),
    then with links resolved, each with undecodable bytes escaped as stored."""
    if not doc.strip():
        return []
    path = Path(doc).expanduser()
    found = [shown_path(os.path.abspath(path))]
    try:
        found.append(shown_path(path.resolve()))
    except (OSError, RuntimeError):
        pass
    return list(dict.fromkeys(found))
