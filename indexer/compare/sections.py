"""Aligned sections: which part of report A corresponds to which part of report B.

Top-level sections pair by canonical kind (chỉ đạo, kết quả, đánh giá,
phương hướng, kiến nghị …), then by heading; sub-sections pair by heading.
Reports nest differently (one ward writes `I. Công tác chỉ đạo`, another puts
`1. Công tác chỉ đạo` under `I. Kết quả`; one lists `5. Tuyên truyền trên Cổng
thông tin` where another has `2.2.` two levels down), so a section left
unpaired at its level is looked for deeper in the other report. Headings are
compared on OCR-tolerant word keys. Every section appears once.
"""
from __future__ import annotations

from difflib import SequenceMatcher

from indexer.compare.result import SectionPair, SectionSide
from indexer.compare.words import word_keys
from indexer.docmodel import Section

HEADING_MATCH = 0.6  # heading similarity needed to pair two sections by heading


def heading_similarity(a: str, b: str) -> float:
    """Mean of sequence similarity and containment of the shorter heading's words (0..1)."""
    keys_a, keys_b = word_keys(a), word_keys(b)
    if not keys_a or not keys_b:
        return 0.0
    matcher = SequenceMatcher(None, keys_a, keys_b, autojunk=False)
    matched = sum(block.size for block in matcher.get_matching_blocks())
    return round((matcher.ratio() + matched / min(len(keys_a), len(keys_b))) / 2, 3)


def _side(section: Section | None) -> SectionSide | None:
    if section is None:
        return None
    return SectionSide(section.number, section.heading, section.kind, section.level, section.line, section.end_line)


def _descendants(sections: list[Section]) -> list[Section]:
    out = []
    for s in sections:
        out += s.children + _descendants(s.children)
    return out


class _Aligner:
    def __init__(self) -> None:
        self.used: set[int] = set()  # id() of sections already placed in a pair

    def free(self, sections: list[Section]) -> list[Section]:
        return [s for s in sections if id(s) not in self.used]

    def take(self, *sections: Section | None) -> None:
        self.used.update(id(s) for s in sections if s is not None)

    def by_kind(self, left: list[Section], right: list[Section]) -> list[tuple]:
        pairs = []
        for a in left:
            b = next((s for s in self.free(right) if a.kind != "other" and s.kind == a.kind), None)
            if b is not None:
                self.take(a, b)
                pairs.append((a, b, 1.0))
        return pairs

    def by_heading(self, left: list[Section], right: list[Section]) -> list[tuple]:
        """Greedy best-first pairing of free sections whose headings are alike."""
        scored = sorted(((heading_similarity(a.heading, b.heading), i, j)
                         for i, a in enumerate(left) for j, b in enumerate(right)), key=lambda t: (-t[0], t[1], t[2]))
        pairs = []
        for score, i, j in scored:
            if score < HEADING_MATCH:
                break
            a, b = left[i], right[j]
            if id(a) not in self.used and id(b) not in self.used:
                self.take(a, b)
                pairs.append((a, b, score))
        return pairs

    def align(self, left: list[Section], right: list[Section], *, top: bool, deep_a: list[Section],
              deep_b: list[Section]) -> list[SectionPair]:
        pairs = self.by_kind(left, right) if top else []
        pairs += self.by_heading(self.free(left), self.free(right))
        # Unpaired here: look deeper in the other report (same subtree below the top level).
        pairs += self.by_heading(self.free(left), self.free(deep_b))
        pairs += [(a, b, s) for b, a, s in self.by_heading(self.free(right), self.free(deep_a))]
        return self._finish(pairs, left, right)

    def _finish(self, pairs: list[tuple], left: list[Section], right: list[Section]) -> list[SectionPair]:
        left_alone = [(a, None, 0.0) for a in left if id(a) not in self.used]
        right_alone = [(None, b, 0.0) for b in right if id(b) not in self.used]
        self.take(*left, *right)
        result = []
        for a, b, score in _in_reading_order(pairs + left_alone + right_alone):
            children = self.children_of(a, b)
            result.append(SectionPair(_kind(a, b), _side(a), _side(b), score, children))
        return result

    def children_of(self, a: Section | None, b: Section | None) -> list[SectionPair]:
        kids_a = self.free(a.children) if a is not None else []
        kids_b = self.free(b.children) if b is not None else []
        if not kids_a and not kids_b:
            return []
        deep_a = self.free(_descendants(a.children)) if a is not None else []
        deep_b = self.free(_descendants(b.children)) if b is not None else []
        return self.align(kids_a, kids_b, top=False, deep_a=deep_a, deep_b=deep_b)


def _kind(a: Section | None, b: Section | None) -> str:
    if a is not None and b is not None:
        return a.kind if a.kind == b.kind else (a.kind if a.kind != "other" else b.kind)
    return (a or b).kind


def _in_reading_order(pairs: list[tuple]) -> list[tuple]:
    """Pairs in A's order; a section only B has goes after the pair holding B's previous section."""
    ordered = sorted((p for p in pairs if p[0] is not None), key=lambda p: p[0].line)
    for pair in sorted((p for p in pairs if p[0] is None), key=lambda p: p[1].line):
        before = [i for i, p in enumerate(ordered) if p[1] is not None and p[1].line < pair[1].line]
        ordered.insert(before[-1] + 1 if before else 0, pair)
    return ordered


def align_sections(sections_a: list[Section], sections_b: list[Section]) -> list[SectionPair]:
    """Pairs of sections (A, B) with their line ranges; None on the side that lacks one."""
    return _Aligner().align(sections_a, sections_b, top=True,
                            deep_a=_descendants(sections_a), deep_b=_descendants(sections_b))
