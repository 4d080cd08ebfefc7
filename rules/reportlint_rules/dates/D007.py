"""D007 stale-year-narrative: the rule class below holds its summary and documentation."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.diagnostics import Finding, Severity
from reportlint.lazyre import lazy_compile
from reportlint.model import Report
from reportlint.rulebase import Rule, prose
from reportlint.text import ascii_digits
from reportlint_rules.dates._dates import agency_clauses, body_year

_LEAD = r"(?:^|(?<=[。；;！!？?：:）)\s]))"
# 将 must be the future 将 (将继续, 将进一步 …), not the object marker (我局将在线申请渠道…纳入).
_PLAN_RE = lazy_compile(
    _LEAD
    + r"((?:19|20)\d{2})年度?[，,]?\s?[^，,。；;：:]{0,10}?将(?:继续|进一步|坚持|持续|采取|着力|从(?!业)|以(?!往|前)|"
    r"紧紧|切实|不断|全面|深入|严格|聚焦|围绕|加强|加大|积极|认真|大力|扎实|按照|做好|抓好|强化|推进|进行|在(?!线))"
)
_COMPARISON_RE = lazy_compile(r"较|同比|环比|上年|上一年|去年|比|增长|下降|减少|增加|持平|以来|至今|截至|截止|期间|起")
_DOCUMENT_RE = lazy_compile(r"《|〔|\[|文件|通知|要点|规划|计划|方案|预算|决算|报告")
_DOCUMENT_REACH = 25
"""A document named this close after the year is what the year refers to."""
_SENTENCE_END_RE = lazy_compile(r"[。；;！!？?]")
_YEAR_LENGTH = len("2021年")
"""The findings underline the stale year that opens the clause."""


def _sentence(text: str, start: int) -> str:
    """The sentence of *text* that starts at *start* (up to its 。 or ；)."""
    end = _SENTENCE_END_RE.search(text, start)
    return text[start : end.end() if end else len(text)]


class StaleYearNarrative(Rule):
    """检查内容：
        从严掌握，只报告两类句子：

        * 在第五部分（存在的主要问题及改进情况）中，为报告年度或更早年份所写的计划：2021 年度报告中的
          「2021年，我局将坚持…」，而这份报告的计划应当是 2022 年的；
        * 在第一至第四部分中，以更早的年份叙述本机关工作的句子：2021 年度报告中的「2020年，我局主动公
          开…」。

        以下句子不予理会：比较年份的句子（较2019年、同比、上年、比…增长、以来、截至 …），以及年份之后紧接
        文件、计划、预算或报告的句子（25 个字符以内出现《…》、〔…〕、通知、要点、规划、预算、报告 …，此时
        年份是该文件的年份）。年份只有在开启一个分句，且后面紧跟本机关（「2020年，我局…」「2020年，全
        区…」）或（对计划而言）表示将来的「将」（将继续、将进一步 …）时才计入。提及其他年份的文件、预算或
        报告的，不予匹配。整个正文叙述的都是另一个年份时，由 D002 报告标题，本规则不再报告。

    为何重要：
        照抄上一年报告、连年份也未改的句子，是报告没有重新撰写的痕迹（template-spec §6 E3；2021 年版格式把
        「内容雷同」列为追责情形）。

    示例：
        2021_pingtan-finance-bureau 第五部分：2021 年度报告中的「(二)改进措施。2021年，我局将坚持…」。

    修改方法：
        计划按报告年度的次年撰写，叙述按报告年度撰写；要检查整段文字，而不只是年份。
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
