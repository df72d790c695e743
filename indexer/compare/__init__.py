"""Report comparison engine: pure data in (`Report`), typed results out.

    compare_reports(a, b) -> Comparison        two reports side by side
    compare_matrix(reports, "topics"|"citations") -> Matrix   N-way counts
    extract_figures(text) -> list[Figure]      number + counted-noun phrases (the parse stage's grammar)
    filter_reports(reports, unit=, doc_type=, date_from=, date_to=)
"""
from indexer.compare.engine import compare_reports, pair_figures, report_ref
from indexer.compare.matrix import MATRIX_KINDS, citation_matrix, compare_matrix, filter_reports, topic_matrix
from indexer.compare.result import (
    CitationRow,
    Comparison,
    Figure,
    FigurePair,
    Header,
    Matrix,
    MatrixColumn,
    Originality,
    ReportRef,
    SectionPair,
    SharedPassage,
    TopicRow,
)
from indexer.compare.shared import shared_passages
from indexer.parse.figures import extract_figures

__all__ = [
    "MATRIX_KINDS", "CitationRow", "Comparison", "Figure", "FigurePair", "Header", "Matrix", "MatrixColumn",
    "Originality", "ReportRef", "SectionPair", "SharedPassage", "TopicRow", "citation_matrix", "compare_matrix",
    "compare_reports", "extract_figures", "filter_reports", "pair_figures", "report_ref", "shared_passages",
    "topic_matrix",
]
