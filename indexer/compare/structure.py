"""Header, sections, citations and topics of two reports, side by side.

Everything here works on `ReportInfo` (what parsing found), never on text.
"""
from __future__ import annotations

from difflib import SequenceMatcher

from indexer.compare.result import (
    CitationRow, CitationSide, Header, HeaderField, SectionPair, SectionSide, TopicRow,
)
from indexer.compare.words import word_keys
from indexer.docmodel import Citation, ReportInfo, Section
from indexer.textnorm import fold, query_words

HEADER_FIELDS = ("unit", "symbol", "doc_type", "date", "period", "signer", "responds_to")
HEADING_MATCH = 0.5  # heading similarity needed to pair two sections by heading


def _same(a: str | None, b: str | None) -> bool:
    return (a is None and b is None) or (a is not None and b is not None and query_words(a) == query_words(b))


def compare_header(a: ReportInfo, b: ReportInfo) -> Header:
    fields = [HeaderField(name, getattr(a, name), getattr(b, name), _same(getattr(a, name), getattr(b, name)))
              for name in HEADER_FIELDS]
    common = a.responds_to if a.responds_to and _same(a.responds_to, b.responds_to) else None
    return Header(fields, common)


# --- sections ---------------------------------------------------------------

def _side(section: Section) -> SectionSide:
    return SectionSide(section.number, section.heading, section.kind, section.level, section.line, section.end_line)


def heading_similarity(a: str, b: str) -> float:
    """Similarity of two headings on OCR-tolerant word keys (0..1)."""
    keys_a, keys_b = word_keys(a), word_keys(b)
    if not keys_a or not keys_b:
        return 0.0
    return SequenceMatcher(None, keys_a, keys_b, autojunk=False).ratio()


def _pair_by_heading(left: list[Section], right: list[Section]) -> list[tuple[Section, Section, float]]:
    """Greedy best-first pairing of sections whose headings are alike."""
    scored = sorted(((heading_similarity(x.heading, y.heading), i, j)
                     for i, x in enumerate(left) for j, y in enumerate(right)), reverse=True)
    used_left, used_right, pairs = set(), set(), []
    for score, i, j in scored:
        if score < HEADING_MATCH:
            break
        if i not in used_left and j not in used_right:
            used_left.add(i), used_right.add(j)
            pairs.append((left[i], right[j], round(score, 3)))
    return pairs


def _align(left: list[Section], right: list[Section], by_kind: bool) -> list[SectionPair]:
    pairs: list[tuple[Section | None, Section | None, float]] = []
    if by_kind:
        kinds_right = {s.kind: s for s in right if s.kind != "other"}
        for section in left:
            match = kinds_right.pop(section.kind, None) if section.kind != "other" else None
            if match is not None:
                pairs.append((section, match, 1.0))
    taken_left = {id(x) for x, _, _ in pairs}
    taken_right = {id(y) for _, y, _ in pairs}
    pairs += _pair_by_heading([s for s in left if id(s) not in taken_left],
                              [s for s in right if id(s) not in taken_right])
    taken_left = {id(x) for x, _, _ in pairs}
    taken_right = {id(y) for _, y, _ in pairs}
    pairs += [(s, None, 0.0) for s in left if id(s) not in taken_left]
    pairs += [(None, s, 0.0) for s in right if id(s) not in taken_right]
    return [_pair(x, y, score) for x, y, score in _in_reading_order(pairs)]


def _in_reading_order(pairs: list[tuple]) -> list[tuple]:
    """Pairs in A's order; a section only B has goes after the pair holding B's previous section."""
    ordered = sorted((p for p in pairs if p[0] is not None), key=lambda p: p[0].line)
    for pair in sorted((p for p in pairs if p[0] is None), key=lambda p: p[1].line):
        before = [i for i, p in enumerate(ordered) if p[1] is not None and p[1].line < pair[1].line]
        ordered.insert(before[-1] + 1 if before else 0, pair)
    return ordered


