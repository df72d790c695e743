"""Word-by-word accuracy of OCR repair against the hand-restored seed texts.

For every OCR token we compare its readings with the fold of the restored
word at the same place (lines are aligned; tokens within a line are aligned
with difflib on their folds, replace-blocks of equal length pair one to one,
the rest count as unaligned). Prints best-reading accuracy, any-reading
accuracy, the plain-fold baseline, the mean number of readings and the share of
restore_words spellings equal to the restored word (case and tone placement ignored), for the
development files (000-002), the held-out files (003-004), and the restored
text itself (clean text must stay ~1.0); then line-level phrase-search precision/recall for the
seed queries and for every bigram and trigram of the restored text used as a query.

    .venv/bin/python bench/eval_repair.py [--errors N]
"""
from __future__ import annotations

import argparse
import difflib
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from indexer.ocr import restore_words, token_readings  # noqa: E402
from indexer.textnorm import fold, tokenize  # noqa: E402

CORPUS = ROOT / "corpus"
RESTORED = ROOT / "tests" / "data" / "eval" / "seeds-restored"
DEV, HELD_OUT = ("000", "001", "002"), ("003", "004")
# Stamp debris and the machine-readable e-signature block (eval README / char patterns).
DEBRIS = {"000": set(range(180, 189)) | set(range(191, 217))}


@dataclass
class Tally:
    tokens: int = 0
    best: int = 0
    any: int = 0
    plain: int = 0
    readings: int = 0
    unaligned: int = 0
    restored: int = 0
    noise: int = 0  # tokens indexed under a wrong extra word (neither the truth nor the plain fold)
    errors: Counter = field(default_factory=Counter)
    restore_errors: Counter = field(default_factory=Counter)

    def add_restored(self, printed: str, spelled: str, truth: str) -> None:
        same = spelling_key(spelled) == spelling_key(truth)
        self.restored += same
        if not same:
            self.restore_errors[(printed, spelled, truth)] += 1

    def add(self, printed: str, readings: tuple[str, ...], truth: str) -> None:
        self.tokens += 1
        self.readings += len(readings)
        self.best += readings[0] == truth
        self.any += truth in readings
        self.plain += fold(printed) == truth
        self.noise += any(r not in (truth, fold(printed)) for r in readings)
        if readings[0] != truth:
            self.errors[(printed, readings, truth)] += 1

    def row(self, name: str) -> str:
        n = max(self.tokens, 1)
        return (
            f"{name:<22} {self.tokens:>6} {self.plain / n:>7.3f} {self.best / n:>7.3f} "
            f"{self.any / n:>7.3f} {self.readings / n:>6.2f} {self.noise / n:>6.3f} {self.unaligned:>6} {self.restored / n:>8.3f}"
        )


def strip_marks(text: str) -> str:
    """Text typed without diacritics (case kept): the repair must not invent changes."""
    return "".join(fold(ch) if ch.isalpha() and ch.lower() == ch else fold(ch).upper() for ch in text)


