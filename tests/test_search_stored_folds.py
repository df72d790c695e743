"""Matching from the stored folds (indexer.search.formtext) answers exactly as the line scan
(indexer.search.scan + doctext) it replaces; texts it cannot fold character by character keep
the line scan; an index written before the folds were stored is rebuilt, never read wrongly."""
from __future__ import annotations

import shutil
from pathlib import Path
from unittest import mock

import orjson
import pytest
import tantivy
from typer.testing import CliRunner

from cchc_tui.cli import app
from indexer.api import Library, update_index
from indexer.search import engine
from indexer.search.doctext import encode_folds
from indexer.search.formtext import FormText, forget_reports
from indexer.store.layout import MARKER
from indexer.store.schema import SCHEMA_VERSION

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
QUERIES = ["tổ chức bộ máy", "cai cach hanh chinh", '"dịch vụ công trực tuyến"', "chuyển đổi số", "VNeID", "VNelD",
           "SIPAS ISO", "Quyết định 3041", "QĐ 3041", "3041/QĐ-UBND", "cải cách", "thủ tục hành chính", "tổ chức",
           "t6 chirc bd may", "thi tuc hanh chinh", '"kỷ luật kỷ cương"', "một cửa liên thông", "ISO 9001",
           "dịch vụ công xyzq", "Đề án 06", "chính quyền điện tử", "hài lòng người dân"]


def answers(library: Library) -> list[dict]:
    out = []
    for query in QUERIES:
        forget_reports()
        out.append(library.search(query, limit=50).to_dict())
    return out


def test_stored_folds_answer_as_the_line_scan(library):
    with mock.patch("indexer.search.engine.form_text", wraps=engine.form_text) as read_folds:
        from_folds = answers(library)
    assert read_folds.call_count > 20  # the stored folds were read, not the line scan
    assert sum(bool(hit["lines"]) for result in from_folds for hit in result["hits"]) > 20
    with mock.patch.object(FormText, "usable", staticmethod(lambda *_args: False)):
        from_scan = answers(library)
    assert from_folds == from_scan


def test_every_bundled_report_has_its_folds_stored(library):
    searcher = library.index.searcher()
    found = searcher.search(tantivy.Query.all_query(), limit=100)
    docs = [searcher.doc(addr) for _score, addr in found.hits]
    assert docs and all(FormText.usable(d.get_first("folds")) for d in docs)


@pytest.mark.parametrize("text", ["Ghi chú x\u0301 về cải cách", "Mục ΑΣ cải cách"])
def test_no_folds_stored_where_folding_is_not_character_by_character(text):
    assert encode_folds(text, ["whatever"] * 4) == ""
    assert encode_folds("Báo cáo", ["bao", "cao"]) == "bao cao"


@pytest.mark.parametrize("older", [8, 10, 11])  # 8: no stored folds; 10: the text stored plain; 11: every word in body_exact
def test_an_index_without_stored_folds_is_reported_then_rebuilt(tmp_path, older):
    corpus = shutil.copytree(CORPUS, tmp_path / "corpus")
    index_dir = tmp_path / "idx"
    update_index([corpus], index_dir)
    marker = orjson.loads((index_dir / MARKER).read_bytes())
    assert marker["schema_version"] == SCHEMA_VERSION == 13
    (index_dir / MARKER).write_bytes(orjson.dumps({**marker, "schema_version": older}))
    runner = CliRunner()
    refused = runner.invoke(app, ["search", "cai cach", "--index-dir", str(index_dir)])
    assert refused.exit_code == 1 and "cchc index --rebuild" in refused.stderr
    rebuilt = runner.invoke(app, ["index", "--index-dir", str(index_dir)])
    assert rebuilt.exit_code == 0, rebuilt.output
    assert "rebuilt the index" in rebuilt.stderr
    assert Library.open(index_dir).search("cai cach").hits[0].lines
