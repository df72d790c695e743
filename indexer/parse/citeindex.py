"""Citations across the corpus: symbol lookup in any typed form, aggregation, conflicts.

A user types `3041/QĐ-UBND`, `3041/QD-UBND`, `qđ 3041`, `QD 3041`, `quyết định 3041`
or just `3041`; `parse_symbol_query` reads all of them and `SymbolQuery.matches`
compares on folded keys, so the OCR's `QB` and the user's `QD` meet the official `QĐ`.
"""
from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field

from indexer.model import Citation, ReportInfo
from indexer.parse.regexes import SYMBOL_RE
from indexer.parse.symbols import canonical_symbol, split_symbol
from indexer.textnorm import fold, nfc
from indexer.vietnamese.data import load_json

__all__ = ["canonical_symbol", "symbol_key", "parse_symbol_query", "SymbolQuery", "CitingRef", "Conflict",
           "CitedDocument", "aggregate_citations", "find_conflicts"]


@functools.lru_cache(maxsize=1 << 16)  # a corpus cites the same symbols over and over (pure: tables only)
def symbol_key(symbol: str) -> str:
    """Folded matching key of a symbol in any printed form: `362/QB-UBND` and `362/qđ-ubnd` -> `362/qd-ubnd`."""
    return fold(canonical_symbol(_upper_codes(symbol))).replace(" ", "")


def _upper_codes(text: str) -> str:
    """Typed symbols come in any case; codes are upper case except the known mixed ones (TTg, TTr)."""
    mixed = load_json("doc_types.json")["typed_code_case"]
    return re.sub(r"[A-Za-zĐđ][A-Za-zĐđ0-9&]*", lambda m: mixed.get(m.group().upper(), m.group().upper()), text)


@functools.cache  # read for every citation indexed and every symbol query: the table is fixed
def _type_codes_by_word() -> dict[str, str]:
    """Folded type word or code -> folded type code: `quyet dinh` -> `qd`, `qd` -> `qd`."""
    out = {}
    for entry in load_json("doc_types.json")["types"]:
        for code in entry["codes"]:
            out[fold(entry["name"])] = fold(code)
            out[fold(code)] = fold(code)
    return out


@dataclass(frozen=True, slots=True)
class SymbolQuery:
    text: str  # as typed
    key: str | None  # full symbol key when a whole symbol was typed
    number: str | None  # `3041` for partial queries
    type_code: str | None  # folded: `qd`

    def matches(self, symbol: str | None, cited_type: str | None = None) -> bool:
        """Whether a symbol is the one asked for; `cited_type` is the type word the citing text gives
        (`Kế hoạch số 362/QĐ-UBND` matches `kế hoạch 362`)."""
        if not symbol:
            return False
        if cited_type and self.type_code and self.key is None and fold(cited_type) in _type_codes_by_word() \
                and _type_codes_by_word()[fold(cited_type)] == self.type_code:
            return SymbolQuery(self.text, None, self.number, None).matches(symbol)
        key = symbol_key(symbol)
        if self.key:
            return key == self.key or key.startswith(self.key + "-")
        parts = split_symbol(canonical_symbol(symbol))
        if self.number is None or not parts.number.isdigit() or int(parts.number) != int(self.number):
            return False
        return self.type_code is None or fold(parts.type_code or "") == self.type_code

    @property
    def symbol(self) -> str | None:
        """The canonical symbol when the user typed a whole one."""
        return canonical_symbol(_upper_codes(self.text.strip())) if self.key else None


def parse_symbol_query(user_text: str) -> SymbolQuery:
    """Read a typed symbol: whole (`3041/QD-UBND`, `57-nq/tw`) or partial (`qđ 3041`, `Quyết định 3041`, `3041`)."""
    text = nfc(user_text).strip()
    whole = SYMBOL_RE.fullmatch(_upper_codes(text))
    if whole:
        return SymbolQuery(text, symbol_key(text), None, None)
    folded_text = fold(text)
    number = re.search(r"\d{1,5}", folded_text)
    words = re.sub(r"\d+|[/\-.:,]|\bso\b", " ", folded_text).split()
    codes = _type_codes_by_word()
    type_code = codes.get(" ".join(words)) if words else None
    if words and type_code is None:
        type_code = next((codes[w] for w in words if w in codes), "?")  # unknown word: match nothing typed
    return SymbolQuery(text, None, number.group() if number else None, type_code)


@dataclass(slots=True)
class CitingRef:
    doc_id: str
    unit: str | None
    line: int
    end_line: int
    raw: str
    type: str | None
    date: str | None
    date_raw: str | None
    issuer: str | None
    subject: str | None


@dataclass(slots=True)
class Conflict:
    kind: str  # "date" | "issuer" | "type" | "subject" | "impossible_date"
    detail: str
    doc_ids: list[str]


