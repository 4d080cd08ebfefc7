"""Word's automatic list numbering, rendered the way Word shows it.

A heading typed as 「总体情况」 in a paragraph whose numbering level has the format
``chineseCounting`` and the level text ``%1、`` is shown by Word as 「一、总体情况」;
the number is nowhere in the paragraph's text. This module reads ``numbering.xml``
(and the paragraph styles that carry numbering) and, fed the body paragraphs in
document order, returns each one's label, counting as Word does: one counter per
abstract numbering, a level restarts when a higher level is used, ``startOverride``
restarts a list instance the first time it is used.

It works on lxml elements only (no python-docx import), so it is cheap to test.
"""

from __future__ import annotations

from dataclasses import field
from typing import Any

from reportlint.lazyre import lazy_compile
from reportlint.records import record

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_LEVELS = 9


def _q(name: str) -> str:
    return f"{{{W}}}{name}"


def _val(element: Any, child: str) -> str | None:
    """The ``w:val`` of *element*'s child *child*, or ``None``."""
    if element is None:
        return None
    found = element.find(_q(child))
    if found is None:
        return None
    value = found.get(_q("val"))
    return str(value) if value is not None else None


def _int(text: str | None, default: int) -> int:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default


# --- number formats -------------------------------------------------------------
_CN_DIGITS = "〇一二三四五六七八九"
_CN_COUNT = "零一二三四五六七八九"
_CN_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"
_DIZHI = "子丑寅卯辰巳午未申酉戌亥"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def _chinese(number: int, digits: str = _CN_COUNT, units: str = "十百千") -> str:
    """1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 105 → 一百零五 (Word's chineseCounting)."""
    if number <= 0:
        return digits[0]
    if number >= 10000:
        return str(number)
    parts: list[str] = []
    zero = False
    for power, unit in ((1000, units[2]), (100, units[1]), (10, units[0]), (1, "")):
        digit = number // power % 10
        if digit == 0:
            zero = bool(parts)
            continue
        if zero:
            parts.append(digits[0])
            zero = False
        if not (digit == 1 and power == 10 and not parts and digits is _CN_COUNT):
            parts.append(digits[digit])
        parts.append(unit)
    return "".join(parts)


