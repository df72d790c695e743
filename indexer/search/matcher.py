"""Where a query matches inside one report: token positions -> lines and spans.

Each token is accepted under its folded printed form, any of its OCR readings,
or a form the query word's `WordForms` admits (glyph confusions of codes, an
edit for words found nowhere), so `t6 chirc bd may` matches `tổ chức bộ máy`
and `VNelD` matches `VNeID`; spans point at the words as printed. The rules
mirror the tantivy queries of `tantivy_query`, so every listed report has lines.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from indexer.ingest.formats.model import page_of_line, page_starts
from indexer.model import LineHit
from indexer.search.citequery import CiteTerm
from indexer.search.doctext import DocText
from indexer.search.formtext import FormTerms, FormText
from indexer.search.query import QueryPlan
from indexer.search.tantivy_query import can_slip, slip_budget
from indexer.search.variants import WordForms, edit_distance, spelled_with_marks

SCATTER_WINDOW = 12  # tokens: loose words this close (any order) are shown before lines holding fewer
SCATTER_LINES = 3  # lines shown for a report where the words only occur apart


class DocTerms:
    """Positions of every form (fold and OCR readings) on the loaded lines of one report."""

    def __init__(self, analyzed: DocText, forms: dict[str, WordForms]) -> None:
        self.analyzed = analyzed
        self.count = analyzed.count
        by_form: defaultdict[str, list[int]] = defaultdict(list)
        for i, fold in analyzed.folds.items():
            by_form[fold].append(i)
        parts = analyzed.reading_parts
        if parts is not None:
            for i in analyzed.folds:
                # A leading `|` marks the fold as the best reading (indexer.pipeline.encode_readings).
                if parts[i]:
                    for reading in parts[i].split("|"):
                        if reading:
                            by_form[reading].append(i)
        self.by_form = dict(by_form)
        self._forms = forms
        self._cache: dict[str, set[int]] = {}
        self._exact: dict[str, frozenset[int]] = {}
        self.rarity: dict[str, int] = {}  # the loaded lines' positions are all known: any word may anchor

    def positions(self, word: str) -> set[int]:
        if word not in self._cache:
            found = set(self.by_form.get(word, ()))
            forms = self._forms.get(word)
            if forms is not None and not forms.is_plain:
                for form, pos in self.by_form.items():
                    if forms.accepts(form):
                        found.update(p for p in pos if forms.accepts_printed(form, self.printed(p)))
            self._cache[word] = found
        return self._cache[word]

    def candidates(self, word: str) -> set[int]:
        return self.positions(word)

    def at(self, word: str, i: int) -> bool:
        return i in self.positions(word)

    def holds(self, word: str, i: int) -> bool:
        return i in self.positions(word)

    def is_exact(self, word: str, i: int) -> bool:
        """Whether the word is the fold or a reading at candidate `i` (no OCR letter form, no slip)."""
        exact = self._exact.get(word)
        if exact is None:
            exact = self._exact[word] = frozenset(self.by_form.get(word, ()))
        return i in exact

    def printed(self, i: int) -> str:
        start, end, _line = self.analyzed.token_at(i)
        return self.analyzed.text[start:end]

    def slipped(self, word: str, i: int) -> bool:
        """One OCR slip the repair missed (`thi tuc` for thủ tục, `dién tr` for điện tử)."""
        forms = self.analyzed.forms(i)  # () for a token of a line not loaded: no slip there
        if not forms or not can_slip(word) or spelled_with_marks(self.printed(i)):  # real marks are no OCR slip
            return False
        return any(edit_distance(word, f, 1) <= 1 for f in forms)


Terms = DocTerms | FormTerms  # the lines loaded by the scan, or every token from the stored folds


def adjacent(words: Sequence[str], terms: Terms, slips: int) -> list[list[int]]:
    """Consecutive occurrences; with `slips`, one word may differ by one edit."""
    # A match holds at least one of any `slips + 1` of its words in place: the starts come from the
    # rarest words' candidates (a superset: see `FormTerms.candidates`), the other words are read at
    # those tokens alone (`Terms.at`), not looked for through the whole report.
    width, count, need = len(words), terms.count, len(words) - slips
    anchors = sorted(range(width), key=lambda k: (terms.rarity.get(words[k], 0), -len(words[k]), k))[: slips + 1]
    starts = sorted({p - k for k in anchors for p in terms.candidates(words[k])})
    found = []
    for start in (s for s in starts if s >= 0 and s + width <= count):
        if not slips:  # every word in place
            if all(terms.at(w, start + k) and terms.holds(w, start + k) for k, w in enumerate(words)):
                found.append(list(range(start, start + width)))
            continue
        placed = _placed(words, terms, start, slips)
        if placed is None or sum(placed) < need:
            continue
        misses = [k for k in range(width) if not placed[k] or not terms.holds(words[k], start + k)]
        if not misses or (len(misses) <= slips and all(terms.slipped(words[k], start + k) for k in misses)
                          and all(terms.is_exact(words[k], start + k) for k in range(width) if k not in misses)):
            # a slipped word leans on the others: they are read as typed, not through OCR letter forms
            # (`béo chi Bao`, báo chí Báo, is no Ban Chỉ đạo with `ban` slipped and `đ` printed `B`)
            found.append(list(range(start, start + width)))
    return found


def _placed(words: Sequence[str], terms: Terms, start: int, slips: int) -> list[bool] | None:
    """Which words are candidates in place from `start`; None once more than `slips` are not."""
    placed, out = [], 0
    for k, word in enumerate(words):
        placed.append(terms.at(word, start + k))
        out += not placed[-1]
        if out > slips:
            return None
    return placed


def group_occurrences(group: Sequence[str], terms: Terms) -> list[list[int]]:
    if len(group) == 1:
        return [[p] for p in sorted(terms.positions(group[0]))]
    return adjacent(group, terms, 0) or [p for w in group for p in group_occurrences([w], terms)]


def scattered_matches(groups: Sequence[Sequence[str]], terms: Terms) -> list[list[int]]:
    """For a report without the phrase: the few lines where the words come closest (every word
    within a window, in any order), else the lines holding the most of them."""
    found = [group_occurrences(g, terms) for g in groups]
    line_of = terms.analyzed.line_of_token
    by_line: dict[int, list[int]] = {}
    held: dict[int, set[int]] = {}
    for k, occurrences in enumerate(found):
        for occurrence in occurrences:
            by_line.setdefault(line_of(occurrence[0]), []).extend(occurrence)
            held.setdefault(line_of(occurrence[0]), set()).add(k)
    windows = _windows(found, len(groups))
    if windows:
        return windows[:SCATTER_LINES]
    ranked = sorted(held, key=lambda line: (-len(held[line]), line))
    picked: list[int] = []
    covered: set[int] = set()
    for line in ranked:  # lines holding the most words, then one line more for each word not yet shown
        if not picked or held[line] - covered:
            picked.append(line)
            covered |= held[line]
        if len(picked) == SCATTER_LINES:
            break
    return [sorted(set(by_line[line])) for line in sorted(picked)]


def _windows(found: list[list[list[int]]], need: int) -> list[list[int]]:
    """Stretches of at most SCATTER_WINDOW tokens holding every group, non-overlapping."""
    events = sorted((occ[0], k, occ) for k, occs in enumerate(found) for occ in occs)
    out, last_end = [], -1
    for i, (start, _k, _occ) in enumerate(events):
        if start <= last_end:
            continue
        picked: dict[int, list[int]] = {}
        for pos, k, occ in events[i:]:
            if pos - start > SCATTER_WINDOW:
                break
            picked.setdefault(k, occ)
            if len(picked) == need:
                tokens = sorted({p for o in picked.values() for p in o})
                out.append(tokens)
                last_end = tokens[-1]
                break
    return out


def cite_matches(cite: CiteTerm, terms: Terms, citations: list[dict]) -> list[list[int]]:
    """Where the citation is printed: its phrases in the text, and the lines the parser read it on
    (OCR forms such as `3041/QB-UBND` included), at the number's token."""
    found = [occ for phrase in cite.phrases() for occ in adjacent(phrase, terms, 0)]
    wanted = {int(n) for n in cite.numbers}
    analyzed = terms.analyzed
    for citation in citations:
        if not _cites(cite, citation):
            continue
        first = citation.get("line") or 0
        lines = set(citation.get("lines") or []) | set(range(first, max(first, citation.get("end_line") or 0) + 1))
        found += [[i] for i, fold in analyzed.tokens_on(lines) if fold.isdigit() and int(fold) in wanted]
    return found


