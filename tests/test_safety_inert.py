"""inert()/inert_line(): hostile report text can no longer act on a terminal."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from indexer.safety import BIDI_CONTROLS, ZERO_WIDTH, inert, inert_line, is_inert

ESC = "\x1b"
BEL = "\x07"

# name -> (hostile text, what inert() must print)
HOSTILE = {
    "clear screen": (f"Báo cáo {ESC}[2J{ESC}[H xong", "Báo cáo ␛[2J␛[H xong"),
    "colour": (f"{ESC}[31mđỏ{ESC}[0m", "␛[31mđỏ␛[0m"),
    "set title (OSC 0, BEL)": (f"{ESC}]0;pwned{BEL}", "␛]0;pwned␇"),
    "clipboard write (OSC 52, ST)": (f"{ESC}]52;c;cm0gLXJmIH4={ESC}\\", "␛]52;c;cm0gLXJmIH4=␛\\"),
    "hyperlink (OSC 8)": (f"{ESC}]8;;http://x{ESC}\\link{ESC}]8;;{ESC}\\", "␛]8;;http://x␛\\link␛]8;;␛\\"),
    "8-bit CSI": ("a\x9b2Jb", "a\\x9b2Jb"),
    "8-bit OSC and ST": ("\x9d0;t\x9c", "\\x9d0;t\\x9c"),
    "NEL": ("a\x85b", "a\\x85b"),
    "backspace overwrite": ("safe\x08\x08\x08\x08evil", "safe␈␈␈␈evil"),
    "carriage return overwrite": ("Số 1\rSố 2", "Số 1␍Số 2"),
    "NUL and DEL": ("a\x00b\x7fc", "a␀b␡c"),
    "right-to-left override": ("QĐ-\u202eDNBU", "QĐ-\\u202eDNBU"),
    "isolates": ("\u2067x\u2069", "\\u2067x\\u2069"),
    "line separator": ("a\u2028b", "a\\u2028b"),
}

MARKUP = [
    "[bold]Đảng[/bold]", "[/]", "[@click=app.quit]thoát[/]", "[link=https://x.invalid]bấm[/link]",
    "[red on white]", "\\[escaped]", "[[double]]", ":smile: $x$",
]


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_sample_is_shown_visibly(name):
    hostile, shown = HOSTILE[name]
    assert inert(hostile) == shown
    assert is_inert(inert(hostile))
    assert not is_inert(hostile)


@pytest.mark.parametrize("text", MARKUP)
def test_markup_looking_text_is_left_literal(text):
    assert inert(text) == text and inert_line(text) == text


def test_vietnamese_tabs_and_newlines_are_untouched():
    text = "Cộng hòa xã hội chủ nghĩa Việt Nam\n\tĐộc lập – Tự do – Hạnh phúc “QĐ” №1 😀"
    assert inert(text) == text


def test_inert_line_makes_newlines_visible_too():
    assert inert_line("dòng 1\ndòng 2\tcột") == "dòng 1␤dòng 2\tcột"
    assert inert("dòng 1\ndòng 2") == "dòng 1\ndòng 2"


def no_control_left(text: str, *, newline_ok: bool) -> bool:
    for ch in text:
        code = ord(ch)
        if ch == "\t" or (newline_ok and ch == "\n"):
            continue
        if code < 0x20 or 0x7F <= code < 0xA0 or ch in BIDI_CONTROLS or ch in "\u2028\u2029":
            return False
    return True


@given(st.text())
def test_no_control_character_survives(text):
    assert no_control_left(inert(text), newline_ok=True)
    assert no_control_left(inert_line(text), newline_ok=False)


@given(st.text(alphabet=st.characters(blacklist_categories=("Cc",),
                                      blacklist_characters=BIDI_CONTROLS + ZERO_WIDTH + "\u2028\u2029")))
def test_text_without_controls_is_unchanged(text):
    assert inert(text) == text == inert_line(text)


@given(st.text())
def test_inert_is_idempotent(text):
    assert inert(inert(text)) == inert(text)


@given(st.recursive(
    st.none() | st.booleans() | st.integers(-(2**63), 2**63 - 1) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
))
def test_inert_json_keeps_the_value_and_disarms_the_text(value):
    import json

    import orjson

    from indexer.safety import inert_json

    encoded = inert_json(orjson.dumps(value))
    assert json.loads(encoded) == value
    assert no_control_left(encoded.decode("utf-8"), newline_ok=False)
