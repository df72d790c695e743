"""Vietnamese words of several syllables, folded: how unquoted query syllables group.

A user typing `biên chế` means the word, not two syllables anywhere in the
report. pyvi's lexicon lists the words; folded (`bien che`) it is a set of
syllable sequences that must stand together. Building it costs ~40 ms, so the
writer leaves a copy in the index directory and queries read that.
"""
from __future__ import annotations

import functools
import importlib.util
import os
from pathlib import Path

from indexer.textnorm import fold

CACHE_FILE = "compounds.txt"
MAX_SYLLABLES = 3


def pyvi_words_path() -> Path:
    spec = importlib.util.find_spec("pyvi")
    return Path(spec.submodule_search_locations[0]) / "models" / "words.txt"


def build_compounds() -> frozenset[str]:
    lines = fold(pyvi_words_path().read_text(encoding="utf-8")).split("\n")
    return frozenset(w for w in lines if " " in w and w.count(" ") < MAX_SYLLABLES)


def write_cache(index_dir: Path) -> None:
    target = index_dir / CACHE_FILE
    if target.exists():
        return
    tmp = index_dir / (CACHE_FILE + ".tmp")
    tmp.write_text("\n".join(sorted(build_compounds())), encoding="utf-8")
    os.replace(tmp, target)


@functools.lru_cache(maxsize=4)
def compounds(index_dir: Path | None = None) -> frozenset[str]:
    if index_dir is not None:
        try:
            return frozenset((index_dir / CACHE_FILE).read_text(encoding="utf-8").split("\n"))
        except OSError:
            pass
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
