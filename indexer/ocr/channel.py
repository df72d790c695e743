"""Candidate syllables for one printed token, each with a channel cost.

The channel is the OCR: a real syllable goes in, glyphs come out. We invert
it by rewriting the printed token glyph by glyph with the substitutions in
`indexer/data/ocr_substitutions.tsv` (plus generic drops and insertions),
keeping only rewrites that stay a prefix of some real syllable. The cost of a
candidate is the sum of the rewrite costs (roughly -ln P(printed | syllable)).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

from indexer.ocr.lexicon import lexicon
from indexer.textnorm import fold
from indexer.vietnamese.data import load_rows

MAX_COST = 4.0
MAX_PRINTED_LENGTH = 12  # nghiêng has 7 letters; longer tokens are names, codes or debris
DROP_COST = 3.0  # a spurious glyph (Keét, cadch)
INSERT_COST = 2.6  # a dropped vowel (cta = của, S = Sở)
INSERTABLE = ("u", "o", "a")
ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz")


@dataclass(frozen=True, slots=True)
class Rule:
    printed: str
    reading: str
    cost: float
    where: str  # any | start | inner | end | mid (neither first nor last)

    @property
    def case_sensitive(self) -> bool:
        return self.printed != self.printed.lower()

    def applies(self, original: str, lowered: str, at: int) -> bool:
        end = at + len(self.printed)
        if self.where == "start" and at != 0:
            return False
        if self.where == "inner" and at == 0:
            return False
        if self.where == "end" and end != len(original):
            return False
        if self.where == "mid" and (at == 0 or end == len(original)):
            return False  # ă, â: never the last letter of a syllable, a final consonant follows
        source = original if self.case_sensitive else lowered
        return source.startswith(self.printed, at)


@cache
def rules() -> tuple[Rule, ...]:
    return tuple(
        Rule(row["printed"], "" if row["reading"] == "-" else row["reading"], float(row["cost"]), row["where"])
        for row in load_rows("ocr_substitutions.tsv")
    )


@cache
def _rules_by_first_char() -> dict[str, tuple[Rule, ...]]:
    index: dict[str, list[Rule]] = {}
    for rule in rules():
        for key in {rule.printed[0], rule.printed[0].lower()}:
            index.setdefault(key, []).append(rule)
    return {k: tuple(v) for k, v in index.items()}


def _plain_letter(ch: str) -> str | None:
    """The folded letter a printed character keeps when it is not a stand-in."""
    folded = fold(ch)
    return folded if len(folded) == 1 and folded in ASCII_LETTERS else None


def _first_rules(token: str, by_char: dict[str, tuple[Rule, ...]]) -> tuple[Rule, ...]:
    """Rules for the first glyph; a capitalised word's first letter also takes the lower-case rules
    (`Oy ban` is Ủy ban, `Vvéi` với). All-caps tokens do not: `VT`, `BTP` are codes, not syllables."""
    own = by_char.get(token[:1], ())
    if not (token[:1].isupper() and not any(ch.isupper() for ch in token[1:])):
        return own
    return tuple(dict.fromkeys((*own, *by_char.get(token[:1].lower(), ()))))


@lru_cache(maxsize=200_000)
def candidates(token: str, allow_edits: bool = True) -> dict[str, float]:
    """Real folded syllables `token` may stand for, with their channel cost."""
    lex = lexicon()
    lowered = token.lower()
    by_char = _rules_by_first_char()
    found: dict[str, float] = {}

    cheapest: dict[tuple[int, str, int], float] = {}  # the same state reached dearer is pruned

    def walk(at: int, built: str, cost: float, edits: int) -> None:
        if cost > MAX_COST or built not in lex.prefixes:
            return
        state = (at, built, edits)
        if cheapest.get(state, MAX_COST + 1) <= cost:
            return
        cheapest[state] = cost
        if at == len(token):
            if lex.is_known(built) and cost < found.get(built, MAX_COST + 1):
                found[built] = cost
            if allow_edits and edits == 0:
                for vowel in INSERTABLE:
                    walk(at, built + vowel, cost + INSERT_COST, edits + 1)
            return
        letter = _plain_letter(token[at])
        if letter is not None:
            walk(at + 1, built + letter, cost, edits)
        for rule in (first_rules if at == 0 else by_char.get(token[at], ())):
            if rule.applies(token, lowered, at):
                walk(at + len(rule.printed), built + rule.reading, cost + rule.cost, edits)
        if allow_edits and edits == 0:
            walk(at + 1, built, cost + DROP_COST, edits + 1)
            if at > 0:
                for vowel in INSERTABLE:
                    walk(at, built + vowel, cost + INSERT_COST, edits + 1)

    first_rules = _first_rules(token, by_char)
    if len(token) <= MAX_PRINTED_LENGTH:
        walk(0, "", 0.0, 0)
    return found
