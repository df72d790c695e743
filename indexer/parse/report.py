"""parse_report: header, foot, sections, citations, topics and figures of one report, assembled."""
from __future__ import annotations

import re
from functools import cache

from indexer.model import Citation, ReportInfo
from indexer.parse.citations import extract_citations
from indexer.parse.figures import extract_figures
from indexer.parse.fuzzy import folded, phrase_pattern
from indexer.parse.header import parse_header
from indexer.parse.issuing import find_unit
from indexer.parse.periods import find_period
from indexer.parse.regexes import SYMBOL_RE
from indexer.parse.restore import Readings, document, restore
from indexer.parse.sections import parse_sections
from indexer.parse.signature import parse_foot
from indexer.parse.symbols import canonical_symbol, type_from_symbol
from indexer.parse.tables import doc_type
from indexer.parse.topics import detect_topics
from indexer.parse.unit_places import place_spelt, title_spelt_as_unit
from indexer.parse.units import lookup_known, place_kind_at
from indexer.textnorm import fold, nfc
from indexer.vietnamese.openings import response_leads

OPENING_LINES = 25
LEAD_REACH = 120  # the cited directive follows its lead word closely


@cache
def _lead_regex() -> re.Pattern[str]:
    leads = "|".join(phrase_pattern(lead) for lead in response_leads())
    return re.compile(rf"(?:^|(?<=\n)|(?<=[.;]\s))[\s\-+•]*(?:{leads})")  # a lead opens a sentence


def find_responds_to(text: str, citations: list[Citation], opening_end: int) -> str | None:
    """The directive the report answers: the first symbol cited right after `Thực hiện` / `Phúc đáp` / `Căn cứ`."""
    cited = {c.symbol for c in citations if c.symbol and c.type != doc_type("standard")}
    opening = "\n".join(text.split("\n")[:opening_end])
    fopening = folded(opening)
    for lead in _lead_regex().finditer(fopening):
        for m in SYMBOL_RE.finditer(opening, lead.end(), lead.end() + LEAD_REACH):
            symbol = canonical_symbol(m.group("symbol"), _scheme_hint(fopening[lead.end():m.start()]))
            if symbol in cited:
                return symbol
    return None


def _scheme_hint(between: str) -> str | None:
    """`Thực hiện Đề án số 01/PA-NV`: the type word between lead and symbol makes PA read ĐA."""
    scheme = doc_type("scheme")
    return scheme if fold(scheme) in between else None


def _place_name(printed: str | None) -> str | None:
    if not printed:
        return None
    known = lookup_known(printed)
    if known:
        return known.name.removeprefix("UBND ")
    restored = restore(printed) or printed
    kind = place_kind_at(restored)
    if kind:  # "Phường Bến Thành" as a place: the kind in lower case, as in "phường Lê Chân"
        return kind + restored[len(kind):]
    return restored[:1].upper() + restored[1:]


def parse(text: str, readings: Readings | None = None) -> ReportInfo:
    """`readings`: the document's printed tokens and their best OCR readings, when known (indexing
    has them); fields are restored as the whole document reads them (parse/restore.py)."""
    text = nfc(text)
    with document(text, readings):
        return _parse(text)


def _parse(text: str) -> ReportInfo:
    header = parse_header(text)
    sections = parse_sections(text)
    citations = extract_citations(text, header.symbol)
    first_section = sections[0].line if sections else OPENING_LINES
    opening_end = min(first_section, OPENING_LINES)
    doc_type = header.doc_type or _type_from_own_symbol(header.symbol)
    unit, parent, unit_source = find_unit(text, header, doc_type)
    foot = parse_foot(text)
    title = title_spelt_as_unit(header.title, restore(header.title), unit)
    return ReportInfo(
        unit=unit,
        unit_parent=parent if parent != unit else None,
        unit_source=unit_source,
        unit_inferred=unit_source not in (None, "header"),
        symbol=header.symbol,
        doc_type=doc_type,
        date=header.date,
        place=place_spelt(header.place, _place_name(header.place), unit),
        title=title,
        period=find_period(header.title or "") or find_period(title or ""),
        signer=foot.signer,
        signer_role=foot.signer_role,
        responds_to=find_responds_to(text, citations, opening_end),
        recipients=foot.recipients,
        sections=sections,
        citations=citations,
        topics=detect_topics(text),
        figures=extract_figures(text),
    )


def _type_from_own_symbol(symbol: str | None) -> str | None:
    return type_from_symbol(symbol) if symbol else None
