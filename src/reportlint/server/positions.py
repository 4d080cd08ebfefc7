"""Columns as reportlint counts them (code points) turned into columns as LSP counts them.

reportlint's lines and columns are 1-based and count Unicode code points; LSP positions
are 0-based and count UTF-16 code units unless client and server agreed on another
encoding at ``initialize``. A CJK character is one unit either way, but an astral one
(𠀋, U+2000B, in the CJK Extension B block some names use) is two UTF-16 units, so a
column after it moves one unit to the right. This module is pure: no LSP library.
"""

from __future__ import annotations

from reportlint.lazyre import lazy_compile

UTF16, UTF8, UTF32 = "utf-16", "utf-8", "utf-32"

_NEWLINE = lazy_compile(r"\r\n|\r|\n")


def split_lines(text: str) -> list[str]:
    """The lines of *text* as LSP and reportlint's text reader number them (LF, CRLF or CR)."""
    return _NEWLINE.split(text)


def units(prefix: str, encoding: str = UTF16) -> int:
    """How many code units of *encoding* the string *prefix* takes."""
    if encoding == UTF8:
        return len(prefix.encode("utf-8", "surrogatepass"))
    if encoding == UTF32:
        return len(prefix)
    return len(prefix) + sum(1 for char in prefix if ord(char) > 0xFFFF)


def to_lsp(lines: list[str], line: int, column: int, encoding: str = UTF16) -> tuple[int, int]:
    """The 0-based (line, character) of reportlint's 1-based *line* and code-point *column*.

    A position past the text is clamped to its end, so a stale finding still lands
    somewhere visible instead of being refused by the client.
    """
    if not lines:
        return 0, 0
    index = min(max(line, 1), len(lines)) - 1
    text = lines[index]
    return index, units(text[: max(column, 1) - 1], encoding)


def from_lsp(lines: list[str], line: int, character: int, encoding: str = UTF16) -> tuple[int, int]:
    """reportlint's 1-based (line, code-point column) of an LSP position (hover, code actions)."""
    if not lines:
        return 1, 1
    index = min(max(line, 0), len(lines) - 1)
    text = lines[index]
    count = 0
    for offset, char in enumerate(text):
        if count >= character:
            return index + 1, offset + 1
        count += units(char, encoding)
    return index + 1, len(text) + 1
