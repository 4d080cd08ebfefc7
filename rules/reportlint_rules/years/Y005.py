"""Y005 problems-repeated-from-last-year: the rule class below holds its summary and documentation."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.diagnostics import Finding, Severity
from reportlint.model import Report
from reportlint.rulebase import PairRule
from reportlint_rules.years._pair import previous_name
from reportlint_rules.years._problems import problems

_QUOTE = 40


class ProblemsRepeatedFromLastYear(PairRule):
    """检查内容：
        提取第五部分所列的问题——改进措施（「（二）改进措施」「下一步」「针对存在问题」「将采取以下措施」……）之前
        的部分，按一是/二是、1./2. 或 (1)/(2) 每项一个问题，没有编号的每句一个问题——对本年度与上年度逐字相同的问
        题（空格、标点和数字不计）予以报告：每份报告报告一处，标在第一个这样的问题的第一个字处，并逐一引用这些问
        题，因为一起照搬的问题是同一个错误。

    为何重要：
        第五部分是报告说明工作中出了什么问题、采取了什么措施的地方（条例第五十条）；一年之后用同样的文字再次列出
        同一问题，说明要么没有采取任何措施，要么这一部分是照搬的。评估人员会把两份报告对照阅读。本规则为警告级
        别：问题可能持续存在，但报告此时应当说明采取过哪些措施，以及问题为何仍然存在。

    示例：
        平潭综合实验区财政金融局2020年度和2021年度报告都列有「一是处室主动公开意识有待加强，落实“公开为常态、不
        公开为例外”不够到位」以及其后的两个问题。

    修改方法：
        写明本年度的问题；对持续存在的问题，说明自上年度报告以来做了哪些工作，以及为何仍未解决。
    """

    code = "Y005"
    name = "problems-repeated-from-last-year"
    summary = "第五部分所列问题与上年报告逐字相同"
    severity = Severity.WARNING

    def check_pair(self, current: Report, previous: Report, previous_path: str) -> Iterator[Finding]:
        """One finding, at the first problem of this year that last year's report listed in the same words.

        Problems copied from last year are one fault (the section was not rewritten), so
        they are one finding that quotes each of them.
        """
        last_year = {problem.content for problem in problems(previous)}
        if not last_year:
            return
        repeated = [problem for problem in problems(current) if problem.content in last_year]
        if not repeated:
            return
        quotes = "、".join(
            "「" + problem.text[:_QUOTE] + ("…" if len(problem.text) > _QUOTE else "") + "」" for problem in repeated
        )
        what = f"所列问题{quotes}" if len(repeated) == 1 else f"有{len(repeated)}条问题{quotes}"
        message = (
            f"第五部分{what}与{previous_name(previous, previous_path)}所列问题逐字相同："
            "上年的问题如已整改，不应原样再列；如仍未解决，请说明整改进展和原因"
        )
        first = repeated[0]
        yield self.at_line(current, message, first.line, first.column, length=len(first.text))
