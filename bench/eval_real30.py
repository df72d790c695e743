"""Document understanding on documents the parser was not written from: real30, blind fixtures, tesseract.

    .venv/bin/python bench/eval_real30.py              # one summary table
    .venv/bin/python bench/eval_real30.py -v           # plus every wrong field and citation per report
    .venv/bin/python bench/eval_real30.py --json

Sets (each skipped when absent):
  seeds            corpus/ vs tests/data/eval/seed-gold.json
  real30 clean     tests/data/real30/clean/ vs tests/data/real30/gold.json
  real30 ocr       tests/data/real30/ocr/ (same gold: same line numbers)
  blind clean/ocr  tests/data/blind/*.txt and tests/data/blind/ocr/ vs tests/data/blind/gold.json
  tesseract vie/eng tests/data/tesseract/{vie,eng}/ (gold.json there, else the real30/blind gold by file name)
Gold conventions (tests/data/real30/README.md): `canonical` overrides `symbol`; laws (symbol null) are
not scored as symbols; `unit_parent` is scored only where the gold gives it. Units and titles are compared
folded; `unit marks` compares the unit as shown (diacritics and all, case aside: what the facets list,
`Hòa`/`Hoà` counted equal). Always exits 0.
"""
from __future__ import annotations

import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from indexer.parse import parse_report  # noqa: E402
from indexer.textnorm import fold, nfc  # noqa: E402

DATA = ROOT / "tests/data"
FIELDS = ("unit", "unit marks", "unit_parent", "unit_inferred", "symbol", "doc_type", "date", "title")
OPTIONAL = {"unit_parent", "unit_inferred"}  # scored only where the gold gives them
FOLDED_FIELDS = {"unit", "unit_parent", "title"}


def _shown(text: str) -> list[str]:
    """A name as shown, case aside, the tone of `oa`/`oe`/`uy` in either place (`Hoà` = `Hòa`)."""
    words = nfc(text).lower().replace("'", "’").split()
    return [fold(w) if fold(w)[-2:] in ("oa", "oe", "uy") else w for w in words]


def _value(info, name: str):
    return info.unit if name == "unit marks" else getattr(info, name)


def _same(name: str, predicted, expected) -> bool:
    if name == "unit marks":
        return _shown(predicted or "") == _shown(expected or "")
    if name == "title":  # gold keeps a công văn's `V/v`, the parser gives the subject after it
        predicted, expected = (re.sub(r"^\s*v\s*/\s*v\s*[:.]?\s*", "", fold(t or "")) for t in (predicted, expected))
    if name in FOLDED_FIELDS:
        return fold(predicted or "").split() == fold(expected or "").split()
    return predicted == expected


def gold_symbols(gold: dict) -> Counter:
    return Counter(c.get("canonical") or c["symbol"] for c in gold.get("citations", []) if c.get("symbol"))


def score_report(info, gold: dict) -> dict:
    fields = {}
    for name in FIELDS:
        if name in OPTIONAL and name not in gold:
            continue
        key = "unit" if name == "unit marks" else name
        if key in gold:  # `unit_also_accepted`: other forms the gold accepts
            accepted = [gold[key], *gold.get(f"{key}_also_accepted", [])]
            fields[name] = any(_same(name, _value(info, name), a) for a in accepted)
    g = gold_symbols(gold)
    p = Counter(c.symbol for c in info.citations if c.symbol)
    return {"fields": fields, "tp": sum((g & p).values()), "gold": sum(g.values()), "pred": sum(p.values()),
            "missed": sorted((g - p).elements()), "extra": sorted((p - g).elements()),
            "wrong": {n: (_value(info, n), gold["unit" if n == "unit marks" else n]) for n, ok in fields.items() if not ok}}


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    precision = tp / n_pred if n_pred else 1.0
    recall = tp / n_gold if n_gold else 1.0
    return precision, recall, (2 * precision * recall / (precision + recall) if precision + recall else 0.0)


