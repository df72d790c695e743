"""Phrases as terms: adjacent tokens' forms indexed together, so no position is read.

The index holds, for every two adjacent tokens, each form of the first (its fold,
then its OCR readings: PAIR_FORMS at most) beside each form of the second, `a b`,
in the `pairs` field, and likewise every three, `a b c`, in `triples`
(indexer.store.schema). Two words together are one pair term, or a regex over the
pair terms when a word has OCR forms (a term's words are
joined by PAIR_JOIN); three words, one triple: the same reports
as the positional phrase on `body`, found in one posting list where the phrase
read every position of every report holding its words. A longer phrase is its
triples ANDed: a report could hold each run of three apart without the whole
phrase (rare: the runs overlap by two words); the line matcher, reading that
report's tokens, shows where the words stand.

Triples only filter (no frequencies stored); the phrase's own pairs, as terms,
rank: a regex scores every report alike, the term by how often the report holds
the words as typed (as the positional phrase's frequency did).
"""
from __future__ import annotations

import tantivy

from indexer.search.regexcache import regex_query
from indexer.search.variants import WordForms

PAIRS, TRIPLES = "pairs", "triples"
PAIR_FORMS = 4  # a token's fold and first readings, with the next tokens': 16 pairs, 64 triples at most
# Between a term's words (`a\x1fb`): whitespace to Python's tokenizer (no token holds it), none to
# tantivy's, which splits the field's text at spaces into these terms (indexer.store.schema).
PAIR_JOIN = "\x1f"


def pairs_usable(forms: list[WordForms]) -> bool:
    """Two words or more, none fuzzy: a one-edit pattern may span the space between a pair's words."""
    return len(forms) >= 2 and not any(f.fuzzy for f in forms)


def run_query(schema: tantivy.Schema, field: str, run: list[WordForms]) -> tantivy.Query:
    """Adjacent words as one term of `field`: the term itself when every word is plain, else a regex."""
    if all(f.is_plain for f in run):
        return tantivy.Query.term_query(schema, field, PAIR_JOIN.join(f.word for f in run))
    return regex_query(schema, field, PAIR_JOIN.join(f"(?:{f.regex()})" for f in run))


def pairs_query(schema: tantivy.Schema, forms: list[WordForms]) -> tantivy.Query:
    """The words in order and adjacent (see the module docstring), ranked by their own pairs."""
    Query, Occur = tantivy.Query, tantivy.Occur
    own = [Query.term_query(schema, PAIRS, f"{a.word}{PAIR_JOIN}{b.word}") for a, b in zip(forms, forms[1:])]
    if len(forms) == 2:
        held = run_query(schema, PAIRS, forms)
        return held if all(f.is_plain for f in forms) else Query.boolean_query([(Occur.Should, own[0]), (Occur.Should, held)])
    runs = [(Occur.Must, run_query(schema, TRIPLES, forms[k : k + 3])) for k in range(len(forms) - 2)]
    return Query.boolean_query(runs + [(Occur.Should, q) for q in own])
