"""Cell values: what a table cell says, keeping blank, 0 and "-" apart.

The template never says how to write "nothing"; reports use blank cells, 0, "-",
"—", "/" and "无". Arithmetic treats them all as 0, but rules report them
separately, so the distinction is kept here.
"""

from __future__ import annotations

import unicodedata
from enum import StrEnum
from functools import lru_cache

from reportlint.lazyre import lazy_compile
from reportlint.records import record
from reportlint.text import SPACE_CHARS


class CellKind(StrEnum):
    """The shape of a cell's content."""

    INTEGER = "integer"
    DECIMAL = "decimal"
    SIGNED = "signed"
    BLANK = "blank"
    NONE_MARK = "none-mark"
    TEXT = "text"


NONE_MARKS = frozenset({"-", "—", "――", "——", "－", "–", "/", "／", "无", "\\"})

_NUMBER_RE = lazy_compile(
    r"^(?P<sign>[+-])?(?P<number>\d+(?:,\d{3})*(?:\.\d+)?)(?P<unit>万元|元|件|个|条|笔|项|次|人次)?$"
)
_SPACE_TABLE = str.maketrans("", "", SPACE_CHARS)
MAX_DIGITS = 15
"""Digits a cell's number may have (before the decimal point, and in all): a float is
exact to about 15, no real count or sum of money has more, and a longer run of digits
(``float("9" * 401)`` is infinity) is kept as text, never as a number."""


@record(frozen=True, slots=True)
class CellValue:
    """A parsed cell: its kind, its number (``None`` unless numeric) and unit."""

    kind: CellKind
    number: float | None
    unit: str | None
    text: str

    @property
    def is_value(self) -> bool:
        """True for anything that can stand in a numeric cell (blank and "-" included)."""
        return self.kind is not CellKind.TEXT

    @property
    def as_count(self) -> float:
        """The number for arithmetic: blank and none-marks count as 0."""
        return self.number if self.number is not None else 0.0


@lru_cache(maxsize=4096)
def parse_value(text: str) -> CellValue:
    """Parse a cell's text: "1", " 0", "251000元", "160.5964万元", "-8", "+1036", "", "/"."""
    compact = unicodedata.normalize("NFKC", text).translate(_SPACE_TABLE)
    if not compact:
        return CellValue(CellKind.BLANK, None, None, text)
    if compact in NONE_MARKS or text.strip(SPACE_CHARS) in NONE_MARKS:
        return CellValue(CellKind.NONE_MARK, None, None, text)
    match = _NUMBER_RE.match(compact)
    if match is None:
        return CellValue(CellKind.TEXT, None, None, text)
    digits = match["number"].replace(",", "")
    if len(digits.replace(".", "")) > MAX_DIGITS:
        return CellValue(CellKind.TEXT, None, None, text)
    number = float(digits)
    if match["sign"] == "-":
        number = -number
    if match["sign"]:
        kind = CellKind.SIGNED
    elif "." in match["number"]:
        kind = CellKind.DECIMAL
    else:
        kind = CellKind.INTEGER
    return CellValue(kind, number, match["unit"], text)
