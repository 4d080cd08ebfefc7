"""Escaping report text and file names for every output: one helper, used by all formats.

Messages quote the report, and file names are whatever is on disk; either may hold
ESC, OSC or BEL sequences (which a terminal obeys), a newline (which forges an
output line — in GitHub Actions, a workflow command), characters XML 1.0 forbids,
or lone surrogates (a file name that is not UTF-8, which no UTF-8 stream can
write). Each such character is shown as its Python escape (``\\x1b``, ``\\n``,
``\\u202e``, ``\\udcff``), so it stays visible and nothing is lost or obeyed.

Escaped: C0 and C1 controls and DEL, the Unicode line and paragraph separators
(U+2028, U+2029; NEL is a C1 control), bidirectional overrides and isolates (which
reorder what a terminal shows), and lone surrogates. Tabs stay only where a format
keeps them. SARIF URIs are percent-encoded (:func:`uri_reference`) instead.
"""

from __future__ import annotations

import os
import re
from urllib.parse import quote

from reportlint.lazyre import lazy_compile

_UNSAFE = "\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff"
_UNSAFE_RE = lazy_compile(f"[{_UNSAFE}]")
_XML_FORBIDDEN_RE = lazy_compile(f"[{_UNSAFE}\ufffe\uffff]")
"""XML 1.0 forbids most C0 controls, surrogates, U+FFFE/U+FFFF; the rest of the set is escaped for display."""


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code == 0x0A:
        return "\\n"
    if code == 0x0D:
        return "\\r"
    if code == 0x09:
        return "\\t"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str, keep: str = "") -> str:
    """*text* with every unsafe character (see the module) written as its escape.

    *keep* names characters a format handles itself (GitHub's ``%0A`` for newlines).
    Text without such characters is returned unchanged, so ordinary output is as before.
    """
    if not _UNSAFE_RE.search(text):
        return text
    if keep:
        return _UNSAFE_RE.sub(lambda match: match.group() if match.group() in keep else _escape(match), text)
    return _UNSAFE_RE.sub(_escape, text)


def xml_text(text: str) -> str:
    """*text* that an XML 1.0 document may hold: forbidden and unsafe characters escaped."""
    return _XML_FORBIDDEN_RE.sub(_escape, text) if _XML_FORBIDDEN_RE.search(text) else text


_SURROGATE_RE = lazy_compile("[\ud800-\udfff]")


def json_document(dumped: str) -> str:
    """A ``json.dumps(..., ensure_ascii=False)`` result that UTF-8 can hold.

    A file name that is not UTF-8 reaches Python as lone surrogates, which
    ``ensure_ascii=False`` leaves raw, so the output would not be UTF-8. They can
    only stand inside JSON strings, where the ``\\udcff`` escape is valid JSON and
    reads back (``json.loads`` + ``os.fsencode``) as the very bytes of the name.
    """
    if not _SURROGATE_RE.search(dumped):
        return dumped
    return _SURROGATE_RE.sub(lambda match: f"\\u{ord(match.group()):04x}", dumped)


def uri_reference(path: str) -> str:
    """*path* as an RFC 3986 URI reference, percent-encoded (as SARIF's ``uri`` requires).

    A relative path stays a relative reference ("报告 2021.txt" → "%E6%8A%A5…%202021.txt");
    an absolute one becomes a ``file://`` URI. The path's bytes on disk are encoded
    (``os.fsencode``), so a name that is not UTF-8 still reads back as the same file,
    and "%" is encoded too ("police%2021.txt" → "police%252021.txt").
    """
    posix = path.replace(os.sep, "/") if os.sep != "/" else path
    encoded = quote(os.fsencode(posix), safe="/")
    if os.path.isabs(path):
        drive = re.match(r"^[A-Za-z]:", posix)
        return f"file:///{posix[:2]}{quote(os.fsencode(posix[2:]), safe='/')}" if drive else f"file://{encoded}"
    return encoded