def _cites(cite: CiteTerm, citation: dict) -> bool:
    from indexer.search.symbols import symbol_key_of, typed_number_keys

    symbol = citation.get("symbol")
    if not symbol:
        return False
    if cite.key:
        key = symbol_key_of(symbol)
        return key == cite.key or key.startswith(cite.key + "-")
    return cite.typed_key in typed_number_keys(symbol, citation.get("type"))


def merge_overlapping(occurrences: list[list[int]]) -> list[list[int]]:
    """One citation printed once is one match, however many of its forms found it."""
    merged: list[list[int]] = []
    for occ in sorted(occurrences):
        if merged and occ[0] <= merged[-1][-1] + 1:
            merged[-1] = sorted(set(merged[-1]) | set(occ))
        else:
            merged.append(list(occ))
    return merged


def match_tokens(plan: QueryPlan, terms: Terms, citations: list[dict], scattered: bool) -> list[list[int]]:
    matches: list[list[int]] = []
    for phrase in plan.phrases:
        matches += adjacent(phrase.words, terms, slip_budget(phrase.words))
    for cite in plan.cites:
        matches += merge_overlapping(cite_matches(cite, terms, citations))
    words = plan.loose.words
    if len(words) == 1 or (words and not scattered):
        matches += adjacent(words, terms, slip_budget(words))
    elif words:
        matches += scattered_matches(plan.groups, terms)
    return matches


def line_hits(analyzed: DocText | FormText, matches: list[list[int]], scattered: bool = False) -> list[LineHit]:
    lines, pages = analyzed.lines, page_starts(analyzed.text)
    spans: dict[int, set[tuple[int, int]]] = {}
    starts: dict[int, int] = {}
    for match in matches:
        first = analyzed.line_of_token(match[0])
        starts[first] = starts.get(first, 0) + 1
        for i in match:
            line, span = analyzed.line_span(i)
            spans.setdefault(line, set()).add(span)
    return [
        LineHit(line=n, text=lines.line_text(n), spans=sorted(spans[n]), starts=starts.get(n, 0), scattered=scattered,
                page=page_of_line(n, pages))
        for n in sorted(spans)
    ]
