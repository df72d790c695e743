"""Builders for the non-text files an office folder holds, made at test time from our
own short report text (never downloaded): a PDF with a text layer (fpdf2), a scanned
PDF (pages rendered to images with Pillow, wrapped in a PDF), a PNG photo of a page,
a .docx (python-docx) with the heading block as a two-column table, as Word
templates for official letters lay it out.
"""
from __future__ import annotations

import io
import subprocess
from functools import cache
from pathlib import Path

import pytest

# A short report of our own, two pages; page 2 holds the phrase the search tests look for.
HEADER_LEFT = ["ỦY BAN NHÂN DÂN", "XÃ THANH LIÊM", "Số: 27/BC-UBND"]
HEADER_RIGHT = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Thanh Liêm, ngày 14 tháng 4 năm 2025"]
PAGE_1_BODY = [
    "BÁO CÁO",
    "Kết quả công tác cải cách hành chính quý I năm 2025",
    "",
    "Thực hiện Kế hoạch số 15/KH-UBND ngày 20/01/2025 của Ủy ban nhân dân",
    "xã Thanh Liêm về cải cách hành chính năm 2025, Ủy ban nhân dân xã báo cáo",
    "kết quả thực hiện quý I năm 2025 như sau:",
    "I. KẾT QUẢ THỰC HIỆN",
    "1. Công tác chỉ đạo, điều hành",
    "Ủy ban nhân dân xã ban hành Quyết định số 08/QĐ-UBND ngày 10/02/2025",
    "về kiện toàn bộ phận tiếp nhận và trả kết quả thủ tục hành chính.",
]
PAGE_2_BODY = [
    "2. Cải cách thủ tục hành chính",
    "Trong quý, bộ phận một cửa tiếp nhận 412 hồ sơ, giải quyết đúng hạn 405 hồ sơ.",
    "Việc số hóa hồ sơ thủ tục hành chính được thực hiện thường xuyên.",
    "3. Sắp xếp tổ chức bộ máy",
    "Xã tiếp tục rà soát, sắp xếp tổ chức bộ máy tinh gọn, hoạt động hiệu quả.",
    "II. PHƯƠNG HƯỚNG QUÝ II",
    "Tiếp tục đẩy mạnh chuyển đổi số trong giải quyết thủ tục hành chính.",
    "",
    "TM. ỦY BAN NHÂN DÂN",
    "CHỦ TỊCH",
]
PHRASE_ON_PAGE_2 = "sắp xếp tổ chức bộ máy"
FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
)


def header_lines() -> list[str]:
    return [f"{left}        {right}" for left, right in zip(HEADER_LEFT, HEADER_RIGHT)]


def sample_pages() -> list[list[str]]:
    return [header_lines() + PAGE_1_BODY, PAGE_2_BODY]


@cache
def font_path() -> Path:
    """A TrueType font with Vietnamese letters; the install script adds fonts-dejavu-core."""
    for candidate in FONT_CANDIDATES:
        if Path(candidate).is_file():
            return Path(candidate)
    try:
        found = subprocess.run(["fc-match", "-f", "%{file}", "DejaVu Serif"], capture_output=True, text=True, check=False)
        if found.stdout and Path(found.stdout).is_file():
            return Path(found.stdout)
    except OSError:
        pass
    pytest.skip("no TrueType font with Vietnamese letters (sudo apt-get install fonts-dejavu-core)")


def text_pdf(pages: list[list[str]]) -> bytes:
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_font("Body", "", str(font_path()))
    pdf.set_font("Body", size=11)
    for lines in pages:
        pdf.add_page()
        for line in lines:
            pdf.cell(0, 7, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def page_image(lines: list[str], dpi: int = 200):
    """One A4 page with `lines` typed on it at 12 pt, as a scanner at `dpi` would see it."""
    from PIL import Image, ImageDraw, ImageFont

    width, height = int(8.27 * dpi), int(11.69 * dpi)
    image = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(str(font_path()), size=round(12 * dpi / 72))
    step = round(12 * dpi / 72 * 1.6)
    y = round(0.8 * dpi)
    for line in lines:
        draw.text((round(0.8 * dpi), y), line, font=font, fill=0)
        y += step
    return image


def scanned_pdf(pages: list[list[str]], dpi: int = 200) -> bytes:
    images = [page_image(lines, dpi) for lines in pages]
    buffer = io.BytesIO()
    images[0].save(buffer, format="PDF", save_all=True, append_images=images[1:], resolution=dpi)
    return buffer.getvalue()


def png(lines: list[str], dpi: int = 200) -> bytes:
    buffer = io.BytesIO()
    page_image(lines, dpi).save(buffer, format="PNG")
    return buffer.getvalue()


def docx_file(pages: list[list[str]], header_table: bool = True) -> bytes:
    """A .docx: the heading as a borderless two-column table (when `header_table`), then the
    body paragraphs, a hard page break between pages."""
    import docx
    from docx.enum.text import WD_BREAK

    document = docx.Document()
    first, *rest = pages
    body = first
    if header_table:
        table = document.add_table(rows=1, cols=2)
        left, right = table.rows[0].cells
        left.text, right.text = "\n".join(HEADER_LEFT), "\n".join(HEADER_RIGHT)
        body = first[len(HEADER_LEFT):]
    for line in body:
        document.add_paragraph(line)
    for lines in rest:
        document.paragraphs[-1].add_run().add_break(WD_BREAK.PAGE)
        for line in lines:
            document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
