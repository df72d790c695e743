"""Query latency through `indexer.api` beside a bare tantivy query on the same index.

For each corpus size (reports from bench/make_corpus.py, deterministic), builds
an index, then runs every query `--rounds` times: `Library.search(q, limit=10)`
(the page with its lines and spans, and the facets) and the bare tantivy query
for the same words (terms ANDed, or the phrase, on the folded body; top 10 and
the count, no stored text). Prints p50/p95 of each and their ratio.

Each timed search starts from scratch (`forget_reports`: the report data the engine keeps
between searches is dropped); the "kept" column is the same search with it kept, as in a
session or a batch. Then `cchc search --batch` runs in its own process on distinct queries
made from the same words (each stretch of a query's words, quoted and not, and pairs across
queries; enough for the batch to use a worker process per core): queries per second, beside
the bare tantivy queries per second for the same queries.

`--fold-only` builds without the OCR-reading stage (much faster to build; the
query path is the same, the term dictionary smaller): say so when quoting.
"""
from __future__ import annotations

import argparse
import contextlib
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from unittest import mock

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import tantivy  # noqa: E402

from indexer.api import Library, index_exists, update_index  # noqa: E402
from indexer.search.formtext import forget_reports  # noqa: E402
from indexer.textnorm import query_words  # noqa: E402

QUERIES = [
    "tổ chức bộ máy", "cai cach hanh chinh", '"dịch vụ công trực tuyến"', "chuyển đổi số", "một cửa liên thông",
    "thủ tục hành chính", "Quyết định 3041", "3042/QĐ-UBND", "VNeID", "SIPAS", "ISO 9001", "chuyen doi so xyzq",
]
TARGET_P50_MS, TARGET_P95_MS, TARGET_RATIO, TARGET_BATCH_QPS = 5.0, 25.0, 5.0, 200.0


def percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def make_corpus(target: Path, n: int, seed: int) -> None:
    if target.exists() and len(list(target.glob("*.txt"))) >= n:
        return
    subprocess.run([sys.executable, str(ROOT / "bench" / "make_corpus.py"), "--n", str(n), "--seed", str(seed),
                    "--out", str(target), "--quiet"], check=True)


def build(corpus: Path, index_dir: Path, fold_only: bool) -> float:
    patches = [mock.patch("indexer.pipeline.token_readings", lambda words: [() for _ in words])] if fold_only else []
    with contextlib.ExitStack() as stack:
        for patch in patches:
            stack.enter_context(patch)
        started = time.perf_counter()
        update_index([corpus], index_dir)
    return time.perf_counter() - started


def bare_query(index: tantivy.Index, text: str) -> tantivy.Query:
    """The plainest tantivy query for the same words: a phrase when quoted, else terms ANDed."""
    words = query_words(text.replace('"', " "))
    if not words:
        return tantivy.Query.all_query()
    if text.startswith('"') or len(words) == 1:
        return (tantivy.Query.term_query(index.schema, "body", words[0]) if len(words) == 1
                else tantivy.Query.phrase_query(index.schema, "body", words))
    return tantivy.Query.boolean_query([(tantivy.Occur.Must, tantivy.Query.term_query(index.schema, "body", w))
                                        for w in words])


def timed_ms(fn) -> float:
    started = time.perf_counter()
    fn()
    return (time.perf_counter() - started) * 1000


def from_scratch_ms(library: Library, text: str) -> float:
    forget_reports()
    return timed_ms(lambda: library.search(text, limit=10))


def measure(index_dir: Path, rounds: int) -> list[tuple[str, int, list[float], list[float], list[float]]]:
    library = Library.open(index_dir)
    searcher = library.index.searcher()
    rows = []
    for text in QUERIES:
        bare = bare_query(library.index, text)
        library.search(text, limit=10)  # warm: first use of a query path loads its tables
        api = [from_scratch_ms(library, text) for _ in range(rounds)]
        kept = [timed_ms(lambda t=text: library.search(t, limit=10)) for _ in range(rounds)]
        raw = [timed_ms(lambda q=bare: searcher.search(q, limit=10, count=True)) for _ in range(rounds)]
        rows.append((text, library.search(text, limit=10, with_facets=False).total, api, raw, kept))
    return rows


