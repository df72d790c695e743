"""Parts of a generated report (bench/make_corpus.py): pools, seed paragraphs, header, opening, signature."""
from __future__ import annotations

import json
import random
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
RESTORED = ROOT / "tests" / "data" / "eval" / "seeds-restored"
POOLS = HERE / "data" / "corpus_pools.json"

CITATION_POOL = 3000
LEADS = ("Trong kỳ,", "Bên cạnh đó,", "Đồng thời,", "Qua đó,", "Ngoài ra,", "Mặt khác,", "Nhìn chung,", "Tiếp đó,")
CLAUSE_BREAK = re.compile(r"(?<=[,;]) ")
BODY_STARTS = ("Thực hiện", "Căn cứ", "Phúc đáp", "Kính gửi")
PARAGRAPH_START = re.compile(r"^(?:[-+•*]|\d+\.|[IVX]+\.|[a-zđ]\)|Nơi nhận)")
SEED_UNITS = re.compile(
    r"(?:Ủy ban nhân dân|UBND) phường (?:Kinh Môn|Lê Chân)|phường (?:Kinh Môn|Lê Chân)"
    r"|Sở Khoa học và Công nghệ|Sở Ngoại vụ"
)
CITATION = re.compile(
    r"(?:Quyết định|Kế hoạch|Công văn|Nghị quyết|Thông tư|Nghị định|Chỉ thị|Thông báo)(?: số)?:?\s*"
    r"\d+[/-][\w/&-]*\w(?: ngày \d{1,2}/\d{1,2}/\d{4})?"
)


def weighted(rng: random.Random, rows: list[list]) -> list:
    return rng.choices(rows, weights=[row[-1] for row in rows])[0]


@dataclass
class Seeds:
    """Body paragraphs of the hand-restored seed reports, by kind (prose, bullet)."""

    paragraphs: dict[str, list[str]]
    clauses: list[str] = field(default_factory=list)  # inner clauses of every paragraph

    @classmethod
    def load(cls) -> Seeds:
        found: dict[str, list[str]] = {"prose": [], "bullet": []}
        for path in sorted(RESTORED.glob("*.txt")):
            for para in body_paragraphs(path.read_text(encoding="utf-8").split("\n")):
                if re.match(r"^(?:\d+\.|[IVX]+\.|[a-zđ]\))", para) and len(para) < 120:
                    continue  # a heading: ours come from the pools
                if len(para) >= 40:
                    found["bullet" if para[0] in "-+•*" else "prose"].append(para)
        inner = [c for paras in found.values() for p in paras for c in CLAUSE_BREAK.split(p)[1:-1]]
        return cls(found, [c for c in inner if len(c) > 12])

    def mutate(self, rng: random.Random, text: str) -> str:
        """Drop, borrow or swap clauses: the seeds' sentences recombined, as reports copy each other."""
        parts = CLAUSE_BREAK.split(text)
        if len(parts) < 3:
            return text
        out = [parts[0]]
        if rng.random() < 0.3:  # open with another paragraph's clause
            borrowed = rng.choice(self.clauses)
            out[0] = borrowed[:1].upper() + borrowed[1:]
        if rng.random() < 0.3 and not out[0].startswith(("-", "+")):  # never before a bullet's dash
            lead = rng.choice(LEADS)
            out[0] = f"{lead} {out[0][:1].lower()}{out[0][1:]}" if not out[0][:2].isupper() else f"{lead} {out[0]}"
        for part in parts[1:-1]:
            roll = rng.random()
            if roll < 0.15:
                continue
            out.append(rng.choice(self.clauses) if roll < 0.4 else part)
        if len(out) > 2 and rng.random() < 0.3:
            i = rng.randrange(1, len(out) - 1)
            out[i], out[i + 1] = out[i + 1], out[i]
        return " ".join([*out, parts[-1]])

    @staticmethod
    def replace_units(text: str, unit: str, short: str) -> str:
        return SEED_UNITS.sub(lambda m: unit if m.group().startswith(("Sở", "Ủy", "UBND")) else short, text)

    @staticmethod
    def replace_citations(text: str, draw: Callable[[], str]) -> str:
        return CITATION.sub(lambda m: draw(), text)


def body_paragraphs(lines: list[str]) -> list[str]:
    start = next((i for i, line in enumerate(lines) if line.strip().startswith(BODY_STARTS)), 0)
    paragraphs: list[str] = []
    current = ""
    for raw in lines[start:]:
        line = raw.strip()
        if line.startswith("Nơi nhận"):
            break
        if not line or PARAGRAPH_START.match(line) or (current.endswith((".", ":", ";")) and line[:1].isupper()):
            if current:
                paragraphs.append(current)
            current = line
        elif current.endswith("-") and not current.endswith(" -"):
            current += line  # 22/KH- + UBND
        else:
            current = f"{current} {line}" if current else line
    if current:
        paragraphs.append(current)
    return paragraphs


