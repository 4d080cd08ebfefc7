"""Counts in prose: the number-and-measure-word tokens the text-arithmetic rules read.

Every pattern is linear: no nested quantifiers, bounded repeats only, so a line of
three million characters costs one pass.
"""

from __future__ import annotations

from reportlint.lazyre import lazy_compile
from reportlint.records import record

COUNT_UNITS = "人次|件|条|个|项|家|次|期|份|篇|场|批|宗|起|名|户|所|座|处|台|套|部|人"
"""Measure words of counted things (not 年, 月, 元, 万元, %: those are no counts)."""

COUNT_RE = lazy_compile(
    rf"(?<![\d.,])(?P<number>\d{{1,3}}(?:,\d{{3}})+|\d+)(?P<unit>{COUNT_UNITS})(?!月|工作日|小时|百分点|多|余)"
)
"""A count: "12个", "2599条"; not "3个月", "2个百分点", "100多件"."""

SENTENCE_END = "。！？!?"

MAX_COUNT_DIGITS = 15
"""No count a report states has more digits: a longer run of digits is no count (an
ID, a typo, an attack), and reading it as one would overflow float arithmetic (a
401-digit count) or exceed Python's 4,300-digit limit on int conversion."""


def count_value(digits: str) -> int | None:
    """The value of a count's digits ("2,599" → 2599), or ``None`` past :data:`MAX_COUNT_DIGITS`."""
    plain = digits.replace(",", "")
    return int(plain) if len(plain) <= MAX_COUNT_DIGITS else None


@record(frozen=True, slots=True)
class Count:
    """A count in a line of text, with its offset in the line."""

    number: int
    unit: str
    start: int
    end: int


def counts(text: str) -> list[Count]:
    """The counts in *text*, with their offsets."""
    return [
        Count(number, match["unit"], match.start(), match.end())
        for match in COUNT_RE.finditer(text)
        if (number := count_value(match["number"])) is not None
    ]


def sentence_end(text: str, start: int, stops: str = SENTENCE_END, window: int = 2000) -> int:
    """The offset of the first of *stops* from *start* (where the sentence's words end).

    Looks no further than *window* characters, so that many calls on a huge line
    without punctuation stay linear.
    """
    limit = min(len(text), start + window)
    ends = [position for char in stops if (position := text.find(char, start, limit)) >= 0]
    return min(ends) if ends else limit


def clause_start(text: str, end: int, window: int = 12) -> int:
    """Where the clause that contains *end* starts, looking back at most *window* characters."""
    floor = max(0, end - window)
    starts = [text.rfind(char, floor, end) for char in "，,。；;：:！？"]
    return max(starts) + 1 if max(starts) >= 0 else floor


def quote(text: str, limit: int = 40) -> str:
    """A fragment of the report for a message, shortened in the middle if long."""
    return text if len(text) <= limit else text[: limit // 2] + "……" + text[-(limit // 2) :]
