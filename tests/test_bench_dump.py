"""bench/dump_analysis.py: the digest that shows a speed-up left the analysis byte-identical."""
from __future__ import annotations

import importlib.util
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent / "bench" / "dump_analysis.py"


def load():
    spec = importlib.util.spec_from_file_location("dump_analysis", BENCH)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_digest_is_stable_and_sees_a_changed_report(tmp_path):
    dump = load()
    text = "ỦY BAN NHÂN DÂN\nSố: 12/BC-UBND\nBÁO CÁO\nKết quả cải cách thủ tục hành chính quý I năm 2025\n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "b.txt").write_text("Thực hiện Kế hoạch số 5/KH-UBND ngày 2/1/2025 của UBND tỉnh\n", encoding="utf-8")
    first = dump.folder_digest(tmp_path, each=False)
    assert dump.folder_digest(tmp_path, each=False) == first
    (tmp_path / "a.txt").write_text(text.replace("quý I", "quý II"), encoding="utf-8")
    assert dump.folder_digest(tmp_path, each=False) != first
