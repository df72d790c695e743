"""Every indexed report as one JSON-ready record: for other tools, and as an ingest format.

One record per report, streamed (the index is read one stored document at a
time, so a hundred thousand reports never sit in memory together). The record
carries what `cchc show --json` shows (identity, text, metadata, citations,
topics, figures) plus the search forms the index was built from, aligned token for
token: `folded` (the plain fold of every printed token), `best` (the OCR
reading of every token), `alternatives` (other readings kept). A distributed
engine (deploy/quickwit/) indexes these fields without running our OCR repair.
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
import tantivy

from indexer.library import Library, index_errors
from indexer.pipeline import best_readings, decode_readings
from indexer.search.stored import stored_info, stored_readings, stored_text
from indexer.textnorm import token_folds, tokenize

EXPORT_VERSION = 1  # records gained "figures" (a new key, no key changed: still version 1)
LISTS = ("citations", "topics", "sections", "figures")  # their own keys, not in "metadata"


def report_record(doc: tantivy.Document) -> dict[str, Any]:
    text = stored_text(doc)
    info = stored_info(doc, text)  # the text decompressed once
    tokens = tokenize(text)
    folds = token_folds(text, tokens)
    stored = stored_readings(doc, text)
    best = best_readings(stored, folds)
    extra = decode_readings(stored, len(tokens))
    alternatives = sorted({r for b, rs in zip(best, extra) for r in rs if r != b})
    date = info.get("date") or None
    return {
        "export_version": EXPORT_VERSION,
        "doc_id": doc.get_first("doc_id"),
        "path": doc.get_first("path"),
        "sha256": doc.get_first("sha"),
        "unit": info.get("unit"),
        "doc_type": info.get("doc_type"),
        "symbol": info.get("symbol"),
        "date": date,
        "year": int(date[:4]) if date and date[:4].isdigit() else None,
        "title": info.get("title"),
        "metadata": {k: v for k, v in info.items() if k not in LISTS},
        "sections": info.get("sections") or [],
        "citations": info.get("citations") or [],
        "topics": info.get("topics") or [],
        "figures": info.get("figures"),  # null: the index was written before figures were parsed
        "text": text,
        "folded": " ".join(folds),
        "best": " ".join(best),
        "alternatives": " ".join(alternatives),
    }


class _Exporter(Library):
    @index_errors
    def records(self) -> Iterator[dict[str, Any]]:
        searcher = self.index.searcher()
        if searcher.num_docs == 0:
            return
        found = searcher.search(tantivy.Query.all_query(), limit=searcher.num_docs)
        for _score, address in found.hits:
            yield report_record(searcher.doc(address))


def export_records(index_dir: Path | str | None = None) -> Iterator[dict[str, Any]]:
    """Every report of the index at `index_dir` (default location as for every command), index order."""
    exporter = _Exporter.open(index_dir)
    return exporter.records()


def export_jsonl(index_dir: Path | str | None, out) -> int:
    """Write one JSON object per line (UTF-8 bytes) to the binary stream `out`; the number written."""
    count = 0
    for record in export_records(index_dir):
        out.write(orjson.dumps(record) + b"\n")
        count += 1
    return count
