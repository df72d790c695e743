"""Line-level search quality: seeds, real30 (clean and OCR) and the blind fixtures.

For each corpus a fresh index is built in a temporary directory, every gold
query runs twice: as typed (unquoted: what an official types) and quoted (a
phrase: the gold's own definition, words in order and consecutive). A found
line is a line where a listed match starts; lines marked scattered (the words
apart, in reports without the phrase) are counted separately: precision is
printed without and with them. Then the zero-hit checks (numbers nobody cites, a word found
nowhere) and the line recall of an OCR-damaged acronym.

`--verbose` lists every missed and extra line.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import orjson

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from indexer.api import Library, update_index  # noqa: E402

DATA = ROOT / "tests" / "data"
TARGET_RECALL, TARGET_PRECISION = 0.98, 0.90
# Queries that must find nothing on the seeds: numbers no seed cites, a word found nowhere.
ZERO_HIT = ["3042/QĐ-UBND", "9999/QĐ-UBND", "Quyết định 3042", "QĐ 3042", "Quyết định số 3042", "chuyen doi so xyzq"]
# Queries that must find something: a number a seed cites, in the forms users type.
SOME_HIT = ["3041/QĐ-UBND", "QĐ 3041", "Quyết định 3041", "Quyết định số 3041"]
# `VNeID` printed `VNeiD`, `VNelD`, `VNelID`, `VnelD` on these seed lines.
ACRONYM = ("VNeID", {("003_bcf0e4ac2e850802.txt", n) for n in (92, 111, 120, 140, 154, 171, 194, 205)})


def gold_lines(query: dict) -> set[tuple[str, int]]:
    if "gold_lines" in query:
        return {(f, line) for f, line in query["gold_lines"]}
    return {(g["file"], g["line"]) for g in query.get("gold", [])}


def found_lines(library: Library, query: str, *, scattered: bool = False) -> set[tuple[str, int]]:
    """Lines where a listed match starts; with `scattered`, also the lines marked scattered."""
    result = library.search(query, limit=1000, with_facets=False)
    return {(Path(h.path).name, lh.line) for h in result.hits for lh in h.lines
            if lh.starts and (scattered or not getattr(lh, "scattered", False))}


def evaluate(library: Library, queries: list[dict], quoted: bool) -> tuple[list[tuple], float, float, float]:
    """Rows, line recall, line precision of the matches, line precision counting scattered lines too."""
    rows, tp, n_gold, n_found, n_listed = [], 0, 0, 0, 0
    for q in queries:
        gold = gold_lines(q)
        text = f'"{q["query"]}"' if quoted else q["query"]
        found = found_lines(library, text)
        listed = found_lines(library, text, scattered=True)
        hit = len(gold & found)
        recall = hit / len(gold) if gold else 1.0
        precision = hit / len(found) if found else (1.0 if not gold else 0.0)
        rows.append((q["id"], q["query"], len(gold), len(found), len(listed - found), recall, precision,
                     sorted(gold - found), sorted(found - gold)))
        tp, n_gold, n_found, n_listed = tp + hit, n_gold + len(gold), n_found + len(found), n_listed + len(listed)
    return (rows, (tp / n_gold if n_gold else 1.0), (tp / n_found if n_found else 1.0),
            (tp / n_listed if n_listed else 1.0))


def print_rows(rows: list[tuple], verbose: bool) -> None:
    print(f"  {'id':<5}{'query':<32}{'gold':>5}{'found':>6}{'scatt':>6}{'recall':>8}{'prec':>7}")
    for qid, text, n_gold, n_found, n_scattered, r, p, missed, extra in rows:
        print(f"  {qid:<5}{text[:31]:<32}{n_gold:>5}{n_found:>6}{n_scattered:>6}{r:>8.2f}{p:>7.2f}")
        if verbose:
            for f, line in missed:
                print(f"         missed {f}:{line}")
            for f, line in extra:
                print(f"         extra  {f}:{line}")


def run_corpus(name: str, folder: Path, queries: list[dict], verbose: bool, tmp: Path) -> Library:
    started = time.perf_counter()
    update_index([folder], tmp / name)
    index_s = time.perf_counter() - started
    library = Library.open(tmp / name)
    started = time.perf_counter()
    typed_rows, typed_r, typed_p, typed_all = evaluate(library, queries, quoted=False)
    query_ms = (time.perf_counter() - started) * 1000 / max(1, len(queries)) / 2
    quoted_rows, quoted_r, quoted_p, _ = evaluate(library, queries, quoted=True)
    print(f"\n{name}: {len(queries)} queries, index built in {index_s:.1f}s, {query_ms:.1f} ms/query as typed")
    print("  as typed (unquoted):")
    print_rows(typed_rows, verbose)
    if verbose:
        print("  quoted:")
        print_rows(quoted_rows, verbose)
    print(f"  {name} as typed: line recall {typed_r:.3f}, line precision {typed_p:.3f} "
          f"({typed_all:.3f} counting the lines marked scattered)   "
          f"quoted: line recall {quoted_r:.3f}, line precision {quoted_p:.3f}   "
          f"(targets as typed: recall >= {TARGET_RECALL}, precision >= {TARGET_PRECISION})")
    return library


def blind_sets() -> list[tuple[str, Path, list[dict]]]:
    """The blind fixtures' queries, run on each folder of documents next to them."""
    gold = DATA / "blind" / "queries.json"
    if not gold.exists():
        return []
    queries = orjson.loads(gold.read_bytes())
    queries = queries["queries"] if isinstance(queries, dict) else queries
    folders = sorted({p.parent for p in (DATA / "blind").rglob("*.txt")})
    return [(f"blind/{f.relative_to(DATA / 'blind')}".rstrip("/."), f, queries) for f in folders]


def zero_hit_checks(library: Library) -> None:
    print("\nzero-hit checks on the seeds (numbers nobody cites, a word found nowhere):")
    for query in ZERO_HIT:
        result = library.search(query, limit=10, with_facets=False)
        verdict = "ok" if result.total == 0 else "WRONG"
        hint = f"  did you mean: {' | '.join(result.suggestions)}" if result.suggestions else ""
        print(f"  {verdict:<6}{query!r}: {result.total} hits{hint}")
    for query in SOME_HIT:
        result = library.search(query, limit=10, with_facets=False)
        lines = sum(1 for h in result.hits for lh in h.lines if lh.starts)
        print(f"  {'ok' if result.total else 'WRONG':<6}{query!r}: {result.total} hits, {lines} lines")
    word, gold = ACRONYM
    found = found_lines(library, word)
    print(f"  {word!r} line recall {len(gold & found) / len(gold):.2f} ({len(gold & found)}/{len(gold)} printed lines), "
          f"{len(found - gold)} other lines")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--verbose", "-v", action="store_true")
    args = parser.parse_args()
    seeds = orjson.loads((DATA / "eval" / "seed-queries.json").read_bytes())["queries"]
    real30 = orjson.loads((DATA / "real30" / "queries.json").read_bytes())["queries"]
    sets = [("seeds", ROOT / "corpus", seeds), ("real30-clean", DATA / "real30" / "clean", real30),
            ("real30-ocr", DATA / "real30" / "ocr", real30), *blind_sets()]
    with tempfile.TemporaryDirectory() as tmp:
        libraries = {name: run_corpus(name, folder, queries, args.verbose, Path(tmp)) for name, folder, queries in sets}
        zero_hit_checks(libraries["seeds"])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
