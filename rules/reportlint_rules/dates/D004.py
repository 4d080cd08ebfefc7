"""D004 document-dated-after-publication: the rule class below holds its summary and documentation."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from reportlint.diagnostics import Finding
from reportlint.lazyre import lazy_compile
from reportlint.model import Report
from reportlint.rulebase import Paragraph, Rule, prose
from reportlint.text import ascii_digits
from reportlint_rules.dates._dates import full_dates, publication_dates

_DOC_NUMBER_RE = lazy_compile(r"[〔\[【［]\s?((?:19|20)\d{2})\s?[〕\]】］]\s?第?\s?\d{1,5}\s?号")
_ISSUED_RE = lazy_compile(r"\s?(?:印发|发布|出台|下发|公布|制发|签发)")
_FUTURE_RE = lazy_compile(r"将|拟|计划|预计|力争")


class DocumentDatedAfterPublication(Rule):
    """检查内容：
        报告发布时还不可能存在的引用文件：发文字号中的年份（〔2025〕3号、[2025]3号）晚于发布年份，或者后
        接 印发/发布/出台/下发/公布 的日期（「2024年3月20日印发」）晚于发布日期。发布日期取开头的「发布日
        期：…」一行或末尾的日期行（见 D005）；报告两者都没有时，把最晚可能的发布年份定为报告年度的次年，因
        此只报告更晚年份的发文字号。前面有 将/拟/计划 的日期（属于计划）不予理会。

    为何重要：
        报告不可能引用在它之后才印发的文件；这样的引用，要么是发文字号的年份写错了，要么是报告发布后又被改
        动过（template-spec §6 E7）。

    示例：
        2023 年度报告落款 2024年1月20日，却引用了「桐政办发〔2025〕12号」。

    修改方法：
        改正发文字号或日期；如果报告在发布后修订过，应予说明并写明修订日期。
    """

    code = "D004"
    name = "document-dated-after-publication"
    summary = "引用的文件日期晚于报告发布日期"

    def check(self, report: Report) -> Iterator[Finding]:
        """One finding per document number or issue date later than the publication."""
        mentions = publication_dates(report)
        published = [mention.value for mention in mentions if mention.value is not None]
        latest = max(published, default=None)
        year = report.title_year
        if latest is None and year is None:
            return
        pub_lines = {mention.line for mention in mentions}
        for paragraph in prose(report):
            if paragraph.line in pub_lines:
                continue
            yield from self._document_numbers(report, paragraph, latest, year)
            if latest is not None:
                yield from self._issue_dates(report, paragraph, latest)

    def _document_numbers(
        self, report: Report, paragraph: Paragraph, latest: date | None, year: int | None
    ) -> Iterator[Finding]:
        """Document numbers (〔2025〕3号) of a later year than the report can have been published in."""
        text = paragraph.text
        limit = latest.year if latest is not None else (year or 0) + 1
        for match in _DOC_NUMBER_RE.finditer(ascii_digits(text)):
            cited = int(match[1])
            if cited <= limit:
                continue
            if latest is not None:
                why = f"晚于报告的发布日期{latest.year}年{latest.month}月{latest.day}日"
            else:
                why = f"晚于{limit}年（{year}年度报告最迟应在{limit}年发布）"
            message = f"引用的文件文号「{match[0]}」是{cited}年的，{why}"
            yield self.at_match(report, message, paragraph, match)

    def _issue_dates(self, report: Report, paragraph: Paragraph, latest: date) -> Iterator[Finding]:
        """Dates of issue ("2024年3月20日印发") after the publication date."""
        text = paragraph.text
        for mention in full_dates(text, paragraph.line):
            value = mention.value
            issued = _ISSUED_RE.match(text, mention.end)
            if value is None or value <= latest or issued is None:
                continue
            if _FUTURE_RE.search(text[max(0, mention.column - 11) : mention.column - 1]):
                continue
            message = (
                f"「{mention.text}{issued[0]}」的文件晚于报告的发布日期{latest.year}年{latest.month}月{latest.day}日"
            )
            length = len(mention.text) + len(issued[0])
            start = mention.column - 1
            yield self.at_span(report, message, paragraph, start, start + length)
