"""From a QueryPlan, the words' forms and Filters to tantivy queries, one per tier.

Tier 1 ("phrase"): quoted phrases, citations and filters hold, and the loose
words stand together as a phrase (one OCR slip allowed in long phrases).
Tier 2 ("scattered"): the same, but the loose words only each occur somewhere
(lexicon words still together), and the phrase does not: reports listed after
every phrase report, their lines marked scattered.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import cast

import tantivy
from tantivy import Occur, Query

from indexer.dates import date_range
from indexer.model import Filters
from indexer.search.citequery import CiteTerm
from indexer.search.filters import unit_filter_words
from indexer.search.pairs import pairs_query, pairs_usable
from indexer.search.query import QueryPlan
from indexer.search.stored import result_count
from indexer.search.variants import BODY, WordForms, one_edit_pattern, word_query

EXACT_BOOST = 3.0  # typed diacritics found as printed: clean exact matches rank first
MAX_EDIT_CHARS = 24  # a one-edit pattern of a longer word exceeds tantivy's regex size limit
# A phrase of four words or more whose triples hold at most this many reports is checked by position
# there too (a report may hold each triple apart: `2 công tác` and `công tác kiểm` in two headings); above
# it the check would cost what the terms saved, and a phrase so common is nearly always whole where its
# triples are (the bench's queries at 10,000 reports: the same counts).
VERIFIED_REPORTS = 2000
PhraseWords = list[str | tuple[int, str]]  # what tantivy's stub takes for a phrase (list is invariant)


def slip_budget(words: list[str]) -> int:
    """A phrase long enough (or anchored by a number) to stay specific with one word slipped."""
    return 1 if len(words) >= 3 or (len(words) == 2 and any(ch.isdigit() for w in words for ch in w)) else 0


def can_slip(word: str) -> bool:
    """Numbers, single letters and very long words are never taken for slips of something else."""
    return 2 <= len(word) <= MAX_EDIT_CHARS and not word.isdigit()


def words_query(schema: tantivy.Schema, field: str, words: list[str]) -> Query:
    if len(words) == 1:
        return Query.term_query(schema, field, words[0])
    return Query.phrase_query(schema, field, cast(PhraseWords, words))


def position_regex(forms: WordForms, slipped: bool) -> str:
    options = [forms.regex()]
    if (slipped or forms.fuzzy) and len(forms.word) <= MAX_EDIT_CHARS:
        options.append(one_edit_pattern(forms.word))
    return "|".join(f"(?:{o})" for o in options) if len(options) > 1 else options[0]


Counted = dict[tuple[tuple[str, str | None], ...], int]  # reports a phrase's triples hold, by its words' forms


def exact_phrase(schema: tantivy.Schema, forms: list[WordForms], searcher: tantivy.Searcher | None = None,
                 counted: Counted | None = None) -> Query:
    """The words adjacent: as pair or triple terms (indexer.search.pairs), no position read; a longer
    phrase's triples ANDed are checked by position too when they hold few reports (`searcher` counts;
    `counted` keeps the counts for the tiers built again with slips)."""
    if len(forms) == 1:
        return word_query(schema, forms[0])
    if not pairs_usable(forms):
        return positional_phrase(schema, forms)
    held = pairs_query(schema, forms)
    if searcher is None or len(forms) <= 3 or _triples_count(searcher, held, forms, counted) > VERIFIED_REPORTS:
        return held
    return Query.boolean_query([(Occur.Must, held), (Occur.Must, positional_phrase(schema, forms))])


def _triples_count(searcher: tantivy.Searcher, held: Query, forms: list[WordForms], counted: Counted | None) -> int:
    key = tuple((f.word, f.pattern) for f in forms)  # what `pairs_query` is made of (no fuzzy word: pairs_usable)
    found = None if counted is None else counted.get(key)
    if found is None:
        found = result_count(searcher.search(held, limit=1, count=True))
        if counted is not None:
            counted[key] = found
    return found


def positional_phrase(schema: tantivy.Schema, forms: list[WordForms]) -> Query:
    if all(f.is_plain for f in forms):
        return words_query(schema, BODY, [f.word for f in forms])
    return Query.regex_phrase_query(schema, BODY, [position_regex(f, False) for f in forms])


def phrase_query(schema: tantivy.Schema, forms: list[WordForms], slips: bool = True,
                 searcher: tantivy.Searcher | None = None, counted: Counted | None = None) -> Query:
    """The words in order and adjacent; in a long phrase one of them may be a one-edit slip."""
    words = [f.word for f in forms]
    if not slips or not slip_budget(words):
        return exact_phrase(schema, forms, searcher, counted)
    # A word no report holds matches only where it is the slipped one: the other options can match
    # nothing, and are left out (regex phrases are what a query of several words costs).
    missing = [k for k, f in enumerate(forms) if not f.found]
    options = [(Occur.Should, exact_phrase(schema, forms, searcher, counted))] if not missing else []
    for hole, held in enumerate(forms):
        if can_slip(held.word) and all(k == hole for k in missing):
            regexes: PhraseWords = [position_regex(f, k == hole) for k, f in enumerate(forms)]
            options.append((Occur.Should, Query.regex_phrase_query(schema, BODY, regexes)))
    return Query.boolean_query(options) if options else Query.empty_query()


def scattered_query(schema: tantivy.Schema, groups: list[list[WordForms]]) -> Query:
    """Every loose word somewhere; a lexicon word of several syllables still together."""
    clauses = []
    for group in groups:
        if len(group) > 1 and all(f.is_plain or f.pattern for f in group):
            clauses.append((Occur.Must, exact_phrase(schema, group)))
        else:
            clauses += [(Occur.Must, word_query(schema, f)) for f in group]
    return Query.boolean_query(clauses)


def cite_query(schema: tantivy.Schema, cite: CiteTerm) -> Query:
    """Reports citing that number (as parsed), or printing it after its type word or before its code."""
    options = [Query.term_query(schema, "cites", cite.key)] if cite.key else []
    if cite.typed_key and not cite.key:
        options.append(Query.term_query(schema, "cite_typed", cite.typed_key))
    options += [words_query(schema, BODY, list(p)) for p in cite.phrases()]
    return Query.boolean_query([(Occur.Should, q) for q in options])


def filter_clauses(schema: tantivy.Schema, filters: Filters, topic_ids: list[str] | None,
                   type_terms: list[str] | None) -> list[tuple[Occur, Query]]:
    """The index side of `indexer.search.filters` (same words, same prefixes, same dates)."""
    clauses: list[tuple[Occur, Query]] = []
    if filters.unit:
        clauses += [(Occur.Must, Query.term_query(schema, "unit_words", w)) for w in unit_filter_words(filters.unit)]
    if filters.doc_type:
        admitted = Query.term_set_query(schema, "doc_type_key", type_terms) if type_terms else Query.empty_query()
        clauses.append((Occur.Must, admitted))
    if filters.cites:
        clauses.append((Occur.Must, cites_filter(schema, filters.cites)))
    if topic_ids is not None:
        topic = Query.term_set_query(schema, "topic", topic_ids) if topic_ids else Query.empty_query()
        clauses.append((Occur.Must, topic))
    if filters.date_from or filters.date_to:
        lo, hi = date_range(filters.date_from, filters.date_to)
        clauses.append((Occur.Must, Query.range_query(schema, "date_int", tantivy.FieldType.Integer, lo, hi)))
    return clauses


def cites_filter(schema: tantivy.Schema, typed: str) -> Query:
    """A whole symbol matches its key; `qđ 3041` matches number and type; `3041` the number alone."""
    from indexer.parse.citeindex import parse_symbol_query

    asked = parse_symbol_query(typed)
    if asked.key:
        return Query.term_query(schema, "cites", asked.key)
    if not asked.number or asked.type_code == "?":  # no number, or a word that is no type: nothing
        return Query.empty_query()
    number = str(int(asked.number))
    if asked.type_code:
        return Query.term_query(schema, "cite_typed", f"{number}/{asked.type_code}")
    return Query.term_query(schema, "cite_num", number)


@dataclass(slots=True)
class Tiers:
    phrase: Query  # every report listed first
    scattered: Query | None  # reports with the loose words apart (None: no second tier)
    union: Query  # both: what facets count (no exact-form boosts: they change scores, not reports)
    # The loose words apart, phrase or not: the same reports as `scattered` when no report holds the
    # phrase, and as `union` then or when the phrase implies the words apart. No positions checked.
    apart: Query | None = None  # ranked (with the boosts)
    apart_reports: Query | None = None  # the same reports, for counts and facets
    phrase_implies_apart: bool = False

    def facet_query(self, phrase_total: int) -> Query:
        """What facets count (`union`), by the cheapest query holding the same reports."""
        if self.apart_reports is not None and (self.phrase_implies_apart or phrase_total == 0):
            return self.apart_reports
        return self.union

    def second_tier(self, phrase_total: int) -> Query | None:
        """`scattered`, without its must-not phrase when no report holds the phrase (same reports, same scores)."""
        return self.apart if self.apart is not None and phrase_total == 0 else self.scattered


def boosts(schema: tantivy.Schema, plan: QueryPlan) -> list[tuple[Occur, Query]]:
    if not plan.has_diacritics:
        return []
    marked = [[(k, e) for k, (w, e) in enumerate(zip(p.words, p.exact)) if w != e] for p in [*plan.phrases, plan.loose]]
    return [(Occur.Should, Query.boost_query(marked_query(schema, m), EXACT_BOOST)) for m in marked if m]


def marked_query(schema: tantivy.Schema, marked: list[tuple[int, str]]) -> Query:
    """The marked words as printed at their offsets (body_exact holds only words printed with marks)."""
    if len(marked) == 1:
        return Query.term_query(schema, "body_exact", marked[0][1])
    first = marked[0][0]
    return Query.phrase_query(schema, "body_exact", cast(PhraseWords, [(k - first, e) for k, e in marked]))


def build_tiers(schema: tantivy.Schema, plan: QueryPlan, forms: dict[str, WordForms], base_filters: list,
                slips: bool = True, searcher: tantivy.Searcher | None = None, counted: Counted | None = None) -> Tiers:
    """`slips=False`: phrases exact only (regex phrases for slips cost ~10x; tried when exact finds nothing).
    `counted`: the phrases' triple counts of an earlier build of the same query (filled in)."""
    held = [(Occur.Must, phrase_query(schema, [forms[w] for w in p.words], slips, searcher, counted)) for p in plan.phrases]
    held += [(Occur.Must, cite_query(schema, c)) for c in plan.cites] + base_filters
    base = held + boosts(schema, plan)
    loose = [forms[w] for w in plan.loose.words]
    if len(loose) < 2:
        words = [(Occur.Must, word_query(schema, loose[0]))] if loose else []
        return Tiers(must_hold(base + words), None, must_hold(held + words))
    together = phrase_query(schema, loose, slips, searcher, counted)
    apart = scattered_query(schema, [[forms[w] for w in g] for g in plan.groups])
    phrase = must_hold([*base, (Occur.Must, together)])
    scattered = must_hold([*base, (Occur.Must, apart), (Occur.MustNot, together)])
    either = Query.boolean_query([(Occur.Should, together), (Occur.Should, apart)])
    # an exact phrase (no slipped word, no edit) holds each of its words and lexicon words apart too
    exact = (not slips or not slip_budget(plan.loose.words)) and not any(f.fuzzy for f in loose)
    return Tiers(phrase, scattered, must_hold([*held, (Occur.Must, either)]),
                 must_hold([*base, (Occur.Must, apart)]), must_hold([*held, (Occur.Must, apart)]), exact)


def must_hold(clauses: list[tuple[Occur, Query]]) -> Query:
    if not any(occur == Occur.Must for occur, _ in clauses):
        clauses = [*clauses, (Occur.Must, Query.all_query())]
    return Query.boolean_query(clauses)


__all__ = ["Counted", "Tiers", "build_tiers", "filter_clauses", "slip_budget"]
