"""The indexing pipeline: one report, from its file to its tantivy document.

    report = analyse_file(path, key, cache)   # read → decode → normalise → tokenise → ocr → parse (+ figures)
    document = index_keys(doc_id, report)     # index: what the writer adds (one commit per run: indexer.store)

Each stage is one function below, timed under its name in `STAGES` (what
`cchc index --profile` prints), and each works on what the stages before it
produced: the text is tokenised once and read by the OCR repair once. The
result is one `AnalysedReport`; the index stores its text, readings and
metadata (figures included), from which search (`indexer.search`) and compare
read them back.
"""
from __future__ import annotations

import hashlib
import logging
import re
import unicodedata
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import tantivy

from indexer.ingest import read_report_bytes
from indexer.ingest.formats import ExtractCache, extract
from indexer.model import ReportInfo
from indexer.ocr import token_readings
from indexer.parse import parse_report
from indexer.profile import Profile, current, stage, table
from indexer.safety import inert_line
from indexer.search.doctext import stored_folds
from indexer.search.filters import type_key, unit_index_words
from indexer.search.pairs import PAIR_FORMS, PAIR_JOIN
from indexer.search.stored import encode_info, encode_readings_field, encode_summary, encode_text
from indexer.search.symbols import symbol_key_of, symbol_number, typed_number_keys
from indexer.textnorm import Token, lower_nfc, nfc, token_folds, tokenize

log = logging.getLogger(__name__)
ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
UNMARKED_FILLER = "\x00"  # body_exact's stand-in for a word printed without marks: no token is ever NUL

# The stages in the order a report goes through them ("commit" is the writer's, once per run).
STAGES = {
    "read": "read (bytes, hash)",
    "decode": "decode (format, encoding)",
    "normalise": "normalise (NFC)",
    "tokenise": "tokenise (tokens, folds)",
    "ocr": "OCR readings",
    "parse": "parse (metadata, figures)",
    "index": "index keys (tantivy documents)",
    "commit": "commit (tantivy add, commit, merge)",
    "wait": "parent waiting for workers",
}


@dataclass(frozen=True, slots=True)
class AnalysedReport:
    """Everything indexing knows of one report (picklable: analysed in worker processes).

    Token `i` is `text[spans[2i]:spans[2i + 1]]` on line `lines[i]`; `folds[i]` is its
    fold, `best[i]` its best reading (the fold or one of `readings[i]`), `readings[i]`
    its other folded readings (the fold excluded)."""

    path: str  # the file's name as stored and shown
    sha: str  # sha256 of the bytes read
    text: str  # NFC; line numbers and offsets refer to it
    spans: array
    lines: array
    folds: list[str]
    readings: list[tuple[str, ...]]
    best: list[str]
    info: ReportInfo


@dataclass(frozen=True, slots=True)
class Tokens:
    # Kept, not only their words, until the analysis ends: the words were allocated among the
    # tokens, and freeing the tokens alone would leave the heap too fragmented to hand back
    # (measured: +27 MB peak at 1 MB of text).
    tokens: list[Token]
    spans: array
    lines: array
    folds: list[str]

    @property
    def words(self) -> list[str]:
        return [t.text for t in self.tokens]


@dataclass(frozen=True, slots=True)
class Readings:
    extra: list[tuple[str, ...]]
    best: list[str]


def analyse_file(path: Path, key: str, cache: ExtractCache | None = None) -> AnalysedReport:
    """The pipeline for one file; BadReport (with the reason) when it holds no report."""
    sha, raw = read(path)
    text = decode(path, raw, sha, cache)
    return analyse_text(key, sha, text)


def analyse_text(key: str, sha: str, text: str) -> AnalysedReport:
    """The stages after decoding, on a report's text."""
    text = normalise(text)
    tokens = tokenise(text)
    readings = ocr(tokens)
    info = parse(text, key, tokens, readings)
    return AnalysedReport(key, sha, text, tokens.spans, tokens.lines, tokens.folds, readings.extra, readings.best, info)


