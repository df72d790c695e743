"""The app's remembered settings: `$XDG_CONFIG_HOME/cchc/config.json` (theme only, for now)."""
from __future__ import annotations

import json
import os
from pathlib import Path

DEFAULT_THEME = "textual-dark"


def config_path() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "cchc" / "config.json"


def load_config(path: Path | None = None) -> dict:
    """The saved settings; {} when there are none or the file is unreadable (never fatal)."""
    try:
        data = json.loads((path or config_path()).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def save_config(changes: dict, path: Path | None = None) -> str | None:
    """Merge `changes` into the saved settings; the reason when they cannot be written."""
    target = path or config_path()
    data = load_config(target) | changes
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_suffix(".tmp")
        temporary.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        temporary.replace(target)
    except OSError as error:
        return f"{target}: {error.strerror or error}"
    return None
