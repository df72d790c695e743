"""How each query word may be printed: its fold, OCR glyph confusions, a one-edit slip.

The readings indexed at every position already cover Vietnamese syllables; words
that are no syllable (acronyms, codes) get the glyph-confusion groups of
`indexer/data/ocr_latin_confusions.tsv` (with the channel table's Latin pairs) at query time instead: `vneid` becomes
the pattern `vne(?:i|l|1|li|...)(?:d|cl)`, matched against the term dictionary
by tantivy and against a report's forms by `WordForms.accepts`. A word found in
no report under any of these forms may be matched by a one-edit (two for long
words) variant; short words never, they would match noise.

A syllable in a query of two words or more may also be printed with any of
its letters in a form the OCR prints for it: the marked vowel as another plain
vowel (the OCR's generic accent, `ố` printed `é`: `sé` for số, `Mét` for Một),
`ư` lost (`ngoi` for người), `đ` as `p` (`ping` for đứng), `l` as `i` (`iuat`
for luật). Such a token reads as some other syllable (or none), so the indexed
readings miss it. The forms are the measured ones: the per-letter table
(`indexer/data/ocr_letter_forms.tsv`) and the vowels of the substitution table
(`indexer/data/ocr_substitutions.tsv`, printed vowel -> the vowel it stands
for). The other words of the query keep it specific: from three words on any
letter may take any form of the table's `phrases` column; two words are less
specific, so a word there takes one changed letter, from the narrower
`count_nouns` column, and loses none (`bộ, cơ` is no báo cáo, `Quảng Ngãi` /
`dân` no người dân); a word alone takes none (`số` would find every `sẽ`).
Only words typed with marks take them: unmarked letters typed are the user's.
In a long query a marked lone vowel between consonants may also come out as any plain
vowel (`trec` for trực, `thang` for thông: whole-vowel confusions no letter table lists).

The index holds folds, so these forms also match a clean report's own spelling of
another syllable (`sẽ` folds like `sé`); the line matcher reads the printed token
(`WordForms.accepts_printed`): real marks are that syllable, no misprint.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

import tantivy

from indexer.search.regexcache import regex_query
from indexer.search.stored import result_count
from indexer.textnorm import fold, lower_nfc
from indexer.vietnamese.data import load_rows
from indexer.vietnamese.glyphs import latin_confusion_groups
from indexer.vietnamese.letters import MARKED_LETTERS, OCR_GENERIC_ACCENTS, letter_forms

BODY = "body"
MAX_PATTERN_GROUPS = 6  # a word with more confusable glyphs than this keeps the first ones
VOWELS = frozenset("aeiouy")
MARKS_MISREAD_WORDS = 2  # a word alone never takes OCR letter forms: `số` would find every `sẽ`
# From this many words on, any letter of a word may be printed in another form; below (two words),
# one letter a word: two changes make other words of clean text (`Ngãi` as người, `b/c` as báo cáo).
ANY_MISREAD_WORDS = 3


@functools.lru_cache(maxsize=1)
def confusion_groups() -> list[tuple[str, ...]]:
    return list(latin_confusion_groups())  # the channel table's Latin pairs and ocr_latin_confusions.tsv


@functools.lru_cache(maxsize=1)
def _member_re() -> tuple[re.Pattern[str], set[str]]:
    members = {m for group in confusion_groups() for m in group}
    return re.compile("|".join(re.escape(m) for m in sorted(members, key=len, reverse=True))), members


def confusion_parts(word: str) -> list[list[str]] | None:
    """`word` cut into literal runs and confusable glyphs, each glyph with its whole group:
    `vneid` -> [[vne], [i, l, 1, li], [d, cl]]; None when no glyph is confusable."""
    finder, _members = _member_re()
    group_of = {m: list(g) for g in confusion_groups() for m in g}
    parts, last, groups = [], 0, 0
    for match in finder.finditer(word):
        if groups == MAX_PATTERN_GROUPS:
            break
        if match.start() > last:
            parts.append([word[last : match.start()]])
        parts.append(group_of[match.group()])
        last, groups = match.end(), groups + 1
    if last < len(word):
        parts.append([word[last:]])
    return parts if groups else None


@functools.lru_cache(maxsize=1)
def marked_vowel_printings() -> dict[str, tuple[str, ...]]:
    """Folded vowel -> the other plain vowels the OCR prints for it when it carries a mark."""
    found: dict[str, set[str]] = {}
    for row in load_rows("ocr_substitutions.tsv"):
        shown, reading = fold(row["printed"]).lower(), row["reading"]
        if len(shown) == 1 and len(reading) == 1 and {shown, reading} <= VOWELS and shown != reading:
            found.setdefault(reading, set()).add(shown)
    return {vowel: tuple(sorted(shown)) for vowel, shown in found.items()}


@functools.lru_cache(maxsize=2)
def letter_printings(column: str = "phrases") -> dict[str, tuple[str, ...]]:
    """Letter as typed (lower-case, marks kept) -> the folded forms the OCR prints for it, its fold first:
    the per-letter table's forms, and for a marked vowel the substitution table's misread vowels."""
    vowels = marked_vowel_printings()
    found: dict[str, tuple[str, ...]] = {}
    for letter, forms in letter_forms(column).items():
        plain = fold(letter).lower()
        misread = vowels.get(plain, ()) if letter != plain else ()
        found[letter] = tuple(dict.fromkeys([plain, *forms, *misread]))
    return found


def mark_parts(typed: str, word: str, column: str = "phrases") -> list[list[str]] | None:
    """`số` -> [[s], [o, e, d, 6, ...]]: each letter with the forms OCR prints for it; None if none."""
    lowered = lower_nfc(typed)
    if len(lowered) != len(word) or lowered == word:  # typed without marks: the user's letters stand
        return None
    printings, vowels = letter_printings(column), marked_vowel_printings()
    # trực, thông: one vowel, the whole nucleus, between consonants that keep the word specific;
    # only in the long queries' column (two words stay too unspecific: `một cửa` is no `mát … của`)
    lone_vowel = column == "phrases" and sum(f in VOWELS for f in word) == 1 and word[0] not in VOWELS and word[-1] not in VOWELS
    parts = []
    for ch, f in zip(lowered, word):
        forms = printings.get(ch) or ((f, *vowels.get(f, ())) if ch != f else (f,))
        if lone_vowel and f in VOWELS and ch != f:
            # a marked lone vowel may come out as any plain vowel (`trec` for trực, `thang` for thông):
            # a whole-vowel confusion no letter table lists, the onset and final consonants intact
            forms = (*forms, *sorted(VOWELS - set(forms)))
        parts.append(list(forms))
    return parts if any(len(p) > 1 for p in parts) else None


def parts_regex(parts: list[list[str]]) -> str:
    return "".join(re.escape(p[0]) if len(p) == 1 else "(?:" + "|".join(map(re.escape, p)) + ")" for p in parts)


def one_change_regex(parts: list[list[str]]) -> str:
    """The word (each part's first alternative) with at most one part printed as another of its forms,
    never lost: a short word minus a letter is another word (`bộ, cơ` for báo cáo)."""
    plain = [p[0] for p in parts]
    options = [re.escape("".join(plain))]
    for k, part in enumerate(parts):
        kept = [form for form in part[1:] if form]
        if kept:
            others = "(?:" + "|".join(map(re.escape, kept)) + ")"
            options.append(re.escape("".join(plain[:k])) + others + re.escape("".join(plain[k + 1 :])))
    return "|".join(options)


def confusion_pattern(word: str) -> str | None:
    """A regex (full-match) for every way OCR may print `word`; None when no glyph is confusable."""
    parts = confusion_parts(word)
    return parts_regex(parts) if parts else None


_TRUSTED_MARKS = frozenset(MARKED_LETTERS) - frozenset(OCR_GENERIC_ACCENTS)


def spelled_with_marks(printed: str) -> bool:
    """A token printed with real Vietnamese marks (hats, horns, tones; not the OCR's generic `é`)
    on a real syllable: digital text, read as printed."""
    from indexer.vietnamese.phonology import is_syllable

    lowered = lower_nfc(printed)
    return any(ch in _TRUSTED_MARKS for ch in lowered) and is_syllable(fold(lowered))


def is_code_like(typed: str, folded: str) -> bool:
    """Acronyms and codes: capitals after the first letter as typed, or no Vietnamese syllable."""
    if folded.isdigit() or len(folded) < 2:
        return False
    if any(ch.isupper() for ch in typed[1:]) or any(ch.isdigit() for ch in folded):
        return True
    from indexer.vietnamese.phonology import is_syllable

    return not is_syllable(folded)


def fuzzy_limit(word: str) -> int:
    """Edits a word found nowhere may differ by: syllables are short, edits on them match noise."""
    return 0 if len(word) < 5 or word.isdigit() else 1 if len(word) < 9 else 2


def edit_distance(a: str, b: str, limit: int) -> int:
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        if min(cur) > limit:
            return limit + 1
        prev = cur
    return prev[-1]


def one_edit_pattern(word: str) -> str:
    """Regex of every string one insertion, deletion or substitution away from `word`."""
    esc = re.escape
    options = {esc(word[:i]) + "." + esc(word[i:]) for i in range(len(word) + 1)}
    options |= {esc(word[:i]) + "." + esc(word[i + 1 :]) for i in range(len(word))}
    options |= {esc(word[:i] + word[i + 1 :]) for i in range(len(word))}
    return "|".join(sorted(options))


@dataclass(slots=True)
class WordForms:
    word: str  # folded, as the index holds it
    pattern: str | None = None  # glyph confusions (code-like words only)
    fuzzy: int = 0  # edits allowed: only for words found nowhere
    found: bool = True  # some report holds the word under one of its forms
    glyphs: list[list[str]] | None = None  # literal runs and alternatives the pattern was built from
    _compiled: re.Pattern[str] | None = field(default=None, repr=False)

    @property
    def is_plain(self) -> bool:
        return self.pattern is None and not self.fuzzy

    def regex(self) -> str:
        """The tantivy regex for the word with its confusions (fuzzy handled separately)."""
        return self.pattern or re.escape(self.word)

    def parts(self) -> list[list[str]]:
        """Literal runs and glyph alternatives (see `confusion_parts`); the word alone when plain."""
        return self.glyphs or (confusion_parts(self.word) if self.pattern else None) or [[self.word]]

    def accepts_printed(self, form: str, printed: str) -> bool:
        """`accepts`, for a token printed as `printed`: a marked letter's OCR forms are the OCR's, and a
        token printed with real marks of its own (`sẽ`) is that syllable, no misprint of `số`."""
        if form == self.word:
            return True
        return self.accepts(form) and (self.glyphs is None or self.fuzzy > 0 or not spelled_with_marks(printed))

    def accepts(self, form: str) -> bool:
        if form == self.word:
            return True
        if self.pattern is not None:
            if self._compiled is None:
                self._compiled = re.compile(self.pattern)
            if self._compiled.fullmatch(form):
                return True
        return bool(self.fuzzy) and edit_distance(self.word, form, self.fuzzy) <= self.fuzzy


def word_query(schema: tantivy.Schema, forms: WordForms) -> tantivy.Query:
    """Reports holding the word under any of its forms."""
    Query, Occur = tantivy.Query, tantivy.Occur
    if forms.is_plain:
        return Query.term_query(schema, BODY, forms.word)
    options = [regex_query(schema, BODY, forms.regex())]
    if forms.fuzzy:
        options.append(Query.fuzzy_term_query(schema, BODY, forms.word, distance=forms.fuzzy))
    return options[0] if len(options) == 1 else Query.boolean_query([(Occur.Should, q) for q in options])


def resolve_forms(searcher: tantivy.Searcher, schema: tantivy.Schema, typed: dict[str, str]) -> dict[str, WordForms]:
    """Forms of every query word (folded -> as typed), and whether any report holds it."""
    resolved = {}
    for word, surface in typed.items():
        forms = printed_forms(word, surface, len(typed))
        if not _held(searcher, schema, forms):
            forms.fuzzy = fuzzy_limit(word)
            forms.found = bool(forms.fuzzy) and bool(_count(searcher, word_query(schema, forms)))
        resolved[word] = forms
    return resolved


def printed_forms(word: str, surface: str, query_words: int) -> WordForms:
    """A code's glyph confusions; a marked syllable's OCR letter forms when the query is long enough
    (the line scan looks for every form; the pattern admits one changed letter in a two-word query)."""
    if is_code_like(surface, word):
        return WordForms(word, confusion_pattern(word))
    # two words: the narrower, commoner forms of the table (its count-noun column), one letter changed
    column = "phrases" if query_words >= ANY_MISREAD_WORDS else "count_nouns"
    parts = mark_parts(surface, word, column) if query_words >= MARKS_MISREAD_WORDS else None
    if not parts:
        return WordForms(word)
    pattern = parts_regex(parts) if query_words >= ANY_MISREAD_WORDS else one_change_regex(parts)
    return WordForms(word, pattern, glyphs=parts)


def _held(searcher: tantivy.Searcher, schema: tantivy.Schema, forms: WordForms) -> bool:
    """Whether some report holds the word under one of its forms. Counting every report its forms
    match costs (a regex walks the term dictionary and every matching posting list; ~0.5 ms for a
    common syllable at 10,000 reports): the term dictionary answers for a term no report ever held,
    and one live report holding the word as typed answers for its forms (they accept the word itself)."""
    if not searcher.doc_freq(BODY, forms.word):  # deleted reports' terms are counted too: none is none
        if forms.is_plain:
            return False
    elif forms.is_plain or re.fullmatch(forms.regex(), forms.word):
        own = tantivy.Query.term_query(schema, BODY, forms.word)
        if searcher.search(own, limit=1, count=False).hits:  # a live report (a deleted one is not searched)
            return True
        if forms.is_plain:
            return False
    return bool(_count(searcher, word_query(schema, forms)))


def _count(searcher: tantivy.Searcher, query: tantivy.Query) -> int:
    return result_count(searcher.search(query, limit=1, count=True))
