"""Character classes and quoting helpers shared by the T rules."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")

MAX_PER_PARAGRAPH = 10
"""Findings of one T rule per paragraph, at most: a pasted line of 100 000 brackets
must not give 100 000 findings (the first ones say what to fix)."""


def is_han(char: str) -> bool:
    """A CJK unified ideograph (the basic block and extension A)."""
    return "\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf"


def is_basic_han(char: str) -> bool:
    """A character of the basic CJK block only, as issuer codes are written; false for ``""``."""
    return "\u4e00" <= char <= "\u9fff"


def is_cjk(char: str) -> bool:
    """A character of Chinese text: Han, CJK punctuation, full-width forms, curly quotes, …—."""
    return is_han(char) or "\u3000" <= char <= "\u303f" or "\uff01" <= char <= "\uff60" or char in "“”‘’…—·"


def quote(text: str, start: int, end: int, context: int = 8) -> str:
    """The text from *start* to *end* with a little context, for a message."""
    left = max(0, start - context)
    right = min(len(text), end + context)
    return ("…" if left else "") + text[left:right] + ("…" if right < len(text) else "")


def first(found: Iterable[T], limit: int = MAX_PER_PARAGRAPH) -> Iterator[T]:
    """The first *limit* items; 0 means all of them."""
    for count, item in enumerate(found):
        if limit and count >= limit:
            return
        yield item
