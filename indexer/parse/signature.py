"""The foot of a document: recipients (Nơi nhận), the signer's role and name.

    Nơi nhận:                         KT. GIÁM ĐỐC
    - Sở VHTTDL;                      PHÓ GIÁM ĐỐC
    - Lưu: VT.
                                      Vũ Đại Thắng

OCR runs both columns together, so roles and the name are cut out of the
recipient lines. A machine e-signature line (`Name<mail> đã ký`) is the most
reliable source of the name.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache, lru_cache

from indexer.parse.fuzzy import alternation, folded, matched_index, phrase_pattern, word_pattern
from indexer.parse.restore import restore
from indexer.parse.units import known_unit_at
from indexer.textnorm import fold
from indexer.vietnamese.data import load_json, load_rows
from indexer.vietnamese.glyphs import OCR_LETTER_GLYPHS
from indexer.vietnamese.letters import TONE_MARKS

FOOT_LINES = 40  # without a "Nơi nhận", the signature is in the last lines
AUTHORITY = r"(?:kt|tm|tl|tuq|q)\s*[.,]\s*$"  # KT. GIÁM ĐỐC: signing on behalf of
_JUNK = re.compile(r"[;‘’“”\\%=|\[\]{}]|\s[)—_]")  # where OCR debris of the right column starts
_ITEM = re.compile(r"^\s*[-+•=–]\s*(?P<item>\S.*)$")
_GLYPHS = re.escape(OCR_LETTER_GLYPHS)
_NAME_WORD = rf"(?:[A-ZĐÀ-Ỹ]|1(?=[a-zà-ỹ]))[a-zà-ỹđ{_GLYPHS}0-9]*"  # `1é` = Lê: l printed as 1


@dataclass(slots=True)
class Foot:
    signer: str | None = None
    signer_role: str | None = None
    recipients: list[str] = field(default_factory=list)


@cache
def _foot_word(name: str) -> str:
    """A word of the foot (`receivers`: Nơi nhận) from header_words.json."""
    word: str = load_json("header_words.json")[name]
    return word


@cache
def _e_signature() -> re.Pattern[str]:
    signed = _foot_word("e_signed")
    return re.compile(rf"^[ \t]*(?P<name>[^\s<>@][^<>@\n]{{2,40}}?)[ \t]*<[^<>\s@]+@[^<>\s]+>[ \t]*(?:{signed}|{fold(signed)})",
                      re.M)


@cache
def _receivers_regex() -> re.Pattern[str]:
    return re.compile(phrase_pattern(_foot_word("receivers")) + r"|noinh\w*")


@cache
def _roles() -> tuple[tuple[str, ...], frozenset[str]]:
    words = load_json("header_words.json")  # signer roles, shared with the header's authority line
    return tuple(words["signer_roles"]), frozenset(words["collective_roles"])


@cache
def _roles_regex() -> re.Pattern[str]:
    return alternation(_roles()[0], "r")


@cache
def _names() -> tuple[tuple[str, ...], tuple[str, ...]]:
    rows = load_rows("person_names.tsv")
    return tuple(r["spelling"] for r in rows if r["kind"] == "surname"), tuple(r["spelling"] for r in rows if r["kind"] == "given")


@cache
def _any_names() -> tuple[str, ...]:
    """Given names, then surnames: one tuple (the memo of `_restore_name_word` keys on it)."""
    surnames, given = _names()
    return given + surnames


@lru_cache(maxsize=20_000)  # signers and recipients recur across reports; each call tries every name of the table
def _restore_name_word(word: str, table: tuple[str, ...]) -> str | None:
    fword = folded(word)
    matches = [n for n in table if re.fullmatch(word_pattern(n), fword)]
    if not matches:
        return None
    exact = [n for n in matches if folded(n) == fword] or matches
    tone = _tones(word)  # `Viét`: the acute survived, so Viết rather than Việt
    same_tone = [n for n in exact if tone and tone <= _tones(n)]
    return (same_tone or exact)[0]


def _tones(word: str) -> set[str]:
    return {c for c in unicodedata.normalize("NFD", word) if c in TONE_MARKS}


def restore_person_name(printed: str) -> str | None:
    """`Nguyén Thi Bich Dung` -> `Nguyễn Thị Bích Dung`; None unless it reads as surname + given names."""
    words = printed.split()
    surnames, given = _names()
    if not 2 <= len(words) <= 5:
        return None
    first = _restore_name_word(words[0], surnames)
    if first is None or (folded(first) != folded(words[0]) and (as_given := _restore_name_word(words[0], given))
                         and folded(as_given) == folded(words[0])):
        return None  # `Thi Mai`: a middle name, not a damaged surname
    rest = [_restore_name_word(w, _any_names()) or w for w in words[1:]]
    return " ".join([first, *rest])


def _person_names_in(line: str) -> list[tuple[int, int, str]]:
    """Names closing a line (the signature, or a recipient line the OCR ran into it)."""
    found = []
    for m in re.finditer(rf"(?<![\w{_GLYPHS}]){_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{1,3}}(?![\w{_GLYPHS}])", line):
        after = line[m.end():]
        if any(not (w[0].isupper() or w[0] == "1") or w[1:] != w[1:].lower() for w in m.group().split()) \
                or after != after.upper():
            continue  # not Title Case, or more text follows (only the role in capitals may)
        name = restore_person_name(m.group())
        if name:
            found.append((m.start(), m.end(), name))
    return found


def _foot_start(lines: list[str]) -> int:
    for index in range(len(lines) - 1, max(-1, len(lines) - 120), -1):
        if _receivers_regex().search(folded(lines[index])):
            return index
    return max(0, len(lines) - FOOT_LINES)


def _role(lines: list[str]) -> str | None:
    roles = []
    for line in lines:
        fline = folded(line)
        for m in _roles_regex().finditer(fline):
            printed = line[m.start():m.end()]
            letters = [c for c in printed if c.isalpha()]
            if sum(c.isupper() for c in letters) < 0.7 * len(letters):
                continue
            on_behalf = re.search(AUTHORITY, fline[:m.start()]) is not None
            roles.append((on_behalf, _roles()[0][matched_index(m, "r")]))
    own = [r for behalf, r in roles if not behalf and r not in _roles()[1]]
    return own[-1] if own else None


def _recipients(lines: list[str], signer_cut: str | None) -> list[str]:
    items = []
    for line in lines:
        m = _ITEM.match(line)
        if not m:
            continue
        item = m.group("item")
        cut = _roles_regex().search(folded(item))
        if cut and sum(c.isupper() for c in item[cut.start():cut.end()]) > 3:
            item = item[:cut.start()]
        item = re.sub(r"\b(?:KT|TM|TL)\s*\.\s*$", "", item)
        for start, _, _ in _person_names_in(item):
            item = item[:start]
        junk = _JUNK.search(item)
        item = " ".join((item[:junk.start()] if junk else item).split()).strip(" ;,.")
        if len(item) >= 2:
            items.append(_proper_unit_prefix(item))
        if re.match(r"\s*l\w{1,2}\s*:", folded(item)):  # "Lưu: VT" closes the list
            break
    return items


@cache
def _so_glyphs() -> re.Pattern[str]:
    """`S6 VH,TT&DL`: the OCR's Sở before a code."""
    vowels = re.escape(_foot_word("department_printed_vowels"))
    return re.compile(rf"^(?:S[{vowels}]?|{_foot_word('department')})(?=\s+[A-ZĐ])")


