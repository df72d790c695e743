"""The engine's ceiling: raw tantivy indexing of the same files with one plain folding analyzer.

The text is read, decoded as UTF-8, stored and indexed (positions) through
tantivy's own simple tokenizer, lower-casing and ASCII folding, with a writer
thread per core. No OCR readings, no metadata, no second field.
"""
from __future__ import annotations

import os
import resource
import shutil
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import tantivy

HEAP_BYTES = 128_000_000


@dataclass
class RawResult:
    seconds: float  # reading, indexing and committing, in-process
    index_bytes: int


def raw_index(corpus: Path, index_dir: Path) -> RawResult:
    shutil.rmtree(index_dir, ignore_errors=True)
    index_dir.mkdir(parents=True)
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("path", stored=True, tokenizer_name="raw")
    builder.add_text_field("text", stored=True, tokenizer_name="plain_fold", index_option="position")
    index = tantivy.Index(builder.build(), path=str(index_dir))
    analyzer = (
        tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
        .filter(tantivy.Filter.lowercase())
        .filter(tantivy.Filter.ascii_fold())
        .build()
    )
    index.register_tokenizer("plain_fold", analyzer)
    started = time.perf_counter()
    writer = index.writer(HEAP_BYTES, os.cpu_count() or 1)
    for path in sorted(corpus.rglob("*.txt")):
        doc = tantivy.Document()
        doc.add_text("path", str(path))
        doc.add_text("text", path.read_bytes().decode("utf-8", errors="replace"))
        writer.add_document(doc)
    writer.commit()
    writer.wait_merging_threads()
    seconds = time.perf_counter() - started
    size = sum(p.stat().st_size for p in index_dir.rglob("*") if p.is_file())
    return RawResult(seconds, size)


if __name__ == "__main__":  # bench_index.py runs it in a fresh process, to measure its memory
    result = raw_index(Path(sys.argv[1]), Path(sys.argv[2]))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # polling may miss a short run
    print(result.seconds, result.index_bytes, peak)
