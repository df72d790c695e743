"""The one loader of indexer/data/ and the tables derived from one source."""
from __future__ import annotations

import pytest

from indexer.errors import CchcError
from indexer.vietnamese import data
from indexer.vietnamese.data import DataFileError


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    monkeypatch.setattr(data, "DATA_DIR", tmp_path)
    for loader in (data.read_text, data.load_json, data.load_lines, data.load_tsv, data.load_rows):
        loader.cache_clear()
    yield tmp_path
    for loader in (data.read_text, data.load_json, data.load_lines, data.load_tsv, data.load_rows):
        loader.cache_clear()


def test_a_missing_file_is_named_with_the_reason(data_dir):
    with pytest.raises(DataFileError) as caught:
        data.load_json("gone.json")
    assert "gone.json" in str(caught.value) and "missing" in str(caught.value)
    assert isinstance(caught.value, CchcError)  # front ends print it as one line


def test_broken_json_names_the_file_and_line(data_dir):
    (data_dir / "bad.json").write_text('{\n  "a": [1,\n}\n', encoding="utf-8")
    with pytest.raises(DataFileError, match=r"bad\.json: not JSON at line 3"):
        data.load_json("bad.json")


def test_a_file_not_in_utf8_is_named(data_dir):
    (data_dir / "latin.txt").write_bytes(b"S\xf5\n")  # a Windows-1258 byte, no UTF-8
    with pytest.raises(DataFileError, match=r"latin\.txt: not UTF-8"):
        data.load_lines("latin.txt")


