"""Chinese numerals as reports write them: section numbers, list ordinals, counts and dates.

Reports number their sections 一、 to 六、, their rows （一） to （七）, their table-二
blocks 第二十条第（一） to （十）项, and write counts ("两起", "二十三件") and dates
("二〇二四年一月三十一日") in numerals. What each numeral is worth is defined here once.
"""

from __future__ import annotations

NUMERALS = "一二三四五六七八九十"
"""The numerals 1 to 10, in order: NUMERALS[n - 1] is n."""

DIGIT_VALUES: dict[str, int] = {
    "〇": 0, "零": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
    "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}  # fmt: skip
"""The value of each digit numeral (〇, 零 and ○ are all written for 0; 两 is 2)."""

_ZEROS = "零〇○"


def numeral(number: int) -> str:
    """The numeral of 0 to 10: 1 → 一, 6 → 六 (0 → 〇)."""
    return ("〇" + NUMERALS)[number]


def numeral_value(text: str) -> int | None:
    """The value of a single numeral 一 to 十, or ``None``."""
    index = NUMERALS.find(text) if len(text) == 1 else -1
    return index + 1 if index >= 0 else None


def numeral_alternatives(count: int) -> str:
    """A regular-expression group of the first *count* numerals: 4 → ``(一|二|三|四)``."""
    return "(" + "|".join(NUMERALS[:count]) + ")"


def parse_number(text: str) -> int | None:
    """The value of "75", "1,200", "一", "两", "十二", "二十三", "一百零五"; ``None`` if unreadable.

    Two digit numerals in a row ("一两", "三四") are a range, not a number.
    """
    plain = text.replace(",", "")
    if plain.isdigit():
        return int(plain)
    total, current, previous = 0, 0, ""
    for char in text:
        if char in DIGIT_VALUES:
            if previous in DIGIT_VALUES and previous not in _ZEROS:
                return None
            current = DIGIT_VALUES[char]
        elif char == "十":
            total += (current or 1) * 10
            current = 0
        elif char == "百":
            total += (current or 1) * 100
            current = 0
        else:
            return None
        previous = char
    return total + current


def digit_string(text: str) -> str:
    """Digit numerals read one by one, as a year is written: 二〇二四 → "2024"."""
    return "".join(str(DIGIT_VALUES[char]) for char in text)