class Pools:
    def __init__(self, data: dict) -> None:
        self.data = data
        self.citations = self._citations(random.Random(20251202))

    @classmethod
    def load(cls) -> Pools:
        return cls(json.loads(POOLS.read_text(encoding="utf-8")))

    def place(self, rng: random.Random) -> str:
        return f"{rng.choice(self.data['place_first'])} {rng.choice(self.data['place_second'])}"

    def person(self, rng: random.Random) -> str:
        d = self.data
        return f"{rng.choice(d['surnames'])} {rng.choice(d['middle_names'])} {rng.choice(d['given_names'])}"

    def draw_meta(self, rng: random.Random) -> dict:
        d = self.data
        province, city, _ = weighted(rng, d["provinces"])
        if rng.random() < 0.35:
            unit, code = rng.choice(d["departments"])
            short, kind, unit_header = "Sở" if unit.startswith("Sở") else unit, "department", unit.upper()
        else:
            ward_kind = weighted(rng, d["ward_kinds"])[0]
            name = self.place(rng)
            unit, short, code, kind = f"UBND {ward_kind} {name}", f"{ward_kind} {name}", "UBND", "ward"
            unit_header = f"{ward_kind} {name}".upper()
        doc_type, type_code, _ = weighted(rng, d["doc_types"])
        year = rng.choice((2023, 2024, 2025, 2025, 2026))
        q = rng.randint(1, 4)
        period = rng.choice(d["periods"]).format(y=year, q=["I", "II", "III", "IV"][q - 1])
        next_period = rng.choice((f"QUÝ {['II', 'III', 'IV', 'I'][q - 1]}/{year + (q == 4)}", f"NĂM {year + 1}", "THỜI GIAN TỚI"))
        title = rng.choice(d["titles"][type_code]).format(period=period)
        return {
            "province": province, "city": city, "unit": unit, "unit_short": short, "unit_header": unit_header,
            "code": code, "kind": kind, "doc_type": doc_type, "type_code": type_code, "year": year,
            "symbol": f"{rng.randint(1, 2400)}/{type_code}-{code}", "period": period, "next": next_period,
            "title": title, "date": (rng.randint(1, 28), rng.randint(1, 12), year),
            "place_name": city if kind == "department" or rng.random() < 0.5 else short[:1].upper() + short[1:],
        }

    def _citations(self, rng: random.Random) -> list[tuple[str, str, str, int]]:
        d, pool = self.data, []
        for _ in range(CITATION_POOL):
            kind, code, _ = weighted(rng, d["citation_types"])
            year = rng.choice((2019, 2021, 2022, 2023, 2024, 2024, 2025, 2025, 2025))
            number = rng.randint(1, 6000)
            local = rng.random() < 0.7
            issuer, issuer_code = ("UBND thành phố", "UBND") if local else rng.choice(d["central_issuers"])
            if local and rng.random() < 0.3:
                issuer, issuer_code = rng.choice(d["departments"])
            if not code:  # Công văn: number/ISSUER-OFFICE
                symbol = f"{number}/{issuer_code}-{rng.choice(d['cv_suffixes'])}"
            elif issuer_code == "TW":
                symbol = f"{number % 80 + 1}-{code}/TW"
            elif code in ("TT", "NĐ"):
                symbol = f"{number % 200 + 1}/{year}/{code}-{issuer_code}"
            else:
                symbol = f"{number}/{code}-{issuer_code}"
            pool.append((kind, symbol, issuer, year))
        return pool

    def citation_text(self, rng: random.Random, year: int) -> str:
        kind, symbol, issuer, cited_year = self.citations[int(len(self.citations) * rng.random() ** 3)]
        date = f"{rng.randint(1, 28):02d}/{rng.randint(1, 12)}/{min(cited_year, year)}"
        return f"{kind} số {symbol} ngày {date} của {issuer}"

    def figures(self, rng: random.Random, meta: dict) -> str:
        template = rng.choice(self.data["figure_templates"])
        n = {f"n{i}": rng.randint(1, 10 ** rng.randint(1, 4)) for i in range(1, 6)}
        p = {f"p{i}": f"{rng.uniform(60, 100):.1f}".replace(".", ",") for i in range(1, 4)}
        return template.format(
            unit=meta["unit"], y=meta["year"], py=meta["year"] - 1, money=f"{rng.randint(20, 9000):,}".replace(",", "."),
            score=f"{rng.uniform(70, 95):.2f}".replace(".", ","), rank=rng.randint(1, 30), of=rng.choice((19, 30, 45, 114)),
            **n, **p,
        )

    def synonyms(self, rng: random.Random, text: str) -> str:
        for group in self.data["synonyms"]:
            if group[0] in text:
                text = re.sub(re.escape(group[0]), lambda m, g=group: rng.choice(g), text)
        return text

    def sub_heading(self, rng: random.Random) -> str:
        heading = rng.choice(self.data["headings"]["sub"])
        prefix = rng.choice(("", "", "Về ", "Công tác ", "Kết quả ", "Tình hình ", "Việc "))
        return f"{prefix}{heading[:1].lower()}{heading[1:]}" if prefix else heading

    def headings_for(self, rng: random.Random, meta: dict) -> list[str]:
        pool = self.data["headings"]["plan" if meta["type_code"] == "KH" else "report"]
        chosen = sorted(rng.sample(range(len(pool)), rng.randint(2, min(5, len(pool)))))
        return [pool[i].format(next=meta["next"]) for i in chosen]


