"""Page images -> text through the `tesseract` program and its Vietnamese model.

The program, not a Python binding: it is the system package officials can
install (`tesseract-ocr`, `tesseract-ocr-vie`), and a crash or a hang on one bad
page stays in a child process with a timeout. Each page goes in on stdin as a
PGM image and comes back on stdout; pages run in parallel, each tesseract held
to one thread (OMP_THREAD_LIMIT=1) so that N pages use N cores, not N x cores.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from functools import cache

from indexer.ingest.formats.model import INSTALL_TESSERACT, OcrMissing, run_program
from indexer.vietnamese.data import load_rows

# Measured in bench/eval_ocr.py (30 development documents typeset to A4, clean / office / poor scans):
# vie alone keeps the diacritics (words 0.992 / 0.993 / 0.939); vie+eng loses them on words the English
# model claims (0.949 / 0.981 / 0.910) for a small gain in citations; eng alone reads 0.22 of the words.
LANGUAGES = "vie"
# Page segmentation 4 (one column of lines of varying size): on poor scans it kept the most metadata
# (0.658, against 0.642 for 3 and 0.625 for 6, whose single block lost the issuing unit on 25 of 30);
# on clean and office scans the three read the same words to within 0.004.
PAGE_SEGMENTATION = "4"
PAGE_TIMEOUT_SECONDS = 180  # a 300 dpi A4 page takes ~3-10 s on one core; a minute-long page is a stuck one
MAX_WORKERS = 4

ProgressFn = Callable[[int, int], None]  # (pages done, pages in the file)


@cache
def _lookalikes() -> tuple[re.Pattern[str], dict[str, str]]:
    table = {row["from"]: row["to"] for row in load_rows("tesseract_lookalikes.tsv")}
    pattern = re.compile("|".join(re.escape(k) for k in sorted(table, key=len, reverse=True)))
    return pattern, table


def fix_lookalikes(text: str) -> str:
    """OCR output with look-alike letters of other alphabets made the Vietnamese letters they stand for."""
    pattern, table = _lookalikes()
    return pattern.sub(lambda m: table[m.group()], text) if table else text


@cache
def tesseract_problem() -> str | None:
    """Why OCR cannot run here (one line with the cure), or None when it can."""
    program = shutil.which("tesseract")
    if program is None:
        return f"tesseract is not installed ({INSTALL_TESSERACT})"
    try:
        listed = subprocess.run([program, "--list-langs"], capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.SubprocessError) as error:
        return f"tesseract does not run ({error}; {INSTALL_TESSERACT})"
    languages = set(listed.stdout.split())
    missing = [lang for lang in LANGUAGES.split("+") if lang not in languages]
    if missing:
        return f"tesseract has no {'+'.join(missing)} model ({INSTALL_TESSERACT})"
    return None


@cache
def engine_name() -> str:
    try:
        out = subprocess.run(["tesseract", "--version"], capture_output=True, text=True, timeout=30, check=False)
        version = (out.stdout or out.stderr).split("\n", 1)[0].strip()
    except (OSError, subprocess.SubprocessError):
        version = "tesseract"
    return f"{version} -l {LANGUAGES} --psm {PAGE_SEGMENTATION}"


def require_tesseract() -> None:
    problem = tesseract_problem()
    if problem:
        raise OcrMissing(f"scanned pages need OCR, but {problem}")


def ocr_image(image: bytes, page: int, languages: str = LANGUAGES, segmentation: str = PAGE_SEGMENTATION) -> str:
    """Text of one page image (any format leptonica reads: PGM, PNG, JPEG, TIFF)."""
    command = ["tesseract", "stdin", "stdout", "-l", languages, "--psm", segmentation]
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    text = run_program("tesseract", command, timeout=PAGE_TIMEOUT_SECONDS, what=f"page {page}", stdin=image, env=env)
    return fix_lookalikes(text)


def worker_count(limit: int | None = None) -> int:
    return max(1, min(limit or MAX_WORKERS, MAX_WORKERS, os.cpu_count() or 1))


def ocr_pages(images: Iterator[tuple[int, bytes]], on_done: Callable[[int], None], workers: int | None = None) -> dict[int, str]:
    """Text of each (page, image) pair, OCR'd `workers` at a time. `images` is consumed in the calling
    thread (rendering with pdfium is not thread-safe) and at most 2 x workers images wait in memory;
    `on_done(page)` is called in the calling thread as each page finishes."""
    count = worker_count(workers)
    texts: dict[int, str] = {}
    with ThreadPoolExecutor(max_workers=count) as pool:
        pending: dict[Future[str], int] = {}

        def collect(block_until_one: bool) -> None:
            finished, _ = wait(pending, return_when=FIRST_COMPLETED) if block_until_one else (
                {f for f in pending if f.done()}, None)
            for future in finished:
                page = pending.pop(future)
                texts[page] = future.result()  # an Unreadable from the worker ends the file here
                on_done(page)

        try:
            for page, image in images:
                while len(pending) >= 2 * count:
                    collect(block_until_one=True)
                pending[pool.submit(ocr_image, image, page)] = page
                collect(block_until_one=False)
            while pending:
                collect(block_until_one=True)
        finally:
            for future in pending:
                future.cancel()
    return texts
