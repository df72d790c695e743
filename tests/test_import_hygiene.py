"""The core never imports a UI toolkit, and `cchc search` stays off the slow imports."""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI_PACKAGES = {"textual", "typer", "click", "rich", "cchc_tui"}


def imported_roots(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    roots = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
    return roots


def test_indexer_source_never_imports_ui_packages():
    offenders = {
        str(p.relative_to(ROOT)): sorted(imported_roots(p) & UI_PACKAGES) for p in (ROOT / "indexer").rglob("*.py")
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def modules_loaded_by(code: str) -> set[str]:
    probe = f"import sys\n{code}\nprint('\\n'.join(sys.modules))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, check=True)
    return set(out.stdout.split())


def test_importing_the_whole_core_loads_no_ui():
    loaded = modules_loaded_by(
        "import indexer.api, indexer.library, indexer.store.writer, indexer.search.engine\n"
        "import pkgutil, importlib, indexer\n"
        "[importlib.import_module(m.name) for m in pkgutil.walk_packages(indexer.__path__, 'indexer.')]"
    )
    assert not {m.split(".")[0] for m in loaded} & {"textual", "typer", "click", "cchc_tui"}


def test_search_path_skips_textual_and_pyvi_models(corpus_index):
    code = (
        "from typer.testing import CliRunner\nfrom cchc_tui.cli import app\n"
        f"r = CliRunner().invoke(app, ['search', 'cai cach', '--index-dir', r'{corpus_index}'])\n"
        "assert r.exit_code == 0, r.output"
    )
    loaded = modules_loaded_by(code)
    assert "textual" not in loaded
    assert not {"pyvi.ViTokenizer", "pyvi.ViPosTagger", "pyvi.ViDiac", "sklearn"} & loaded


# What `cchc search --json` (the quick path a script runs) must not load: the command line and the
# app toolkits, the indexing side (discovery, decoding, the pipeline, OCR repair, parsing, the writer)
# and the standard modules only they need. Each was on the path once, at 5-120 ms of a cold search.
NOT_ON_THE_SEARCH_PATH = {
    "typer", "click", "textual", "rich", "pyvi", "indexer.ingest.discover", "indexer.ingest.read",
    "indexer.ingest.decode", "indexer.ingest.formats.kinds", "indexer.ingest.legacy", "indexer.store.writer",
    "indexer.store.manifest", "indexer.pipeline", "indexer.parse", "indexer.ocr", "indexer.compare",
    "zipfile", "subprocess", "tempfile", "shutil",
}


def test_a_cold_json_search_loads_only_the_search_path(corpus_index):
    code = (
        "import runpy\n"
        f"sys.argv = ['cchc', 'search', 'cai cach', '--json', '--index-dir', r'{corpus_index}']\n"
        "try:\n    runpy.run_module('cchc_tui', run_name='__main__')\n"
        "except SystemExit as exit:\n    assert exit.code in (0, None), exit.code\n"
    )
    loaded = {m for m in modules_loaded_by(code) if not m.startswith("{")}  # the answer's JSON line left out
    assert "indexer.search.engine" in loaded  # it did search
    assert sorted(loaded & NOT_ON_THE_SEARCH_PATH) == []
