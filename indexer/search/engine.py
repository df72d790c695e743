"""Running a search: tiers and ranking from tantivy, lines and spans from the matcher.

Cost does not grow with the number of matching reports: counts and facets come
from tantivy (collectors and aggregations); stored text is read, tokenised and
matched only for the page of hits returned.
"""
from __future__ import annotations

import tantivy

from indexer.errors import CchcError
from indexer.model import Filters, Hit, LineHit, SearchResult
from indexer.search.doctext import DocText
from indexer.search.filters import type_prefix
from indexer.search.formtext import FormTerms, FormText, form_text
from indexer.search.matcher import DocTerms, Terms, line_hits, match_tokens
from indexer.search.query import QueryPlan, parse_query
from indexer.search.scan import LineScan
from indexer.search.stored import result_count, stored_bytes, stored_citations, stored_readings, stored_str, stored_summary, stored_text
from indexer.search.suggest import suggest
from indexer.search.tantivy_query import Counted, Tiers, build_tiers, filter_clauses, slip_budget
from indexer.search.variants import WordForms, resolve_forms

FACET_FIELDS = ("unit", "doc_type", "year", "topic")
FACET_SIZE = 200
YEAR_BUCKETS, NO_YEAR = 10_000, -1  # see `facets`
TYPE_TERMS = 1000
# Facets with few values counted from the term dictionary, the query's reports as the filter: the same
# counts in the same order (most reports first, then by value) as a terms aggregation, for less than its
# cost on a multi-valued field (topic: 16 values, ~3 of the aggregation's ~8 ms at 10,000 reports).
LISTED_FACETS = ("topic",)


def hit_from_doc(doc: tantivy.Document, score: float, plan: QueryPlan, forms: dict[str, WordForms],
                 scan: LineScan | None, scattered: bool = False) -> Hit:
    info = stored_summary(doc)  # not the whole metadata: a page of hits is read per search
    hit = Hit(
        doc_id=stored_str(doc, "doc_id"),
        path=stored_str(doc, "path"),
        score=round(float(score), 4),
        unit=info.get("unit"),
        symbol=info.get("symbol"),
        doc_type=info.get("doc_type"),
        date=info.get("date"),
        title=info.get("title"),
        scattered=scattered,
    )
    if scan is not None:
        citations = stored_citations(doc) if plan.cites else []  # only a citation's terms read them
        hit.lines = report_lines(doc, citations, plan, forms, scan, scattered)
    return hit


def report_lines(doc: tantivy.Document, citations: list[dict], plan: QueryPlan, forms: dict[str, WordForms],
                 scan: LineScan, scattered: bool) -> list[LineHit]:
    """The lines of one report where the query matches: from the stored folds when the index has them
    (every token at once, nothing tokenised but the lines shown), else from the lines the scan loads."""
    text = stored_text(doc)
    readings = stored_readings(doc, text)
    folds, label = stored_bytes(doc, "folds"), stored_str(doc, "path")
    terms: Terms
    if not scan.every_line and FormText.usable(folds):
        terms = FormTerms(form_text(text, readings, folds, label), forms, scan.form_patterns, scan.rarity)
    else:
        loaded = DocText(text, readings, folds, label)
        scan.load(loaded, citations, scattered)
        terms = DocTerms(loaded, forms)
    return line_hits(terms.analyzed, match_tokens(plan, terms, citations, scattered), scattered)


def facets(searcher: tantivy.Searcher, query: tantivy.Query) -> tuple[dict[str, dict[str, int]], int]:
    """Facet counts, and the number of reports `query` holds, in one pass: `year` is single-valued, so
    its buckets with the one of reports without a year (`NO_YEAR`, not shown) count every report."""
    aggs = {name: {"terms": {"field": name, "size": FACET_SIZE}} for name in FACET_FIELDS if name not in LISTED_FACETS}
    aggs["year"] = {"terms": {"field": "year", "size": YEAR_BUCKETS, "missing": NO_YEAR}}
    result = searcher.aggregate(query, aggs)
    years = result.get("year", {})
    total = sum(int(b["doc_count"]) for b in years.get("buckets", [])) + int(years.get("sum_other_doc_count", 0))
    shown = {name: [(b["key"], b["doc_count"]) for b in result.get(name, {}).get("buckets", [])] for name in FACET_FIELDS}
    shown["year"] = [b for b in shown["year"] if b[0] != NO_YEAR][:FACET_SIZE]
    for name in LISTED_FACETS:
        listed = searcher.terms_with_prefix(name, "", filter_query=query)  # the reports' values only, counted
        shown[name] = [(term, count) for term, count in listed if count][:FACET_SIZE]
    return {name: {str(key): int(count) for key, count in buckets} for name, buckets in shown.items()}, total


def no_facets() -> dict[str, dict[str, int]]:
    return {name: {} for name in FACET_FIELDS}


def filters_query(index: tantivy.Index, searcher: tantivy.Searcher, filters: Filters, topic_ids) -> list:
    type_terms = None
    if filters.doc_type:
        found = searcher.terms_with_prefix("doc_type_key", type_prefix(filters.doc_type), limit=TYPE_TERMS)
        type_terms = [term for term, _count in found]
    try:
        return filter_clauses(index.schema, filters, topic_ids, type_terms)
    except ValueError as exc:  # a tantivy refusal of an odd value, never a traceback
        raise CchcError(str(exc)) from exc


