"""`place_names.printings` fits each distinct word to the name once and reads only the runs whose first
two words allow a fit: the same printings as reading every run against every anchor (its former way,
written out here), on the OCR'd real reports, for names the reports print (one to three words)."""
from __future__ import annotations

from pathlib import Path

from indexer.parse.place_names import _WORD, _capital, _printing_of, printings

ROOT = Path(__file__).resolve().parent.parent


def _every_run_read(text: str, name: list[str], rounds: int = 2) -> list[list[str]]:
    words = [w.strip("-–") for w in _WORD.findall(text)]
    n = len(name)
    capital = [_capital(w) for w in words]
    windows = [words[k:k + n] for k in range(len(words) - n + 1) if all(capital[k:k + n])]
    found: list[list[str]] = []
    anchors = [list(name)]
    distinct = list({tuple(w): w for w in windows}.values())
    for _ in range(rounds):
        hits = {tuple(w) for w in distinct if w not in found and any(_printing_of(w, a) for a in anchors)}
        new = [w for w in windows if tuple(w) in hits]
        found += new
        anchors = [w for w in {tuple(x): x for x in new}.values() if w not in anchors]
    kept = {tuple(w) for w in found}
    return [w for w in windows if tuple(w) in kept]


def _vowel_off(word: str) -> str:
    return next((word[:i] + ("o" if ch == "a" else "a") + word[i + 1:] for i, ch in enumerate(word) if ch in "aeiou"), word)


def test_printings_are_those_found_reading_every_run():
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests/data/real30/ocr").glob("*.txt"))[:10]]
    found = 0
    for text in texts:
        words = [w.strip("-–") for w in _WORD.findall(text)][:400]
        for n in (1, 2, 3):
            printed = [words[k:k + n] for k in range(len(words) - n) if all(_capital(w) for w in words[k:k + n])]
            for name in printed[::7]:
                for asked in (name, [_vowel_off(name[0]), *name[1:]]):  # one letter off: the first word misfits
                    expected = _every_run_read(text, asked)
                    assert printings(text, asked) == expected, asked
                    found += len(expected)
    assert found > 200
