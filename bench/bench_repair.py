"""Speed of OCR repair: import time of indexer.ocr, then time per 1,000 tokens of
token_readings and restore_words on the sample corpus (OCR) and on its restored
(clean) text, with plain `fold` in the same run as the baseline.

    .venv/bin/python bench/bench_repair.py
"""
from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from indexer.textnorm import fold, tokenize  # noqa: E402

IMPORT_PROBE = "import time; t = time.perf_counter(); import indexer.ocr; print(time.perf_counter() - t)"
FIRST_CALL_PROBE = (
    "import time; import indexer.ocr as o; t = time.perf_counter(); o.token_readings(['cia']); "
    "print(time.perf_counter() - t)"
)


def fresh_process_seconds(code: str) -> float:
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    return float(out.stdout.strip())


def per_thousand(function, documents: list[list[str]], repeat: int = 3) -> float:
    tokens = sum(len(d) for d in documents)
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()  # CPU time: other processes on the machine do not count
        for words in documents:
            function(words)
        best = min(best, time.process_time() - start)
    return best / tokens * 1000 * 1000  # ms per 1,000 tokens


def load(folder: Path) -> list[list[str]]:
    return [[t.text for t in tokenize(p.read_text(encoding="utf-8"))] for p in sorted(folder.glob("*.txt"))]


def main() -> None:
    print(f"import indexer.ocr (fresh process)        {fresh_process_seconds(IMPORT_PROBE) * 1000:8.1f} ms")
    print(f"first call (loads lexicon + tables)       {fresh_process_seconds(FIRST_CALL_PROBE) * 1000:8.1f} ms")
    from indexer.ocr import _word_costs, restore_words, token_readings
    from indexer.ocr.channel import candidates
    from indexer.ocr.tokens import kind_of

    def clear_caches() -> None:
        for cached in (candidates, _word_costs, kind_of):
            cached.cache_clear()

    def plain(words: list[str]) -> list[str]:
        return [fold(w) for w in words]

    for name, folder in (("OCR corpus", ROOT / "corpus"), ("restored (clean)", ROOT / "tests/data/eval/seeds-restored")):
        documents = load(folder)
        token_readings(documents[0])  # warm the lexicon
        baseline = per_thousand(plain, documents)
        clear_caches()
        cold = per_thousand(token_readings, documents, repeat=1)
        warm = per_thousand(token_readings, documents)
        restore = per_thousand(restore_words, documents)
        print(f"\n{name}: {sum(map(len, documents))} tokens, ms per 1,000 tokens")
        print(f"  fold (baseline)                         {baseline:8.3f}")
        print(f"  token_readings, cold per-token caches   {cold:8.3f}  ({cold / baseline:,.0f}x fold)")
        print(f"  token_readings, warm cache              {warm:8.3f}  ({warm / baseline:,.0f}x fold)")
        print(f"  restore_words                           {restore:8.3f}  ({restore / baseline:,.0f}x fold)")


if __name__ == "__main__":
    main()
