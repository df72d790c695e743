"""read_report on every kind of file a shared folder holds: table-driven from
the factories in helpers_badfiles."""
from __future__ import annotations

import os
import random
import time
import unicodedata

import pytest
from helpers_badfiles import MB, SAMPLE, build, readable_cases, restored_text, skipped_cases, to_cp1258, to_legacy

from indexer.ingest import MAX_REPORT_BYTES, BadReport, read_report
from indexer.ingest.decode import NotText, decode_report_bytes

READABLE = [c for c in readable_cases() if c.text is not None]
SKIPPED = skipped_cases()


@pytest.mark.parametrize("case", READABLE, ids=lambda c: c.name)
def test_readable_file_gives_nfc_text_with_lf(tmp_path, case):
    path = build(tmp_path, [case])[case.name]
    text = read_report(path)
    assert text == case.text
    assert "\r" not in text
    assert unicodedata.is_normalized("NFC", text)


@pytest.mark.parametrize("case", SKIPPED, ids=lambda c: c.name)
def test_unreadable_file_raises_bad_report_with_reason(tmp_path, case):
    path = build(tmp_path, [case])[case.name]
    with pytest.raises(BadReport) as caught:
        read_report(path)
    assert case.reason in caught.value.reason
    assert caught.value.path == str(path)
    assert str(caught.value) == f"{path}: {caught.value.reason}"
    assert "\n" not in caught.value.reason


# Whole real reports, restored to proper Vietnamese, written in each legacy encoding.
@pytest.mark.parametrize("index", range(5))
@pytest.mark.parametrize("encoding", ["cp1258", "vni", "tcvn3", "utf-16-le", "utf-16"])
def test_real_report_round_trips_through_each_encoding(tmp_path, index, encoding):
    original = restored_text(index).replace("\r\n", "\n")
    if encoding == "cp1258":
        raw = to_cp1258(original)
    elif encoding in ("vni", "tcvn3"):
        raw = to_legacy(original, encoding)
    else:
        raw = original.encode(encoding)
    decoded = decode_report_bytes(raw)
    expected_name = {"utf-16-le": "utf-16", "utf-16": "utf-16"}.get(encoding, encoding)
    assert decoded.encoding == expected_name
    if encoding == "tcvn3":  # capitals of toned letters are not in TCVN3
        assert decoded.text.lower() == original.lower()
    else:
        assert decoded.text == original


def test_utf8_with_a_few_broken_bytes_is_still_read(tmp_path):
    path = tmp_path / "damaged.txt"
    good = restored_text(1).encode()
    path.write_bytes(good[:5000] + b"\xff\xfe" + good[5000:])
    text = read_report(path)
    assert text.count("\ufffd") >= 1
    assert text.replace("\ufffd", "") .startswith(restored_text(1)[:1000])


def test_a_megabyte_line_is_read_whole_and_fast(tmp_path):
    case = next(c for c in readable_cases() if c.name == "long_line.txt")
    path = build(tmp_path, [case])[case.name]
    started = time.perf_counter()
    text = read_report(path)
    assert time.perf_counter() - started < 2.0
    assert text.count("\n") == 1 and len(text) == MB + 1


def test_file_just_under_the_limit_is_read(tmp_path):
    path = tmp_path / "big.txt"
    line = "Báo cáo kết quả công tác cải cách hành chính.\n".encode()
    path.write_bytes(line * (MAX_REPORT_BYTES // len(line)))
    assert read_report(path).startswith("Báo cáo")


def test_file_deleted_after_listing_is_a_bad_report(tmp_path):
    path = tmp_path / "gone.txt"
    path.write_text(SAMPLE, encoding="utf-8")
    path.unlink()
    with pytest.raises(BadReport, match="no longer exists"):
        read_report(path)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file_is_a_bad_report(tmp_path):
    path = tmp_path / "locked.txt"
    path.write_text(SAMPLE, encoding="utf-8")
    path.chmod(0)
    with pytest.raises(BadReport, match="permission denied"):
        read_report(path)


def test_unreadable_file_is_a_bad_report_even_as_root(tmp_path, monkeypatch):
    """Root ignores file modes, so simulate the refusal the OS gives other users."""
    path = tmp_path / "locked.txt"
    path.write_text(SAMPLE, encoding="utf-8")
    real_open = os.open

    def refuse(target, *args, **kwargs):
        if str(target) == str(path):
            raise PermissionError(13, "Permission denied", str(target))
        return real_open(target, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)
    with pytest.raises(BadReport, match="permission denied"):
        read_report(path)


def _snippets(words: int, count: int, seed: int) -> list[str]:
    vocabulary = [w for i in range(5) for w in restored_text(i).split()]
    rng = random.Random(seed)
    return [" ".join(vocabulary[s : s + words]) for s in (rng.randrange(len(vocabulary) - words) for _ in range(count))]


ENCODERS = {"cp1258": to_cp1258, "vni": lambda t: to_legacy(t, "vni"), "tcvn3": lambda t: to_legacy(t, "tcvn3")}


def _outcome(encoding: str, text: str) -> str:
    raw = ENCODERS[encoding](text)
    try:
        decoded = decode_report_bytes(raw).text
    except NotText:
        return "unsure"
    same = decoded.lower() == text.lower() if encoding == "tcvn3" else decoded == text
    return "right" if same or raw.isascii() else "wrong"


@pytest.mark.parametrize("encoding", ENCODERS)
def test_paragraph_of_forty_words_is_always_decoded_right(encoding):
    outcomes = [_outcome(encoding, t) for t in _snippets(40, 150, seed=11)]
    assert outcomes.count("right") == len(outcomes)


@pytest.mark.parametrize("encoding", ENCODERS)
def test_five_words_are_decoded_right_or_skipped_as_unsure_never_garbled(encoding):
    outcomes = [_outcome(encoding, t) for t in _snippets(5, 300, seed=12)]
    assert outcomes.count("wrong") <= 3  # measured: 0 of 300
    assert outcomes.count("right") >= 0.85 * len(outcomes)


def test_bytes_then_decode_is_read_report(tmp_path):
    """The writer hashes `read_report_bytes` to skip unchanged files, then decodes."""
    from indexer.ingest import decode_report, read_report_bytes

    for case in READABLE:
        path = build(tmp_path / case.name.replace(".", "_"), [case])[case.name]
        assert decode_report(path, read_report_bytes(path)) == read_report(path)
    huge = build(tmp_path / "huge", [c for c in SKIPPED if c.name == "huge.txt"])["huge.txt"]
    with pytest.raises(BadReport, match="too large"):
        read_report_bytes(huge)  # refused before anything is read or hashed


@pytest.mark.parametrize("damage,readable", [(b"\xff", True), (b"\xff" * 400, False)])
def test_utf8_with_bom_and_damage(tmp_path, damage, readable):
    path = tmp_path / "bom_damaged.txt"
    body = restored_text(2).encode()
    path.write_bytes(b"\xef\xbb\xbf" + body[:3000] + damage + body[3000:])
    if readable:
        assert read_report(path).count("\ufffd") == 1
    else:
        with pytest.raises(BadReport, match="invalid UTF-8 at byte"):
            read_report(path)
