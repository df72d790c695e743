"""Personal names: a capitalised run that opens with a surname is spelt as a name.

`Nguyén Thi Bich Dung` is Nguyễn Thị Bích Dung, not the commoner syllables
Nguyên Thì Bích Dụng that plain prose would pick.
"""
from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from indexer.ocr.lexicon import lexicon
from indexer.textnorm import fold, nfc
from indexer.vietnamese.data import load_rows

LONGEST_NAME = 5  # syllables
HONORIFICS = frozenset({"ong", "ba"})  # Ông, Bà before a name


def _rows() -> list[dict[str, str]]:
    """The name syllables OCR repair spells (the `ocr` rows of the one name table)."""
    return [row for row in load_rows("person_names.tsv") if row["ocr"] == "1"]


@cache
def name_spellings() -> dict[str, str]:
    spellings: dict[str, str] = {}
    for row in _rows():
        spellings.setdefault(fold(row["spelling"]), nfc(row["spelling"]))
    return spellings


@cache
def surnames() -> frozenset[str]:
    return frozenset(fold(row["spelling"]) for row in _rows() if row["kind"] == "surname")


def _capitalised(word: str) -> bool:
    return word[:1].isupper() or word[:1] in ("P", "B")  # Đ printed as P/B stays a capital


def name_runs(printed: Sequence[str], readings: Sequence[str | None]) -> list[range]:
    """Runs of 2-5 capitalised syllables opening with a surname (after Ông/Bà at most)."""
    runs, start = [], 0
    while start < len(printed):
        end = start
        while end < len(printed) and readings[end] is not None and _capitalised(printed[end]):
            end += 1
        opening = start + 1 if start < end and readings[start] in HONORIFICS else start  # Ông Nguyễn Văn Hùng
        if 2 <= end - opening <= LONGEST_NAME and readings[opening] in surnames():
            run = range(opening, end)
            if not all(printed[i].isupper() for i in run) or all(readings[i] in name_spellings() for i in run):
                runs.append(run)  # an all-caps run must be all name syllables (not BÁO CÁO)
        start = max(end, start + 1)
    return runs


def respell_names(printed: Sequence[str], readings: Sequence[str | None], spelled: list[str | None]) -> None:
    """Overwrite, in place, the spelling of syllables inside personal names."""
    names, places = name_spellings(), lexicon().word_spellings
    for run in name_runs(printed, readings):
        if tuple(readings[i] for i in run) in places:
            continue  # Đồ Sơn, Hồ Chí Minh: a place the lexicon already spells
        for index in run:
            reading = readings[index]
            if reading in names:
                spelled[index] = names[reading].lower()
