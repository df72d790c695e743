"""Score document understanding (indexer.parse) against gold metadata and citations.

    .venv/bin/python bench/eval_extract.py            # seeds (tests/data/eval/seed-gold.json) + clean fixtures
    .venv/bin/python bench/eval_extract.py --json     # figures as JSON

Citations: precision / recall / F1 on exact canonical symbols (multiset per
report; instruments without a symbol are scored apart as `named`), cited-date
accuracy over the gold citations that were found, issuer agreement (folded).
Metadata: unit, symbol, doc_type, date, period, signer, responds_to exact;
title exact after folding, and `title~` = folded word overlap >= 0.8.
Always exits 0: it measures, it does not gate.
"""
from __future__ import annotations

import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from indexer.parse import parse_report  # noqa: E402
from indexer.textnorm import fold, nfc  # noqa: E402

SEED_GOLD = ROOT / "tests/data/eval/seed-gold.json"
SEED_DIR = ROOT / "corpus"
FIXTURE_GOLD = ROOT / "tests/data/fixtures/clean_expected.json"
FIXTURE_DIR = ROOT / "tests/data/fixtures"
FIELDS = ("unit", "symbol", "doc_type", "date", "title", "period", "signer", "responds_to")


def _words(text: str | None) -> list[str]:
    return fold(text or "").replace(",", " ").split()


def title_overlap(predicted: str | None, gold: str | None) -> float:
    p, g = Counter(_words(predicted)), Counter(_words(gold))
    if not g:
        return 1.0 if not p else 0.0
    common = sum((p & g).values())
    return 2 * common / (sum(p.values()) + sum(g.values()))


def score_fields(info, gold: dict) -> dict[str, bool | None]:
    """Per field: True/False, None when the gold leaves it out."""
    out: dict[str, bool | None] = {}
    for name in FIELDS:
        if name not in gold:
            out[name] = None
            continue
        predicted, expected = getattr(info, name), gold[name]
        if name in ("title", "period", "unit", "signer"):
            out[name] = fold(predicted or "").split() == fold(expected or "").split() if expected or predicted else True
        else:
            out[name] = predicted == expected
    out["title~"] = title_overlap(info.title, gold.get("title")) >= 0.8 if gold.get("title") else None
    return out


def score_citations(info, gold: dict) -> dict:
    gold_cits = [c for c in gold["citations"] if c.get("symbol")]
    pred_cits = [c for c in info.citations if c.symbol]
    g, p = Counter(c["symbol"] for c in gold_cits), Counter(c.symbol for c in pred_cits)
    tp = sum((g & p).values())
    pool: dict[str, list] = {}
    for c in pred_cits:
        pool.setdefault(c.symbol, []).append(c)
    dates_ok = dates_n = issuers_ok = issuers_n = 0
    for c in gold_cits:
        candidates = pool.get(c["symbol"]) or []
        if not candidates:
            continue
        found = candidates.pop(0)
        dates_n += 1
        dates_ok += found.date == c.get("date") and (found.date_raw or None) == (c.get("raw_date") or None)
        if c.get("issuer"):
            issuers_n += 1
            issuers_ok += fold(found.issuer or "") == fold(c["issuer"])
    named_gold = [c for c in gold["citations"] if not c.get("symbol")]
    named_pred = {fold(c.name or "") for c in info.citations if not c.symbol}
    named_found = sum(fold(c.get("name") or "") in named_pred for c in named_gold)
    return {"tp": tp, "gold": sum(g.values()), "pred": sum(p.values()),
            "missed": sorted((g - p).elements()), "extra": sorted((p - g).elements()),
            "dates_ok": dates_ok, "dates_n": dates_n, "issuers_ok": issuers_ok, "issuers_n": issuers_n,
            "named_found": named_found, "named_n": len(named_gold)}


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    precision = tp / n_pred if n_pred else 1.0
    recall = tp / n_gold if n_gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def evaluate(gold_path: Path, text_dir: Path) -> dict:
    if not gold_path.exists():
        return {"reports": [], "overall": None}
    reports, total = [], Counter()
    field_ok, field_n = Counter(), Counter()
    started = time.perf_counter()
    for gold in json.loads(gold_path.read_text(encoding="utf-8")):
        info = parse_report(nfc((text_dir / gold["file"]).read_text(encoding="utf-8")))
        cits = score_citations(info, gold)
        fields = score_fields(info, gold)
        for name, ok in fields.items():
            if ok is not None:
                field_n[name] += 1
                field_ok[name] += bool(ok)
        for key in ("tp", "gold", "pred", "dates_ok", "dates_n", "issuers_ok", "issuers_n", "named_found", "named_n"):
            total[key] += cits[key]
        p, r, f = prf(cits["tp"], cits["pred"], cits["gold"])
        reports.append({"file": gold["file"], "precision": p, "recall": r, "f1": f, "missed": cits["missed"],
                        "extra": cits["extra"], "fields": fields,
                        "wrong": {n: getattr(info, n) for n, ok in fields.items() if ok is False and n in FIELDS}})
    p, r, f = prf(total["tp"], total["pred"], total["gold"])
    overall = {"precision": p, "recall": r, "f1": f,
               "cited_dates": total["dates_ok"] / total["dates_n"] if total["dates_n"] else None,
               "issuers": total["issuers_ok"] / total["issuers_n"] if total["issuers_n"] else None,
               "named": f"{total['named_found']}/{total['named_n']}",
               "fields": {n: f"{field_ok[n]}/{field_n[n]}" for n in field_n},
               "seconds": round(time.perf_counter() - started, 2)}
    return {"reports": reports, "overall": overall}