def _pair(a: Section | None, b: Section | None, score: float) -> SectionPair:
    kind = a.kind if a is not None and (b is None or a.kind == b.kind) else (b.kind if a is None else "other")
    children = _align(a.children, b.children, by_kind=False) if a is not None and b is not None else []
    return SectionPair(kind, _side(a) if a else None, _side(b) if b else None, score, children)


def _descendants(sections: list[Section]) -> list[Section]:
    out = []
    for s in sections:
        out += s.children + _descendants(s.children)
    return out


def align_sections(a: ReportInfo, b: ReportInfo) -> list[SectionPair]:
    """Top-level sections paired by canonical kind (then heading), children by heading.

    A top-level section left unpaired may match a sub-section of the other
    report (one ward reports `I. Công tác chỉ đạo`, another puts `1. Công tác
    chỉ đạo` under `I. Kết quả`): such pairs keep their score below 1.
    """
    pairs = _align(a.sections, b.sections, by_kind=True)
    for pair in pairs:
        if pair.a is None or pair.b is None:
            own, other_tree = (pair.a, b.sections) if pair.a else (pair.b, a.sections)
            match = _best_nested(own.heading, _descendants(other_tree))
            if match is not None:
                section, score = match
                if pair.a is None:
                    pair.a = _side(section)
                else:
                    pair.b = _side(section)
                pair.score = score
    return pairs


def _best_nested(heading: str, candidates: list[Section]) -> tuple[Section, float] | None:
    scored = [(heading_similarity(heading, c.heading), c) for c in candidates]
    scored = [sc for sc in scored if sc[0] >= HEADING_MATCH]
    if not scored:
        return None
    score, section = max(scored, key=lambda sc: sc[0])
    return section, round(score, 3)


# --- citations --------------------------------------------------------------

def citation_key(citation: Citation) -> str:
    return citation.symbol or " ".join(query_words(citation.name or citation.raw))


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
    """`UBND phường Kinh Môn` names the same issuer as `UBND phường`."""
    return " ".join(query_words(longer)).startswith(" ".join(query_words(shorter)))


def _match_named(key: str, keys: dict[str, Citation]) -> str | None:
    """A numberless instrument matches by name prefix: `đề án 06` ~ `đề án 06 cp`."""
    if key in keys:
        return key
    return next((k for k in keys if "/" not in k and (k.startswith(key) or key.startswith(k))), None)


def compare_citations(a: ReportInfo, b: ReportInfo) -> list[CitationRow]:
    cites_b = {citation_key(c): c for c in b.citations}
    rows, matched_b = [], set()
    for ca in a.citations:
        key = citation_key(ca)
        key_b = key if ca.symbol else _match_named(key, cites_b)
        cb = cites_b.get(key_b) if key_b is not None and key_b not in matched_b else None
        if cb is None:
            rows.append(CitationRow(key, ca.type, "only_a", _cite_side(ca), None))
            continue
        matched_b.add(key_b)
        conflicts = _conflicts(ca, cb)
        rows.append(CitationRow(key, ca.type or cb.type, "conflict" if conflicts else "both",
                                _cite_side(ca), _cite_side(cb), conflicts))
    rows += [CitationRow(k, c.type, "only_b", None, _cite_side(c)) for k, c in cites_b.items() if k not in matched_b]
    order = {"both": 0, "conflict": 1, "only_a": 2, "only_b": 3}
    rows.sort(key=lambda r: (order[r.status], (r.a or r.b).line))
    return rows


# --- topics -----------------------------------------------------------------

def compare_topics(a: ReportInfo, b: ReportInfo) -> list[TopicRow]:
    """Coverage of every topic either report mentions, most covered first."""
    labels = {t.topic: t.label for t in a.topics + b.topics}
    lines_a = {t.topic: sorted(set(t.lines)) for t in a.topics}
    lines_b = {t.topic: sorted(set(t.lines)) for t in b.topics}
    rows = [TopicRow(topic, label, len(lines_a.get(topic, [])), len(lines_b.get(topic, [])),
                     lines_a.get(topic, []), lines_b.get(topic, []))
            for topic, label in labels.items()]
    rows.sort(key=lambda r: (-(r.a_count + r.b_count), r.topic))
    return rows