def read(path: Path) -> tuple[str, bytes]:
    """The bytes once (regular file, size limit), and their hash: what is hashed is what is indexed."""
    with stage("read"):
        raw = read_report_bytes(path)
        current().count(len(raw))
        return hashlib.sha256(raw).hexdigest(), raw


def decode(path: Path, raw: bytes, sha: str, cache: ExtractCache | None) -> str:
    """The text of the bytes: format sniffed, encoding detected; PDF, Word and images from the cache."""
    with stage("decode"):
        return extract(path, raw, cache=cache, sha=sha).text


def normalise(text: str) -> str:
    """NFC over the whole text: decoding makes each page NFC, and pages are joined."""
    with stage("normalise"):
        return text if unicodedata.is_normalized("NFC", text) else nfc(text)


def tokenise(text: str) -> Tokens:
    with stage("tokenise"):
        return tokens_of(text, tokenize(text))


def tokens_of(text: str, tokens: list[Token]) -> Tokens:
    spans = array("I", [offset for token in tokens for offset in (token.start, token.end)])
    return Tokens(tokens, spans, array("I", [t.line for t in tokens]), token_folds(text, tokens))


def ocr(tokens: Tokens) -> Readings:
    with stage("ocr"):
        readings = token_readings(tokens.words)  # best first; the lexicon loads on the first call
        extra = [_other_readings(f, rs) for f, rs in zip(tokens.folds, readings)]
        best = [rs[0] if rs and rs[0] else f for f, rs in zip(tokens.folds, readings)]
    return Readings(extra, best)


def _other_readings(fold_: str, readings: tuple[str, ...]) -> tuple[str, ...]:
    """The readings other than the fold, deduplicated; most tokens have one reading (no dict needed)."""
    if len(readings) == 1:
        only = readings[0]
        return (only,) if only and only != fold_ else ()
    return tuple(r for r in dict.fromkeys(readings) if r and r != fold_)


def parse(text: str, label: str, tokens: Tokens, readings: Readings) -> ReportInfo:
    """Metadata, sections, citations, topics and figures, fields restored as the document's readings
    read them; a parser failure costs the metadata, never the report (figures then stay None:
    compare extracts them when it needs them)."""
    try:
        with stage("parse"):
            return parse_report(text, (tokens.words, readings.best))
    except Exception as exc:
        log.warning("metadata extraction failed for %s: %s", inert_line(label), inert_line(repr(exc)))
        return ReportInfo()


def index_keys(doc_id: str, report: AnalysedReport) -> tantivy.Document:
    """The tantivy document: stored text, readings and metadata; body (every fold and reading at its
    token's position), body_exact (the words printed with marks, lower-cased), filter and citation keys."""
    with stage("index"):
        doc = tantivy.Document()
        doc.add_text("doc_id", doc_id)
        doc.add_text("path", report.path)
        doc.add_text("sha", report.sha)
        doc.add_bytes("text", encode_text(report.text))  # zlib (indexer.search.stored)
        doc.add_bytes("readings", encode_readings_field(report.text, encode_readings(report.readings, report.best, report.folds)))
        doc.add_bytes("folds", stored_folds(report.text, report.folds, report.lines))  # and the tokens per line
        doc.add_bytes("info", encode_info(report.text, report.info))  # compressed against the text
        doc.add_text("summary", encode_summary(report.info))  # what a hit list shows (indexer.search.stored)
        doc.add_pre_tokenized_text("body", body_tokens(report))
        doc.add_pre_tokenized_text("body_exact", exact_tokens(report))
        pairs, triples = pair_texts(report)  # phrases without positions (search.pairs)
        doc.add_text("pairs", pairs)
        doc.add_text("triples", triples)
        add_keywords(doc, report.info)
        return doc


def body_tokens(report: AnalysedReport) -> tantivy.PreTokenizedString:
    out: list[tantivy.Token] = []
    spans, Token = report.spans, tantivy.Token
    for pos, (fold_, extra, start, end) in enumerate(zip(report.folds, report.readings, spans[0::2], spans[1::2])):
        out.append(Token(fold_, pos, start, end))
        if extra:
            out.extend(Token(form, pos, start, end) for form in extra)
    return tantivy.PreTokenizedString("", out)