# --- OCR simulation: the clean fixtures damaged the way the seeds are (ocr_char_patterns.md) ---------

_OCR_FORMS = {  # proper letter -> (OCR form, weight) ..., from the seeds' per-character table
    "á": "a86 é8 i3 43", "đ": "d93 p6 b1", "ệ": "é93 e4 ¢3", "ư": "u94 w6", "ế": "é97 e3", "ề": "é96 &2 e2",
    "ê": "é96 @4", "ố": "é33 d28 621 b7 o11", "ủ": "u56 i12 a8 _6 t5 ii5 ti4", "ô": "o70 d13 é17",
    "ộ": "o68 d16 é10 _6", "ụ": "u92 y8", "ự": "u80 y20", "â": "a85 d6 i6 é3", "ể": "é99 e1", "ờ": "o77 d23",
    "ă": "a60 i30 ia5 d5", "ổ": "o49 620 d17 é14", "ứ": "ir31 i24 u18 t8 a6 ur13", "ớ": "é46 d34 a10 610",
    "ở": "&34 o25 ¢13 é9 _9 d5 65", "ợ": "o73 g27", "ấ": "a75 é10 i10 d5", "ử": "ir63 tr10 t10 u10 i7",
    "ó": "o62 615 é13 d10", "ý": "y90 ¥10", "ồ": "o52 d27 é10 611", "ã": "a66 411 &8 310 d5", "ắ": "a53 i35 é12",
    "ú": "u35 i29 ii10 l6 d6 t14", "ữ": "it36 ir28 i16 ii20", "ũ": "ii71 i29", "ặ": "i43 a33 d24",
    "ù": "i33 u33 a34", "ừ": "ir46 i31 u23", "ễ": "é89 d11", "ỡ": "d56 &44", "õ": "d78 b11 611", "ỹ": "¥100",
    "l": "l77 118 i5", "è": "é100", "ẻ": "é100", "ẽ": "é100",
}
_CAPITAL_D = "P62 D22 B12 DP4"
_SYMBOL_D = "D60 B30 P10"


def _pick(rng, spec: str) -> str:
    forms = [(f[:-2], int(f[-2:])) if len(f) > 2 and f[-2:].isdigit() else (f[:-1], int(f[-1])) for f in spec.split()]
    form = rng.choices([f for f, _ in forms], weights=[w for _, w in forms])[0]
    return "" if form == "_" else form


