"""Running a search: candidates and ranking from tantivy, lines and spans from the matcher."""
from __future__ import annotations

import orjson
import tantivy
from tantivy import Occur, Query

from indexer.analysis import AnalyzedText, decode_readings
from indexer.errors import CchcError
from indexer.model import Filters, Hit, SearchResult
from indexer.search.matcher import fuzzy_limit, line_hits, match_tokens
from indexer.search.query import QueryPlan, parse_query
from indexer.search.suggest import suggest
from indexer.search.tantivy_query import build_query
from indexer.textnorm import token_folds, tokenize

FACET_FIELDS = ("unit", "doc_type", "year", "topic")
FACET_SIZE = 200
VERIFY_CAP = 500  # candidates checked word by word when a phrase is matched with slips


def missing_words(searcher: tantivy.Searcher, plan: QueryPlan) -> set[str]:
    """Words no report holds under any reading: only these fall back to edit distance."""
    return {w for w in plan.all_words() if fuzzy_limit(w) and searcher.doc_freq("body", w) == 0}


def analyzed_from_stored(doc: tantivy.Document) -> tuple[str, AnalyzedText]:
    text = doc.get_first("text") or ""
    tokens = tokenize(text)
    readings = decode_readings(doc.get_first("readings") or "", len(tokens))
    return text, AnalyzedText(tokens, token_folds(text, tokens), readings)


def hit_from_doc(doc: tantivy.Document, score: float, plan: QueryPlan, fuzzy: set[str]) -> Hit:
    info = orjson.loads(doc.get_first("info") or "{}")
    hit = Hit(
        doc_id=doc.get_first("doc_id"),
        path=doc.get_first("path"),
        score=round(float(score), 4),
        unit=info.get("unit"),
        symbol=info.get("symbol"),
        doc_type=info.get("doc_type"),
        date=info.get("date"),
        title=info.get("title"),
    )
    if not plan.is_empty:
        text, analyzed = analyzed_from_stored(doc)
        hit.lines = line_hits(text, analyzed, match_tokens(plan, analyzed, fuzzy))
    return hit


def facets(searcher: tantivy.Searcher, query: tantivy.Query) -> dict[str, dict[str, int]]:
    aggs = {name: {"terms": {"field": name, "size": FACET_SIZE}} for name in FACET_FIELDS}
    result = searcher.aggregate(query, aggs)
    return {
        name: {str(b["key"]): int(b["doc_count"]) for b in result.get(name, {}).get("buckets", [])}
        for name in FACET_FIELDS
    }


def slip_hits(searcher, exact_query, tolerant_query, plan, fuzzy, wanted):
    """Reports found only by admitting one OCR slip per phrase; kept only when the matcher confirms it."""
    only_slips = Query.boolean_query([(Occur.Must, tolerant_query), (Occur.MustNot, exact_query)])
    found = searcher.search(only_slips, limit=VERIFY_CAP, count=True)
    verified = [hit_from_doc(searcher.doc(addr), score, plan, fuzzy) for score, addr in found.hits]
    verified = [h for h in verified if h.lines]
    unexamined = max(0, (found.count or 0) - len(found.hits))
    return verified[:wanted], len(verified) + unexamined


def compile_queries(index, plan, filters, fuzzy, topic_ids):
    try:
        exact = build_query(index.schema, plan, filters, fuzzy, topic_ids, tolerant=False)
        tolerant = build_query(index.schema, plan, filters, fuzzy, topic_ids, tolerant=True)
    except ValueError as exc:
        raise CchcError(str(exc)) from exc
    return exact, tolerant


def browse(index, searcher, filters, topic_ids, limit, with_facets) -> SearchResult:
    """No words: every report the filters admit (all of them without filters), newest first."""
    no_words = parse_query("")
    query = build_query(index.schema, no_words, filters, set(), topic_ids, tolerant=False)
    found = searcher.search(query, limit=max(1, limit), count=True, order_by_field="date_int")
    hits = [hit_from_doc(searcher.doc(addr), 0.0, no_words, set()) for _s, addr in found.hits]
    result = SearchResult(query="", total=found.count or 0, hits=hits)
    if with_facets:
        result.facets = facets(searcher, query)
    return result


def run_search(
    index: tantivy.Index,
    text: str,
    *,
    limit: int = 10,
    filters: Filters | None = None,
    topic_ids: list[str] | None = None,
    with_facets: bool = True,
    compounds: frozenset[str] = frozenset(),
) -> SearchResult:
    filters = filters or Filters()
    plan = parse_query(text, compounds)
    searcher = index.searcher()
    if plan.is_empty:
        return browse(index, searcher, filters, topic_ids, limit, with_facets)
    fuzzy = missing_words(searcher, plan)
    exact, tolerant = compile_queries(index, plan, filters, fuzzy, topic_ids)
    found = searcher.search(exact, limit=max(1, limit), count=True)
    hits = [hit_from_doc(searcher.doc(addr), score, plan, fuzzy) for score, addr in found.hits]
    total = found.count or 0
    if plan.phrases or (total == 0 and len(plan.loose.words) > 1):
        extra, extra_total = slip_hits(searcher, exact, tolerant, plan, fuzzy, limit - len(hits))
        hits, total = hits + extra, total + extra_total
    query = exact if found.count else tolerant
    result = SearchResult(query=text, total=total, hits=hits)
    if with_facets:
        result.facets = facets(searcher, query)
    if result.total == 0 and not plan.is_empty:
        result.suggestions = suggest(searcher, plan)
    return result
