"""Line-level search quality on the seed queries (tests/data/eval/seed-queries.json).

Builds a fresh index of corpus/ in a temporary directory, runs every query and
compares the lines where matches start with the gold lines. Each query runs
twice: quoted (a phrase: the gold's own definition, words in order and
consecutive) and as typed (unquoted words grouped into lexicon words, ANDed),
which is what an official types.
"""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import orjson

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from indexer.api import Library, update_index  # noqa: E402

GOLD = ROOT / "tests" / "data" / "eval" / "seed-queries.json"
TARGET_RECALL, TARGET_PRECISION = 0.97, 0.90


def found_lines(library: Library, query: str) -> set[tuple[str, int]]:
    result = library.search(query, limit=1000, with_facets=False)
    return {(Path(h.path).name, lh.line) for h in result.hits for lh in h.lines if lh.starts}


def score(gold: set, found: set) -> tuple[float, float]:
    recall = len(gold & found) / len(gold) if gold else 1.0
    precision = len(gold & found) / len(found) if found else (1.0 if not gold else 0.0)
    return recall, precision


def evaluate(library: Library, queries: list[dict], quoted: bool) -> tuple[list[tuple], float, float]:
    rows, tp, n_gold, n_found = [], 0, 0, 0
    for q in queries:
        gold = {(f, line) for f, line in q["gold_lines"]}
        text = f'"{q["query"]}"' if quoted else q["query"]
        found = found_lines(library, text)
        recall, precision = score(gold, found)
        rows.append((q["id"], q["query"], len(gold), len(found), recall, precision, sorted(gold - found), sorted(found - gold)))
        tp, n_gold, n_found = tp + len(gold & found), n_gold + len(gold), n_found + len(found)
    return rows, tp / n_gold, (tp / n_found if n_found else 0.0)


def main() -> int:
    queries = orjson.loads(GOLD.read_bytes())["queries"]
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        update_index([ROOT / "corpus"], Path(tmp))
        index_s = time.perf_counter() - started
        library = Library.open(Path(tmp))
        started = time.perf_counter()
        rows, recall, precision = evaluate(library, queries, quoted=True)
        query_ms = (time.perf_counter() - started) * 1000 / len(queries)
        _, loose_recall, loose_precision = evaluate(library, queries, quoted=False)
    print(f"search eval: {len(queries)} queries, index built in {index_s:.2f}s, {query_ms:.1f} ms/query")
    print(f"{'id':<5}{'query':<32}{'gold':>5}{'found':>6}{'recall':>8}{'prec':>7}")
    for qid, text, n_gold, n_found, r, p, missed, extra in rows:
        print(f"{qid:<5}{text[:31]:<32}{n_gold:>5}{n_found:>6}{r:>8.2f}{p:>7.2f}")
        for f, line in missed:
            print(f"       missed {f}:{line}")
        for f, line in extra:
            print(f"       extra  {f}:{line}")
    print(f"overall (phrase): line recall {recall:.3f} (target {TARGET_RECALL}), "
          f"line precision {precision:.3f} (target {TARGET_PRECISION})")
    print(f"overall (as typed, unquoted): line recall {loose_recall:.3f}, line precision {loose_precision:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
