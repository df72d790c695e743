"""Vowel confusions of the OCR channel (indexer/data/ocr_substitutions.tsv, indexer/ocr/channel.py):
ư printed as a plain `e` between consonants, and the stand-ins of ă/â (`i`, `ai`, `ia`, `d`) read only
before a final consonant (ă and â never end a syllable). Invented phrases, written from the layout."""
from __future__ import annotations

import pytest

from indexer.ocr import token_readings
from indexer.ocr.channel import candidates


def best(costs: dict[str, float]) -> str:
    return min(costs, key=costs.__getitem__)


# (printed token, its cheapest reading)
CHEAPEST = [
    ("trec", "truc"),  # trực: ư printed e
    ("treong", "truong"),  # trương
    ("thec", "thuc"),  # thực
    ("niam", "nam"),  # năm: ă printed ia before m
    ("tdm", "tom"),  # ô before the final m stays the likelier reading
]


@pytest.mark.parametrize(("printed", "reading"), CHEAPEST)
def test_the_cheapest_reading(printed: str, reading: str) -> None:
    assert best(candidates(printed)) == reading


# (printed token, a reading the channel must not offer): an ă/â stand-in as the last letter
NOT_OFFERED = [
    ("hai", "ha"),  # hai, not hạ: `ai` for ă needs a final consonant after it
    ("tai", "ta"),
    ("nhii", "nha"),
    ("tri", "tra"),  # i for ă at the end
    ("tre", "tru"),  # e for ư only between consonants
]


@pytest.mark.parametrize(("printed", "reading"), NOT_OFFERED)
def test_a_vowel_that_cannot_end_a_syllable_is_not_read_at_the_end(printed: str, reading: str) -> None:
    assert reading not in candidates(printed, allow_edits=False)


# (printed phrase, token looked at, its best reading in the phrase)
IN_CONTEXT = [
    ("chinh quyén dia phuong hai cép", "hai", "hai"),  # hai cấp, not hạ cấp
    ("nop hd so trec tuyén tai nha", "trec", "truc"),  # trực tuyến, no neighbour needed
    ("chu treong cua Tinh uy", "treong", "truong"),  # chủ trương
    ("dang ky khai sinh trec tuyén", "trec", "truc"),
    ("hop tryc tuyén", "tryc", "truc"),  # the y form still reads trực
]


@pytest.mark.parametrize(("phrase", "token", "reading"), IN_CONTEXT)
def test_reading_in_a_phrase(phrase: str, token: str, reading: str) -> None:
    words = phrase.split()
    assert token_readings(words)[words.index(token)][0] == reading
