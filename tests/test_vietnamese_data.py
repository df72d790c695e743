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


# --- each idea listed once: derived tables agree with their one source ------------------------------

def test_latin_glyph_groups_join_the_channel_tables_pairs_without_repeating_them():
    from indexer.vietnamese.glyphs import latin_confusion_groups

    marked = {(r["printed"], r["reading"]) for r in data.load_rows("ocr_substitutions.tsv") if r["latin"] == "both"}
    lines = [set(row) for row in data.load_tsv("ocr_latin_confusions.tsv")]
    assert marked and lines
    for printed, reading in marked:  # the file names no pair the channel table already has
        assert not any({printed, reading} <= line for line in lines), (printed, reading)
    groups = [set(g) for g in latin_confusion_groups()]
    assert all(not a & b for i, a in enumerate(groups) for b in groups[i + 1:])  # each glyph in one group
    for members in [set(p) for p in marked] + lines:
        assert any(members <= g for g in groups), members
    assert {"i", "l", "1", "li"} in groups and {"o", "0"} in groups


def test_an_acronym_query_takes_the_derived_groups():
    from indexer.search.variants import confusion_parts

    parts = confusion_parts("vneid")
    assert parts is not None and set(parts[1]) == {"i", "l", "1", "li"} and set(parts[2]) == {"d", "cl"}


def test_response_leads_are_the_marked_body_starters_of_one_list():
    from indexer.vietnamese.openings import body_starters, response_leads

    words = data.load_json("header_words.json")
    assert "response_leads" not in words  # one list, not two that overlap
    assert len(set(body_starters())) == len(body_starters())
    assert set(response_leads()) < set(body_starters()) and response_leads()[0] == "Thực hiện"
    assert "Kính gửi" in body_starters() and "Kính gửi" not in response_leads()


def test_the_directive_answered_follows_a_response_lead_only():
    from indexer.model import Citation
    from indexer.parse.report import find_responds_to

    for lead, answered in (("Phúc đáp", "12/KH-UBND"), ("Kính gửi", None)):
        text = f"{lead} Kế hoạch số 12/KH-UBND ngày 3/2/2025 của UBND thành phố.\n"
        cited = Citation("Kế hoạch", "12/KH-UBND", None, "2025-02-03", None, None, 1, 1, "Kế hoạch số 12/KH-UBND")
        assert find_responds_to(text, [cited], 2) == answered, lead


def test_national_bodies_are_issuers_listed_once():
    from indexer.parse.units import national_body
    from indexer.vietnamese.bodies import issuers, national_bodies

    assert not (data.DATA_DIR / "national_bodies.json").exists()
    names = [e["name"] for e in issuers()]
    assert len(names) == len(set(names)) and {n.lower() for n in names} == set(map(str.lower, set(names)))
    assert set(national_bodies()) < set(names) and "Chính phủ" not in national_bodies()
    assert national_body("BO TU PHAP") == "Bộ Tư pháp"
    assert national_body("TOA AN NHAN DAN TOI CAO") == "Tòa án nhân dân tối cao"
    assert national_body("UBND thanh pho") is None


def test_place_kinds_are_read_from_unit_kinds_and_the_province_and_district_tables():
    from indexer.parse.place_tables import _district_kinds
    from indexer.vietnamese.bodies import place_kinds, province_kinds

    kinds = [k["name"] for k in place_kinds()]
    assert {k["name"] for k in province_kinds()} == {p["kind"] for p in data.load_json("provinces.json")["provinces"]}
    assert set(_district_kinds()) == {d["kind"] for d in data.load_json("districts.json")["districts"]}
    assert set(_district_kinds()) < set(kinds) and {k["name"] for k in province_kinds()} < set(kinds)
    units = data.load_json("units_haiphong.json")
    listed = [k["units"] for k in place_kinds() if "units" in k]
    assert listed and all(isinstance(units[key], list) and units[key] for key in listed)