def evaluate(golds: list[dict], text_dir: Path) -> dict | None:
    reports, ok, n, total = [], Counter(), Counter(), Counter()
    started = time.perf_counter()
    for gold in golds:
        path = text_dir / gold["file"]
        if not path.exists():
            continue
        scored = score_report(parse_report(nfc(path.read_text(encoding="utf-8"))), gold)
        for name, good in scored["fields"].items():
            n[name] += 1
            ok[name] += good
        for key in ("tp", "gold", "pred"):
            total[key] += scored[key]
        reports.append({"file": gold["file"], **scored})
    if not reports:
        return None
    p, r, f = prf(total["tp"], total["pred"], total["gold"])
    return {"reports": reports, "docs": len(reports), "fields": {k: ok[k] / n[k] for k in FIELDS if n[k]},
            "counts": {k: f"{ok[k]}/{n[k]}" for k in FIELDS if n[k]}, "precision": p, "recall": r, "f1": f,
            "seconds": round(time.perf_counter() - started, 2)}


def _load(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else []


def _tesseract_gold(folder: Path, fallback: list[dict]) -> list[dict]:
    if (folder / "gold.json").exists():
        return _load(folder / "gold.json")
    by_stem = {Path(g["file"]).stem: g for g in fallback}
    out = []
    for path in sorted(folder.glob("*.txt")) if folder.is_dir() else []:
        gold = by_stem.get(path.stem)
        if gold:
            out.append({**gold, "file": path.name})
    return out


def sets() -> list[tuple[str, list[dict], Path]]:
    seeds = _load(DATA / "eval/seed-gold.json")
    real30 = _load(DATA / "real30/gold.json")
    blind = _load(DATA / "blind/gold.json")
    out = [("seeds", seeds, ROOT / "corpus"),
           ("real30 clean", real30, DATA / "real30/clean"), ("real30 ocr", real30, DATA / "real30/ocr"),
           ("blind clean", blind, DATA / "blind"), ("blind ocr", blind, DATA / "blind/ocr")]
    for lang in ("vie", "eng"):
        folder = DATA / "tesseract" / lang
        out.append((f"tesseract {lang}", _tesseract_gold(folder, real30 + blind), folder))
    return out


def print_summary(results: dict) -> None:
    head = "".join(f"{k[:12]:>13}" for k in FIELDS)
    print(f"{'set':16}{'docs':>5}{head}{'cite P':>8}{'R':>7}{'F1':>7}{'s':>6}")
    for name, res in results.items():
        if res is None:
            print(f"{name:16}  (absent)")
            continue
        cells = "".join(f"{res['counts'].get(k, '-'):>13}" for k in FIELDS)
        print(f"{name:16}{res['docs']:>5}{cells}{res['precision']:8.3f}{res['recall']:7.3f}{res['f1']:7.3f}"
              f"{res['seconds']:6.2f}")
    print("accuracy: " + "; ".join(
        f"{name} " + " ".join(f"{k}={v:.2f}" for k, v in res["fields"].items())
        for name, res in results.items() if res))


def print_details(results: dict) -> None:
    for name, res in results.items():
        if not res:
            continue
        print(f"\n== {name}")
        for rep in res["reports"]:
            notes = [f"{k}: got {got!r}, gold {want!r}" for k, (got, want) in rep["wrong"].items()]
            notes += [f"missed {rep['missed']}"] if rep["missed"] else []
            notes += [f"extra {rep['extra']}"] if rep["extra"] else []
            if notes:
                print(f"  {rep['file'][:40]}\n    " + "\n    ".join(notes))


def main(argv: list[str]) -> int:
    results = {name: evaluate(golds, folder) if golds else None for name, golds, folder in sets()}
    if "--json" in argv:
        print(json.dumps(results, ensure_ascii=False, indent=1))
        return 0
    print_summary(results)
    if "-v" in argv or "--verbose" in argv:
        print_details(results)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
