"""Word accuracy of the readable view (`indexer.readable`) against the hand-restored seed texts.

Line N of the readable text is compared with line N of `tests/data/eval/seeds-restored/`:
words (the tokenizer's) are aligned with difflib on their spelling (case and tone placement
ignored) and a word counts as right when it is spelled exactly as restored by hand. Accuracy
= right words / words of the restored text. Printed beside the baseline of the same run (the
original OCR text scored the same way) for the development files (000-002), the held-out
files (003-004), and the restored text fed back in (clean text must stay ~1.0).

    .venv/bin/python bench/eval_readable.py
"""
from __future__ import annotations

import difflib
import sys
import unicodedata
from pathlib import Path
from time import perf_counter

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from indexer.readable import readable_lines  # noqa: E402
from indexer.textnorm import tokenize  # noqa: E402

CORPUS = ROOT / "corpus"
RESTORED = ROOT / "tests" / "data" / "eval" / "seeds-restored"
GROUPS = {"development (000-002)": ("000", "001", "002"), "held-out (003-004)": ("003", "004")}
# Stamp debris and the machine-readable e-signature block (eval README / char patterns).
DEBRIS = {"000": set(range(180, 189)) | set(range(191, 217))}


def spelling_key(word: str) -> tuple[str, str]:
    """Letters and marks of a word, lower-cased; where the tone sits (hoá/hóa) is ignored."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    marks = "".join(sorted(c for c in decomposed if unicodedata.combining(c)))
    return "".join(c for c in decomposed if not unicodedata.combining(c)), marks


def line_score(candidate: str, truth: str) -> tuple[int, int]:
    """(right words, words) of one line."""
    got = [spelling_key(t.text) for t in tokenize(unicodedata.normalize("NFC", candidate))]
    want = [spelling_key(t.text) for t in tokenize(unicodedata.normalize("NFC", truth))]
    matcher = difflib.SequenceMatcher(a=got, b=want, autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks()), len(want)


def score(lines: list[str], truth: list[str], skip: set[int]) -> tuple[int, int]:
    right = total = 0
    for number, (candidate, wanted) in enumerate(zip(lines, truth), start=1):
        if number in skip:
            continue
        r, t = line_score(candidate, wanted)
        right, total = right + r, total + t
    return right, total


def main() -> None:
    print(f"{'files':<24}{'words':>8}{'OCR text':>12}{'readable':>12}{'clean in':>12}{'seconds':>10}")
    for name, prefixes in GROUPS.items():
        sums = [0, 0, 0, 0]
        words = 0
        seconds = 0.0
        for truth_path in sorted(RESTORED.glob("*.txt")):
            prefix = truth_path.name[:3]
            if prefix not in prefixes:
                continue
            original = (CORPUS / truth_path.name).read_text(encoding="utf-8")
            truth = truth_path.read_text(encoding="utf-8").split("\n")
            started = perf_counter()
            readable = readable_lines(original)
            seconds += perf_counter() - started
            assert len(readable) == len(original.split("\n")), f"{truth_path.name}: line count changed"
            skip = DEBRIS.get(prefix, set())
            base, total = score(original.split("\n"), truth, skip)
            fixed, _ = score(readable, truth, skip)
            clean, _ = score(readable_lines("\n".join(truth)), truth, skip)
            sums = [sums[0] + base, sums[1] + fixed, sums[2] + clean, 0]
            words += total
        print(f"{name:<24}{words:>8}{sums[0] / words:>12.1%}{sums[1] / words:>12.1%}{sums[2] / words:>12.1%}{seconds:>10.2f}")


if __name__ == "__main__":
    main()
