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
    """What it does:
        Takes the problems section 五 lists — the part before the improvements
        (「（二）改进措施」, 「下一步」, 「针对存在问题」, 「将采取以下措施」 …), one item per
        一是/二是, 1./2. or (1)/(2), or one per sentence when they are not numbered —
        and reports this year's problems that are word for word last year's (spaces,
        punctuation and numbers aside): one finding per report, at the first such
        problem's first word, quoting each of them, since problems copied together are
        one fault.

    Why it matters:
        Section 五 is where a report says what went wrong and what was done about it
        (条例第五十条); a problem listed again in the same words a year later means
        either that nothing was done about it or that the section was copied.
        Evaluators read the two reports side by side. A warning: a problem can
        persist, but then the report should say what was tried and why it persists.

    Example:
        平潭综合实验区财政金融局 2020 and 2021 both list 「一是处室主动公开意识有待加强，
        落实“公开为常态、不公开为例外”不够到位」 and the two problems after it.

    Fix:
        Describe this year's problems; for a problem that persists, say what was done
        since last year's report and why it is not solved.
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