def batch_queries() -> list[str]:
    """Distinct queries from the words of QUERIES: each stretch of a query's words, quoted and not,
    and each query's first word with every other query's last."""
    out: list[str] = []
    words_of = [text.replace('"', "").split() for text in QUERIES]
    for text, words in zip(QUERIES, words_of):
        out.append(text)
        for size in range(1, len(words) + 1):
            for start in range(len(words) - size + 1):
                stretch = " ".join(words[start : start + size])
                out += [stretch, f'"{stretch}"'] if size > 1 else [stretch]
    out += [f"{a[0]} {b[-1]}" for a in words_of for b in words_of if a is not b]
    return list(dict.fromkeys(out))


def batch_rate(index_dir: Path, work: Path) -> tuple[int, float, float, float]:
    """(queries, `cchc search --batch` queries/s end to end, bare tantivy queries/s, python start s)."""
    queries = batch_queries()
    source = work / "batch-queries.txt"
    source.write_text("\n".join(queries) + "\n", encoding="utf-8")
    command = [sys.executable, "-m", "cchc_tui", "search", "--batch", str(source), "--index-dir", str(index_dir)]
    seconds = min(timed_ms(lambda: subprocess.run(command, check=True, capture_output=True, cwd=ROOT))
                  for _ in range(3)) / 1000
    start = min(timed_ms(lambda: subprocess.run([sys.executable, "-c", "pass"], check=True)) for _ in range(3)) / 1000
    index = Library.open(index_dir).index
    searcher = index.searcher()
    bare = [bare_query(index, q) for q in queries]
    raw = min(timed_ms(lambda: [searcher.search(q, limit=10, count=True) for q in bare]) for _ in range(3)) / 1000
    return len(queries), len(queries) / seconds, len(queries) / max(1e-9, raw), start


def report(n: int, rows, build_s: float, fold_only: bool) -> None:
    kind = "fold only (no OCR readings)" if fold_only else "full pipeline"
    print(f"\n{n} reports, index built in {build_s:.0f}s ({kind}), {os.cpu_count()} cores; times in ms")
    print(f"  {'query':<30}{'hits':>6}{'api p50':>9}{'api p95':>9}{'kept p50':>10}{'bare p50':>10}{'bare p95':>10}"
          f"{'ratio':>7}")
    api_all, raw_all, kept_all = [], [], []
    for text, total, api, raw, kept in rows:
        ratio = statistics.median(api) / max(1e-6, statistics.median(raw))
        print(f"  {text[:29]:<30}{total:>6}{statistics.median(api):>9.1f}{percentile(api, 0.95):>9.1f}"
              f"{statistics.median(kept):>10.1f}{statistics.median(raw):>10.2f}{percentile(raw, 0.95):>10.2f}"
              f"{ratio:>7.1f}")
        api_all += api
        raw_all += raw
        kept_all += kept
    p50, p95, bare50 = statistics.median(api_all), percentile(api_all, 0.95), statistics.median(raw_all)
    print(f"  all queries: api p50 {p50:.1f} ms, p95 {p95:.1f} ms (kept: p50 {statistics.median(kept_all):.1f}, "
          f"p95 {percentile(kept_all, 0.95):.1f}); bare p50 {bare50:.2f} ms; "
          f"ratio {p50 / max(1e-6, bare50):.1f}x (targets at 10,000: p50 <= {TARGET_P50_MS}, "
          f"p95 <= {TARGET_P95_MS}, <= {TARGET_RATIO}x bare)")


def report_batch(n: int, queries: int, rate: float, bare_rate: float, start_s: float) -> None:
    print(f"  cchc search --batch, {queries} distinct queries, {n} reports: {rate:.0f} queries/s end to end "
          f"(target >= {TARGET_BATCH_QPS:.0f}; python start {start_s * 1000:.0f} ms included); "
          f"bare tantivy {bare_rate:.0f} queries/s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="2000,10000", help="comma-separated corpus sizes")
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--fold-only", action="store_true", help="build without OCR readings (faster)")
    parser.add_argument("--work", type=Path, help="keep corpora and indexes here (reused when present)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = args.work or Path(tmp)
        sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
        corpus = work / f"corpus-seed{args.seed}"
        make_corpus(corpus, max(sizes), args.seed)
        files = sorted(corpus.glob("*.txt"))
        for n in sizes:
            subset = work / f"corpus-{n}"
            if not subset.exists():
                subset.mkdir(parents=True)
                for path in files[:n]:
                    os.link(path, subset / path.name)
            index_dir = work / f"index-{n}{'-fold' if args.fold_only else ''}"
            build_s = 0.0 if index_exists(index_dir) else build(subset, index_dir, args.fold_only)
            report(n, measure(index_dir, args.rounds), build_s, args.fold_only)
            report_batch(n, *batch_rate(index_dir, work))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
