"""Small text helpers shared by the parser, the model and the rules.

Real reports pad with U+2002, U+3000 and NBSP, and mix full- and half-width forms;
these helpers define once what "space" and "the same label" mean.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from reportlint.lazyre import lazy_compile

SPACE_CHARS = (
    " \t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
    "\u2008\u2009\u200a\u200b\u202f\u205f\u3000\ufeff\x0b\x0c"
)
"""Every character treated as a space (TAB included; it is never inside a cell)."""

_SPACES_RE = lazy_compile(f"[{re.escape(SPACE_CHARS)}]+")
_QUOTES_RE = lazy_compile("[\"'“”‘’「」『』]")


def strip_spaces(text: str) -> str:
    """Strip every kind of space from both ends (``str.strip`` misses U+200B and U+FEFF)."""
    return text.strip(SPACE_CHARS)


def leading_space_count(text: str) -> int:
    """Number of space characters before the text starts."""
    return len(text) - len(text.lstrip(SPACE_CHARS))


@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """Fold a label for matching: NFKC, no spaces, no quotes, 、 and ， as ",".

    NFKC turns full-width digits, brackets and punctuation into ASCII, so
    "（一）", "(一)" and "（一)" all become "(一)"; the original text is kept
    elsewhere for messages.
    """
    folded = unicodedata.normalize("NFKC", text)
    folded = _SPACES_RE.sub("", folded)
    folded = _QUOTES_RE.sub("", folded)
    return folded.replace("、", ",").replace("，", ",")


_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_HAS_FULLWIDTH_DIGIT = lazy_compile("[０-９]")


@lru_cache(maxsize=1024)
def ascii_digits(text: str) -> str:
    """The text with full-width digits as ASCII digits (same length, so columns hold).

    Cached, with a fast path for text without full-width digits: several rules ask
    for the same lines of the same report.
    """
    if not _HAS_FULLWIDTH_DIGIT.search(text):
        return text
    return text.translate(_FULLWIDTH_DIGITS)


def format_number(value: float) -> str:
    """A number as a clerk writes it in a message: 7, not 7.0; 12.5 stays 12.5."""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"
