"""Rich styles resolved from the current Textual theme's variables (never fixed colour names).

Rich `Text` cannot hold `$variables`, so the app resolves the theme once per
theme change (`use_theme`) and every renderer asks `styles()` for the current
styles. Screens rebuild what they show when the theme changes.
"""
from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass

from textual.color import Color


@dataclass(frozen=True, slots=True)
class Palette:
    primary: str  # symbols, keys
    secondary: str  # doc types
    accent: str  # marks, active filters
    success: str  # dates, "same"
    warning: str  # differences
    error: str  # conflicts, impossible dates
    muted: str  # line numbers, ids
    match: str  # search matches in text
    heat: tuple[str, ...]  # background shades for counts, light to strong


def _solid(variables: Mapping[str, str], name: str, fallback: str) -> Color:
    background = Color.parse(variables.get("background", "#000000"))
    try:
        color = Color.parse(variables.get(name, fallback))
    except Exception:  # "auto 60%" and friends: not a colour on its own
        color = Color.parse(fallback)
    return background + color  # flattens any alpha over the background


def palette_from(variables: Mapping[str, str]) -> Palette:
    """The palette of a theme, from `App.theme_variables`."""

    def hex_of(name: str, fallback: str = "#888888") -> str:
        return _solid(variables, name, fallback).hex6

    accent = _solid(variables, "accent", "#ffa62b")
    background = Color.parse(variables.get("background", "#000000"))
    primary = Color.parse(variables.get("primary", "#0178d4"))
    heat = tuple(background.blend(primary, share).hex6 for share in (0.15, 0.3, 0.45, 0.6, 0.8))
    return Palette(
        primary=hex_of("text-primary"),
        secondary=hex_of("text-secondary"),
        accent=hex_of("text-accent"),
        success=hex_of("text-success"),
        warning=hex_of("text-warning"),
        error=hex_of("text-error"),
        muted=hex_of("foreground-muted"),
        match=f"bold {accent.get_contrast_text(1.0).hex6} on {accent.hex6}",
        heat=heat,
    )


_current: list[Palette] = []


def use_theme(variables: Mapping[str, str]) -> Palette:
    """Make `variables` (the app's theme) the source of every style; returns the palette."""
    _current[:] = [palette_from(variables)]
    return _current[0]


def styles() -> Palette:
    if not _current:
        from textual.theme import BUILTIN_THEMES

        use_theme(BUILTIN_THEMES["textual-dark"].to_color_system().generate())
    return _current[0]


def heat_style(count: int, peak: int) -> str:
    """A background shade for `count` of at most `peak` (empty cells stay plain)."""
    if count <= 0 or peak <= 0:
        return ""
    shades = styles().heat
    return _on_shade(shades[min(len(shades) - 1, (count * len(shades) - 1) // peak)])


@functools.lru_cache(maxsize=64)
def _on_shade(shade_text: str) -> str:
    # a coverage grid asks once a cell (tens of thousands at 10,000 reports) for a handful of shades
    shade = Color.parse(shade_text)
    return f"{shade.get_contrast_text(1.0).hex6} on {shade.hex6}"
