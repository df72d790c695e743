"""`make eval`: every quality figure of the project, measured on the bundled seed data.

Runs each evaluation script in turn (extraction, OCR repair, search) and
prints their tables; exit status 1 if any script fails to run.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCRIPTS = [
    ("Document understanding: metadata and citations vs seed-gold.json", "eval_extract.py"),
    ("Document understanding on unseen documents: real30, blind fixtures, tesseract", "eval_real30.py"),
    ("OCR repair: word by word vs seeds-restored/", "eval_repair.py"),
    ("Search: line recall and precision vs seed-queries.json", "eval_search.py"),
]


def main() -> int:
    failed = []
    for title, script in SCRIPTS:
        print(f"\n=== {title} ({script}) ===", flush=True)
        if not (HERE / script).exists():
            print(f"missing: bench/{script}")
            failed.append(script)
            continue
        if subprocess.run([sys.executable, str(HERE / script)], cwd=HERE.parent).returncode != 0:
            failed.append(script)
    if failed:
        print(f"\nfailed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
