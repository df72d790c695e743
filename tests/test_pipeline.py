"""The indexing pipeline (indexer/pipeline.py): its stages, in order, each run once, and the one
analysed value it hands to the index, which search and compare read back.

Written from the contract (README "How it works", the AnalysedReport docstring), not from output."""
from __future__ import annotations

import dataclasses
import pickle

import pytest
import tantivy

from indexer import pipeline
from indexer.export import report_record
from indexer.library import Library, report_from_doc
from indexer.model import Figure, ReportInfo
from indexer.profile import reset
from indexer.search.stored import stored_readings, stored_text
from indexer.search.storedfolds import decode_stored_folds
from indexer.store.schema import build_schema, register_analyzers
from indexer.textnorm import fold

# A report as an office prints it, OCR-damaged in one place (`S&` is how OCR prints Sở).
REPORT = """UBND TỈNH BẮC NINH
SỞ NỘI VỤ
Số: 12/BC-SNV
Bắc Ninh, ngày 5 tháng 3 năm 2025

BÁO CÁO
Kết quả cải cách hành chính quý I năm 2025

Thực hiện Quyết định số 3041/QĐ-UBND ngày 26/7/2025 của UBND tỉnh,
S& Nội vụ báo cáo kết quả cải cách hành chính như sau.
Tổ chức 09 budi tập huấn cho 550 người tham dự.
"""
ANALYSIS = ["normalise", "tokenise", "ocr", "parse"]


@pytest.fixture(scope="module")
def report() -> pipeline.AnalysedReport:
    return pipeline.analyse_text("/reports/12-bc-snv.txt", "ab" * 32, REPORT)


def words_by_line(text: str) -> list[tuple[int, str]]:
    """(line, word) of every word, split the plain way: this text has no punctuation inside words."""
    out = []
    for number, line in enumerate(text.split("\n"), start=1):
        for word in line.replace(",", " ").replace(".", " ").replace(":", " ").split():
            out.append((number, word))
    return out


def test_the_stages_are_named_in_pipeline_order():
    names = list(pipeline.STAGES)
    assert names[:8] == ["read", "decode", "normalise", "tokenise", "ocr", "parse", "index", "commit"]
    for name in names[:7]:
        assert callable(getattr(pipeline, "index_keys" if name == "index" else name))


