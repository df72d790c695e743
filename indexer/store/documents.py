"""Turning one report into a tantivy document."""
from __future__ import annotations

import re
import unicodedata
from array import array
from dataclasses import dataclass, field, fields
from typing import Any

import orjson
import tantivy

from indexer.analysis import analyze_text, encode_readings, parse_info
from indexer.docmodel import Citation, ReportInfo, Section, TopicHit
from indexer.profile import stage
from indexer.search.doctext import encode_line_tokens
from indexer.search.filters import type_key, unit_index_words
from indexer.search.symbols import symbol_key_of, symbol_number, typed_number_keys
from indexer.textnorm import LineIndex, lower_nfc, token_folds, tokenize

ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def body_tokens(prepared: Prepared, with_readings: bool) -> tantivy.PreTokenizedString:
    """Every fold and OCR reading at its token's position (body), or the lower-cased word as printed (body_exact)."""
    out: list[tantivy.Token] = []
    spans, Token = prepared.spans, tantivy.Token
    if with_readings:
        for pos, (fold_, extra) in enumerate(zip(prepared.folds, prepared.readings)):
            start, end = spans[2 * pos], spans[2 * pos + 1]
            out.append(Token(fold_, pos, start, end))
            for form in extra:
                out.append(Token(form, pos, start, end))
    else:
        lowered = lowered_words(prepared.text)
        for pos in range(len(prepared.folds)):
            start, end = spans[2 * pos], spans[2 * pos + 1]
            out.append(Token(lowered(start, end), pos, start, end))
    return tantivy.PreTokenizedString("", out)


def lowered_words(text: str):
    """`lower_nfc` of text[start:end], from one pass over the text when that is the same thing
    (NFC text whose lower-casing keeps every offset and needs no context, as the final Σ does)."""
    if unicodedata.is_normalized("NFC", text) and "Σ" not in text:
        lowered = text.lower()
        if len(lowered) == len(text):
            return lambda start, end: lowered[start:end]
    return lambda start, end: lower_nfc(text[start:end])


def add_keywords(doc: tantivy.Document, info: ReportInfo) -> None:
    if info.unit:
        doc.add_text("unit", info.unit)
    if info.unit or info.unit_parent:  # the unit filter matches words of either (indexer.search.filters)
        doc.add_text("unit_words", " ".join(unit_index_words(info.unit, info.unit_parent)))
    if info.doc_type:
        doc.add_text("doc_type", info.doc_type)
        doc.add_text("doc_type_key", type_key(info.doc_type))
    for cit in info.citations:
        if cit.symbol:
            doc.add_text("cites", symbol_key_of(cit.symbol))
            number = symbol_number(cit.symbol)
            if number:
                doc.add_text("cite_num", number)
            for typed in sorted(typed_number_keys(cit.symbol, cit.type)):
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
    # The tokens once (never tokenised again in the writer): offsets flat [start, end, …] and folds.
    spans: array = field(default_factory=lambda: array("I"))
    folds: list[str] = field(default_factory=list)
    best: list[str] | None = None  # best reading per token (stored with the readings)
    seconds: tuple | None = None  # a worker's time per stage and reads (indexer.profile)


def prepare(path: str, sha: str, text: str) -> Prepared:
    analyzed = analyze_text(text)
    spans = array("I", [offset for token in analyzed.tokens for offset in (token.start, token.end)])
    return Prepared(path, sha, text, analyzed.readings, parse_info(text, path), spans, analyzed.folds, analyzed.best)


def token_lines(text: str, spans: array) -> list[int]:
    """The 1-based line of each token, from the flat [start, end, …] offsets."""
    lines = LineIndex(text)
    return [lines.line_of(spans[i]) for i in range(0, len(spans), 2)]


def make_document(doc_id: str, prepared: Prepared) -> tantivy.Document:
    with stage("index"):
        if prepared.text and not prepared.folds:  # rebuilt from stored fields: tokens not carried
            with_tokens(prepared)
        return _document(doc_id, prepared)


def with_tokens(prepared: Prepared) -> None:
    tokens = tokenize(prepared.text)
    prepared.spans = array("I", [offset for token in tokens for offset in (token.start, token.end)])
    prepared.folds = token_folds(prepared.text, tokens)


def _document(doc_id: str, prepared: Prepared) -> tantivy.Document:
    path, sha, text, info = prepared.path, prepared.sha, prepared.text, prepared.info
    doc = tantivy.Document()
    doc.add_text("doc_id", doc_id)
    doc.add_text("path", path)
    doc.add_text("sha", sha)
    doc.add_text("text", text)
    doc.add_text("readings", encode_readings(prepared.readings, prepared.best, prepared.folds))
    doc.add_bytes("line_tokens", encode_line_tokens(text, token_lines(text, prepared.spans)))
    doc.add_text("info", orjson.dumps(info.to_dict()).decode())
    doc.add_pre_tokenized_text("body", body_tokens(prepared, with_readings=True))
    doc.add_pre_tokenized_text("body_exact", body_tokens(prepared, with_readings=False))
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
