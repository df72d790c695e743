"""A token's span in its line (formtext.FormText.line_span), tokenised only as far as asked, is the span
a whole pass of the tokeniser over the line gives, in whatever order the tokens are asked for."""
from __future__ import annotations

import random

import tantivy

from indexer.api import Library
from indexer.search.formtext import FormText
from indexer.search.stored import stored_bytes, stored_readings, stored_text
from indexer.search.storedfolds import decode_stored_folds
from indexer.textnorm import TOKEN_RE


def _reports(library: Library) -> list[FormText]:
    searcher = library.index.searcher()
    out = []
    for _score, addr in searcher.search(tantivy.Query.all_query(), limit=100).hits:
        doc = searcher.doc(addr)
        text = stored_text(doc)
        folds = stored_bytes(doc, "folds")
        if folds:
            out.append(FormText(text, stored_readings(doc, text), *decode_stored_folds(text, folds)))
    return out


def test_every_token_span_is_the_whole_line_pass_span_in_any_order(library):
    rng = random.Random(3)
    checked = 0
    for report in _reports(library):
        whole = [(n, m.span()) for n in range(1, report.lines.count + 1)
                 for m in TOKEN_RE.finditer(report.lines.line_text(n))]
        assert len(whole) == report.count
        order = list(range(report.count))
        rng.shuffle(order)
        for i in order[: 400]:
            assert report.line_span(i) == whole[i], (i, report.text[:40])
            checked += 1
        for i in range(report.count):  # then every token, in order, from the partly tokenised lines
            assert report.line_span(i) == whole[i]
    assert checked > 100


def test_a_line_asked_from_its_end_first_keeps_its_first_tokens():
    from array import array

    report = FormText("một hai, ba bốn năm sáu bảy tám chín mười", "", "mot hai ba bon nam sau bay tam chin muoi",
                      array("I", [10]))
    assert report.line_span(9) == (1, (37, 41))
    assert report.line_span(0) == (1, (0, 3))
    assert report.line_span(2) == (1, (9, 11))
