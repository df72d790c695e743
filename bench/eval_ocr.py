"""OCR of scanned pages, measured: the development documents' clean text is typeset
onto A4 page images (as a printer and a scanner would make them), read back by
tesseract with the Vietnamese model exactly as `cchc index` reads a scan, and
compared with the text it came from.

    .venv/bin/python bench/eval_ocr.py                 # the project's settings, clean and degraded scans
    .venv/bin/python bench/eval_ocr.py --settings      # also page segmentation 3/4/6 and vie vs vie+eng
    .venv/bin/python bench/eval_ocr.py --limit 5 --keep /tmp/pages   # a quick run; keep the page images

Figures, per setting and scan quality:
- word accuracy = 1 - word error rate (Levenshtein over word tokens, case folded,
  diacritics kept), and the same with diacritics folded away (`bare`); before and
  after the project's OCR repair (`restore_text`, whole text; `guarded`: only on
  lines that do not already look like clean Vietnamese, as the parser does);
- citation P/R/F1 and metadata fields via `indexer.parse.parse_report` against
  tests/data/real30/gold.json, with the clean text itself as the baseline of the run;
- OCR time per page: wall clock (pages run in parallel, as when indexing) and
  tesseract's CPU seconds per page (children's rusage: other load does not count).
Always exits 0: it measures, it does not gate.
"""
from __future__ import annotations

import argparse
import io
import json
import random
import resource
import statistics
import sys
import time
import unicodedata
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from eval_extract import prf, score_citations, score_fields  # noqa: E402
from PIL import Image, ImageDraw, ImageFilter, ImageFont  # noqa: E402

from indexer.ingest.formats import ocr  # noqa: E402
from indexer.ingest.formats.image import grey_pgm  # noqa: E402
from indexer.ingest.formats.model import PAGE_JOIN, clean_page  # noqa: E402
from indexer.parse import parse_report  # noqa: E402
from indexer.parse.restore import looks_clean  # noqa: E402
from indexer.textnorm import fold, tokenize  # noqa: E402

DATA = ROOT / "tests" / "data" / "real30"
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"
DPI = 300
POINT_SIZE = 13  # official letters: Times New Roman 13-14 pt (Decree 30/2020 on document layout)
MARGIN_IN = (1.2, 0.8)  # left, right/top/bottom, inches
# eng: the English model, which is what produced the sample corpus' damage (`t6 chirc` for `tổ chức`)
SETTINGS = [("vie", "4"), ("vie", "3"), ("vie", "6"), ("vie+eng", "4"), ("eng", "4")]


# --- typesetting and scanning ---------------------------------------------------------------------

def wrap(line: str, font: ImageFont.FreeTypeFont, width: float) -> list[str]:
    words, out, current = line.split(), [], ""
    for word in words:
        candidate = f"{current} {word}".strip()
        if current and font.getlength(candidate) > width:
            out.append(current)
            current = word
        else:
            current = candidate
    return out + [current] if current else out or [""]


def typeset(text: str, dpi: int = DPI) -> tuple[list[Image.Image], str]:
    """A4 pages holding `text`, long lines wrapped, blank lines kept (collapsed to one); and the
    text as typeset (the layout alone, without OCR, for the parse baseline)."""
    font = ImageFont.truetype(FONT, size=round(POINT_SIZE * dpi / 72))
    width, height = int(8.27 * dpi), int(11.69 * dpi)
    left, margin = int(MARGIN_IN[0] * dpi), int(MARGIN_IN[1] * dpi)
    step = round(POINT_SIZE * dpi / 72 * 1.5)
    lines: list[str] = []
    for raw_line in text.split("\n"):
        if not raw_line.strip():
            if lines and lines[-1]:
                lines.append("")
            continue
        lines.extend(wrap(raw_line, font, width - left - margin))
    per_page = (height - 2 * margin) // step
    pages, texts = [], []
    for start in range(0, len(lines), per_page):
        image = Image.new("L", (width, height), 255)
        draw = ImageDraw.Draw(image)
        for row, line in enumerate(lines[start:start + per_page]):
            draw.text((left, margin + row * step), line, font=font, fill=0)
        pages.append(image)
        texts.append("\n".join(lines[start:start + per_page]))
    return pages, PAGE_JOIN.join(texts)


