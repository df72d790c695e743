"""Who issued a cited document: the `của …` after its symbol and date."""
from __future__ import annotations

import re
from functools import cache

from indexer.parse.fuzzy import (
    function_word,
    function_words,
    matched_index,
    phrase_pattern,
    word_pattern,
    words_pattern,
)
from indexer.parse.issuing import unit_before
from indexer.parse.phrase_trie import WordTrie
from indexer.parse.restore import restore
from indexer.parse.units import known_unit_at, name_unit
from indexer.textnorm import fold
from indexer.vietnamese.bodies import issuers, place_kinds
from indexer.vietnamese.data import load_json

ISSUER_REACH = 120
MAX_WORDS = 12


@cache
def _of_regex() -> re.Pattern[str]:
    return re.compile(rf"[\s,]*(?:{word_pattern(function_word('of'))})\s+")


@cache
def _issuer_table() -> tuple[WordTrie, tuple[str, ...]]:
    pairs = [(s, e["name"]) for e in issuers() for s in [e["name"], *e["variants"]]]
    pairs.sort(key=lambda p: len(p[0]), reverse=True)  # longest first: `match` takes the fullest name
    return WordTrie([s for s, _ in pairs], "i"), tuple(n for _, n in pairs)  # matched at one place: no alternation compiled


@cache
def _stop_regex() -> re.Pattern[str]:
    words = "|".join(phrase_pattern(w) for w in load_json("issuers.json")["name_stops"] if "/" not in w)
    return re.compile(rf"{words}|v\s*/\s*v|[;.()“”\"]|\n\s*\n")


def _longest_table_issuer(ftext: str, pos: int) -> tuple[str, int] | None:
    regex, names = _issuer_table()
    m = regex.match(ftext, pos, pos + ISSUER_REACH)
    return (names[matched_index(m, "i")], m.end()) if m else None




@cache
def _ends_with_place() -> re.Pattern[str]:
    """An issuer the text follows with its place: a place kind (`UBND tỉnh`) or a body named after one."""
    kinds = [p["name"] for p in place_kinds()] + load_json("issuers.json")["named_after_place"]
    return re.compile("(?:" + "|".join(re.escape(fold(k)) for k in kinds) + ")$")

_NEXT_WORDS = re.compile(r"(?:[ \t]*\n?[ \t]*[^\s,;.:()]+){1,4}")


def _place_name_after(text: str, pos: int) -> str:
    """` Bắc Ninh` in `của UBND tỉnh Bắc Ninh về`: capitalised words naming the place; "" when none."""
    m = _NEXT_WORDS.match(text, pos)
    words = []
    for word in m.group().split() if m else []:
        if not word[:1].isupper():
            break
        words.append(word)
    return " " + (restore(" ".join(words)) or " ".join(words)) if words else ""


def issuer_after(text: str, ftext: str, pos: int) -> str | None:
    """The issuer named by `của …` at `pos`, in proper form; None when the text names none."""
    m = _of_regex().match(ftext, pos, pos + 20)
    if not m:
        return None
    start = m.end()
    candidates = [c for c in (known_unit_at(ftext, start, start + ISSUER_REACH), _longest_table_issuer(ftext, start)) if c]
    if candidates:
        best = max(candidates, key=lambda c: c[1])
        if hasattr(best[0], "name"):
            return best[0].name
        return best[0] + _place_name_after(text, best[1]) if _ends_with_place().search(fold(best[0])) else best[0]
    if not text[start:start + 1].isupper():
        return None
    stop = _stop_regex().search(ftext, start, start + ISSUER_REACH)
    end = stop.start() if stop else min(len(text), start + ISSUER_REACH)
    words = text[start:end].split()[:MAX_WORDS]
    printed = " ".join(words).rstrip(",")
    return name_unit(printed) or printed or None


@cache
def _issued_by() -> re.Pattern[str]:
    """`<unit> (đã) ban hành (và triển khai) <type> số …`: the subject issued the document."""
    also = "|".join(words_pattern(w) for w in function_words("issue_also"))
    return re.compile(
        rf"(?P<verb>{words_pattern(function_word('issue'))})"
        rf"(?:\s*(?:,|{word_pattern(function_word('and'))})\s+(?:{also})"
        rf"(?:\s+{words_pattern(function_word('issue_also_tail'))})?)?\s*(?:{word_pattern(function_word('issued_many'))}\s+)?"
        r"(?:[^\n.;:]{0,24}:\s*)?$")  # "ban hành Kế hoạch số: Kế hoạch số 02/…"


@cache
def _already() -> re.Pattern[str]:
    return re.compile("(?:" + "|".join(words_pattern(w) for w in function_words("issued_already")) + r")\s*$")


def issuer_before(text: str, ftext: str, type_start: int) -> str | None:
    """The issuer named as the subject that `ban hành` the cited document."""
    m = _issued_by().search(ftext, max(0, type_start - 60), type_start)
    if not m:
        return None
    verb = m.start("verb")
    already = _already().search(ftext, max(0, verb - 8), verb)
    return unit_before(text, ftext, already.start() if already else verb)
