"""The stored folds and metadata of schema 9 (indexer.search.storedfolds): compressed against the report's text.
They give back exactly the folds, tokens per line and metadata the pipeline had; damaged ones are a clear
error naming the report and the rebuild, never a wrong answer; the hit list reads a small summary, not `info`."""
from __future__ import annotations

from array import array
from unittest import mock

import orjson
import pytest
import tantivy
from typer.testing import CliRunner

from cchc_tui.cli import app
from indexer import pipeline
from indexer.errors import CchcError
from indexer.search.doctext import DocText, stored_folds
from indexer.search.formtext import forget_reports, form_text
from indexer.search.stored import stored_info, stored_summary
from indexer.search.storedfolds import DamagedStored, decode_stored_folds, encode_stored_folds, pack, pack_folds
from indexer.textnorm import token_folds, tokenize

TEXT = ("ỦY BAN NHÂN DÂN\n\nBÁO CÁO\nKết quả công tác cải cách hành chính quý III năm 2023\n"
        "1. Cải cách thủ tục hành chính: 97,7% hồ sơ đúng hạn.\n\n   \nĐã ban hành 12 văn bản")


def analysed(text: str) -> tuple[list[str], list[int]]:
    tokens = tokenize(text)
    return token_folds(text, tokens), [t.line for t in tokens]


def test_folds_and_tokens_per_line_round_trip():
    folds, lines = analysed(TEXT)
    stored = encode_stored_folds(TEXT, folds, lines)
    joined, counts = decode_stored_folds(TEXT, stored)
    assert joined == " ".join(folds) and joined.startswith("uy ban nhan dan bao cao ket qua")
    assert list(counts) == [lines.count(n) for n in range(1, TEXT.count("\n") + 2)]
    assert list(counts)[:3] == [4, 0, 2] and list(counts)[-2:] == [0, 6]  # blank lines hold no token


def test_the_text_is_the_dictionary_that_makes_them_small():
    text = "\n".join(f"Dòng {n}: cải cách hành chính, chuyển đổi số và dịch vụ công trực tuyến" for n in range(200))
    folds, lines = analysed(text)
    stored = encode_stored_folds(text, folds, lines)
    assert len(stored) < len(" ".join(folds)) / 5
    with pytest.raises(DamagedStored):  # the dictionary is the text: another text cannot read them
        decode_stored_folds(text.replace("Dòng 7:", "Dòng 8:"), stored)


def test_a_report_longer_than_zlibs_window_round_trips():
    text = "\n".join(f"Mục {n}. Báo cáo số {n * 7}/BC-UBND về cải cách hành chính năm {2000 + n}" for n in range(900))
    assert len(text.encode()) > 64_000
    folds, lines = analysed(text)
    assert decode_stored_folds(text, encode_stored_folds(text, folds, lines))[0] == " ".join(folds)


@pytest.mark.parametrize("damage", [
    lambda b: b[:-3],  # cut short
    lambda b: b[:10] + bytes([b[10] ^ 0x55]) + b[11:],  # one byte changed
    lambda b: b + b"tail",  # something after the end
    lambda b: b"not zlib at all",
])
def test_damaged_folds_are_a_clear_error(damage):
    folds, lines = analysed(TEXT)
    stored = damage(encode_stored_folds(TEXT, folds, lines))
    with pytest.raises(DamagedStored, match=r"stored token folds of /r/a\.txt are damaged .*cchc index --rebuild"):
        decode_stored_folds(TEXT, stored, "/r/a.txt")
    assert issubclass(DamagedStored, CchcError)


@pytest.mark.parametrize("lines, counts, folds", [
    (TEXT.count("\n"), [1] * TEXT.count("\n"), "x " * (TEXT.count("\n") - 1) + "x"),  # a line short
    (TEXT.count("\n") + 1, [1] * (TEXT.count("\n") + 1), "x x"),  # fewer folds than the counts say
])
def test_folds_that_do_not_fit_the_text_are_damaged(lines, counts, folds):
    header = lines.to_bytes(4, "little") + array("I", counts).tobytes()
    with pytest.raises(DamagedStored, match="do not fit its text"):
        form_text(TEXT, "", pack_folds(TEXT, header + folds.encode()), "/r/a.txt")


def test_folds_are_packed_against_a_fold_of_the_text_too():
    # schema 11: the folds are mostly copies of the text's rough fold, not of its marked words (the
    # tokens per line lead the stream stored, not the one packed against the text alone: still smaller)
    folds, lines = analysed(TEXT)
    stored = encode_stored_folds(TEXT, folds, lines)
    assert len(stored) < len(pack(TEXT, " ".join(folds).encode())) * 0.8