def spelling_key(word: str) -> tuple[str, str]:
    """Letters and marks of a word, lower-cased; where the tone sits (hoá/hóa) is ignored."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    marks = "".join(sorted(c for c in decomposed if unicodedata.combining(c)))
    return "".join(c for c in decomposed if not unicodedata.combining(c)), marks


def aligned_pairs(ocr: list[str], truth: list[str]):
    """(ocr index, truth word) pairs within one line; unmatched count as None."""
    matcher = difflib.SequenceMatcher(a=[fold(w) for w in ocr], b=[fold(w) for w in truth], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1):
            yield from ((i, truth[j]) for i, j in zip(range(i1, i2), range(j1, j2)))
        else:
            yield from ((i, None) for i in range(i1, i2))


def evaluate(ocr_text: str, truth_text: str, tally: Tally, skip_lines: set[int]) -> None:
    tokens = tokenize(ocr_text)
    readings = token_readings([t.text for t in tokens])
    spelled = restore_words([t.text for t in tokens])
    by_line: dict[int, list[int]] = {}
    for index, token in enumerate(tokens):
        by_line.setdefault(token.line, []).append(index)
    truth_lines = truth_text.split("\n")
    for line, indexes in by_line.items():
        if line in skip_lines:
            continue
        truth_words = [t.text for t in tokenize(truth_lines[line - 1])] if line <= len(truth_lines) else []
        for local, truth in aligned_pairs([tokens[i].text for i in indexes], truth_words):
            if truth is None:
                tally.unaligned += 1
            else:
                index = indexes[local]
                tally.add(tokens[index].text, readings[index], fold(truth))
                tally.add_restored(tokens[index].text, spelled[index], truth)


def phrase_lines(forms: list[set[str]], lines: list[int], query: list[str]) -> set[int]:
    """Lines where the query words occur in order and consecutive, any form matching."""
    n = len(query)
    return {
        lines[i] for i in range(len(forms) - n + 1) if all(query[k] in forms[i + k] for k in range(n))
    }


def query_table() -> None:
    """Line-level precision/recall of phrase search over the seed queries: plain folds
    alone vs folds plus readings (what the index holds)."""
    import json

    queries = json.loads((ROOT / "tests/data/eval/seed-queries.json").read_text(encoding="utf-8"))["queries"]
    documents = {}
    for path in sorted(CORPUS.glob("*.txt")):
        tokens = [t for t in tokenize(path.read_text(encoding="utf-8")) if t.line not in DEBRIS.get(path.name[:3], set())]
        readings = token_readings([t.text for t in tokens])
        documents[path.name] = ([t.line for t in tokens], [{t.fold} for t in tokens],
                                [{t.fold, *r} for t, r in zip(tokens, readings)])
    totals = {"plain": [0, 0, 0], "readings": [0, 0, 0]}  # true positives, found, gold
    print(f"\n{'query':<34} {'gold':>4} {'plain P/R':>11} {'repair P/R':>11}")
    for query in queries:
        words = [fold(t.text) for t in tokenize(query["query"])]
        gold = {(g[0], g[1]) for g in query["gold_lines"]}
        cells = []
        for name, slot in (("plain", 1), ("readings", 2)):
            found = {(f, line) for f, doc in documents.items() for line in phrase_lines(doc[slot], doc[0], words)}
            hits = len(found & gold)
            totals[name][0] += hits
            totals[name][1] += len(found)
            totals[name][2] += len(gold)
            cells.append(f"{hits / max(len(found), 1):.2f}/{hits / max(len(gold), 1):.2f}")
        print(f"{query['query'][:34]:<34} {len(gold):>4} {cells[0]:>11} {cells[1]:>11}")
    for name, (hits, found, gold) in totals.items():
        print(f"micro {name:<28} precision {hits / max(found, 1):.3f} recall {hits / max(gold, 1):.3f}")


def ngram_lines(forms: list[set[str]], lines: list[int], n: int) -> dict[tuple[str, ...], set[int]]:
    """Every n-gram of forms (one form per token, any combination) -> lines where it starts."""
    import itertools

    found: dict[tuple[str, ...], set[int]] = {}
    for i in range(len(forms) - n + 1):
        for gram in itertools.product(*forms[i : i + n]):
            found.setdefault(gram, set()).add(lines[i])
    return found


def ngram_table() -> None:
    """Every bigram and trigram of the restored text used as a phrase query: line-level
    micro precision/recall of the indexed forms (plain fold + readings) against where
    the phrase really is. Only n-grams of real syllables (no numbers or codes) count."""
    from indexer.vietnamese.phonology import is_syllable

    totals = {(n, kind): [0, 0, 0] for n in (2, 3) for kind in ("plain", "readings")}
    for path in sorted(CORPUS.glob("*.txt")):
        skip = DEBRIS.get(path.name[:3], set())
        ocr = [t for t in tokenize(path.read_text(encoding="utf-8")) if t.line not in skip]
        truth = [t for t in tokenize((RESTORED / path.name).read_text(encoding="utf-8")) if t.line not in skip]
        readings = token_readings([t.text for t in ocr])
        for n in (2, 3):
            gold = ngram_lines([{t.fold} for t in truth], [t.line for t in truth], n)
            gold = {g: v for g, v in gold.items() if all(is_syllable(w) for w in g)}
            for kind, forms in (("plain", [{t.fold} for t in ocr]), ("readings", [{t.fold, *r} for t, r in zip(ocr, readings)])):
                found = ngram_lines(forms, [t.line for t in ocr], n)
                total = totals[(n, kind)]
                for gram, lines in gold.items():
                    hit = found.get(gram, set())
                    total[0] += len(hit & lines)
                    total[1] += len(hit)
                    total[2] += len(lines)
    print("\nevery restored n-gram as a query (line level, micro):")
    for (n, kind), (hits, found, gold) in totals.items():
        print(f"  {n}-grams {kind:<9} precision {hits / max(found, 1):.3f}  recall {hits / max(gold, 1):.3f}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--errors", type=int, default=0, help="show the N commonest errors")
    args = parser.parse_args()
    names = ("dev 000-002", "held-out 003-004", "all",
             "all incl. debris", "restored (clean)", "restored, unaccented")
    tallies = {name: Tally() for name in names}
    for path in sorted(CORPUS.glob("*.txt")):
        stem = path.name[:3]
        ocr, truth = path.read_text(encoding="utf-8"), (RESTORED / path.name).read_text(encoding="utf-8")
        group = "dev 000-002" if stem in DEV else "held-out 003-004"
        evaluate(ocr, truth, tallies[group], DEBRIS.get(stem, set()))
        evaluate(ocr, truth, tallies["all"], DEBRIS.get(stem, set()))
        evaluate(ocr, truth, tallies["all incl. debris"], set())
        evaluate(truth, truth, tallies["restored (clean)"], set())
        evaluate(strip_marks(truth), truth, tallies["restored, unaccented"], set())
    print(f"{'set':<22} {'tokens':>6} {'plain':>7} {'best':>7} {'any':>7} {'n/tok':>6} {'noise':>6} {'unal.':>6} {'restored':>8}")
    for name, tally in tallies.items():
        print(tally.row(name))
    query_table()
    ngram_table()
    if args.errors:
        print("\ncommonest errors (printed, readings, truth):")
        for (printed, readings, truth), count in tallies["all"].errors.most_common(args.errors):
            print(f"{count:>4}  {printed!r:<14} {'/'.join(readings):<22} {truth}")
        print("\ncommonest restore errors (printed, restored, truth):")
        for (printed, spelled, truth), count in tallies["all"].restore_errors.most_common(args.errors):
            print(f"{count:>4}  {printed!r:<14} {spelled:<16} {truth}")


if __name__ == "__main__":
    main()
