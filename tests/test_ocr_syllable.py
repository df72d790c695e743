"""Phonotactic validator: real folded syllables pass, OCR debris fails."""
import pytest

from indexer.vietnamese.phonology import is_syllable


def cases(words: str, expected: bool) -> list[tuple[str, bool]]:
    return [(word, expected) for word in words.split()]


VALID = cases(
    "cua so to chuc quan ly nam nuoc duoc nguoi nghieng quoc quynh khuya tuyen "
    "gia gin ke ghe nghe hoa hoe thuy oanh uong yen yeu a y",
    True,
)
INVALID = cases(
    "cia ctia ciia chirc chic nwec 1ap phd sb dbi ce ci nge ghi2 ka gha quu quoa cuan "
    "ynh tng nudc dugc",
    False,
)


@pytest.mark.parametrize(("word", "expected"), VALID + INVALID)
def test_is_syllable(word: str, expected: bool) -> None:
    assert is_syllable(word) is expected