def test_tabled_units_and_provinces_read_through_the_derived_kinds():
    from indexer.parse.issuing import _is_parent_level
    from indexer.parse.provinces import province_named
    from indexer.parse.units import known_units, lookup_known

    wards = [u for u in known_units() if u.name.startswith("UBND phường ")]
    assert len(wards) == len(data.load_json("units_haiphong.json")["wards"])
    assert "Ủy ban nhân dân " + wards[0].name.removeprefix("UBND ") in wards[0].variants
    for printed in ("S& Ngoai vu", "Sở Ngoại vụ thành phố Hải Phòng", "SO NGOAI VU TP. HAI PHONG"):
        found = lookup_known(printed)
        assert found is not None and found.name == "Sở Ngoại vụ", printed
    assert lookup_known("Sở Ngoại vụ Hà Nội") is None and lookup_known("Sở Ngoại vụ thành phố") is None
    assert province_named("TP. Ho Chi Minh")["name"] == "Hồ Chí Minh"
    assert province_named("tinh Nghe An")["name"] == "Nghệ An" and province_named("huyện Nghe An") is None
    assert _is_parent_level("UBND tỉnh Nghệ An") and not _is_parent_level("UBND xã Ia Phìn")


def test_every_marked_letter_test_reads_the_one_letter_list():
    import re

    from indexer.parse import place_names, restore, units
    from indexer.vietnamese.letters import GENERIC_E, MARKED_LETTERS

    for pattern in (restore._VIETNAMESE_MARKS, place_names._MARKED, units._PROPER_LETTERS):
        assert {ch for ch in MARKED_LETTERS if pattern.fullmatch(ch)} == set(MARKED_LETTERS) - {GENERIC_E}
        assert pattern.fullmatch("Ế") and not pattern.fullmatch("e") and not re.fullmatch(pattern, GENERIC_E)
    assert restore.looks_clean("Sở Khoa học") and not restore.looks_clean("S& Khoa hoc") and not restore.looks_clean("Sé Khéa")


def test_item_starts_take_the_roman_alphabet_of_vietnamese_roman():
    from indexer.compare.words import ITEM_START_RE
    from indexer.vietnamese.roman import PRINTED_DIGITS

    assert all(ITEM_START_RE.match(f"{d}. Kết quả") for d in PRINTED_DIGITS)
    assert ITEM_START_RE.match("Il. Nhiệm vụ") and not ITEM_START_RE.match("Kết quả. Nhiệm vụ")