def browse(index, searcher, filters, topic_ids, limit, with_facets) -> SearchResult:
    """No words: every report the filters admit (all of them without filters), newest first."""
    no_words = parse_query("")
    query = build_tiers(index.schema, no_words, {}, filters_query(index, searcher, filters, topic_ids)).phrase
    found = searcher.search(query, limit=max(1, limit), count=True, order_by_field="date_int")
    hits = [hit_from_doc(searcher.doc(addr), 0.0, no_words, {}, None) for _s, addr in found.hits]
    result = SearchResult(query="", total=found.count or 0, hits=hits)
    if with_facets:
        result.facets = facets(searcher, query)[0]
    return result


def ranked(searcher: tantivy.Searcher, tiers: Tiers, limit: int, with_facets: bool) -> tuple[list, list, int | None, int]:
    """Addresses of the phrase reports, then of the scattered ones, the reports in all (None: counted
    with the facets) and those with the phrase; no stored text read."""
    first = searcher.search(tiers.phrase, limit=max(1, limit), count=True)
    total = result_count(first)
    second = tiers.second_tier(total)
    if second is None:
        return first.hits, [], total, total
    if len(first.hits) >= limit and tiers.apart_reports is not None and tiers.phrase_implies_apart:
        # no scattered report shown: their count is the reports with the words apart, less the phrase ones
        # (a query without positions, where the scattered tier checks every report for the phrase)
        counted = None if with_facets else result_count(searcher.search(tiers.apart_reports, limit=1, count=True))
        return first.hits, [], counted, total
    rest = searcher.search(second, limit=max(1, limit - len(first.hits)), count=True)
    more = rest.hits if len(first.hits) < limit else []
    return first.hits, more, total + result_count(rest), total


def page(searcher: tantivy.Searcher, plan: QueryPlan, forms, found: tuple[list, list, int | None, int]) -> list[Hit]:
    """Phrase reports first, then scattered ones; stored text read only for the hits returned."""
    phrase_hits, scattered_hits, _total, _phrase_total = found
    rarity = {w: searcher.doc_freq("body", w) for w in plan.all_words()}
    scan = LineScan(plan, forms, rarity)
    hits = [hit_from_doc(searcher.doc(addr), score, plan, forms, scan) for score, addr in phrase_hits]
    hits += [hit_from_doc(searcher.doc(addr), score, plan, forms, scan, scattered=True) for score, addr in scattered_hits]
    # The index holds folds: a letter's OCR forms also match a clean report's own spelling of another
    # syllable (`sẽ` for `số`), which the line matcher, reading the printed marks, refuses.
    return [hit for hit in hits if hit.lines or not _misread_forms(forms)]


def _may_slip(plan: QueryPlan) -> bool:
    """Whether a phrase of the query is long enough for a slip: else the tiers with slips are the
    same queries, asked again for the same nothing (a two-word query whose words are never together)."""
    return any(slip_budget(p.words) for p in [*plan.phrases, plan.loose])


def _misread_forms(forms: dict[str, WordForms]) -> bool:
    return any(f.glyphs is not None for f in forms.values())


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
    try:
        forms = resolve_forms(searcher, index.schema, plan.typed_words())
        clauses = filters_query(index, searcher, filters, topic_ids)
        triples: Counted = {}  # the phrases' triple counts, asked once for both builds
        tiers = build_tiers(index.schema, plan, forms, clauses, slips=False, searcher=searcher, counted=triples)
        found = ranked(searcher, tiers, limit, with_facets)
        if found[3] == 0 and _may_slip(plan):  # no exact phrase anywhere: admit one OCR slip per long phrase
            tiers = build_tiers(index.schema, plan, forms, clauses, slips=True, searcher=searcher, counted=triples)
            found = ranked(searcher, tiers, limit, with_facets)
        hits, total, phrase_total = page(searcher, plan, forms, found), found[2], found[3]
        # reports only a clean report's own marks matched (see `page`) leave the counts too
        dropped = len(found[0]) + len(found[1]) - len(hits)
        phrase_total -= len(found[0]) - sum(not hit.scattered for hit in hits)
        total = None if total is None else total - dropped
        shown_facets = None
        if with_facets and total != 0:
            shown_facets, counted = facets(searcher, tiers.facet_query(phrase_total))
            total = counted if total is None else total
    except ValueError as exc:  # tantivy refusing a query it cannot build (an odd regex): say so
        raise CchcError(f"cannot search for {text!r}: {exc}") from exc
    result = SearchResult(query=text, total=total or 0, hits=hits, missing=[w for w, f in forms.items() if not f.found])
    if tiers.scattered is not None:
        result.phrase_total = phrase_total
    if with_facets:  # no report matches: every count is empty, without asking tantivy to look again
        result.facets = shown_facets or no_facets()
    if result.total == 0:
        result.suggestions = suggest(searcher, plan, result.missing)
    return result
