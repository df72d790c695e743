"""Properties of OCR repair over arbitrary printed tokens (hypothesis)."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from indexer.ocr import restore_text, restore_words, token_readings
from indexer.textnorm import TOKEN_RE, fold, nfc
from indexer.vietnamese.phonology import is_syllable

# Letters, digits and the OCR stand-in glyphs the repair has rules for.
OCR_ALPHABET = "abcdeghiklmnopqrstuvxyBDIPQS0134568é&¢@€§¥$|wèđĐăâêôơư"
ocr_words = st.lists(
    st.text(alphabet=OCR_ALPHABET, min_size=1, max_size=9).filter(lambda w: TOKEN_RE.fullmatch(w) is not None),
    max_size=12,
)


@settings(max_examples=200, deadline=None)
@given(ocr_words)
def test_one_to_three_distinct_lowercase_readings_per_token(words: list[str]) -> None:
    readings = token_readings(words)
    assert len(readings) == len(words)
    for reading in readings:
        assert 1 <= len(reading) <= 3
        assert len(set(reading)) == len(reading)
        assert all(r == fold(r) for r in reading)


@settings(max_examples=200, deadline=None)
@given(ocr_words)
def test_readings_that_changed_the_token_are_real_syllables(words: list[str]) -> None:
    for word, reading in zip(words, token_readings(words)):
        for option in reading:
            assert option == fold(word) or is_syllable(option) or option.isalnum()


@settings(max_examples=100, deadline=None)
@given(ocr_words)
def test_restore_words_keeps_one_word_per_token(words: list[str]) -> None:
    restored = restore_words(words)
    assert len(restored) == len(words)
    assert all(r for r in restored)


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=OCR_ALPHABET + " ,.;:/-()\n", max_size=60))
def test_restore_text_keeps_everything_between_tokens(text: str) -> None:
    restored = restore_text(text)
    assert TOKEN_RE.split(restored) == TOKEN_RE.split(nfc(text))
