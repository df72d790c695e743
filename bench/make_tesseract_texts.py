"""Print clean documents to page images and read them back with tesseract (the issue's "printed + tesseract" kind).

Each clean document (tests/data/blind/b*.txt and tests/data/real30/clean/*.txt) is typeset on A4 pages at
300 dpi in DejaVu Serif 12 pt, one printed line per source line (long lines wrapped at word boundaries like
a word processor would, leading spaces kept so two-column headers stay two columns). A light, seeded
"scan" is applied (a small rotation and a slight blur), then every page is read by

    tesseract -l vie   (an engine with Vietnamese)     -> tests/data/tesseract/vie/<name>.txt
    tesseract -l eng   (an engine without Vietnamese)  -> tests/data/tesseract/eng/<name>.txt

The outputs are committed so evaluations are deterministic without tesseract. Their line breaks are the
engine's own: they are NOT line-aligned with the clean text (gold metadata and citations apply, citation
`line` fields and query lines do not).

Needs Pillow (`pip install pillow`, not a project dependency) and tesseract with the vie and eng data.

    python bench/make_tesseract_texts.py [--only NAME_SUBSTRING] [--langs vie,eng]
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import tempfile
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

REPO = Path(__file__).resolve().parent.parent
SOURCES = (REPO / "tests/data/blind", "b*.txt"), (REPO / "tests/data/real30/clean", "*.txt")
OUT = REPO / "tests/data/tesseract"
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")
DPI = 300
PAGE_W, PAGE_H = 2480, 3508  # A4 at 300 dpi
MARGIN_L, MARGIN_R, MARGIN_T, MARGIN_B = 236, 177, 236, 236  # 2 cm / 1.5 cm / 2 cm / 2 cm
FONT_PX = 50  # 12 pt at 300 dpi
LINE_PX = 66  # about 1.3 line spacing
SCAN_MAX_ROTATION = 0.4  # degrees
SCAN_BLUR = 0.8
SEED = 11


def wrap_line(line: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Break one source line into printed lines no wider than the text area, at spaces."""
    line = line.rstrip()
    if font.getlength(line) <= width:
        return [line]
    indent = line[: len(line) - len(line.lstrip())]
    out, current = [], ""
    for word in line.split():
        trial = f"{current} {word}" if current else indent + word
        if current and font.getlength(trial) > width:
            out.append(current)
            current = word
        else:
            current = trial
    out.append(current)
    return out


def typeset(text: str, font: ImageFont.FreeTypeFont) -> list[list[str]]:
    """The printed lines of each page."""
    width = PAGE_W - MARGIN_L - MARGIN_R
    per_page = (PAGE_H - MARGIN_T - MARGIN_B) // LINE_PX
    printed = [p for line in text.splitlines() for p in wrap_line(line, font, width)]
    return [printed[i : i + per_page] for i in range(0, len(printed), per_page)] or [[]]


def render_page(lines: list[str], font: ImageFont.FreeTypeFont, rng: random.Random) -> Image.Image:
    page = Image.new("L", (PAGE_W, PAGE_H), 255)
    draw = ImageDraw.Draw(page)
    for i, line in enumerate(lines):
        draw.text((MARGIN_L, MARGIN_T + i * LINE_PX), line, font=font, fill=0)
    angle = rng.uniform(-SCAN_MAX_ROTATION, SCAN_MAX_ROTATION)
    page = page.rotate(angle, resample=Image.BICUBIC, fillcolor=255)
    return page.filter(ImageFilter.GaussianBlur(SCAN_BLUR))


def read_back(image_path: Path, lang: str) -> str:
    env = dict(os.environ, OMP_THREAD_LIMIT="1")  # the machine is shared: one core per tesseract
    result = subprocess.run(
        ["tesseract", str(image_path), "stdout", "-l", lang, "--dpi", str(DPI)],
        capture_output=True, text=True, check=True, env=env,
    )
    return result.stdout


def process(src: Path, langs: list[str], font: ImageFont.FreeTypeFont, workdir: Path) -> None:
    rng = random.Random(f"{SEED}:{src.name}")
    pages = typeset(src.read_text(encoding="utf-8"), font)
    images = []
    for n, lines in enumerate(pages, 1):
        path = workdir / f"{src.stem}.p{n}.png"
        render_page(lines, font, rng).save(path, dpi=(DPI, DPI))
        images.append(path)
    for lang in langs:
        text = "".join(read_back(path, lang) for path in images)
        (OUT / lang).mkdir(parents=True, exist_ok=True)
        (OUT / lang / src.name).write_text(text, encoding="utf-8")
    print(f"{src.name}: {len(pages)} page(s)", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default="", help="process only files whose name contains this")
    parser.add_argument("--langs", default="vie,eng")
    args = parser.parse_args()
    font = ImageFont.truetype(str(FONT), FONT_PX)
    sources = [p for folder, pattern in SOURCES for p in sorted(folder.glob(pattern)) if args.only in p.name]
    with tempfile.TemporaryDirectory() as tmp:
        for src in sources:
            process(src, args.langs.split(","), font, Path(tmp))
    print(f"{len(sources)} documents read back into {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