def _is_code(word: str) -> bool:
    """An abbreviation to keep as printed (VP, CB,CC, TTTT), not an OCR'd word (S¢, S6)."""
    return word.isupper() and not any(c.isdigit() or c in OCR_LETTER_GLYPHS for c in word)


def _proper_unit_prefix(item: str) -> str:
    """`S& Vian héa Thé thao va Du lich (b/c)` -> `Sở Văn hóa, Thể thao và Du lịch (b/c)`;
    `Cac phong thudc S¢` -> `Các phòng thuộc Sở`; `S6 TTTT` -> `Sở TTTT`. Capitals (codes) and
    notes in brackets (b/c, t/h) stay as printed; so does debris without a real word."""
    known = known_unit_at(folded(item), 0)
    if known:
        return known[0].name + item[known[1]:]
    item = _so_glyphs().sub(_foot_word("department"), item)
    keep = re.match(r"\s*l\w{1,2}\s*:", folded(item))  # "Luu: VT" (archive): the list's last line
    if keep:
        return _foot_word("archive") + ":" + item[keep.end():]
    head, bracket, tail = item.partition("(")
    words = head.split()
    if not any(len(w) >= 3 and w.islower() for w in words):
        return item
    restored = (restore(" ".join(words)) or "").split()
    if len(restored) == len(words):
        words = [w if _is_code(w) else r for w, r in zip(words, restored)]
    return " ".join(words) + (" " + bracket + tail if bracket else "")


def parse_foot(text: str) -> Foot:
    lines = text.split("\n")
    start = _foot_start(lines)
    zone = lines[start:]
    foot = Foot()
    signatures = [restore_person_name(m.group("name").strip()) for m in _e_signature().finditer(text)]
    names = [n for line in zone for _, _, n in _person_names_in(line)]
    signed = [s for s in signatures if s]
    foot.signer = signed[0] if signed else (names[-1] if names else None)
    foot.signer_role = _role(zone)
    foot.recipients = _recipients(zone, foot.signer)
    return foot
