"""Shared knowledge of the D rules: finding dates, the statistics period and the publication date.

Dates are written "2024年1月31日", "2024-01-31", "2024.1.31" or in Chinese numerals
"二〇二四年一月三十一日"; full-width ascii_digits are read as ASCII ascii_digits. Every regular
expression here is linear: no nested quantifiers, bounded gaps only.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from datetime import date

from reportlint.lazyre import lazy_compile
from reportlint.model import Report
from reportlint.model.numerals import DIGIT_VALUES, NUMERALS, digit_string, parse_number
from reportlint.records import record
from reportlint.rulebase import prose
from reportlint.text import ascii_digits

FULL_DATE_RE = lazy_compile(r"(?<!\d)((?:19|20)\d{2})\s?年\s?(\d{1,2})\s?月\s?(\d{1,2})\s?日")
MONTH_DAY_RE = lazy_compile(r"(?<![\d年])(\d{1,2})\s?月\s?(\d{1,2})\s?日")
ISO_DATE_RE = lazy_compile(r"(?<![0-9A-Za-z/.\-])((?:19|20)\d{2})([-./])(\d{1,2})\2(\d{1,2})(?![\d.\-/])")
_YEAR_DIGITS = "".join(char for char in DIGIT_VALUES if char != "两")
CN_DATE_RE = lazy_compile(rf"([{_YEAR_DIGITS}]{{4}})年([{NUMERALS}]{{1,3}})月([{NUMERALS}]{{1,3}})日")
_PERIOD_RE = lazy_compile(
    r"((?:19|20)\d{2})\s?年\s?(\d{1,2})\s?月\s?(\d{1,2})\s?日\s?起?\s?(?:至|到|—|－|-|～|~)\s?"
    r"(?:((?:19|20)\d{2})\s?年\s?)?(\d{1,2})\s?月\s?(\d{1,2})\s?日"
)
_PERIOD_CONTEXT = ("统计", "报告期", "时限", "期限")
_PUBLICATION_LABEL_RE = lazy_compile(r"(?:发布|公开|成文|印发|生成|落款)?(?:日期|时间)\s?[：:]\s?")
_LEAD = r"(?:^|(?<=[。；;！!？?：:）)\s]))"
YEAR_CLAUSE_RE = lazy_compile(_LEAD + r"((?:19|20)\d{2})年度?[，,]\s?")
_TOWNSHIP_RE = lazy_compile(r"(?:镇|乡|街道)(?:人民政府|办事处)?$")
"""A clause that opens with a year and a comma: "2023年，…"."""
AGENCY_WORDS = (
    "我局", "我区", "我市", "我县", "我镇", "我乡", "我委", "我办", "我厅", "我中心", "我们",
    "本局", "本机关", "本单位", "全区", "全市", "全县", "全镇", "全乡",
)  # fmt: skip
"""Words that make the clause about the agency's own work."""


def days_in_month(year: int, month: int) -> int:
    """The number of days of *month* (1–12) in *year*, leap years by the Gregorian rule."""
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def real_date(year: int, month: int, day: int) -> date | None:
    """The date, or ``None`` if it is not on the calendar."""
    try:
        return date(year, month, day)
    except ValueError:  # no such month or day (or a year out of date's range)
        return None


@record(frozen=True, slots=True)
class DateMention:
    """A full date written in the text (year, month and day), where it stands."""

    year: int
    month: int
    day: int
    text: str
    line: int
    column: int
    end: int
    """Offset in the line just after the date."""

    @property
    def value(self) -> date | None:
        """The calendar date, or ``None`` if there is no such day."""
        return real_date(self.year, self.month, self.day)


def _mention(text: str, line: int, match: re.Match[str], year: int, month: int, day: int) -> DateMention:
    return DateMention(year, month, day, text[match.start() : match.end()], line, match.start() + 1, match.end())


def full_dates(text: str, line: int) -> list[DateMention]:
    """Every full date in one line of text, in order (columns 1-based)."""
    # Most lines hold no date: the patterns are tried only where their literals are
    # (年…日 for the written dates, a separator for 2024-01-31).
    written = "日" in text
    separated = "-" in text or "." in text or "/" in text
    if not (written or separated):
        return []
    plain = ascii_digits(text)
    found: list[DateMention] = []
    if written:
        found += [_mention(text, line, m, int(m[1]), int(m[2]), int(m[3])) for m in FULL_DATE_RE.finditer(plain)]
    if separated:
        found += [_mention(text, line, m, int(m[1]), int(m[3]), int(m[4])) for m in ISO_DATE_RE.finditer(plain)]
    if written:
        found += [
            _mention(text, line, m, int(digit_string(m[1])), parse_number(m[2]) or 0, parse_number(m[3]) or 0)
            for m in CN_DATE_RE.finditer(plain)
        ]
    return sorted(found, key=lambda mention: mention.column)