def _letters(number: int, upper: bool) -> str:
    """1 → a, 26 → z, 27 → aa (Word repeats the letter)."""
    letter = chr(ord("A" if upper else "a") + (number - 1) % 26)
    return letter * ((number - 1) // 26 + 1)


def _roman(number: int) -> str:
    result = []
    for value, symbol in (
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ):  # fmt: skip
        while number >= value:
            result.append(symbol)
            number -= value
    return "".join(result)


def format_number(number: int, fmt: str) -> str:
    """*number* in Word's number format *fmt* (``w:numFmt``); unknown formats as decimal."""
    if fmt in ("chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwanCounting",
               "taiwanCountingThousand", "koreanCounting"):  # fmt: skip
        return _chinese(number)
    if fmt == "chineseLegalSimplified":
        return _chinese(number, _CN_LEGAL, "拾佰仟")
    if fmt in ("ideographDigital", "taiwanDigital", "japaneseDigitalTenThousand"):
        return "".join(_CN_DIGITS[int(digit)] for digit in str(number))
    if fmt == "ideographTraditional":
        return _TIANGAN[(number - 1) % 10]
    if fmt == "ideographZodiac":
        return _DIZHI[(number - 1) % 12]
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 1 <= number <= len(_CIRCLED):
        return _CIRCLED[number - 1]
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return str(number).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    if fmt == "decimalZero":
        return f"{number:02d}"
    if fmt in ("lowerLetter", "upperLetter"):
        return _letters(number, fmt == "upperLetter")
    if fmt in ("lowerRoman", "upperRoman"):
        roman = _roman(number)
        return roman if fmt == "upperRoman" else roman.lower()
    if fmt == "none":
        return ""
    return str(number)


# --- numbering definitions --------------------------------------------------------
@record(frozen=True, slots=True)
class Level:
    """One level of an abstract numbering: how its number looks."""

    start: int = 1
    fmt: str = "decimal"
    text: str = ""
    suffix: str = "tab"
    legal: bool = False


@record(slots=True)
class _Instance:
    abstract: str
    overrides: dict[int, int] = field(default_factory=dict)
    used: bool = False


_PLACEHOLDER = lazy_compile(r"%([1-9])")


class Numbering:
    """Renders the list label of each body paragraph, in document order."""

    def __init__(self, numbering: Any = None, styles: Any = None) -> None:
        self._levels: dict[str, dict[int, Level]] = {}
        self._instances: dict[str, _Instance] = {}
        self._counters: dict[str, list[int | None]] = {}
        self._style_numbering: dict[str, tuple[str | None, int | None]] = {}
        self._style_parent: dict[str, str] = {}
        if numbering is not None:
            self._read_numbering(numbering)
        if styles is not None:
            self._read_styles(styles)

    def _read_numbering(self, root: Any) -> None:
        for abstract in root.iter(_q("abstractNum")):
            levels: dict[int, Level] = {}
            for lvl in abstract.iter(_q("lvl")):
                ilvl = _int(lvl.get(_q("ilvl")), 0)
                levels[ilvl] = Level(
                    start=_int(_val(lvl, "start"), 1),
                    fmt=_val(lvl, "numFmt") or "decimal",
                    text=_val(lvl, "lvlText") or "",
                    suffix=_val(lvl, "suff") or "tab",
                    legal=lvl.find(_q("isLgl")) is not None and _val(lvl, "isLgl") not in ("0", "false"),
                )
            self._levels[str(abstract.get(_q("abstractNumId")))] = levels
        for num in root.iter(_q("num")):
            instance = _Instance(_val(num, "abstractNumId") or "")
            for override in num.iter(_q("lvlOverride")):
                start = _val(override, "startOverride")
                if start is not None:
                    instance.overrides[_int(override.get(_q("ilvl")), 0)] = _int(start, 1)
            self._instances[str(num.get(_q("numId")))] = instance

    def _read_styles(self, root: Any) -> None:
        for style in root.iter(_q("style")):
            style_id = style.get(_q("styleId"))
            if style_id is None:
                continue
            parent = _val(style, "basedOn")
            if parent:
                self._style_parent[str(style_id)] = parent
            num_pr = style.find(f"{_q('pPr')}/{_q('numPr')}")
            if num_pr is not None:
                ilvl = _val(num_pr, "ilvl")
                self._style_numbering[str(style_id)] = (_val(num_pr, "numId"), _int(ilvl, 0) if ilvl else None)

    def _from_style(self, style_id: str | None) -> tuple[str | None, int | None]:
        seen: set[str] = set()
        while style_id and style_id not in seen:
            seen.add(style_id)
            if style_id in self._style_numbering:
                return self._style_numbering[style_id]
            style_id = self._style_parent.get(style_id)
        return None, None

    def label(self, paragraph: Any) -> str:
        """The label Word shows before *paragraph* (``""`` if none); advances the counters.

        Call it once per paragraph, in document order.
        """
        ppr = paragraph.find(_q("pPr"))
        num_pr = ppr.find(_q("numPr")) if ppr is not None else None
        style_num, style_ilvl = self._from_style(_val(ppr, "pStyle"))
        num_id = _val(num_pr, "numId") if num_pr is not None else None
        ilvl_text = _val(num_pr, "ilvl") if num_pr is not None else None
        num_id = num_id if num_id is not None else style_num
        ilvl = _int(ilvl_text, style_ilvl if style_ilvl is not None else 0)
        if not num_id or num_id == "0" or num_id not in self._instances:
            return ""
        instance = self._instances[num_id]
        levels = self._levels.get(instance.abstract)
        if not levels or not 0 <= ilvl < _LEVELS:
            return ""
        counters = self._counters.setdefault(instance.abstract, [None] * _LEVELS)
        if not instance.used:
            instance.used = True
            for level_index, start in instance.overrides.items():
                if 0 <= level_index < _LEVELS:
                    counters[level_index] = start - 1
                    for deeper in range(level_index + 1, _LEVELS):
                        counters[deeper] = None
        level = levels.get(ilvl, Level())
        current = counters[ilvl]
        counters[ilvl] = level.start if current is None else current + 1
        for deeper in range(ilvl + 1, _LEVELS):
            counters[deeper] = None
        if level.fmt == "bullet":
            return level.text
        text = _PLACEHOLDER.sub(
            lambda match: self._render(levels, counters, int(match[1]) - 1, level.legal), level.text
        )
        if text and level.suffix != "nothing" and text[-1].isalnum():
            text += " "
        return text

    @staticmethod
    def _render(levels: dict[int, Level], counters: list[int | None], index: int, legal: bool) -> str:
        level = levels.get(index, Level())
        value = counters[index]
        number = level.start if value is None else value
        return format_number(number, "decimal" if legal and level.fmt != "decimal" else level.fmt)
