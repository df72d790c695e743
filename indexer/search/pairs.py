"""Word pairs: a phrase as adjacent-token terms ANDed, no position read.

The index holds, for every two adjacent tokens, each form of the first (its fold,
then its OCR readings: PAIR_FORMS at most) beside each form of the second, `a b`,
as one term of the `pairs` field (indexer.store.schema). Two words together are
then one term, or a regex over the pair terms when a word has OCR forms: the
same reports as the positional phrase on `body`, found in a posting list where
the phrase read every position of every report holding its words. A longer
phrase is its pairs ANDed: a report may hold each pair apart (`a b` here,
`b c` there) without the phrase; few do, and the line matcher, reading that
report's tokens, shows where the words stand.
"""
from __future__ import annotations

import tantivy

from indexer.search.variants import WordForms

PAIRS = "pairs"
PAIR_FORMS = 4  # a token's fold and first readings, paired with the next token's: 16 terms at most


def pair_term(left: str, right: str) -> str:
    return f"{left} {right}"


def pairs_usable(forms: list[WordForms]) -> bool:
    """Two words or more, none fuzzy: a one-edit pattern may span the space between a pair's words."""
    return len(forms) >= 2 and not any(f.fuzzy for f in forms)


def pairs_query(schema: tantivy.Schema, forms: list[WordForms]) -> tantivy.Query:
    """Every adjacent pair of the phrase held: a term when both words are plain, else a regex over the
    pair terms, beside the words' own pair as a term: a regex scores every report alike, the term ranks
    them by how often they hold the words themselves (as the positional phrase did)."""
    Query, Occur = tantivy.Query, tantivy.Occur
    clauses = []
    for left, right in zip(forms, forms[1:]):
        plain = Query.term_query(schema, PAIRS, pair_term(left.word, right.word))
        if left.is_plain and right.is_plain:
            clauses.append(plain)
        else:
            forms_pair = Query.regex_query(schema, PAIRS, pair_term(f"(?:{left.regex()})", f"(?:{right.regex()})"))
            clauses.append(Query.boolean_query([(Occur.Should, plain), (Occur.Should, forms_pair)]))
    if len(clauses) == 1:
        return clauses[0]
    return Query.boolean_query([(Occur.Must, q) for q in clauses])