def test_folds_packed_against_the_text_alone_are_damaged_not_misread():
    folds, lines = analysed(TEXT)
    joined, counts = decode_stored_folds(TEXT, encode_stored_folds(TEXT, folds, lines))
    plain = len(counts).to_bytes(4, "little") + counts.tobytes() + joined.encode()  # the stream stored
    assert decode_stored_folds(TEXT, pack_folds(TEXT, plain))[0] == joined
    with pytest.raises(DamagedStored, match="token folds"):  # a schema-10 value: the dictionary differs
        decode_stored_folds(TEXT, pack(TEXT, plain))


def test_folds_that_cannot_be_split_back_are_not_stored():
    assert encode_stored_folds("a b", ["a", ""], [1, 1]) == b""
    assert encode_stored_folds("a b", ["a b", "c"], [1, 1]) == b""
    assert encode_stored_folds("", [], []) == b""
    assert stored_folds("Mục ΑΣ cải cách", ["muc", "ασ", "cai", "cach"], [1, 1, 1, 1]) == b""
    assert stored_folds("Báo cáo", ["bao", "cao"], [1, 1]) != b""


def test_the_line_scan_reads_the_counts_from_the_stored_folds():
    folds, lines = analysed(TEXT)
    forget_reports()
    with mock.patch("indexer.search.doctext.TOKEN_RE") as tokeniser:  # counting would tokenise every line
        loaded = DocText(TEXT, "", encode_stored_folds(TEXT, folds, lines))
    assert not tokeniser.finditer.called
    assert loaded.count == len(folds) and loaded.first[:4] == [0, 4, 4, 6]


def test_a_search_over_damaged_folds_says_so(library, corpus_index):
    forget_reports()
    with mock.patch("indexer.search.engine.stored_bytes", return_value=b"\x78\x9cdamaged"):
        with pytest.raises(DamagedStored, match="cchc index --rebuild"):
            library.search("cải cách")
        forget_reports()
        shown = CliRunner().invoke(app, ["search", "cải cách", "--index-dir", str(corpus_index)])
    assert shown.exit_code == 1 and "are damaged" in shown.stderr and "Traceback" not in shown.output
    forget_reports()


def test_the_hit_list_reads_the_summary_not_the_metadata(library):
    forget_reports()
    with mock.patch("indexer.search.stored.orjson.loads", wraps=orjson.loads) as parsed:
        found = library.search("cải cách hành chính", limit=5)
    assert found.hits and all(hit.unit or hit.doc_type for hit in found.hits)
    read = [call.args[0] for call in parsed.call_args_list]
    assert read and all('"sections"' not in str(value) for value in read)  # never the whole info
    cited = library.search("Quyết định 3041", limit=5)
    assert cited.hits and cited.hits[0].lines


def test_the_summary_holds_what_a_hit_shows():
    report = pipeline.analyse_text("/r/a.txt", "ab" * 32, TEXT)
    doc = pipeline.index_keys("a", report)
    info = report.info.to_dict()
    assert info["doc_type"] and info["title"]
    assert stored_summary(doc) == {key: info[key] for key in ("unit", "symbol", "doc_type", "date", "title")}
    assert stored_summary(tantivy.Document()) == {}


def test_the_metadata_is_stored_compressed_and_read_back_whole():
    report = pipeline.analyse_text("/r/a.txt", "ab" * 32, TEXT)
    doc = pipeline.index_keys("a", report)
    stored = doc.get_first("info")
    assert isinstance(stored, bytes) and len(stored) < len(orjson.dumps(report.info.to_dict()))
    assert stored_info(doc) == report.info.to_dict()
    damaged = tantivy.Document(text=TEXT, path="/r/a.txt", info=stored[:-4])
    with pytest.raises(DamagedStored, match=r"stored metadata of /r/a\.txt are damaged .*cchc index --rebuild"):
        stored_info(damaged)


def test_metadata_of_an_older_index_is_plain_json():
    # a rebuild carries reports of unreachable folders over from the previous index, of any schema
    older = tantivy.Document(text=TEXT, info='{"unit": "Sở Nội vụ", "citations": []}')
    assert stored_info(older) == {"unit": "Sở Nội vụ", "citations": []}
    assert stored_info(tantivy.Document(text=TEXT)) == {}
