"""From a QueryPlan and Filters to one tantivy query."""
from __future__ import annotations

import tantivy
from tantivy import Occur, Query

from indexer.model import Filters
from indexer.search.matcher import fuzzy_limit, slip_budget
from indexer.search.query import Phrase, QueryPlan
from indexer.textnorm import fold

ADJACENT_BOOST = 2.0  # loose words that also stand together rank first
EXACT_BOOST = 3.0  # typed diacritics found as printed: clean exact matches rank first


def words_query(schema: tantivy.Schema, field: str, words: list[str]) -> Query:
    if len(words) == 1:
        return Query.term_query(schema, field, words[0])
    return Query.phrase_query(schema, field, words)


def holed_phrases(schema: tantivy.Schema, field: str, words: list[str]) -> list[Query]:
    """The phrase with each word in turn left open: candidates for one OCR slip the repair missed."""
    queries = []
    for hole in range(len(words)):
        kept = [(pos, w) for pos, w in enumerate(words) if pos != hole]
        if len(kept) == 1:
            queries.append(Query.term_query(schema, field, kept[0][1]))
        else:
            queries.append(Query.phrase_query(schema, field, kept))
    return queries


def phrase_query(schema: tantivy.Schema, words: list[str], tolerant: bool) -> Query:
    exact = words_query(schema, "body", words)
    if not tolerant or not slip_budget(words):
        return exact
    alternatives = [(Occur.Should, Query.boost_query(exact, ADJACENT_BOOST))]
    alternatives += [(Occur.Should, q) for q in holed_phrases(schema, "body", words)]
    return Query.boolean_query(alternatives)


def loose_word_query(schema: tantivy.Schema, word: str, fuzzy_words: set[str]) -> Query:
    exact = Query.term_query(schema, "body", word)
    if word not in fuzzy_words:
        return exact
    fuzzy = Query.fuzzy_term_query(schema, "body", word, distance=fuzzy_limit(word), transposition_cost_one=True)
    return Query.boolean_query([(Occur.Should, exact), (Occur.Should, fuzzy)])


def group_queries(schema: tantivy.Schema, group: list[str], fuzzy_words: set[str]) -> list[Query]:
    """A lexicon word of several syllables must stand together, unless one was mistyped."""
    if len(group) > 1 and not fuzzy_words.intersection(group):
        return [words_query(schema, "body", group)]
    return [loose_word_query(schema, w, fuzzy_words) for w in group]


def text_clauses(
    schema: tantivy.Schema, plan: QueryPlan, fuzzy_words: set[str], tolerant: bool
) -> list[tuple[Occur, Query]]:
    clauses = [(Occur.Must, phrase_query(schema, p.words, tolerant)) for p in plan.phrases]
    if tolerant and slip_budget(plan.loose.words):
        clauses.append((Occur.Must, phrase_query(schema, plan.loose.words, tolerant)))
    else:
        clauses += [(Occur.Must, q) for group in plan.groups for q in group_queries(schema, group, fuzzy_words)]
    if len(plan.loose.words) > 1:
        adjacent = words_query(schema, "body", plan.loose.words)
        clauses.append((Occur.Should, Query.boost_query(adjacent, ADJACENT_BOOST)))
    if plan.has_diacritics:
        for phrase in [*plan.phrases, plan.loose]:
            if phrase.exact:
                exact = words_query(schema, "body_exact", phrase.exact)
                clauses.append((Occur.Should, Query.boost_query(exact, EXACT_BOOST)))
    return clauses


def iso_to_int(value: str, *, upper: bool) -> int:
    """`2025`, `2025-07`, `2025-07-26` -> YYYYMMDD, padded to the start or end of the period."""
    digits = value.replace("-", "").replace("/", "")
    if not digits.isdigit() or len(digits) not in (4, 6, 8):
        raise ValueError(f"not a date: {value!r} (use YYYY, YYYY-MM or YYYY-MM-DD)")
    pad = {4: "1231" if upper else "0101", 6: "31" if upper else "01", 8: ""}[len(digits)]
    return int(digits + pad)


def filter_clauses(schema: tantivy.Schema, filters: Filters, topic_ids: list[str] | None) -> list[tuple[Occur, Query]]:
    clauses: list[tuple[Occur, Query]] = []
    if filters.unit:
        clauses.append((Occur.Must, words_query(schema, "unit_words", fold(filters.unit).split())))
    if filters.doc_type:
        clauses.append((Occur.Must, Query.term_query(schema, "doc_type_key", fold(filters.doc_type).strip())))
    if filters.cites:
        clauses.append((Occur.Must, cites_query(schema, filters.cites)))
    if topic_ids is not None:
        topic = Query.term_set_query(schema, "topic", topic_ids) if topic_ids else Query.empty_query()
        clauses.append((Occur.Must, topic))
    if filters.date_from or filters.date_to:
        lo = iso_to_int(filters.date_from, upper=False) if filters.date_from else None
        hi = iso_to_int(filters.date_to, upper=True) if filters.date_to else None
        clauses.append((Occur.Must, Query.range_query(schema, "date_int", tantivy.FieldType.Integer, lo, hi)))
    return clauses


def cites_query(schema: tantivy.Schema, typed: str) -> Query:
    """A whole symbol matches its key; `qđ 3041` matches number and type; `3041` the number alone."""
    from indexer.parse.citeindex import parse_symbol_query

    asked = parse_symbol_query(typed)
    if asked.key:
        return Query.term_query(schema, "cites", asked.key)
    if not asked.number:
        return Query.empty_query()
    if asked.type_code == "?":  # a word that is no document type: nothing can match
        return Query.empty_query()
    number = str(int(asked.number))
    if asked.type_code:
        return Query.term_query(schema, "cite_typed", f"{number}/{asked.type_code}")
    return Query.term_query(schema, "cite_num", number)


def build_query(schema, plan: QueryPlan, filters: Filters, fuzzy_words: set[str], topic_ids, *, tolerant: bool) -> Query:
    """`tolerant` also admits reports where one word of a phrase is an OCR slip (verified later)."""
    clauses = text_clauses(schema, plan, fuzzy_words, tolerant) + filter_clauses(schema, filters, topic_ids)
    if not any(occur == Occur.Must for occur, _ in clauses):
        clauses.append((Occur.Must, Query.all_query()))
    return Query.boolean_query(clauses)


__all__ = ["Phrase", "build_query", "iso_to_int"]