def ocr_damage(text: str, seed: int) -> str:
    """Clean text printed, scanned and OCR'd: letters damaged by the seeds' rates, Đ lost in symbols,
    capitals without diacritics, lines wrapped at 80 columns (so symbols break at their dashes)."""
    import random
    import re as _re
    import textwrap

    from indexer.parse.regexes import SYMBOL_RE

    rng = random.Random(seed)
    text = SYMBOL_RE.sub(lambda m: m.group().replace("Đ", _pick(rng, _SYMBOL_D)), text)

    def word(m):
        w = m.group()
        if w.isupper() and len(w) > 1:
            return "".join(_pick(rng, _CAPITAL_D) if c == "Đ" else fold(c).upper() for c in w)
        out = []
        for c in w:
            if c == "Đ":
                out.append(_pick(rng, _CAPITAL_D))
            elif c.lower() in _OCR_FORMS:
                form = _pick(rng, _OCR_FORMS[c.lower()])
                out.append(form.upper() if c.isupper() and form else form)
            else:
                out.append(fold(c) if c.lower() not in "é" and fold(c) != c.lower() else c)
        return "".join(out)

    damaged = _re.sub(r"[^\W\d_]+", word, text)
    return "\n".join(textwrap.fill(line, 80) if len(line) > 80 else line for line in damaged.split("\n"))


def evaluate_damaged(gold_path: Path, text_dir: Path, seeds: tuple[int, ...] = (1, 2, 3)) -> dict:
    if not gold_path.exists():
        return {"reports": [], "overall": None}
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        golds = []
        for gold in json.loads(gold_path.read_text(encoding="utf-8")):
            for seed in seeds:
                name = f"{Path(gold['file']).stem}~ocr{seed}.txt"
                (Path(tmp) / name).write_text(ocr_damage((text_dir / gold["file"]).read_text(encoding="utf-8"), seed), encoding="utf-8")
                golds.append({**gold, "file": name})
        gold_file = Path(tmp) / "gold.json"
        gold_file.write_text(json.dumps(golds, ensure_ascii=False), encoding="utf-8")
        return evaluate(gold_file, Path(tmp))


def print_table(title: str, result: dict) -> None:
    if not result["overall"]:
        print(f"{title}: no gold file")
        return
    print(f"\n== {title}")
    print(f"{'report':34} {'P':>6} {'R':>6} {'F1':>6}  fields wrong / citations missed, extra")
    for rep in result["reports"]:
        notes = [f"{k}={v!r}" for k, v in rep["wrong"].items()]
        notes += [f"missed {rep['missed']}"] if rep["missed"] else []
        notes += [f"extra {rep['extra']}"] if rep["extra"] else []
        print(f"{rep['file'][:34]:34} {rep['precision']:6.3f} {rep['recall']:6.3f} {rep['f1']:6.3f}  {'; '.join(notes)}")
    o = result["overall"]
    dates = f"{o['cited_dates']:.3f}" if o["cited_dates"] is not None else "-"
    issuers = f"{o['issuers']:.3f}" if o["issuers"] is not None else "-"
    print(f"{'OVERALL':34} {o['precision']:6.3f} {o['recall']:6.3f} {o['f1']:6.3f}  cited dates {dates}, "
          f"issuers {issuers}, named {o['named']}, {o['seconds']}s")
    print("fields: " + ", ".join(f"{k} {v}" for k, v in o["fields"].items()))


def main(argv: list[str]) -> int:
    results = {"seeds": evaluate(SEED_GOLD, SEED_DIR),
               "seeds_restored": evaluate(SEED_GOLD, ROOT / "tests/data/eval/seeds-restored"),
               "clean_fixtures": evaluate(FIXTURE_GOLD, FIXTURE_DIR),
               "ocr_damaged_fixtures": evaluate_damaged(FIXTURE_GOLD, FIXTURE_DIR)}
    if "--json" in argv:
        print(json.dumps(results, ensure_ascii=False, indent=1))
    else:
        print_table("seeds (OCR, tests/data/eval/seed-gold.json)", results["seeds"])
        print_table("seeds hand-restored to proper Vietnamese (same gold)", results["seeds_restored"])
        print_table("clean fixtures (tests/data/fixtures/clean_expected.json)", results["clean_fixtures"])
        print_table("clean fixtures OCR-damaged at the seeds' rates (3 noise seeds each)", results["ocr_damaged_fixtures"])
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