def pair_texts(report: AnalysedReport) -> tuple[str, str]:
    """Each run of two (three) adjacent tokens as terms `a b` (`a b c`, words joined by PAIR_JOIN): every
    combination of their forms (fold, then readings; PAIR_FORMS of each at most), terms apart by spaces."""
    forms = [(fold_, *extra[: PAIR_FORMS - 1]) if extra else (fold_,) for fold_, extra in zip(report.folds, report.readings)]
    # a triple is a token's form before each of the next pair's terms: the pairs are joined once
    joined = [[f"{a}{PAIR_JOIN}{b}" for a in first for b in second] for first, second in zip(forms, forms[1:])]
    pairs = " ".join(term for terms in joined for term in terms)
    triples = " ".join(f"{a}{PAIR_JOIN}{rest}" for first, after in zip(forms, joined[1:]) for a in first for rest in after)
    return pairs, triples


def exact_tokens(report: AnalysedReport) -> tantivy.PreTokenizedString:
    Token, text = tantivy.Token, report.text
    # only the words printed with marks (their fold differs): the boost matches the marked words of a
    # query at their offsets (tantivy_query.boosts), and the unmarked ones' positions cost half the field.
    # Each unmarked word leaves a filler at position 0 (no query asks for it; equal positions pack to
    # nothing): the field's length is still every word, so BM25 scores the marked phrase as before.
    tokens = enumerate(zip(report.folds, report.spans[0::2], report.spans[1::2]))
    lowered = lowered_text(text)
    if lowered is not None:
        marked = [Token(word, pos, start, end) for pos, (fold_, start, end) in tokens if (word := lowered[start:end]) != fold_]
    else:
        marked = [Token(word, pos, start, end) for pos, (fold_, start, end) in tokens
                  if (word := lower_nfc(text[start:end])) != fold_]
    fillers = [Token(UNMARKED_FILLER, 0, 0, 0)] * (len(report.folds) - len(marked))
    return tantivy.PreTokenizedString("", fillers + marked)


def lowered_text(text: str) -> str | None:
    """The text lower-cased in one pass when each word's `lower_nfc` is its slice of it (NFC text whose
    lower-casing keeps every offset and needs no context, as the final Σ does); None otherwise."""
    if unicodedata.is_normalized("NFC", text) and "Σ" not in text:
        lowered = text.lower()
        if len(lowered) == len(text):
            return lowered
    return None


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


def stored_report(path: str, sha: str, text: str, stored_readings: str, info: ReportInfo) -> AnalysedReport:
    """A report rebuilt from what an index stored (its folder no longer reachable): tokenised
    again, its readings read back, nothing re-analysed."""
    tokens = tokens_of(text, tokenize(text))
    readings = decode_readings(stored_readings, len(tokens.folds))
    best = best_readings(stored_readings, tokens.folds)
    return AnalysedReport(path, sha, text, tokens.spans, tokens.lines, tokens.folds, readings, best, info)


def encode_readings(readings: Sequence[tuple[str, ...]], best: Sequence[str], folds: Sequence[str]) -> str:
    """Compact stored form: tokens separated by spaces, extra readings of one token by `|`.

    A token whose fold is its best reading although it has others starts with `|`
    (an empty first reading: the fold), so the best reading of every token can be read back."""
    return " ".join(("|" if r and b == f else "") + "|".join(r) for r, b, f in zip(readings, best, folds))


def decode_readings(stored: str, count: int) -> list[tuple[str, ...]]:
    parts = stored.split(" ") if stored else []
    if len(parts) != count:  # stale or foreign data: fall back to folding alone
        return [() for _ in range(count)]
    return [tuple(r for r in p.split("|") if r) if p else () for p in parts]


def best_readings(stored: str, folds: list[str]) -> list[str]:
    """The best reading of each token from the stored form (the fold when it is best or unknown)."""
    parts = stored.split(" ") if stored else []
    if len(parts) != len(folds):
        return list(folds)
    return [p.split("|", 1)[0] or f for p, f in zip(parts, folds)]


def profile_table(profile: Profile) -> str:
    """The `cchc index --profile` table, stages in pipeline order."""
    return table(profile, STAGES)
