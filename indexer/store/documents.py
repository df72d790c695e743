"""Turning one report into a tantivy document."""
from __future__ import annotations

import re
from dataclasses import dataclass, fields
from typing import Any

import orjson
import tantivy

from indexer.analysis import AnalyzedText, analyze_text, encode_readings, parse_info
from indexer.docmodel import Citation, ReportInfo, Section, TopicHit
from indexer.search.symbols import symbol_key_of, symbol_number, symbol_typed_number
from indexer.textnorm import fold, lower_nfc, token_folds, tokenize

ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def body_tokens(analyzed: AnalyzedText, with_readings: bool) -> tantivy.PreTokenizedString:
    out: list[tantivy.Token] = []
    for pos, tok in enumerate(analyzed.tokens):
        forms = analyzed.forms(pos) if with_readings else (lower_nfc(tok.text),)
        for form in forms:
            out.append(tantivy.Token(form, pos, tok.start, tok.end))
    return tantivy.PreTokenizedString("", out)


def add_keywords(doc: tantivy.Document, info: ReportInfo) -> None:
    if info.unit:
        doc.add_text("unit", info.unit)
        doc.add_text("unit_words", fold(info.unit))
    if info.doc_type:
        doc.add_text("doc_type", info.doc_type)
        doc.add_text("doc_type_key", fold(info.doc_type))
    for cit in info.citations:
        if cit.symbol:
            doc.add_text("cites", symbol_key_of(cit.symbol))
            number, typed = symbol_number(cit.symbol), symbol_typed_number(cit.symbol)
            if number:
                doc.add_text("cite_num", number)
            if typed:
                doc.add_text("cite_typed", typed)
    for topic in info.topics:
        doc.add_text("topic", topic.topic)
    match = ISO_DATE.match(info.date or "")
    if match:
        doc.add_integer("year", int(match.group(1)))
        doc.add_integer("date_int", int("".join(match.groups())))


@dataclass(slots=True)
class Prepared:
    """What the slow part of indexing produces for one report (picklable: runs in worker processes)."""

    path: str
    sha: str
    text: str
    readings: list[tuple[str, ...]]
    info: ReportInfo


def prepare(path: str, sha: str, text: str) -> Prepared:
    analyzed = analyze_text(text)
    return Prepared(path, sha, text, analyzed.readings, parse_info(text, path))


def make_document(doc_id: str, prepared: Prepared) -> tantivy.Document:
    path, sha, text, info = prepared.path, prepared.sha, prepared.text, prepared.info
    tokens = tokenize(text)
    analyzed = AnalyzedText(tokens, token_folds(text, tokens), prepared.readings)
    doc = tantivy.Document()
    doc.add_text("doc_id", doc_id)
    doc.add_text("path", path)
    doc.add_text("sha", sha)
    doc.add_text("text", text)
    doc.add_text("readings", encode_readings(analyzed.readings))
    doc.add_text("info", orjson.dumps(info.to_dict()).decode())
    doc.add_pre_tokenized_text("body", body_tokens(analyzed, with_readings=True))
    doc.add_pre_tokenized_text("body_exact", body_tokens(analyzed, with_readings=False))
    add_keywords(doc, info)
    return doc


def _known(cls: type, data: dict[str, Any]) -> dict[str, Any]:
    names = {f.name for f in fields(cls)}
    return {k: v for k, v in data.items() if k in names}


def section_from_dict(data: dict[str, Any]) -> Section:
    kids = [section_from_dict(c) for c in data.get("children") or []]
    return Section(**{**_known(Section, data), "children": kids})


def info_from_dict(data: dict[str, Any]) -> ReportInfo:
    """Stored JSON back into typed metadata; unknown keys (from newer fields) are ignored."""
    info = ReportInfo(**_known(ReportInfo, data))
    info.sections = [section_from_dict(s) for s in data.get("sections") or []]
    info.citations = [Citation(**_known(Citation, c)) for c in data.get("citations") or []]
    info.topics = [TopicHit(**_known(TopicHit, t)) for t in data.get("topics") or []]
    return info
