"""Shared text: paragraphs of one report that are near-copies of the other's.

Reports written from the same plan or city template repeat its paragraphs;
what is left is each unit's own account. Paragraphs are compared as sets of
word 3-shingles over OCR-tolerant skeleton keys (`indexer.compare.words`), so
two different scans of one template still match.
"""
from __future__ import annotations

from collections import defaultdict

from indexer.compare.result import Originality, SharedPassage
from indexer.compare.words import Paragraph, paragraphs

SHINGLE = 3
MIN_SHINGLES = 10  # shorter paragraphs (headings, signatures) are not evidence of copying
MIN_SHARED = 6  # distinctive shingles two paragraphs must share
MIN_CONTAINMENT = 0.5
# A shingle found in this many paragraphs of one report (or this share of them,
# in a long report) is the report's own vocabulary (`cải cách hành chính`,
# `tuyên truyền về`), not a copied passage.
COMMON_IN_PARAGRAPHS = 3
COMMON_SHARE = 0.05


def shingles(keys: list[str], size: int = SHINGLE) -> set[tuple[str, ...]]:
    return {tuple(keys[i:i + size]) for i in range(len(keys) - size + 1)}


def _distinctive(sets: list[set]) -> list[set]:
    """Shingle sets without the report's common vocabulary; a paragraph repeated
    word for word counts once (a template pasted three times is still one text)."""
    seen: dict[tuple[str, ...], int] = defaultdict(int)
    for shingle_set in {frozenset(s) for s in sets}:
        for shingle in shingle_set:
            seen[shingle] += 1
    common = max(COMMON_IN_PARAGRAPHS, COMMON_SHARE * len(sets))
    kept = [{s for s in shingle_set if seen[s] < common} for shingle_set in sets]
    return [k if len(k) >= MIN_SHINGLES else set() for k in kept]


def _candidates(shingles_a: list[set], shingles_b: list[set]) -> dict[tuple[int, int], int]:
    """Shared shingle counts of every paragraph pair that shares any (inverted index on B)."""
    postings: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for j, shingle_set in enumerate(shingles_b):
        for shingle in shingle_set:
            postings[shingle].append(j)
    counts: dict[tuple[int, int], int] = defaultdict(int)
    for i, shingle_set in enumerate(shingles_a):
        for shingle in shingle_set:
            for j in postings.get(shingle, ()):
                counts[(i, j)] += 1
    return counts


def shared_passages(text_a: str, text_b: str) -> tuple[list[SharedPassage], Originality, Originality]:
    paras_a, paras_b = paragraphs(text_a), paragraphs(text_b)
    sets_a = _distinctive([shingles(p.keys) for p in paras_a])
    sets_b = _distinctive([shingles(p.keys) for p in paras_b])
    scored = {}
    for (i, j), shared in _candidates(sets_a, sets_b).items():
        containment = shared / min(len(sets_a[i]), len(sets_b[j]))
        if shared >= MIN_SHARED and containment >= MIN_CONTAINMENT:
            scored[(i, j)] = (containment, shared / len(sets_a[i] | sets_b[j]))
    # Each paragraph is listed with its best counterpart (a template paragraph
    # repeated in the other report would otherwise multiply the rows).
    best_for_a: dict[int, tuple[int, int]] = {}
    best_for_b: dict[int, tuple[int, int]] = {}
    for (i, j), score in scored.items():
        if (i not in best_for_a or score > scored[best_for_a[i]]):
            best_for_a[i] = (i, j)
        if (j not in best_for_b or score > scored[best_for_b[j]]):
            best_for_b[j] = (i, j)
    kept = sorted(set(best_for_a.values()) | set(best_for_b.values()))
    passages = [_passage(paras_a[i], paras_b[j], *scored[(i, j)]) for i, j in kept]
    passages.sort(key=lambda p: (p.a_line, p.b_line))
    used_a, used_b = {i for i, _ in scored}, {j for _, j in scored}
    return passages, _originality(paras_a, used_a), _originality(paras_b, used_b)


def _passage(a: Paragraph, b: Paragraph, containment: float, jaccard: float) -> SharedPassage:
    return SharedPassage(a.line, a.end_line, b.line, b.end_line, round(containment, 3), round(jaccard, 3),
                         a.text, b.text)


def _originality(paras: list[Paragraph], shared: set[int]) -> Originality:
    words = sum(len(p.keys) for p in paras)
    shared_words = sum(len(paras[i].keys) for i in shared)
    ratio = 1.0 - shared_words / words if words else 1.0
    return Originality(len(paras), len(shared), words, shared_words, round(ratio, 3))
