"""Header, sections, citations and topics of two reports, side by side.

Everything here works on `ReportInfo` (what parsing found), never on text.
"""
from __future__ import annotations

from dataclasses import replace

from indexer.compare.result import CitationRow, CitationSide, Header, HeaderField, TopicRow
from indexer.compare.sections import align_sections as _align_section_lists
from indexer.model import Citation, ReportInfo
from indexer.textnorm import fold, query_words

HEADER_FIELDS = ("unit", "symbol", "doc_type", "date", "period", "signer", "responds_to")


def _same(a: str | None, b: str | None) -> bool:
    return (a is None and b is None) or (a is not None and b is not None and query_words(a) == query_words(b))


def compare_header(a: ReportInfo, b: ReportInfo) -> Header:
    fields = [HeaderField(name, getattr(a, name), getattr(b, name), _same(getattr(a, name), getattr(b, name)))
              for name in HEADER_FIELDS]
    common = a.responds_to if a.responds_to and _same(a.responds_to, b.responds_to) else None
    return Header(fields, common)


def align_sections(a: ReportInfo, b: ReportInfo):
    """Sections of A and B paired (see `indexer.compare.sections`)."""
    return _align_section_lists(a.sections, b.sections)


# --- citations --------------------------------------------------------------

def citation_key(citation: Citation) -> str:
    return citation.symbol or " ".join(query_words(citation.name or citation.raw))


def citation_label(citation: Citation) -> str:
    return citation.symbol or citation.name or " ".join(citation.raw.split())


def titled(doc_type: str | None, label: str) -> str:
    """`Quyết định 3041/QĐ-UBND`; a named instrument (`Đề án 06`) is not prefixed twice."""
    if doc_type and not fold(label).startswith(fold(doc_type)):
        return f"{doc_type} {label}"
    return label


def _cite_side(c: Citation) -> CitationSide:
    return CitationSide(c.type, c.date, c.date_raw, c.issuer, c.line, list(c.lines or [c.line]), c.count, c.raw)


def _conflicts(a: Citation, b: Citation) -> list[str]:
    found = []
    date_a, date_b = a.date or a.date_raw, b.date or b.date_raw
    if date_a and date_b and date_a != date_b:
        found.append("date")
    if a.issuer and b.issuer and fold(a.issuer) != fold(b.issuer) \
            and not (_issuer_contains(a.issuer, b.issuer) or _issuer_contains(b.issuer, a.issuer)):
        found.append("issuer")
    return found


def _issuer_contains(longer: str, shorter: str) -> bool:
    """`UBND phường Kinh Môn` names the same issuer as `UBND phường`; `Ban Thường vụ
    Thành ủy` the same as `Thành ủy`: one is the other, more or less precisely."""
    words, part = query_words(longer), query_words(shorter)
    return any(words[i:i + len(part)] == part for i in range(len(words) - len(part) + 1))


def _match_named(key: str, keys: dict[str, Citation]) -> str | None:
    """A numberless instrument matches by name prefix: `đề án 06` ~ `đề án 06 cp`."""
    if key in keys:
        return key
    return next((k for k in keys if "/" not in k and (k.startswith(key) or key.startswith(k))), None)


def _distinct(citations: list[Citation]) -> dict[str, Citation]:
    """One citation per document (first mention), with every line it is cited at."""
    found: dict[str, Citation] = {}
    for c in citations:
        key = citation_key(c)
        if key not in found:
            found[key] = c
        else:
            first = found[key]
            lines = sorted(set(first.lines or [first.line]) | set(c.lines or [c.line]))
            found[key] = replace(first, lines=lines, count=first.count + c.count)
    return found


def compare_citations(a: ReportInfo, b: ReportInfo) -> list[CitationRow]:
    cites_b = _distinct(b.citations)
    rows, matched_b = [], set()
    for ca in _distinct(a.citations).values():
        key = citation_key(ca)
        key_b = key if ca.symbol else _match_named(key, cites_b)
        cb = cites_b.get(key_b) if key_b is not None and key_b not in matched_b else None
        if cb is None:
            rows.append(CitationRow(key, ca.type, "only_a", _cite_side(ca), None, label=citation_label(ca)))
            continue
        matched_b.add(key_b)
        conflicts = _conflicts(ca, cb)
        rows.append(CitationRow(key, ca.type or cb.type, "conflict" if conflicts else "both",
                                _cite_side(ca), _cite_side(cb), conflicts, citation_label(ca)))
    rows += [CitationRow(k, c.type, "only_b", None, _cite_side(c), label=citation_label(c))
             for k, c in cites_b.items() if k not in matched_b]
    order = {"both": 0, "conflict": 1, "only_a": 2, "only_b": 3}
    rows.sort(key=lambda r: (order[r.status], r.line))
    return rows


# --- topics -----------------------------------------------------------------

def taxonomy_labels() -> dict[str, str]:
    """Every topic the parser knows (id -> label), so topics nobody covers show too."""
    from indexer.parse.topics import topic_labels

    return topic_labels()


def compare_topics(a: ReportInfo, b: ReportInfo) -> list[TopicRow]:
    """Coverage of every topic, most covered first; topics neither report mentions come last (0, 0)."""
    labels = {t.topic: t.label for t in a.topics + b.topics}
    for topic, label in taxonomy_labels().items():
        labels.setdefault(topic, label)
    lines_a = {t.topic: sorted(set(t.lines)) for t in a.topics}
    lines_b = {t.topic: sorted(set(t.lines)) for t in b.topics}
    rows = [TopicRow(topic, label, len(lines_a.get(topic, [])), len(lines_b.get(topic, [])),
                     lines_a.get(topic, []), lines_b.get(topic, []))
            for topic, label in labels.items()]
    rows.sort(key=lambda r: (-(r.a_count + r.b_count), r.topic))
    return rows
