"""One schema, built in one place; analyzers registered on every open.

Body text is indexed pre-tokenised: at each token position we put the folded
printed word *and* every OCR reading of it, so a phrase query typed in proper
Vietnamese matches garbled text position by position.
"""
from __future__ import annotations

import tantivy

# Bump when fields, their meaning or the folder layout change: older indexes are rebuilt
# (5: generations under a cchc-index.json marker; 6: line_tokens, unit_words with the parent,
# cite_typed with the type word's code; 7: text, readings and info stored only; 8: folds;
# 9: folds and info compressed against the text, the tokens per line with the folds, no line_tokens;
# summary; 10: pairs and triples, adjacent tokens' forms as one term each: phrases without positions;
# 11: text zlib-compressed, readings compressed against it: bytes, a third of the store saved;
# 12: body_exact only the words printed with marks, a filler for the others;
# 13: pairs and triples as one whitespace-tokenised text, a term's words joined by PAIR_JOIN).
SCHEMA_VERSION = 13

FOLD_ANALYZER = "cchc_fold"  # whitespace-separated, lower-cased, ASCII-folded
EXACT_ANALYZER = "cchc_exact"  # lower-cased, diacritics kept
STORED_ONLY = "cchc_stored_only"  # indexes nothing: with `raw`, a whole report was one term (half the index)


def build_schema() -> tantivy.Schema:
    sb = tantivy.SchemaBuilder()
    # identity and bookkeeping (the incremental writer reads them back)
    sb.add_text_field("doc_id", stored=True, tokenizer_name="raw")
    sb.add_text_field("path", stored=True, tokenizer_name="raw")
    sb.add_text_field("sha", stored=True, tokenizer_name="raw")
    # the original NFC text, OCR readings per token, parsed metadata
    # (text: zlib, readings: against the text; indexer.search.stored.stored_text and stored_readings)
    sb.add_bytes_field("text", stored=True)
    sb.add_bytes_field("readings", stored=True)
    sb.add_bytes_field("info", stored=True)  # JSON compressed against the text (indexer.search.stored.stored_info)
    sb.add_text_field("summary", stored=True, tokenizer_name=STORED_ONLY, index_option="basic")  # a hit's metadata
    # every token's fold, line by line, zlib-compressed against the text (indexer.search.storedfolds): with
    # the readings, where a query word matches without tokenising; the tokens per line, which lines to tokenise
    sb.add_bytes_field("folds", stored=True)
    # searchable text
    sb.add_text_field("body", tokenizer_name=FOLD_ANALYZER, index_option="position")
    # the words printed with marks, lower-cased, at their positions (indexer.pipeline.exact_tokens)
    sb.add_text_field("body_exact", tokenizer_name=EXACT_ANALYZER, index_option="position")
    # every form of a token beside every form of the next, `a b`, and of the next two, `a b c` (fold first,
    # then its readings, at most indexer.search.pairs.PAIR_FORMS of each): a phrase is one of these terms,
    # or its triples ANDed, no position read. Pairs keep their frequency (they rank); triples only filter.
    # Each term's words are joined by indexer.search.pairs.PAIR_JOIN, never in a token: one text of terms
    # apart, split by tantivy, costs a third of a pre-tokenised list of Python tokens (2.5 vs 6.1 ms a report).
    sb.add_text_field("pairs", tokenizer_name="whitespace", index_option="freq")
    sb.add_text_field("triples", tokenizer_name="whitespace", index_option="basic")
    # filters and facets
    sb.add_text_field("unit", stored=True, fast=True, tokenizer_name="raw")
    sb.add_text_field("unit_words", tokenizer_name=FOLD_ANALYZER, index_option="position")  # unit and parent
    sb.add_text_field("doc_type", stored=True, fast=True, tokenizer_name="raw")
    sb.add_text_field("doc_type_key", tokenizer_name="raw")
    sb.add_text_field("cites", tokenizer_name="raw")  # symbol keys, multi-valued
    sb.add_text_field("cite_num", tokenizer_name="raw")  # leading number of each cited symbol
    sb.add_text_field("cite_typed", tokenizer_name="raw")  # number and type code (symbol's, type word's): `3041/qd`
    sb.add_text_field("topic", fast=True, tokenizer_name="raw")  # topic ids, multi-valued
    sb.add_integer_field("year", stored=True, indexed=True, fast=True)
    sb.add_integer_field("date_int", indexed=True, fast=True)  # YYYYMMDD
    return sb.build()


def register_analyzers(index: tantivy.Index) -> None:
    fold = (
        tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.whitespace())
        .filter(tantivy.Filter.lowercase())
        .filter(tantivy.Filter.ascii_fold())
        .build()
    )
    exact = tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.whitespace()).filter(tantivy.Filter.lowercase()).build()
    index.register_tokenizer(FOLD_ANALYZER, fold)
    index.register_tokenizer(EXACT_ANALYZER, exact)
    stored_only = tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.raw()).filter(tantivy.Filter.remove_long(1)).build()
    index.register_tokenizer(STORED_ONLY, stored_only)
