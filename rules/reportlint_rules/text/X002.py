"""X002 review-litigation-count-mismatch: the rule class below holds its summary and documentation."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.diagnostics import Finding
from reportlint.lazyre import lazy_compile
from reportlint.model import Report
from reportlint.model import templates as tpl
from reportlint.model.templates import T4
from reportlint.rulebase import Rule, prose
from reportlint_rules.text._amounts import describe_t4, t4_total
from reportlint_rules.text._claims import (
    FILLER,
    Mention,
    about_disclosure,
    joined,
    label_before,
    mentions,
    other_period,
    passages,
)

_REVIEW = tpl.T4_REVIEW
_LITIGATION = tpl.T4_SUITS
_RESULTS = dict(zip(("upheld", "corrected", "other", "pending"), tpl.T4_RESULTS[:4], strict=True))
"""The result columns a count may name, by the name of its group in _LABEL_RE."""
_LABEL_RE = lazy_compile(
    r"(?:(?P<review>(?:行政)?复议(?:案件|申请)?)|(?P<litigation>(?:行政)?诉讼(?:案件)?)"
    r"|(?P<upheld>结果维持|维持)|(?P<corrected>结果纠正|纠正|纠错)|(?P<other>其他结果)"
    rf"|(?P<pending>尚未审结|未审结|审理中)){FILLER}$"
)
_GROUP_WORD_RE = lazy_compile(r"复议(?!后)|诉讼|起诉")
_LOOK_BACK = 160
"""How far back a result count ("其中结果维持72件") looks for 复议 or 诉讼 (characters)."""
_UNITS = ("件", "件次", "起", "宗", "例", "个", "次")


class ReviewLitigationCountMismatch(Rule):
    """检查内容：
        把正文给出的行政复议、行政诉讼数量与表四比较（TX-2）：「行政复议 N 件」与「行政复议/总计」比较，
        「行政诉讼 N 件」与「未经复议直接起诉/总计」+「复议后起诉/总计」比较，其后给出的各结果数量（「其中
        结果维持72件 …」）与相应的结果列比较。只读取关于政府信息公开的句子（至「。」为止）或第四部分中的句
        子；只有关键词紧挨在数量之前（中间可以有「案件」「共」之类的虚词）时才比较。问题标在数字处。

    为何重要：
        表四是复议和诉讼的正式记录；正文写成另一个数，读者无从判断哪个正确（template-spec TX-2，§6 E13）。

    示例：
        「全年因政府信息公开工作被申请行政复议2件，被提起行政诉讼2件」，而表四「未经复议直接起诉/总计」为
        1、「复议后起诉/总计」为 0（examples/2023-water-bureau.txt）。

    修改方法：
        改正正文或表四，使两者给出相同的数量。
    """

    code = "X002"
    name = "review-litigation-count-mismatch"
    summary = "正文中的行政复议、行政诉讼数量与表四不一致"

    def check(self, report: Report) -> Iterator[Finding]:
        """Compare every labelled count of reviews and suits with table 四."""
        if report.tables.get(T4) is None:
            return
        for paragraph in prose(report):
            seen: set[str] = set()  # a claim repeated on one line is reported once
            for start, passage in passages(paragraph.text):
                if not about_disclosure(paragraph, passage):
                    continue
                for mention in mentions(passage, _UNITS):
                    message = _compare(report, mention)
                    if message is not None and message not in seen:
                        seen.add(message)
                        at = start + mention.offset
                        yield self.at_span(report, message, paragraph, at, at + mention.length)


def _compare(report: Report, mention: Mention) -> str | None:
    """The message when *mention* is a labelled count that differs from table 四."""
    match = label_before(mention, _LABEL_RE)
    if match is None or match.lastgroup is None:
        return None
    name = match.lastgroup
    start = match.start(name)
    if joined(mention, start) or other_period(mention, start, report.year):
        return None
    if name in ("review", "litigation"):
        groups = (_REVIEW,) if name == "review" else _LITIGATION
        result, wording = tpl.T4_TOTAL, "行政复议" if name == "review" else "行政诉讼"
    else:
        group = _group_before(mention, mention.clause_offset(start))
        if group is None:
            return None
        groups = (_REVIEW,) if group == "review" else _LITIGATION
        result = _RESULTS[name]
        wording = ("行政复议" if group == "review" else "行政诉讼") + result
    amount = t4_total(report, groups, result)
    if amount is None or amount.value == mention.value:
        return None
    return f"正文称{wording}{mention.value}{mention.unit}，{describe_t4(amount)}"


def _group_before(mention: Mention, label_at: int) -> str | None:
    """Whether a result count ("其中结果维持72件") belongs to 复议 or 诉讼: the last one named before."""
    end = mention.clause_start - mention.sentence_start + label_at
    words = _GROUP_WORD_RE.findall(mention.sentence[max(0, end - _LOOK_BACK) : end])
    if not words:
        return None
    return "review" if words[-1] == "复议" else "litigation"
