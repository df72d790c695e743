"""The stored text and readings (schema 11): compressed, read back as written; an older index's plain
text fields still read (a report carried over from it); damaged bytes named, never read as text."""
from __future__ import annotations

import pytest
import tantivy

from indexer.search.stored import encode_readings_field, encode_text, stored_readings, stored_text
from indexer.search.storedfolds import DamagedStored

TEXT = "ỦY BAN NHÂN DÂN\nBáo cáo cải cách hành chính năm 2024\nMục ΑΣ x\u0301 cuối\n" * 20
ODD = TEXT + "\ud800 a lone surrogate (a file decoded with surrogateescape)"
READINGS = "|uy ban nhan dan bao|bao cao cai|cal cach"


def doc_of(**fields: str | bytes) -> tantivy.Document:
    doc = tantivy.Document()
    for name, value in fields.items():
        if isinstance(value, bytes):
            doc.add_bytes(name, value)
        else:
            doc.add_text(name, value)
    return doc


def test_text_and_readings_read_back_as_written():
    doc = doc_of(path="a.txt", text=encode_text(ODD), readings=encode_readings_field(ODD, READINGS))
    assert stored_text(doc) == ODD
    assert stored_readings(doc, ODD) == READINGS


def test_the_stored_text_is_compressed():
    assert len(encode_text(TEXT)) < len(TEXT.encode("utf-8", "surrogatepass")) // 4


def test_no_readings_store_nothing():
    doc = doc_of(text=encode_text(TEXT), readings=encode_readings_field(TEXT, ""))
    assert stored_readings(doc, TEXT) == ""


def test_an_older_index_plain_text_fields_still_read():
    doc = doc_of(text=TEXT, readings=READINGS)
    assert (stored_text(doc), stored_readings(doc, TEXT)) == (TEXT, READINGS)
    assert stored_text(tantivy.Document()) == ""


@pytest.mark.parametrize("field", ["text", "readings"])
def test_damaged_bytes_are_named(field):
    good = {"text": encode_text(TEXT), "readings": encode_readings_field(TEXT, READINGS)}
    good[field] = good[field][: len(good[field]) // 2] + b"\x00garbage"
    doc = doc_of(path="b.txt", **good)
    with pytest.raises(DamagedStored, match="b.txt"):
        stored_readings(doc, stored_text(doc))
