"""Whole reports against gold: the OCR seeds and the clean fixtures of other provinces."""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from indexer.parse import parse_report
from indexer.parse.citeindex import aggregate_citations
from indexer.textnorm import fold

ROOT = Path(__file__).resolve().parent.parent
SEED_GOLD = json.loads((ROOT / "tests/data/eval/seed-gold.json").read_text(encoding="utf-8"))
FIXTURE_GOLD = json.loads((ROOT / "tests/data/fixtures/clean_expected.json").read_text(encoding="utf-8"))
META = ("unit", "symbol", "doc_type", "date", "period", "signer", "responds_to")


def parsed(directory: str, name: str):
    return parse_report((ROOT / directory / name).read_text(encoding="utf-8"))


def symbols(citations) -> Counter:
    return Counter(c["symbol"] if isinstance(c, dict) else c.symbol for c in citations
                   if (c.get("symbol") if isinstance(c, dict) else c.symbol))


@pytest.mark.parametrize("gold", SEED_GOLD, ids=lambda g: g["file"][:3])
def test_seed_report(gold):
    info = parsed("corpus", gold["file"])
    assert {f: getattr(info, f) for f in META} == {f: gold[f] for f in META}
    assert symbols(info.citations) == symbols(gold["citations"])
    found: dict[str, list] = {}
    for c in info.citations:
        found.setdefault(c.symbol, []).append(c)
    for cit in gold["citations"]:
        if cit.get("symbol"):
            got = found[cit["symbol"]].pop(0)
            assert (got.date, got.date_raw) == (cit["date"], cit.get("raw_date")), cit["symbol"]
            assert got.line == cit["line"], cit["symbol"]


@pytest.mark.parametrize("gold", FIXTURE_GOLD, ids=lambda g: g["file"][:8])
def test_clean_fixture(gold):
    info = parsed("tests/data/fixtures", gold["file"])
    fields = META + ("unit_parent", "place", "title", "signer_role")
    assert {f: getattr(info, f) for f in fields} == {f: gold[f] for f in fields}
    assert [s.kind for s in info.sections] == gold["section_kinds"]
    assert symbols(info.citations) == symbols(gold["citations"])
    by_key = {c.symbol or c.name: c for c in info.citations}
    for cit in gold["citations"]:
        got = by_key[cit.get("symbol") or cit.get("name")]
        assert (got.type, got.date, got.date_raw, got.line, got.count) == (
            cit["type"], cit["date"], cit.get("raw_date"), cit["line"], cit["count"]), cit
        if cit["issuer"]:
            assert fold(got.issuer or "") == fold(cit["issuer"]), cit


def test_seed_conflicts_are_flagged():
    reports = [(g["file"][:3], parsed("corpus", g["file"])) for g in SEED_GOLD]
    documents = {d.symbol: d for d in aggregate_citations(reports) if d.symbol}
    kinds = {s: {c.kind for c in d.conflicts} for s, d in documents.items()}
    assert kinds["6121/SVHTTDL-TTBCXB"] == {"date"}
    assert documents["6121/SVHTTDL-TTBCXB"].dates == ["2025-11-27", "2025-11-28"]
    assert {"issuer", "impossible_date"} <= kinds["362/QĐ-UBND"]
    assert "impossible_date" in kinds["3041/QĐ-UBND"]
    assert kinds["06/TTr-NV"] == {"subject"}
    assert kinds["76/NQ-CP"] == set()  # the same date and issuer everywhere
    assert documents["3041/QĐ-UBND"].report_count == 2
    assert [c.doc_id for c in documents["TCVN ISO 9001:2015"].citing] == ["000", "001", "002"]
