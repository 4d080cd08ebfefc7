"""Reading bytes into text: encodings, BOMs, newlines, and refusal of binary data."""

from __future__ import annotations

import pytest

from reportlint.readers.text import UndecodableError, decode, normalise_newlines

SAMPLE = "一、总体情况\n2020年，我镇主动公开信息43条。\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (SAMPLE.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + SAMPLE.encode("utf-8"), "utf-8"),
        (SAMPLE.encode("utf-16"), "utf-16"),
        (SAMPLE.encode("utf-16-be").join([b"\xfe\xff", b""]), "utf-16"),
        (SAMPLE.encode("gb18030"), "gb18030"),
        (SAMPLE.encode("gbk"), "gb18030"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-le-bom", "utf-16-be-bom", "gb18030", "gbk"],
)
def test_every_accepted_encoding_gives_the_same_text(data: bytes, encoding: str) -> None:
    decoded = decode(data)
    assert decoded.text == SAMPLE
    assert decoded.encoding == encoding


def test_binary_data_is_refused() -> None:
    with pytest.raises(UndecodableError, match="NUL"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")


def test_bytes_that_are_no_chinese_encoding_are_refused() -> None:
    with pytest.raises(UndecodableError):
        decode(b"abc \x81\x20 def")


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_newlines_are_normalised_without_moving_lines(newline: str) -> None:
    text = normalise_newlines(newline.join(["甲", "", "乙"]))
    assert text == "甲\n\n乙\n"
