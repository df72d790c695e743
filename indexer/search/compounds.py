"""Vietnamese words of several syllables, folded: how unquoted query syllables group.

A user typing `biên chế` means the word, not two syllables anywhere in the
report. pyvi's lexicon lists the words; folded (`bien che`) it is a set of
syllable sequences that must stand together. Building it costs ~40 ms, so the
writer leaves a copy in the index folder and queries read that. A copy that is
damaged (not UTF-8, empty, cut short) is never used: queries build the set
themselves and the next `cchc index` writes the copy again.
"""
from __future__ import annotations

import functools
import os
from pathlib import Path

from indexer.textnorm import fold
from indexer.vietnamese.data import read_pyvi_words

CACHE_FILE = "compounds.txt"
MAX_SYLLABLES = 3
MIN_CACHED_WORDS = 1000  # pyvi lists tens of thousands: fewer means a cut-short copy
END_LINE = "# end"  # the last line of a complete copy


def build_compounds() -> frozenset[str]:
    lines = fold(read_pyvi_words()).split("\n")
    return frozenset(w for w in lines if " " in w and w.count(" ") < MAX_SYLLABLES)


def read_cache(folder: Path) -> frozenset[str] | None:
    """The cached set, or None when there is none or it is damaged."""
    try:
        lines = (folder / CACHE_FILE).read_bytes().decode("utf-8").split("\n")
    except (OSError, UnicodeDecodeError):
        return None
    if len(lines) < MIN_CACHED_WORDS or lines[-1] != END_LINE:
        return None
    return frozenset(lines[:-1])


def write_cache(folder: Path) -> None:
    """Write the copy unless a sound one is there; no temporary file outlives a failure."""
    if read_cache(folder) is not None:
        return
    tmp = folder / (CACHE_FILE + ".tmp")
    try:
        tmp.write_text("\n".join([*sorted(build_compounds()), END_LINE]), encoding="utf-8")
        os.replace(tmp, folder / CACHE_FILE)
    except BaseException:
        try:
            tmp.unlink()
        except OSError:
            pass
        raise


@functools.lru_cache(maxsize=4)
def compounds(index_dir: Path | None = None) -> frozenset[str]:
    if index_dir is not None:
        cached = read_cache(index_dir)
        if cached is not None:
            return cached
    return build_compounds()


def group_words(words: list[str], known: frozenset[str]) -> list[list[str]]:
    """Greedy, longest first: `to chuc bo may` -> [[to, chuc], [bo, may]]."""
    groups, i = [], 0
    while i < len(words):
        size = next(
            (n for n in range(min(MAX_SYLLABLES, len(words) - i), 1, -1) if " ".join(words[i : i + n]) in known), 1
        )
        groups.append(words[i : i + size])
        i += size
    return groups
