"""Aligned sections: which part of report A corresponds to which part of report B.

Top-level sections pair by canonical kind (chỉ đạo, kết quả, đánh giá,
phương hướng, kiến nghị …), then by heading; sub-sections pair by heading,
first inside their paired parents, then anywhere. Reports nest differently
(one ward writes `I. Công tác chỉ đạo`, another puts `1. Công tác chỉ đạo`
under `I. Kết quả`), so a pair may join sections of different levels. The
result follows A's outline; a section only B has sits under the A section its
B parent is paired with. Every section appears exactly once.
"""
from __future__ import annotations

from difflib import SequenceMatcher

from indexer.compare.result import SectionPair, SectionSide
from indexer.compare.words import word_keys
from indexer.model import Section

HEADING_MATCH = 0.7  # heading similarity needed to pair two sections by heading


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


def _walk(sections: list[Section]) -> list[Section]:
    out = []
    for s in sections:
        out += [s] + _walk(s.children)
    return out


def _shared_children(a: Section, b: Section) -> int:
    """How many sub-sections of A have a look-alike among B's."""
    return sum(any(heading_similarity(x.heading, y.heading) >= HEADING_MATCH for y in b.children) for x in a.children)


class _Matcher:
    """Decides the pairs: id(A section) -> (B section, score)."""

    def __init__(self) -> None:
        self.pairs: dict[int, tuple[Section, float]] = {}
        self.used_b: set[int] = set()

    def free_a(self, sections: list[Section]) -> list[Section]:
        return [s for s in sections if id(s) not in self.pairs]

    def free_b(self, sections: list[Section]) -> list[Section]:
        return [s for s in sections if id(s) not in self.used_b]

    def pair(self, a: Section, b: Section, score: float) -> None:
        self.pairs[id(a)] = (b, score)
        self.used_b.add(id(b))

    def by_kind(self, left: list[Section], right: list[Section]) -> None:
        """Same canonical kind; among several of one kind (two `Kết quả` parts), the one
        whose sub-sections look most like A's, then the most similar heading."""
        for a in left:
            same_kind = [b for b in self.free_b(right) if a.kind != "other" and b.kind == a.kind]
            if same_kind:
                best = max(same_kind, key=lambda b: (_shared_children(a, b), heading_similarity(a.heading, b.heading)))
                self.pair(a, best, 1.0)

    def by_heading(self, left: list[Section], right: list[Section]) -> None:
        """Greedy best-first pairing of free sections whose headings are alike."""
        left, right = self.free_a(left), self.free_b(right)
        scored = sorted(((heading_similarity(a.heading, b.heading), i, j) for i, a in enumerate(left)
                         for j, b in enumerate(right)), key=lambda t: (-t[0], t[1], t[2]))
        for score, i, j in scored:
            if score < HEADING_MATCH:
                break
            if id(left[i]) not in self.pairs and id(right[j]) not in self.used_b:
                self.pair(left[i], right[j], score)

    def within(self, a: Section, b: Section) -> None:
        """Children of a pair: by heading among siblings first, then anywhere below the pair."""
        self.by_heading(a.children, b.children)
        self.by_heading(_walk(a.children), _walk(b.children))
        for child in a.children:
            if id(child) in self.pairs:
                self.within(child, self.pairs[id(child)][0])


def _kind(a: Section | None, b: Section | None) -> str:
    if a is not None and b is not None:
        return a.kind if a.kind == b.kind or b.kind == "other" else (b.kind if a.kind == "other" else a.kind)
    side = a or b
    assert side is not None, "a pair has at least one side"
    return side.kind


def _b_line(node: SectionPair) -> int:
    assert node.b is not None, "only called on pairs B has"
    return node.b.line


def _in_reading_order(nodes: list[SectionPair]) -> list[SectionPair]:
    """A's order; a section only B has goes after the node holding B's previous section."""
    ordered = [n for n in nodes if n.a is not None]
    for node in sorted((n for n in nodes if n.a is None), key=_b_line):
        before = [i for i, n in enumerate(ordered) if n.b is not None and n.b.line < _b_line(node)]
        ordered.insert(before[-1] + 1 if before else 0, node)
    return ordered


def align_sections(sections_a: list[Section], sections_b: list[Section]) -> list[SectionPair]:
    """Pairs of sections (A, B) with their line ranges; None on the side that lacks one."""
    matcher = _Matcher()
    matcher.by_kind(sections_a, sections_b)
    matcher.by_heading(sections_a, sections_b)
    for a in sections_a:
        if id(a) in matcher.pairs:
            matcher.within(a, matcher.pairs[id(a)][0])
    matcher.by_heading(_walk(sections_a), _walk(sections_b))  # whatever is left, at any level

    partner_of_b = {id(b): a for a in _walk(sections_a) if id(a) in matcher.pairs for b in [matcher.pairs[id(a)][0]]}
    b_only_under: dict[int | None, list[Section]] = {}  # id(A section) (None: top level) -> B-only sections there

    def place_b_only(sections: list[Section], parent: Section | None) -> None:
        for b in sections:
            if id(b) not in matcher.used_b and (parent is None or id(parent) in matcher.used_b):
                anchor = id(partner_of_b[id(parent)]) if parent is not None else None
                b_only_under.setdefault(anchor, []).append(b)
            place_b_only(b.children, b)  # B-only under a B-only parent: that parent's node holds it

    place_b_only(sections_b, None)

    def b_only_node(b: Section) -> SectionPair:
        children = [b_only_node(c) for c in b.children if id(c) not in matcher.used_b]
        return SectionPair(b.kind, None, _side(b), 0.0, children)

    def node(a: Section) -> SectionPair:
        b, score = matcher.pairs.get(id(a), (None, 0.0))
        children = [node(c) for c in a.children] + [b_only_node(x) for x in b_only_under.get(id(a), [])]
        return SectionPair(_kind(a, b), _side(a), _side(b), score, _in_reading_order(children))

    top = [node(a) for a in sections_a] + [b_only_node(b) for b in b_only_under.get(None, [])]
    return _in_reading_order(top)