# What scanners do to a page: (scale from 300 dpi, skew degrees, blur radius, speckles per 1000 px, JPEG quality,
# paper grey). "office" is a 200 dpi office scan; "poor" a 120 dpi copy of a copy, blurred and speckled.
QUALITIES = {"office": (2 / 3, 0.8, 0.9, 2.5, 35, 255), "poor": (0.4, 1.5, 1.2, 8.0, 25, 215)}


def degrade(image: Image.Image, seed: int, quality: str) -> Image.Image:
    scale, skew, blur, speckles, jpeg, paper = QUALITIES[quality]
    rng = random.Random(seed)
    small = image.resize((round(image.width * scale), round(image.height * scale)), Image.Resampling.LANCZOS)
    if paper < 255:  # grey paper, grey ink: contrast of a photocopy
        small = small.point(lambda v: round(40 + v * (paper - 40) / 255))
    skewed = small.rotate(rng.uniform(-skew, skew), resample=Image.Resampling.BICUBIC, fillcolor=paper)
    blurred = skewed.filter(ImageFilter.GaussianBlur(blur))
    pixels = blurred.load()
    for _ in range(round(blurred.width * blurred.height * speckles / 1000)):
        x, y = rng.randrange(blurred.width), rng.randrange(blurred.height)
        pixels[x, y] = rng.choice((0, 60, 200))
    buffer = io.BytesIO()
    blurred.save(buffer, format="JPEG", quality=jpeg)
    return Image.open(io.BytesIO(buffer.getvalue())).convert("L")


# --- scoring ---------------------------------------------------------------------------------------

def words(text: str, bare: bool = False) -> list[str]:
    return [fold(t.text) if bare else t.text.lower() for t in tokenize(unicodedata.normalize("NFC", text))]


def edit_distance(a: list[str], b: list[str]) -> int:
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, start=1):
        current = [i]
        for j, y in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y)))
        previous = current
    return previous[-1]


def word_accuracy(read: str, truth: str, bare: bool = False) -> tuple[int, int]:
    """(errors, words in the truth)."""
    gold = words(truth, bare)
    return edit_distance(words(read, bare), gold), len(gold)


def guarded_restore(text: str, restore_text) -> str:
    return "\n".join(line if looks_clean(line) or not line.strip() else restore_text(line) for line in text.split("\n"))


# --- one run -----------------------------------------------------------------------------------------

def ocr_document(pages: list[bytes], languages: str, segmentation: str, workers: int) -> tuple[str, list[float]]:
    def one(item: tuple[int, bytes]) -> tuple[str, float]:
        started = time.perf_counter()
        text = ocr.ocr_image(item[1], item[0], languages, segmentation)
        return text, time.perf_counter() - started

    with ThreadPoolExecutor(max_workers=workers) as pool:
        results = list(pool.map(one, enumerate(pages, start=1)))
    text = PAGE_JOIN.join(clean_page(unicodedata.normalize("NFC", t)) for t, _ in results)
    return text, [s for _, s in results]


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


class Tally:
    def __init__(self) -> None:
        self.errors: Counter[str] = Counter()
        self.words: Counter[str] = Counter()
        self.cits: Counter[str] = Counter()
        self.fields_ok: Counter[str] = Counter()
        self.fields_n: Counter[str] = Counter()

    def add_words(self, name: str, read: str, truth: str) -> None:
        for bare in (False, True):
            key = f"{name}{' bare' if bare else ''}"
            errors, n = word_accuracy(read, truth, bare)
            self.errors[key] += errors
            self.words[key] += n

    def accuracy(self, key: str) -> float:
        return 1 - self.errors[key] / max(self.words[key], 1)

    def add_parse(self, text: str, gold: dict) -> None:
        info = parse_report(text)
        for key, value in score_citations(info, gold).items():
            if isinstance(value, int):
                self.cits[key] += value
        for name, ok in score_fields(info, gold).items():
            if ok is not None:
                self.fields_n[name] += 1
                self.fields_ok[name] += bool(ok)

    def parse_row(self) -> str:
        _, _, f1 = prf(self.cits["tp"], self.cits["pred"], self.cits["gold"])
        p, r, _ = prf(self.cits["tp"], self.cits["pred"], self.cits["gold"])
        fields = " ".join(f"{n}={self.fields_ok[n]}/{self.fields_n[n]}" for n in ("unit", "symbol", "doc_type", "date", "title~"))
        ok, n = sum(self.fields_ok[f] for f in ("unit", "symbol", "doc_type", "date")), sum(
            self.fields_n[f] for f in ("unit", "symbol", "doc_type", "date"))
        return f"cit P {p:.3f} R {r:.3f} F1 {f1:.3f}  metadata {ok / max(n, 1):.3f} ({fields})"