# --- the statistics period ------------------------------------------------------------
@record(frozen=True, slots=True)
class Period:
    """The statistics period stated in the text."""

    start: tuple[int, int, int]
    end: tuple[int, int, int]
    text: str
    line: int
    column: int


def find_period(report: Report) -> Period | None:
    """The first "统计期限自…至…" statement of the report (preamble or section 一), found once per report."""
    return report.derived(_find_period)


def _find_period(report: Report) -> Period | None:
    for paragraph in prose(report):
        if paragraph.section not in (None, 1):
            break
        plain = ascii_digits(paragraph.text)
        for match in _PERIOD_RE.finditer(plain):
            before = plain[max(0, match.start() - 30) : match.start()]
            if not any(word in before for word in _PERIOD_CONTEXT):
                continue
            start = (int(match[1]), int(match[2]), int(match[3]))
            end = (int(match[4]) if match[4] else start[0], int(match[5]), int(match[6]))
            text = paragraph.text[match.start() : match.end()]
            return Period(start, end, text, paragraph.line, paragraph.column + match.start())
    return None


# --- the publication date ---------------------------------------------------------------
def publication_dates(report: Report) -> list[DateMention]:
    """Publication or signing dates: "发布日期：…" near the top, a date line at the end.

    A line at the end counts when it is short (at most 40 characters), is not a
    sentence (no 。) and ends with a full date: "2024年3月15日",
    "平潭综合实验区公安局2022年1月7日". Found once per report (three D rules ask).
    """
    return list(report.derived(_publication_dates))


def _last_text_lines(lines: list[str], count: int) -> list[int]:
    """The indexes of the last *count* non-blank lines, in order (read from the end)."""
    found: list[int] = []
    for index in range(len(lines) - 1, -1, -1):
        if len(found) == count:
            break
        if lines[index].strip():
            found.append(index)
    return found[::-1]


def _publication_dates(report: Report) -> list[DateMention]:
    lines = report.lines
    found: list[DateMention] = []
    for index, text in enumerate(lines[:6]):
        label = _PUBLICATION_LABEL_RE.search(ascii_digits(text))
        if label is None:
            continue
        after = [mention for mention in full_dates(text, index + 1) if mention.column - 1 == label.end()]
        found += after[:1]
    tail = _last_text_lines(lines, 3)
    for index in tail:
        text = lines[index].rstrip()
        if len(text.strip()) > 40 or "。" in text:
            continue
        mentions = full_dates(text, index + 1)
        if mentions and mentions[-1].end == len(text):
            found.append(mentions[-1])
    return found


def is_township(report: Report) -> bool:
    """Whether the agency is a township (乡、镇) or sub-district (街道) government."""
    name = report.agency or ""
    return bool(_TOWNSHIP_RE.search(name)) or "街道办事处" in name


# --- the year the body narrates ------------------------------------------------------------
def agency_clauses(report: Report, text: str) -> Iterator[re.Match[str]]:
    """Clauses of *text* that open with a year and then the agency ("2023年，我局…").

    The agency is one of :data:`AGENCY_WORDS` or the agency's name from the title.
    """
    subjects = AGENCY_WORDS + ((report.agency,) if report.agency else ())
    for match in YEAR_CLAUSE_RE.finditer(text):
        if text.startswith(subjects, match.end()):
            yield match


def narrative_years(report: Report) -> Counter[int]:
    """How often each year opens a clause ("2023年，…") in sections 一 to 四, plans excluded.

    Counted once per report: D001, D002 and D007 ask, some twice.
    """
    return Counter(report.derived(_narrative_years))


def _narrative_years(report: Report) -> Counter[int]:
    counts: Counter[int] = Counter()
    for paragraph in prose(report, sections=(1, 2, 3, 4)):
        text = ascii_digits(paragraph.text)
        for match in YEAR_CLAUSE_RE.finditer(text):
            if "将" not in text[match.end() : match.end() + 12]:
                counts[int(match[1])] += 1
    return counts


def body_year(report: Report, minimum: int = 2) -> int | None:
    """The year the body narrates, when it is clearly another year than the title's.

    ``None`` unless some year other than the title's opens at least *minimum*
    narrative clauses and more than the title's year does.
    """
    titled = report.title_year
    if titled is None:
        return None
    counts = narrative_years(report)
    others = [(count, year) for year, count in counts.items() if year != titled]
    if not others:
        return None
    count, year = max(others)
    if count >= minimum and count > counts.get(titled, 0):
        return year
    return None
