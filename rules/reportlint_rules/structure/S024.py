"""S024 problems-or-improvements-missing: the rule class below holds its summary and documentation."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.diagnostics import Finding, Severity
from reportlint.lazyre import lazy_compile
from reportlint.model import Report
from reportlint.rulebase import Rule

_NOT_WORDS_RE = lazy_compile(r"[\W_]+")
PROBLEMS_RE = lazy_compile(r"问题|不足|短板|差距|薄弱|有待|不够|不到位|欠缺|滞后|尚需|仍需|还需|不高|不强|不全")
IMPROVEMENTS_RE = lazy_compile(r"改进|措施|下一步|今后|将|加强|推进|提升|完善|计划|着力|持续|进一步")
_MIN_LENGTH = 20
"""Shorter sections are S016's finding (empty problems section)."""


class ProblemsOrImprovementsMissing(Rule):
    """检查内容：
        第五部分（存在的主要问题及改进情况）有一定内容，但只写了两个方面中的一个时报告：只写问题而没有措施（没有
        改进、措施、下一步、将、加强、推进……），或者只写措施而没有问题（没有问题、不足、短板、差距、有待……）。在
        章节标题处报告一处。该部分为空、写「无」或只有一句空话的，由 S016 报告，不在本规则之列。

        本规则为警告级别，默认启用：真实报告的第五部分都没有缺少某一方面，因此不会增加报告；它能发现照搬来的“下
        一步工作计划”而忘了写问题的情形。

    为何重要：
        条例第五十条(四)要求报告既写明工作中存在的主要问题，也写明改进情况（template-spec §3.2，E12）；缺少其中
        之一的，评估人员会对该部分扣分。

    示例：
        五、存在的主要问题及改进情况
        下一步，我局将进一步加强政务公开工作，提升公开质量。

    修改方法：
        写明本年度发现的主要问题，再针对每个问题写明改进措施。
    """

    code = "S024"
    name = "problems-or-improvements-missing"
    summary = "「存在的主要问题及改进情况」只写了问题或只写了改进措施"
    severity = Severity.WARNING

    def check(self, report: Report) -> Iterator[Finding]:
        """One finding when section 五 names problems without measures or measures without problems."""
        section = report.sections.get(5)
        if section is None:
            return
        text = "\n".join(line.text for line in section.text_lines())
        if len(_NOT_WORDS_RE.sub("", text)) < _MIN_LENGTH:
            return
        if not PROBLEMS_RE.search(text):
            message = "「五、存在的主要问题及改进情况」只写了改进措施，未写明存在的主要问题"
        elif not IMPROVEMENTS_RE.search(text):
            message = "「五、存在的主要问题及改进情况」只写了存在的问题，未写明改进措施"
        else:
            return
        yield self.at_line(report, message, section.line, section.heading.column)