def header(rng: random.Random, pools: Pools, meta: dict) -> list[str]:
    gap = " " * rng.randint(1, 6)
    dash = rng.choice(("-", "-", "—"))
    parent = f"UBND {meta['province']}" if meta["kind"] == "department" else rng.choice(
        ("ỦY BAN NHÂN DÂN", f"ỦY BAN NHÂN DÂN {meta['unit_header']}", f"UBND {meta['province']}")
    )
    day, month, year = meta["date"]
    number, rest = meta["symbol"].split("/", 1)
    symbol = rng.choice((f"Số: {number}/{rest}", f"Số:{number}/{rest}", f"Số: {number} /{rest}"))
    dated = f"{meta['place_name']}, ngày {day:02d} tháng {month} năm {year}" if rng.random() < 0.4 else (
        f"{meta['place_name']}, ngày {day} tháng {month} năm {year}"
    )
    lines = []
    if rng.random() < 0.9:
        lines.append(f"{parent}{gap}CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    lines += [f"{meta['unit_header']}{gap}Độc lập {dash} Tự do {dash} Hạnh phúc", "", f"{symbol}{gap}{dated}", ""]
    lines += [meta["doc_type"], *split_title(rng, meta["title"]), ""]
    return lines


def split_title(rng: random.Random, title: str) -> list[str]:
    words = title.split()
    if len(words) < 9 or rng.random() < 0.4:
        return [title]
    cut = rng.randint(5, len(words) - 3)
    return [" ".join(words[:cut]), " ".join(words[cut:])]


def opening(rng: random.Random, pools: Pools, meta: dict) -> list[str]:
    paragraphs = []
    if rng.random() < 0.3:
        paragraphs.append(f"Kính gửi: {rng.choice(pools.data['recipients'])}.")
    cited = [pools.citation_text(rng, meta["year"]) for _ in range(rng.randint(1, 3))]
    verb = rng.choice(("Thực hiện", "Căn cứ", "Phúc đáp", "Triển khai"))
    action = "báo cáo kết quả thực hiện" if meta["type_code"] != "KH" else "ban hành kế hoạch triển khai"
    paragraphs.append(
        f"{verb} {'; '.join(cited)} về công tác cải cách hành chính {meta['period']}, "
        f"{meta['unit']} {action} như sau:"
    )
    return paragraphs


def signature(rng: random.Random, pools: Pools, meta: dict) -> list[str]:
    """Two columns as scanned: recipients on the left, the signer's role on the right."""
    roles = [r for r, kind in pools.data["signer_roles"] if kind == meta["kind"]]
    left = ["Nơi nhận:"]
    for recipient in rng.sample(pools.data["recipients"], rng.randint(1, 4)):
        left.append(f"- {recipient}{rng.choice(('', '', ' (b/c)', ' (để b/c)', ' (để t/h)'))};")
    left.append(f"- Chủ tịch, các PCT {meta['unit']};" if meta["kind"] == "ward" else f"- Lãnh đạo {meta['unit']};")
    left.append(rng.choice(("- Lưu: VT", "- Lưu: VT, VP", "- Lưu VT")) + f", {meta['code']}{rng.randint(1, 9)}.")
    right = rng.choice(roles).split("\n")
    offset = rng.randint(0, 1)
    right = [""] * offset + right + [""] * max(0, len(left) - len(right) - offset)
    gap = " " * rng.randint(2, 12)
    lines = [f"{a}{gap}{b}".rstrip() for a, b in zip(left, right)]
    return [*lines, *right[len(left):], "", "", pools.person(rng)]
