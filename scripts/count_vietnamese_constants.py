"""Count the Vietnamese string constants in Python code (docstrings excluded).

A string constant counts when it holds a letter only Vietnamese writes with
(a hat, horn, breve, tone mark or đ). Such strings are Vietnamese knowledge
that belongs in `indexer/data/`, loaded through `indexer.vietnamese.data`.

    python scripts/count_vietnamese_constants.py [PATH ...] [--list]

PATH defaults to `indexer/`; `--list` prints each constant with file:line.
"""
from __future__ import annotations

import ast
import sys
import unicodedata
from collections.abc import Iterator
from pathlib import Path

VIETNAMESE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323", "\u0302", "\u031b", "\u0306"}


def is_vietnamese(text: str) -> bool:
    """A letter with a Vietnamese tone, hat, horn or breve, or đ."""
    if "đ" in text or "Đ" in text:
        return True
    decomposed = unicodedata.normalize("NFD", text)
    return any(ch in VIETNAMESE_MARKS for ch in decomposed)


def _docstring_nodes(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def _fstring_parts(tree: ast.AST) -> set[int]:
    """String pieces inside f-strings: counted once, with their f-string."""
    return {id(v) for node in ast.walk(tree) if isinstance(node, ast.JoinedStr) for v in node.values}


def constants(path: Path) -> Iterator[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    skip = _docstring_nodes(tree) | _fstring_parts(tree)
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and is_vietnamese(node.value):
            yield node.lineno, node.value
        elif isinstance(node, ast.JoinedStr):
            text = "".join(v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str))
            if is_vietnamese(text):
                yield node.lineno, text


def python_files(paths: list[Path]) -> list[Path]:
    return sorted(f for p in paths for f in ([p] if p.is_file() else p.rglob("*.py")))


def main(argv: list[str]) -> int:
    listing = "--list" in argv
    paths = [Path(a) for a in argv if a != "--list"] or [Path("indexer")]
    total = 0
    for file in python_files(paths):
        found = sorted(constants(file))
        total += len(found)
        if listing:
            for line, text in found:
                print(f"{file}:{line}: {text!r}")
    print(f"{total} Vietnamese string constants in {', '.join(map(str, paths))}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
