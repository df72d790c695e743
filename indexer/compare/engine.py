"""Compare two reports: the one entry point the CLI and the TUI call."""
from __future__ import annotations

from indexer.compare.result import Comparison, FigurePair, ReportRef
from indexer.compare.shared import shared_passages
from indexer.compare.structure import align_sections, compare_citations, compare_header, compare_topics
from indexer.compare.words import skeleton
from indexer.model import Figure, Report
from indexer.parse.figures import extract_figures

PAIR_MIN_SCORE = 0.3  # figures of one noun but unrelated context stay unpaired


def report_ref(report: Report) -> ReportRef:
    info = report.info
    return ReportRef(report.doc_id, report.path, info.unit, info.symbol, info.doc_type, info.date, info.title)


def _context_similarity(a: Figure, b: Figure) -> float:
    words_a = {skeleton(w) for w in a.what.split()}
    words_b = {skeleton(w) for w in b.what.split()}
    if not words_a and not words_b:
        return 0.0
    return len(words_a & words_b) / len(words_a | words_b)


def _figure_score(a: Figure, b: Figure) -> float:
    """How sure we are two figures count the same thing (0..1); 0 when they cannot."""
    if a.kind != b.kind or a.noun != b.noun or (a.noun is None and not (a.what and b.what)):
        return 0.0
    same_measure = 0.1 if a.measure == b.measure else 0.0
    return round(0.4 + same_measure + 0.5 * _context_similarity(a, b), 3)


def figures_of(report: Report) -> list[Figure]:
    """The figures the parse stage found; extracted here only for a report parsed without them
    (an index written before figures were parsed, or a parser failure)."""
    found = report.info.figures
    return extract_figures(report.text) if found is None else found


def pair_figures(figures_a: list[Figure], figures_b: list[Figure]) -> list[FigurePair]:
    """Pair the figures of A and B that count the same thing, best pairs first; the rest alone."""
    scored = sorted(((_figure_score(fa, fb), i, j) for i, fa in enumerate(figures_a) for j, fb in enumerate(figures_b)),
                    key=lambda t: (-t[0], t[1], t[2]))
    used_a: set[int] = set()
    used_b: set[int] = set()
    pairs: list[FigurePair] = []
    for score, i, j in scored:
        if score < PAIR_MIN_SCORE:
            break
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            pairs.append(FigurePair(figures_a[i].noun, figures_a[i], figures_b[j], score))
    pairs += [FigurePair(f.noun, f, None, 0.0) for i, f in enumerate(figures_a) if i not in used_a]
    pairs += [FigurePair(f.noun, None, f, 0.0) for j, f in enumerate(figures_b) if j not in used_b]
    pairs.sort(key=lambda p: (p.a is None, p.line))
    return pairs


def compare_reports(a: Report, b: Report) -> Comparison:
    """Everything an official compares between two reports, with line numbers on both sides."""
    shared, originality_a, originality_b = shared_passages(a.text, b.text)
    return Comparison(
        a=report_ref(a),
        b=report_ref(b),
        header=compare_header(a.info, b.info),
        sections=align_sections(a.info, b.info),
        citations=compare_citations(a.info, b.info),
        topics=compare_topics(a.info, b.info),
        figures=pair_figures(figures_of(a), figures_of(b)),
        shared=shared,
        originality_a=originality_a,
        originality_b=originality_b,
    )
