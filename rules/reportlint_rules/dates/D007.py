"""D007 stale-year-narrative: the rule class below holds its summary and documentation."""

from __future__ import annotations

import re
from collections.abc import Iterator

from reportlint.diagnostics import Finding, Severity
from reportlint.model import Report
from reportlint.rulebase import Rule, prose
from reportlint.text import ascii_digits
from reportlint_rules.dates._dates import agency_clauses, body_year

_LEAD = r"(?:^|(?<=[。；;！!？?：:）)\s]))"
# 将 must be the future 将 (将继续, 将进一步 …), not the object marker (我局将在线申请渠道…纳入).
_PLAN_RE = re.compile(
    _LEAD
    + r"((?:19|20)\d{2})年度?[，,]?\s?[^，,。；;：:]{0,10}?将(?:继续|进一步|坚持|持续|采取|着力|从(?!业)|以(?!往|前)|"
    r"紧紧|切实|不断|全面|深入|严格|聚焦|围绕|加强|加大|积极|认真|大力|扎实|按照|做好|抓好|强化|推进|进行|在(?!线))"
)
_COMPARISON_RE = re.compile(r"较|同比|环比|上年|上一年|去年|比|增长|下降|减少|增加|持平|以来|至今|截至|截止|期间|起")
_DOCUMENT_RE = re.compile(r"《|〔|\[|文件|通知|要点|规划|计划|方案|预算|决算|报告")
_DOCUMENT_REACH = 25
"""A document named this close after the year is what the year refers to."""
_SENTENCE_END_RE = re.compile(r"[。；;！!？?]")
_YEAR_LENGTH = len("2021年")
"""The findings underline the stale year that opens the clause."""


def _sentence(text: str, start: int) -> str:
    """The sentence of *text* that starts at *start* (up to its 。 or ；)."""
    end = _SENTENCE_END_RE.search(text, start)
    return text[start : end.end() if end else len(text)]


class StaleYearNarrative(Rule):
    """What it does:
        Reports two kinds of sentence, conservatively:

        * in section 五 (problems and improvements), a plan stated for the report year
          or an earlier one: 「2021年，我局将坚持…」 in the 2021 report, whose plans are
          for 2022;
        * in sections 一 to 四, a sentence that narrates the agency's own work under an
          earlier year: 「2020年，我局主动公开…」 in the 2021 report.

        A sentence is left alone when it compares years (较2019年, 同比, 上年, 比…增长,
        以来, 截至 …) or names a document, plan, budget or report right after the year
        (《…》, 〔…〕, 通知, 要点, 规划, 预算, 报告 … within 25 characters: the year is
        then the document's), and a year only counts when it opens a clause followed by the
        agency ("2020年，我局…", "2020年，全区…") or, for plans, by a future 将 (将继续,
        将进一步 …). References to other years' documents, budgets or reports are not
        matched. When the whole body narrates another year, D002 reports the title
        instead and this rule stays silent.

    Why it matters:
        Sentences copied from last year's report, with last year's year, are the trace
        of a report that was not rewritten (template-spec §6 E3; the 2021 format names
        「内容雷同」 as grounds for accountability).

    Example:
        2021_pingtan-finance-bureau, section 五: 「(二)改进措施。2021年，我局将坚持…」 in the
        2021 report.

    Fix:
        Write the plans for the year after the report year, and the narrative for the
        report year; check the whole paragraph, not only the year.
    """

    code = "D007"
    name = "stale-year-narrative"
    summary = "叙述本年度工作或计划时年份写错（疑似沿用往年报告）"
    severity = Severity.WARNING

    def check(self, report: Report) -> Iterator[Finding]:
        """One finding per stale plan in 五 and per stale narrative sentence in 一–四."""
        year = report.title_year
        if year is None or body_year(report) is not None:
            return
        for paragraph in prose(report, sections=(1, 2, 3, 4, 5)):
            text = ascii_digits(paragraph.text)
            if paragraph.section == 5:
                for match in _PLAN_RE.finditer(text):
                    stated = int(match[1])
                    if stated <= year and not _COMPARISON_RE.search(match[0][5:]):
                        message = (
                            f"「{_sentence(paragraph.text, match.start())[:30]}」把改进计划写在{stated}年，"
                            f"本报告是{year}年度报告，计划应针对{year + 1}年（疑似沿用往年报告）"
                        )
                        yield self.at_span(report, message, paragraph, match.start(), match.start() + _YEAR_LENGTH)
            else:
                for match in agency_clauses(report, text):
                    stated = int(match[1])
                    sentence = _sentence(text, match.start())
                    if stated >= year or "将" in sentence[:12]:
                        continue
                    if _COMPARISON_RE.search(sentence) or _DOCUMENT_RE.search(sentence[:_DOCUMENT_REACH]):
                        continue
                    message = (
                        f"「{_sentence(paragraph.text, match.start())[:30]}」叙述的是{stated}年的工作，"
                        f"本报告是{year}年度报告（疑似沿用往年报告）"
                    )
                    yield self.at_span(report, message, paragraph, match.start(), match.start() + _YEAR_LENGTH)
