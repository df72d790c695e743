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