def _vietnamese_word_literals(path):
    """String literals of a module (docstrings left out) holding a Vietnamese word: two letters or more,
    one of them marked, outside a regex character class (`[A-ZĐ]` is an alphabet, not a word);
    the comments of a verbose regex left out."""
    import ast
    import re

    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
                  and node.body and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
    literals = []  # an f-string whole, its fields as `{}`: a class may span a field (`[a-z{GLYPHS}]`)
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            docstrings |= {id(value) for value in node.values}
            literals.append((node.lineno, "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)))
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            literals.append((node.lineno, node.value))
    found = []
    for lineno, value in sorted(literals):
        text = re.sub(r"\[[^\]]*\]", " ", re.sub(r"#[^\n]*", " ", value) if "\n" in value else value)
        if any(re.search(r"[\u00C0-\u024F\u1E00-\u1EF9]", word) for word in re.findall(r"[^\W\d_]{2,}", text)):
            found.append(f"{path.name}:{lineno}: {value[:40]!r}")
    return found


@pytest.mark.parametrize("package", ["parse", "vietnamese"])
def test_the_parser_and_the_knowledge_layer_hold_no_vietnamese_words_in_code(package):
    """Words the grammars match or print are data (`function_words.json`, `doc_types.json` roles,
    `periods.json`, `header_words.json`, `letters.json`, `syllables.json`), not Python constants."""
    folder = data.DATA_DIR.parent / package
    found = [hit for path in sorted(folder.glob("*.py")) for hit in _vietnamese_word_literals(path)]
    assert found == []


def test_the_word_gate_sees_a_vietnamese_word_in_code(tmp_path):
    module = tmp_path / "m.py"
    module.write_text('"""Docstring: về việc."""\nA = "[A-ZĐ]"  # về\nB = r"(?:đã|da)"\nC = f"{A} năm"\n', encoding="utf-8")
    assert _vietnamese_word_literals(module) == ["m.py:3: '(?:đã|da)'", "m.py:4: '{} năm'"]


def test_function_words_and_type_roles_are_in_their_tables():
    from indexer.parse.fuzzy import function_word, function_words
    from indexer.parse.periods import period_form
    from indexer.parse.tables import doc_type, doc_type_names, type_codes

    assert function_word("number") == "số" and function_words("about")[-1] == "về"
    assert {doc_type(role) for role in ("standard", "scheme", "generic", "uncoded", "yearly_law")} <= set(doc_type_names())
    assert type_codes(doc_type("scheme")) == ("ĐA",)
    assert period_form("months", n=6, part=" cuối", y=2025) == "6 tháng cuối năm 2025"


def test_each_letter_takes_each_column_of_the_form_table_from_one_row():
    from indexer.vietnamese.letters import FORM_TABLE, MATCHERS

    for column in MATCHERS:
        givers: dict[str, int] = {}
        for row in data.load_rows(FORM_TABLE):
            if row[column].split():
                for letter in row["letter"].split():
                    givers[letter] = givers.get(letter, 0) + 1
        assert givers and all(count == 1 for count in givers.values()), column


def test_the_tones_of_a_vowel_share_one_row_of_phrase_forms():
    """The parser's tone families are written once: the five toned letters of a vowel have one set of forms."""
    import unicodedata

    from indexer.vietnamese.letters import TONE_MARKS, VOWELS, letter_forms

    forms = letter_forms("phrases")
    for vowel in VOWELS:
        toned = {forms.get(unicodedata.normalize("NFC", vowel + mark)) for mark in TONE_MARKS}
        assert len(toned) == 1, vowel
    rows = [row for row in data.load_rows("ocr_letter_forms.tsv") if row["phrases"]]
    assert len({row["phrases"] for row in rows}) == len(rows)  # no set of forms written twice


@pytest.mark.parametrize(("word", "parts"), [
    ("nghiêng", ("ngh", "iê", "ng")), ("việt", ("v", "iê", "t")), ("quyết", ("qu", "yê", "t")),
    ("đảng", ("đ", "a", "ng")), ("ươn", (None, "ươ", "n")), ("khuya", ("kh", "uya", None)),
])
def test_the_marked_syllable_grammar_splits_words_as_its_table_lists_them(word, parts):
    """The grammar is built from syllables.json in the table's order: onset, nucleus, coda."""
    import unicodedata

    from indexer.vietnamese.letters import TONE_MARKS
    from indexer.vietnamese.phonology import MARKED_SYLLABLE_RE, is_marked_syllable

    toneless = unicodedata.normalize("NFC", "".join(c for c in unicodedata.normalize("NFD", word) if c not in TONE_MARKS))
    m = MARKED_SYLLABLE_RE.match(toneless)
    assert m and (m.group("onset"), m.group("nucleus"), m.group("coda")) == parts
    assert is_marked_syllable(word)


@pytest.mark.parametrize("word", ["viêịt", "ViÖt", "xyz"])
def test_words_no_marked_syllable_spells_are_refused(word):
    from indexer.vietnamese.phonology import is_marked_syllable

    assert not is_marked_syllable(word)


@pytest.mark.parametrize(("folded", "valid"), [("chuc", True), ("nghieng", True), ("quynh", True),
                                               ("chirc", False), ("nwec", False), ("cia", False), ("kuy", False)])
def test_the_folded_grammar_reads_its_tables_and_rules(folded, valid):
    from indexer.vietnamese.phonology import is_syllable

    assert is_syllable(folded) is valid


def test_the_syllable_tables_list_each_entry_once():
    grammar = data.load_json("syllables.json")
    for part in (grammar["folded"], grammar["marked"]):
        for name, entries in part.items():
            assert len(entries) == len(set(entries)), name


def test_the_skeleton_splits_words_with_the_syllable_grammars_onsets_and_codas():
    from indexer.compare.words import FINALS, ONSETS, skeleton
    from indexer.vietnamese.phonology import CODAS, FOLDED_ONSETS

    assert set(ONSETS) == set(FOLDED_ONSETS) and set(FINALS) == set(CODAS)
    assert all(len(a) >= len(b) for a, b in zip(ONSETS, ONSETS[1:]))  # the longest that fits is taken
    assert skeleton("nghiêng") == "ngh|ng" and skeleton("thạch") == "th|ch"
