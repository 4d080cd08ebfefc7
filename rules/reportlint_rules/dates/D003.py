"""D003 invalid-calendar-date: the rule class below holds its summary and documentation."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.diagnostics import Finding
from reportlint.model import Report
from reportlint.rulebase import Rule
from reportlint.text import ascii_digits
from reportlint_rules.dates._dates import MONTH_DAY_RE, days_in_month, full_dates


def _problem(year: int | None, month: int, day: int) -> str | None:
    """Why year/month/day is no date, or ``None`` if it is one (Feb 29 allowed without year)."""
    if not 1 <= month <= 12:
        return f"没有{month}月"
    days = days_in_month(year if year is not None else 2000, month)
    if not 1 <= day <= days:
        if year is None:
            return f"{month}月最多只有{days}天"
        return f"{year}年{month}月只有{days}天"
    return None


class InvalidCalendarDate(Rule):
    """检查内容：
        报告正文中日历上不存在的日期：月份不在 1–12 之间，日数超过当月天数（2月30日、4月31日），或者非闰年
        的 2月29日。可识别的日期写法有 2023年2月30日、2月30日（不写年份时，2月29日视为存
        在）、2023-02-30、2023.2.30 和 二〇二三年二月三十日。

    为何重要：
        不存在的日期是报告所陈述事实（发布日期、期限、事件）中的笔误，读者无从知道指的是哪一天。

    示例：
        「于2023年2月30日印发实施方案」。

    修改方法：
        改正日期。
    """

    code = "D003"
    name = "invalid-calendar-date"
    summary = "日期不存在"

    def check(self, report: Report) -> Iterator[Finding]:
        """One finding per impossible date, at its first character."""
        for index, text in enumerate(report.lines):
            if "月" not in text and "-" not in text and "." not in text:
                continue
            taken: list[tuple[int, int]] = []
            for mention in full_dates(text, index + 1):
                taken.append((mention.column - 1, mention.end))
                problem = _problem(mention.year, mention.month, mention.day)
                if problem is not None:
                    message = f"日期「{mention.text}」不存在：{problem}"
                    yield self.at_line(report, message, index + 1, mention.column, length=len(mention.text))
            if "日" not in text:
                continue  # MONTH_DAY_RE ends in 日
            for match in MONTH_DAY_RE.finditer(ascii_digits(text)):
                if any(start <= match.start() < end for start, end in taken):
                    continue
                problem = _problem(None, int(match[1]), int(match[2]))
                if problem is not None:
                    message = f"日期「{match[0]}」不存在：{problem}"
                    yield self.at_line(report, message, index + 1, match.start() + 1, length=len(match[0]))
