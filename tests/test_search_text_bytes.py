"""The stored text's bytes, kept as the dictionary of the hit's readings and folds, are its own encoding."""
from __future__ import annotations

import tantivy

from indexer.search import storedfolds
from indexer.search.stored import encode_text, stored_text


def _doc_with_text(text: str) -> tantivy.Document:
    doc = tantivy.Document()
    doc.add_bytes("text", encode_text(text))
    return doc


def test_the_dictionary_of_a_text_read_is_its_encoding() -> None:
    text = "Báo cáo cải cách hành chính\nđơn vị: UBND xã Đông Hòa \udcff"
    read = stored_text(_doc_with_text(text))
    assert read == text
    assert storedfolds._dictionary(read) == text.encode("utf-8", "surrogatepass")


def test_an_equal_text_that_is_another_object_is_encoded_itself() -> None:
    storedfolds.remember_encoded("abc", b"not abc")  # only the object remembered takes the bytes kept
    other = "".join(["ab", "c"])
    assert storedfolds._dictionary(other) == b"abc"
