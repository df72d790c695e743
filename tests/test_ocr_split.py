"""Two syllables the OCR printed as one token (`déis6` = đổi số) come back as both in text shown
whole (the readable view); fields aligned word for word with their printing keep one word a token."""
from __future__ import annotations

import pytest

from indexer.ocr.restore import restore_text
from indexer.ocr.split import split_token, splits


@pytest.mark.parametrize(("token", "before", "after", "expected"), [
    ("déis6", "chuyen", "huyen", ("doi", "so")),  # chuyển đổi + đổi số hold both pieces
    ("d6is6", "chuyen", None, ("doi", "so")),
    ("déis6", None, None, ("doi", "so")),  # đổi số is a word: the pieces hold each other
])
def test_a_token_printed_for_two_syllables(token: str, before: str | None, after: str | None,
                                           expected: tuple[str, str]) -> None:
    split = split_token(token, before, after)
    assert split is not None and split[2:] == expected


@pytest.mark.parametrize("printed", [
    "cac don vi ctla tinh",  # `ctla` reads as của with one edit: no split
    "truy cap motcua thanhpho gov vn",  # plain letters run together: an address
])
def test_tokens_that_are_not_split(printed: str) -> None:
    words = printed.split()
    assert splits(words, [None] * len(words), [True] * len(words)) == {}


def test_the_readable_view_splits_and_fields_do_not() -> None:
    printed = "Ban Chi dao chuyén déis6 huyén"
    assert restore_text(printed, split=True) == "Ban Chỉ đạo chuyển đổi số huyện"
    assert len(restore_text(printed).split()) == len(printed.split())
