"""Dump `Library.search` results (JSON, one case a line) over fixed query and filter cases.

Two dumps of the same reports, from indexes written by two versions of the code, must be
identical when a change is meant to keep results (a stored-field or schema change):

    python bench/dump_search.py INDEX_DIR SOURCE_DIR --out a.jsonl   (then `cmp a.jsonl b.jsonl`)

Cases are drawn deterministically from SOURCE_DIR's own texts (single words, two- to
four-word runs quoted and not, words from distant lines, prefixes and accent-free spellings)
beside bench_query's queries, and each facet value the index holds as a filter.
"""
from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import orjson  # noqa: E402

from indexer.api import Filters, Library  # noqa: E402
from indexer.textnorm import query_words  # noqa: E402

FIXED = [
    "tổ chức bộ máy", "cai cach hanh chinh", '"dịch vụ công trực tuyến"', "chuyển đổi số", "một cửa liên thông",
    "thủ tục hành chính", "Quyết định 3041", "3042/QĐ-UBND", "VNeID", "SIPAS", "ISO 9001", "chuyen doi so xyzq",
    "thu tuc", "dien tu", "bao cao", '"ủy ban nhân dân"', "cán bộ công chức",
]


def drawn_queries(source: Path, count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    lines = [w for p in sorted(source.glob("*.txt")) for w in
             (query_words(line) for line in p.read_text(encoding="utf-8").splitlines()) if w]
    out: list[str] = []
    while len(out) < count and lines:
        words = rng.choice(lines)
        kind = rng.randrange(5)
        size = min(len(words), rng.randint(2, 4))
        start = rng.randrange(len(words) - size + 1)
        run = " ".join(words[start : start + size])
        if kind == 0:
            out.append(rng.choice(words))
        elif kind == 1:
            out.append(f'"{run}"')
        elif kind == 2:
            out.append(run)
        elif kind == 3:
            out.append(f"{rng.choice(words)} {rng.choice(rng.choice(lines))}")
        else:
            out.append(run.encode("ascii", "ignore").decode() or run)
    return list(dict.fromkeys(out))


def filter_cases(library: Library) -> list[Filters]:
    facets = library.search("bao cao", limit=1).facets
    cases = [Filters(unit=u) for u in list(facets.get("unit", {}))[:6]]
    cases += [Filters(doc_type=t) for t in list(facets.get("doc_type", {}))[:4]]
    cases += [Filters(topic=t) for t in list(facets.get("topic", {}))[:4]]
    years = sorted(facets.get("year", {}))
    cases += [Filters(date_from=f"{y}-01-01", date_to=f"{y}-06-30") for y in years[:3]]
    cases += [Filters(cites="3041/QĐ-UBND"), Filters(cites="Nghị định 61")]
    return cases


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("index", type=Path)
    ap.add_argument("source", type=Path)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--count", type=int, default=160)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    library = Library.open(args.index)
    queries = FIXED + drawn_queries(args.source, args.count, args.seed)
    cases: list[tuple[str, Filters | None]] = [(q, None) for q in queries]
    cases += [(q, f) for f in filter_cases(library) for q in ("bao cao", "thủ tục hành chính", "")]
    with args.out.open("wb") as out:
        for query, filters in cases:
            try:
                result = library.search(query, limit=10, filters=filters).to_dict()
            except Exception as exc:  # the error is part of the result compared
                result = {"error": type(exc).__name__, "message": str(exc)}
            out.write(orjson.dumps({"query": query, "filters": str(filters), "result": result}) + b"\n")
    print(f"{len(cases)} cases -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
