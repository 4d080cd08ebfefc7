"""Reading: a file's bytes become the report's plain text.

Chinese government files come as UTF-8 (with or without BOM), UTF-16 with BOM, or
GB18030/GBK, with any of the three newline conventions. The default reader below is
itself a plugin (``reportlint_read_source``), so HTML or Word readers can be added
later without touching the grammar: they only have to return plain text.
"""

from __future__ import annotations

import codecs

from reportlint import hookimpl
from reportlint.lazyre import lazy_compile
from reportlint.records import record

TEXT_SUFFIXES = (".txt",)
"""Suffixes the built-in reader claims when a directory is searched."""


class UndecodableError(ValueError):
    """The bytes are not text in any encoding reportlint accepts."""


@record(frozen=True, slots=True)
class DecodedText:
    """Text with the encoding it was read in (for callers of :func:`decode`; the reader
    hook returns the text alone)."""

    text: str
    encoding: str


_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode(data: bytes) -> DecodedText:
    """Decode *data* by its BOM, else as UTF-8, else as GB18030.

    A NUL byte outside a UTF-16/32 file means binary data, which no Chinese text
    encoding produces, so it is refused rather than decoded into noise.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return DecodedText(data.decode(encoding), encoding.removesuffix("-sig"))
            except UnicodeDecodeError as error:
                raise UndecodableError(f"{encoding} 解码失败（第 {error.start} 字节）") from None
    if b"\x00" in data:
        raise UndecodableError("含有 NUL 字节，不是文本文件")
    try:
        return DecodedText(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as error:
        if error.reason == "unexpected end of data":
            # A UTF-8 file cut short in the middle of its last character: keep the
            # rest as UTF-8 rather than misreading the whole file as GB18030.
            return DecodedText(data[: error.start].decode("utf-8"), "utf-8")
    try:
        return DecodedText(data.decode("gb18030"), "gb18030")
    except UnicodeDecodeError as error:
        raise UndecodableError(f"既不是 UTF-8 也不是 GB18030/GBK 编码（第 {error.start} 字节无法解码）") from None


INVISIBLE_FORMAT_CHARS = (
    "\u00ad\u061c\u180e\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\u206a\u206b\u206c\u206d\u206e\u206f\ufeff"
)
"""Invisible format characters removed from report text: the soft hyphen, joiners,
direction marks, embeddings, overrides and isolates, the word joiner and invisible
operators, and U+FEFF inside the text. They come in by copy and paste, show as
nothing, and would split a number or a heading so that findings change. U+200B
(zero-width space) is not here: it is a space (:data:`reportlint.text.SPACE_CHARS`)."""
_REMOVE_INVISIBLE = dict.fromkeys(map(ord, INVISIBLE_FORMAT_CHARS))
_LINE_BREAKS = {ord("\u2028"): "\n", ord("\u2029"): "\n", ord("\u0085"): "\n"}
_TRANSLATED_RE = lazy_compile(f"[{INVISIBLE_FORMAT_CHARS}\u2028\u2029\u0085]")
"""Any character the translations change: most reports have none, and finding that out
by a regex scan is some 20 times cheaper than ``str.translate`` with a mapping."""


def normalise_newlines(text: str) -> str:
    """Report text as the grammar reads it: LF line breaks, one final LF, no invisible format characters.

    CRLF, CR, NEL (U+0085), U+2028 and U+2029 all end a line. The characters of
    :data:`INVISIBLE_FORMAT_CHARS` are removed, so a column counts the characters a
    person sees — the N-th visible character of the line is column N, in findings
    and under ``--show-source`` alike — and a report reads the same with or
    without them. Line numbers do not change (except that the Unicode line breaks
    start lines, as editors show them).
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.isascii() and _TRANSLATED_RE.search(text):
        text = text.translate(_REMOVE_INVISIBLE).translate(_LINE_BREAKS)
    if text and not text.endswith("\n"):
        text += "\n"
    return text


@hookimpl(trylast=True)
def reportlint_read_source(path: str, data: bytes) -> str | None:
    """Read plain-text reports: any file no other reader claimed."""
    return decode(data).text


@hookimpl
def reportlint_source_suffixes() -> list[str]:
    """Claim ``*.txt`` when directories are searched."""
    return list(TEXT_SUFFIXES)
