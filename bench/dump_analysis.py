"""A digest of what the pipeline makes of each report, to check that a speed-up changes nothing.

    .venv/bin/python bench/dump_analysis.py DIR [DIR ...] [--each]

For every *.txt under the folders: sha256 over the analysed text, token spans,
lines, folds, readings, best readings and the metadata (ReportInfo.to_dict),
in file order; one digest per folder, and with --each one per file. Run it on
main and on a branch: equal digests mean byte-identical analysis.
"""
from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

import orjson

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from indexer.pipeline import AnalysedReport, analyse_text  # noqa: E402


def report_digest(report: AnalysedReport) -> str:
    digest = hashlib.sha256()
    digest.update(report.text.encode())
    digest.update(report.spans.tobytes())
    digest.update(report.lines.tobytes())
    digest.update(orjson.dumps([report.folds, report.readings, report.best]))
    digest.update(orjson.dumps(report.info.to_dict(), option=orjson.OPT_SORT_KEYS))
    return digest.hexdigest()


def folder_digest(folder: Path, each: bool) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.glob("*.txt")):
        one = report_digest(analyse_text(path.name, "0" * 64, path.read_text(encoding="utf-8")))
        if each:
            print(f"  {one[:16]}  {path.name}")
        digest.update(one.encode())
    return digest.hexdigest()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("folders", nargs="+", type=Path)
    ap.add_argument("--each", action="store_true", help="print each file's digest too")
    args = ap.parse_args()
    for folder in args.folders:
        print(f"{folder_digest(folder, args.each)}  {folder}")


if __name__ == "__main__":
    main()