def run(documents: list[tuple[dict, str, list[bytes]]], languages: str, segmentation: str, workers: int) -> dict:
    from indexer.ocr import restore_text

    tally, seconds, pages = Tally(), [], 0
    cpu_before, wall_before = children_cpu(), time.perf_counter()
    restored_all: list[tuple[dict, str, str, str]] = []
    for gold, truth, images in documents:
        read, page_seconds = ocr_document(images, languages, segmentation, workers)
        seconds.extend(page_seconds)
        pages += len(images)
        restored_all.append((gold, truth, read, restore_text(read)))
    cpu, wall = children_cpu() - cpu_before, time.perf_counter() - wall_before
    for gold, truth, read, restored in restored_all:
        tally.add_words("ocr", read, truth)
        tally.add_words("restored", restored, truth)
        tally.add_words("guarded", guarded_restore(read, restore_text), truth)
        tally.add_parse(read, gold)
    return {"tally": tally, "pages": pages, "wall_per_page": wall / max(pages, 1), "cpu_per_page": cpu / max(pages, 1),
            "median_page": statistics.median(seconds) if seconds else 0.0}


def load(limit: int | None) -> list[tuple[dict, str]]:
    gold = json.loads((DATA / "gold.json").read_text(encoding="utf-8"))[:limit]
    return [(g, unicodedata.normalize("NFC", (DATA / "clean" / g["file"]).read_text(encoding="utf-8"))) for g in gold]


def report(label: str, result: dict) -> None:
    t = result["tally"]
    print(f"{label:<26} words {t.accuracy('ocr'):.3f} -> restored {t.accuracy('restored'):.3f} / guarded {t.accuracy('guarded'):.3f}"
          f"   bare {t.accuracy('ocr bare'):.3f} -> {t.accuracy('restored bare'):.3f} / {t.accuracy('guarded bare'):.3f}")
    print(f"{'':<26} {t.parse_row()}")
    print(f"{'':<26} {result['pages']} pages: {result['wall_per_page']:.2f} s/page wall, "
          f"{result['cpu_per_page']:.2f} s/page tesseract CPU, median page {result['median_page']:.2f} s", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N documents")
    parser.add_argument("--settings", action="store_true", help="also compare page segmentation modes and vie+eng")
    parser.add_argument("--workers", type=int, default=ocr.worker_count(), help="pages OCR'd at once")
    parser.add_argument("--no-despeckle", action="store_true", help="OCR the pages without the median filter")
    parser.add_argument("--keep", type=Path, default=None, help="save the page images in this folder")
    args = parser.parse_args()
    problem = ocr.tesseract_problem()
    if problem:
        print(f"cannot measure OCR: {problem}")
        return 0
    documents = load(args.limit)
    baseline = Tally()
    for gold, truth in documents:
        baseline.add_parse(truth, gold)
    print(f"{len(documents)} documents typeset at {DPI} dpi, {POINT_SIZE} pt DejaVu Serif; {ocr.engine_name()}; "
          f"{args.workers} pages at once")
    print(f"{'clean text (baseline)':<26} {baseline.parse_row()}")
    scans: dict[str, list] = {"clean scan": [], "office scan": [], "poor scan": []}
    typeset_baseline = Tally()
    for number, (gold, truth) in enumerate(documents):
        pages, typeset_text = typeset(truth)
        typeset_baseline.add_parse(typeset_text, gold)
        for kind in scans:
            quality = kind.split()[0]
            images = pages if quality == "clean" else [degrade(p, number * 100 + i, quality) for i, p in enumerate(pages)]
            if args.keep:
                args.keep.mkdir(parents=True, exist_ok=True)
                for i, image in enumerate(images, start=1):
                    image.save(args.keep / f"{Path(gold['file']).stem}-{kind.split()[0]}-p{i}.png")
            scans[kind].append((gold, truth, [grey_pgm(image, not args.no_despeckle) for image in images]))
    print(f"{'typeset text (no OCR)':<26} {typeset_baseline.parse_row()}")
    default = (ocr.LANGUAGES, ocr.PAGE_SEGMENTATION)
    for kind, prepared in scans.items():
        for languages, segmentation in [default] + ([s for s in SETTINGS if s != default] if args.settings else []):
            report(f"{kind} -l {languages} --psm {segmentation}", run(prepared, languages, segmentation, args.workers))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