def test_a_file_goes_through_the_stages_in_order_each_timed_under_its_name(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    profile = reset()
    analysed = pipeline.analyse_file(path, str(path))
    pipeline.index_keys("report", analysed)
    assert list(profile.cpu) == ["read", "decode", *ANALYSIS, "index"]
    assert profile.reports == 1 and profile.bytes == len(REPORT.encode("utf-8"))
    table = pipeline.profile_table(profile)
    for label in pipeline.STAGES.values():
        assert label in table or label.startswith("parent waiting")


def test_each_stage_runs_once_and_index_keys_tokenise_nothing(monkeypatch):
    calls = {"tokenize": 0, "ocr": 0, "index tokenize": 0}
    real_tokenize, real_readings = pipeline.tokenize, pipeline.token_readings

    def tokenize(text):
        calls["tokenize"] += 1
        return real_tokenize(text)

    def token_readings(words):
        calls["ocr"] += 1
        return real_readings(words)

    monkeypatch.setattr(pipeline, "tokenize", tokenize)
    monkeypatch.setattr(pipeline, "token_readings", token_readings)
    analysed = pipeline.analyse_text("r.txt", "0" * 64, REPORT)
    assert calls == {"tokenize": 1, "ocr": 1, "index tokenize": 0}

    def no_tokenising(text):
        raise AssertionError("the index stage tokenised the text again")

    monkeypatch.setattr(pipeline, "tokenize", no_tokenising)
    pipeline.index_keys("r", analysed)


def test_parse_reads_fields_with_the_readings_of_the_ocr_stage(monkeypatch):
    given = {}
    real = pipeline.parse_report

    def parse_report(text, readings=None):
        given["readings"] = readings
        return real(text, readings)

    monkeypatch.setattr(pipeline, "parse_report", parse_report)
    analysed = pipeline.analyse_text("r.txt", "0" * 64, REPORT)
    words, best = given["readings"]
    assert list(best) == analysed.best
    assert list(words) == [analysed.text[analysed.spans[2 * i]:analysed.spans[2 * i + 1]] for i in range(len(best))]


def test_the_analysed_report_is_one_frozen_picklable_value(report):
    with pytest.raises(dataclasses.FrozenInstanceError):
        report.text = ""  # type: ignore[misc]
    assert pickle.loads(pickle.dumps(report)) == report  # what a worker process sends back


def test_it_carries_every_token_with_its_line_fold_and_readings(report):
    expected = words_by_line(REPORT)
    count = len(report.folds)
    assert len(report.spans) == 2 * count and len(report.lines) == count
    assert len(report.readings) == count and len(report.best) == count
    printed = [report.text[report.spans[2 * i]:report.spans[2 * i + 1]] for i in range(count)]
    # every word of the plain split is a token on its line, in order (symbols may split further)
    lines = iter(zip(report.lines, printed))
    for line, word in expected:
        if "/" in word or "-" in word:
            continue
        assert (line, word) in lines
    assert report.folds == [fold(word) for word in printed]
    for i in range(count):
        assert report.folds[i] not in report.readings[i]  # readings are the forms besides the fold
        assert report.best[i] in (report.folds[i], *report.readings[i])


def test_the_ocr_stage_reads_a_garbled_word_as_the_syllable_it_stands_for(report):
    i = next(i for i in range(len(report.folds)) if report.text[report.spans[2 * i]:report.spans[2 * i + 1]] == "S&")
    assert "so" in (report.folds[i], *report.readings[i])


def test_parse_finds_the_header_and_the_citation(report):
    assert isinstance(report.info, ReportInfo)
    assert report.info.symbol == "12/BC-SNV"
    assert "3041/QĐ-UBND" in {c.symbol for c in report.info.citations}


def test_what_the_index_stores_gives_the_analysed_report_back(report):
    doc = pipeline.index_keys("12-bc-snv", report)
    text = stored_text(doc)
    stored = stored_readings(doc, text)
    assert text == report.text
    assert pipeline.decode_readings(stored, len(report.folds)) == report.readings
    assert pipeline.best_readings(stored, report.folds) == report.best
    folds, counts = decode_stored_folds(text, doc.get_first("folds"))
    assert folds.split(" ") == list(report.folds)
    assert list(counts) == [list(report.lines).count(n) for n in range(1, REPORT.count("\n") + 2)]
    again = pipeline.stored_report(report.path, report.sha, text, stored, report.info)
    assert again == report  # a report carried over from an unreachable folder is the same value


def test_search_and_compare_read_the_analysed_report_from_the_index(report, tmp_path):
    shown = report_from_doc(stored_doc(pipeline.index_keys("12-bc-snv", report), tmp_path))
    assert (shown.text, shown.info, shown.path) == (report.text, report.info, report.path)

    index = tantivy.Index.open(str(tmp_path))
    register_analyzers(index)
    library = Library(tmp_path, index, tmp_path)
    found = library.search("Sở Nội vụ báo cáo")  # the garbled line, found through its readings
    assert found.total == 1
    assert 10 in [line.line for line in found.hits[0].lines]

    from indexer.compare import compare_reports

    comparison = compare_reports(shown, shown)
    assert comparison.a.symbol == comparison.b.symbol == "12/BC-SNV"
    assert comparison.shared  # a report shares its passages with itself


def test_parse_finds_the_figures_with_their_print_line_and_reading(report):
    figures = report.info.figures
    assert figures is not None
    assert [(f.text, f.line, f.reading) for f in figures] == [("09 budi", 11, "09 buổi"), ("550 người", 11, "550 người")]


def test_figures_survive_the_index_round_trip_and_are_exported(report, tmp_path):
    doc = pipeline.index_keys("12-bc-snv", report)
    shown = report_from_doc(stored_doc(doc, tmp_path))
    assert shown.info.figures == report.info.figures and shown.info.figures
    record = report_record(doc)
    assert [f["reading"] for f in record["figures"]] == ["09 buổi", "550 người"]
    assert "figures" not in record["metadata"]


def test_compare_pairs_the_reports_figures_without_running_the_grammar(report, tmp_path, monkeypatch):
    from indexer.compare import compare_reports, engine

    def no_grammar(text):
        raise AssertionError("compare ran the figure grammar again")

    monkeypatch.setattr(engine, "extract_figures", no_grammar)
    shown = report_from_doc(stored_doc(pipeline.index_keys("12-bc-snv", report), tmp_path))
    pairs = compare_reports(shown, shown).figures
    assert [(p.a, p.b) for p in pairs] == [(f, f) for f in report.info.figures or []]
    # what compare shows is what the report carries, not what its text would give
    invented = Figure("7 hộ", 1, "count", 7.0, None, "ho", "hộ", None, None, "", "7 hộ")
    carried = dataclasses.replace(shown, info=dataclasses.replace(shown.info, figures=[invented]))
    assert [p.a for p in compare_reports(carried, carried).figures] == [invented]


def test_an_index_written_before_figures_were_parsed_compares_the_same(report, tmp_path, monkeypatch):
    from indexer.compare import compare_reports

    new = report_from_doc(stored_doc(pipeline.index_keys("new", report), tmp_path / "new"))
    encode = pipeline.encode_info  # the info an older index stored: every key but "figures"
    monkeypatch.setattr(pipeline, "encode_info",
                        lambda text, info: encode(text, {k: v for k, v in info.to_dict().items() if k != "figures"}))
    old = report_from_doc(stored_doc(pipeline.index_keys("old", report), tmp_path / "old"))
    assert old.info.figures is None  # not parsed, which is not "no figures"
    assert compare_reports(old, old).figures == compare_reports(new, new).figures
    assert compare_reports(old, new).figures == compare_reports(new, new).figures


def test_a_parser_failure_leaves_the_figures_to_compare(monkeypatch):
    from indexer.compare import compare_reports
    from indexer.model import Report

    def failing(text, readings=None):
        raise ValueError("parser bug")

    monkeypatch.setattr(pipeline, "parse_report", failing)
    analysed = pipeline.analyse_text("r.txt", "0" * 64, REPORT)
    assert analysed.info.figures is None  # unknown, not "none"
    shown = Report("r", "r.txt", analysed.text, analysed.info)
    assert [p.a.reading for p in compare_reports(shown, shown).figures if p.a] == ["09 buổi", "550 người"]


def stored_doc(doc: tantivy.Document, folder) -> tantivy.Document:
    """`doc` as an index gives it back: written, committed and read."""
    folder.mkdir(exist_ok=True)
    index = tantivy.Index(build_schema(), path=str(folder))
    register_analyzers(index)
    writer = index.writer(15_000_000, 1)
    writer.add_document(doc)
    writer.commit()
    writer.wait_merging_threads()
    index.reload()
    searcher = index.searcher()
    return searcher.doc(searcher.search(tantivy.Query.all_query(), limit=1).hits[0][1])


def test_the_stored_info_is_what_to_dict_gives(report, tmp_path):
    import orjson

    from indexer.search.stored import stored_info

    doc = stored_doc(pipeline.index_keys("d", report), tmp_path)
    assert report.info.figures and report.info.citations  # nested dataclasses, lists of them
    assert stored_info(doc) == orjson.loads(orjson.dumps(report.info.to_dict()))


@pytest.mark.parametrize("text", ["Báo cáo CẢI CÁCH hành chính tại xã", "Mục ΑΣ cải cách ở İstanbul", "Ghi chú x\u0301 về cải cách"])
def test_body_exact_holds_each_marked_word_lower_cased_at_its_position(text, monkeypatch):
    from indexer.textnorm import lower_nfc

    monkeypatch.setattr(pipeline.tantivy, "Token", lambda *fields: fields)
    monkeypatch.setattr(pipeline.tantivy, "PreTokenizedString", lambda _text, tokens: tokens)
    report = pipeline.analyse_text("k.txt", "0" * 64, text)
    spans = list(zip(report.spans[0::2], report.spans[1::2]))
    words = [lower_nfc(report.text[start:end]) for start, end in spans]
    marked = [(word, pos, *spans[pos]) for pos, word in enumerate(words) if word != report.folds[pos]]
    fillers = [(pipeline.UNMARKED_FILLER, 0, 0, 0)] * (len(words) - len(marked))
    assert marked and pipeline.exact_tokens(report) == fillers + marked