def test_a_tsv_row_short_of_fields_names_its_line(data_dir):
    (data_dir / "t.tsv").write_text("# comment\na\tb\nc\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"t\.tsv: line 3 has 1"):
        data.load_tsv("t.tsv")


def test_rows_with_more_fields_than_the_header_are_refused(data_dir):
    (data_dir / "r.tsv").write_text("x\ty\n1\t2\t3\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"r\.tsv: line 2"):
        data.load_rows("r.tsv")


def test_rows_skip_comments_and_fill_a_missing_last_field(data_dir):
    (data_dir / "r.tsv").write_text("# why\nprinted\treading\twhy\n\n& \to\n#x\ty\n6\to\tô read as 6\n", encoding="utf-8")
    assert data.load_rows("r.tsv") == (
        {"printed": "& ", "reading": "o", "why": ""},
        {"printed": "6", "reading": "o", "why": "ô read as 6"},
    )


def test_lines_are_stripped_without_blanks_or_comments(data_dir):
    (data_dir / "w.txt").write_text("# header\n  UBND \n\nQĐ\n", encoding="utf-8")
    assert data.load_lines("w.txt") == ("UBND", "QĐ")


HEADERLESS_TABLES = {"legacy_vietnamese.tsv", "ocr_latin_confusions.tsv"}


def test_every_shipped_data_file_loads():
    names = sorted(p.name for p in data.DATA_DIR.iterdir() if p.is_file())
    assert names, "indexer/data/ is empty"
    for name in names:
        if name.endswith(".json"):
            assert data.load_json(name)
        elif name in HEADERLESS_TABLES:
            assert data.load_tsv(name, 2)
        elif name.endswith(".tsv"):
            assert data.load_rows(name)  # every row within its header's fields
        else:
            assert data.load_lines(name)


def test_each_glyph_letter_is_its_cheapest_reading_in_the_channel_table():
    from indexer.vietnamese.glyphs import glyph_letters

    rows = data.load_rows("ocr_substitutions.tsv")
    for glyph, letter in glyph_letters().items():
        costs = [float(r["cost"]) for r in rows if r["printed"] == glyph and r["reading"] == letter]
        others = [float(r["cost"]) for r in rows if r["printed"] == glyph and r["reading"] not in (letter, "-")]
        assert costs and all(min(costs) <= cost for cost in others), glyph


def test_every_stand_in_glyph_and_digit_has_a_letter():
    from indexer.vietnamese.glyphs import OCR_LETTER_GLYPHS, glyph_letters

    letters = glyph_letters()
    assert set(OCR_LETTER_GLYPHS) <= set(letters)
    assert {letters["6"], letters["0"], letters["@"], letters["$"]} == {"o", "e", "s"}
    assert all(len(v) == 1 and v.isalpha() and v.isascii() for v in letters.values())


def test_the_skeleton_reads_glyphs_through_the_derived_table():
    from indexer.compare.words import skeleton

    assert skeleton("S&") == skeleton("So") == "s|"
    assert skeleton("nghi¢p") == skeleton("nghiep")


@pytest.mark.parametrize(("printed", "value"), [("I", 1), ("I1", 2), ("Il", 2), ("|", 1), ("IV", 4), ("I11", 3), ("X", 10)])
def test_roman_values_of_ocr_numerals(printed, value):
    from indexer.vietnamese.roman import roman_value, to_roman

    assert roman_value(printed) == value
    assert roman_value(to_roman(value)) == value


def test_roman_patterns_share_one_alphabet():
    import re

    from indexer.vietnamese import roman

    assert re.fullmatch(roman.PRINTED_NUMERAL, "I1l")
    assert re.fullmatch(roman.FOLDED_NUMERAL, "iv") and not re.fullmatch(roman.FOLDED_NUMERAL, "IV")
    assert not re.fullmatch(roman.PRINTED_NUMERAL, "IIIIII")
    assert roman.OCR_TOKEN_RE.match("I1") and not roman.OCR_TOKEN_RE.match("11")
    assert roman.folded_reading("|V") == "iv" and roman.is_folded_small("iv") and not roman.is_folded_small("x")


def test_every_digit_or_symbol_form_of_a_letter_is_its_reading_in_the_channel_table():
    from indexer.textnorm import fold
    from indexer.vietnamese.letters import MATCHERS, letter_forms

    readings = {(fold(r["printed"]), r["reading"]) for r in data.load_rows("ocr_substitutions.tsv")}
    for matcher in MATCHERS:
        for letter, forms in letter_forms(matcher).items():
            for form in forms:
                if len(form) == 1 and not form.isalpha():
                    assert (form, fold(letter)) in readings, (matcher, letter, form)


def test_each_matcher_reads_its_own_column_of_the_one_table():
    import re

    from indexer.parse.figures import form_pattern
    from indexer.parse.fuzzy import word_pattern

    # ổ: count nouns allow `a`, phrases `q`; neither allows the other's
    assert re.fullmatch(form_pattern("tổ"), "ta") and not re.fullmatch(form_pattern("tổ"), "tq")
    assert re.fullmatch(word_pattern("tổ"), "tq") and not re.fullmatch(word_pattern("tổ"), "ta")
    assert "ocr_letter_readings" not in data.load_json("count_nouns.json")


def test_an_unknown_matcher_is_refused():
    from indexer.vietnamese.letters import letter_forms

    with pytest.raises(ValueError, match="count_nouns"):
        letter_forms("figures")


def test_every_place_kind_of_unit_kinds_is_followed_by_its_place_name():
    from indexer.parse.issuers import _ends_with_place
    from indexer.textnorm import fold

    places = [p["name"] for p in data.load_json("unit_kinds.json")["places"]]
    assert places
    for kind in places + data.load_json("issuers.json")["named_after_place"]:
        assert _ends_with_place().search(fold("UBND " + kind)), kind
    assert not _ends_with_place().search(fold("Sở Nội vụ"))


def test_the_issuer_of_a_citation_stops_at_a_name_stop_from_the_table():
    from indexer.parse.fuzzy import folded
    from indexer.parse.issuers import issuer_after

    stops = data.load_json("issuers.json")["name_stops"]
    assert "ban hành" in stops
    text = "của Công ty Xăng dầu Khu vực ban hành kế hoạch"
    assert issuer_after(text, folded(text), 0) == "Công ty Xăng dầu Khu vực"


def test_both_name_restorers_read_the_one_name_table():
    from indexer.ocr.names import name_spellings, surnames
    from indexer.parse.signature import _names
    from indexer.textnorm import fold

    rows = data.load_rows("person_names.tsv")
    assert {r["kind"] for r in rows} == {"surname", "given"} and {r["ocr"] for r in rows} == {"0", "1"}
    signature_surnames, signature_given = _names()
    assert surnames() < {fold(s) for s in signature_surnames}  # OCR repair opens runs on fewer surnames
    assert set(name_spellings().values()) <= set(signature_surnames) | set(signature_given)
    assert name_spellings()["nguyen"] == "Nguyễn" and signature_surnames[0] == "Nguyễn"