@dataclass(slots=True)
class CitedDocument:
    symbol: str | None
    name: str | None
    type: str | None  # the type most citing reports give
    citing: list[CitingRef] = field(default_factory=list)
    dates: list[str] = field(default_factory=list)
    issuers: list[str] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)

    @property
    def report_count(self) -> int:
        return len({c.doc_id for c in self.citing})

    def to_dict(self) -> dict:
        return asdict(self) | {"report_count": self.report_count}


def _document_key(citation: Citation) -> str:
    """Symbol key; for instruments cited by name, the folded name (`Đề án 06/CP` is `Đề án 06`)."""
    if citation.symbol:
        return symbol_key(citation.symbol)
    return "name:" + re.sub(r"(\d)/[a-z]{1,4}$", r"\1", " ".join(fold(citation.name or "").split()))


def aggregate_citations(reports: Iterable[tuple[str, ReportInfo]]) -> list[CitedDocument]:
    """Every cited document across reports, with who cites it, how, and the conflicts between them."""
    documents: dict[str, CitedDocument] = {}
    first: dict[str, tuple[str, int]] = {}  # key -> (doc id, citation's place): order the same from any input order
    for doc_id, info in reports:
        for place, citation in enumerate(info.citations):
            key = _document_key(citation)
            document = documents.setdefault(key, CitedDocument(citation.symbol, citation.name, citation.type))
            if key not in first or (doc_id, place) < first[key]:
                first[key] = (doc_id, place)
                document.symbol, document.name, document.type = citation.symbol, citation.name, citation.type
            document.citing.append(CitingRef(doc_id, info.unit, citation.line, citation.end_line, citation.raw,
                                             citation.type, citation.date, citation.date_raw, citation.issuer,
                                             citation.subject))
    for document in documents.values():
        document.citing.sort(key=lambda ref: ref.doc_id)  # stable: a report's own citations keep their order
        document.type = Counter(c.type for c in document.citing if c.type).most_common(1)[0][0] \
            if any(c.type for c in document.citing) else document.type
        document.dates = sorted({c.date for c in document.citing if c.date})
        document.issuers = sorted({c.issuer for c in document.citing if c.issuer})
        document.conflicts = find_conflicts(document)
    ranked = sorted(documents.items(), key=lambda kv: (-kv[1].report_count, kv[1].symbol or kv[1].name or "", first[kv[0]]))
    return [document for _key, document in ranked]


def _by_value(refs: list[CitingRef], value) -> dict[str, list[str]]:
    groups: dict[str, dict[str, None]] = {}  # value -> doc ids in first-seen order (a dict: membership in O(1))
    for ref in refs:
        v = value(ref)
        if v:
            groups.setdefault(v, {})[ref.doc_id] = None
    return {v: list(ids) for v, ids in groups.items()}


def _issuer_family(issuer: str) -> str:
    return " ".join(fold(issuer).split())


def _distinct_issuers(refs: list[CitingRef]) -> dict[str, list[str]]:
    """Issuers that cannot be the same body (`UBND phường` is compatible with `UBND phường Kinh Môn`)."""
    groups = _by_value(refs, lambda r: r.issuer)
    names = sorted(groups, key=len, reverse=True)
    kept: dict[str, list[str]] = {}
    for name in names:
        short = _issuer_family(name)  # `UBND phường` ⊂ `UBND phường X`; `Thành ủy` ⊂ `Ban Thường vụ Thành ủy`
        fuller = next((k for k in kept if _issuer_family(k).startswith(short) or _issuer_family(k).endswith(short)), None)
        if fuller:
            have = set(kept[fuller])
            kept[fuller] += [d for d in groups[name] if d not in have]
        else:
            kept[name] = list(groups[name])
    return kept


def _describe(groups: dict[str, list[str]]) -> str:
    return "; ".join(f"{value} in {', '.join(ids)}" for value, ids in groups.items())


def find_conflicts(document: CitedDocument) -> list[Conflict]:
    """Disagreements about one cited document: dates, issuers, type words, subjects, impossible dates."""
    refs = document.citing
    conflicts = []
    for kind, groups in (("date", _by_value(refs, lambda r: r.date)), ("issuer", _distinct_issuers(refs)),
                         ("type", _by_value(refs, lambda r: r.type))):
        if len(groups) > 1:
            conflicts.append(Conflict(kind, _describe(groups), sorted({d for ids in groups.values() for d in ids})))
    by_report: dict[str, list[CitingRef]] = {}  # one pass: a document cited by N reports costs N, not N²
    for ref in refs:
        by_report.setdefault(ref.doc_id, []).append(ref)
    for doc_id in sorted(by_report):
        subjects = {r.subject.split()[:2].__str__(): r.subject for r in by_report[doc_id] if r.subject}
        if len(subjects) > 1:
            conflicts.append(Conflict("subject", f"{doc_id} cites it for different subjects: "
                                      + " | ".join(subjects.values()), [doc_id]))
    impossible = [r for r in refs if r.date_raw]
    if impossible:
        conflicts.append(Conflict("impossible_date", "; ".join(f"{r.date_raw} in {r.doc_id} line {r.line}" for r in impossible),
                                  sorted({r.doc_id for r in impossible})))
    return conflicts
