"""Who issued a cited document: the `của …` after its symbol and date."""
from __future__ import annotations

import re
from functools import lru_cache

from indexer.parse.fuzzy import alternation, matched_index, phrase_pattern, word_pattern
from indexer.parse.tables import load
from indexer.parse.units import known_unit_at, name_unit

ISSUER_REACH = 120
MAX_WORDS = 12
_OF = re.compile(rf"[\s,]*(?:{word_pattern('của')})\s+")
# Where a free-form issuer name ends: the subject or the verb of the clause.
_STOP_WORDS = ("về", "v/v", "ban hành", "phê duyệt", "quy định", "hướng dẫn", "thực hiện", "triển khai",
               "đề xuất", "phân công", "giao", "tại", "theo", "đã", "nhằm", "cho", "trong", "khóa", "ngày")


@lru_cache(maxsize=None)
def _issuer_table() -> tuple[re.Pattern[str], tuple[str, ...]]:
    pairs = [(s, e["name"]) for e in load("issuers.json")["issuers"] for s in [e["name"], *e["variants"]]]
    pairs.sort(key=lambda p: len(p[0]), reverse=True)  # longest first: `match` takes the fullest name
    return alternation([s for s, _ in pairs], "i"), tuple(n for _, n in pairs)


@lru_cache(maxsize=None)
def _stop_regex() -> re.Pattern[str]:
    words = "|".join(phrase_pattern(w) for w in _STOP_WORDS if "/" not in w)
    return re.compile(rf"{words}|v\s*/\s*v|[;.()“”\"]|\n\s*\n")


def _longest_table_issuer(ftext: str, pos: int) -> tuple[str, int] | None:
    regex, names = _issuer_table()
    m = regex.match(ftext, pos, pos + ISSUER_REACH)
    return (names[matched_index(m, "i")], m.end()) if m else None


def issuer_after(text: str, ftext: str, pos: int) -> str | None:
    """The issuer named by `của …` at `pos`, in proper form; None when the text names none."""
    m = _OF.match(ftext, pos, pos + 20)
    if not m:
        return None
    start = m.end()
    candidates = [c for c in (known_unit_at(ftext, start, start + ISSUER_REACH), _longest_table_issuer(ftext, start)) if c]
    if candidates:
        best = max(candidates, key=lambda c: c[1])
        return best[0].name if hasattr(best[0], "name") else best[0]
    if not text[start:start + 1].isupper():
        return None
    stop = _stop_regex().search(ftext, start, start + ISSUER_REACH)
    end = stop.start() if stop else min(len(text), start + ISSUER_REACH)
    words = text[start:end].split()[:MAX_WORDS]
    printed = " ".join(words).rstrip(",")
    return name_unit(printed) or printed or None
