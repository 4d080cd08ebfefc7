"""S024 problems-or-improvements-missing: the rule class below holds its summary and documentation."""

from __future__ import annotations

import re
from collections.abc import Iterator

from reportlint.diagnostics import Finding, Severity
from reportlint.model import Report
from reportlint.rulebase import Rule

_NOT_WORDS_RE = re.compile(r"[\W_]+")
PROBLEMS_RE = re.compile(r"问题|不足|短板|差距|薄弱|有待|不够|不到位|欠缺|滞后|尚需|仍需|还需|不高|不强|不全")
IMPROVEMENTS_RE = re.compile(r"改进|措施|下一步|今后|将|加强|推进|提升|完善|计划|着力|持续|进一步")
_MIN_LENGTH = 20
"""Shorter sections are S016's finding (empty problems section)."""


class ProblemsOrImprovementsMissing(Rule):
    """What it does:
        Reports section 五 (存在的主要问题及改进情况) when it has some text but names only
        one of its two halves: problems without measures (no 改进, 措施, 下一步, 将,
        加强, 推进 …), or measures without problems (no 问题, 不足, 短板, 差距, 有待 …).
        One finding at the section heading. A section that is empty, 「无」 or a token
        line is S016's finding, not this one's.

        On by default, as a warning: no section 五 of the real reports lacks a half, so
        it adds no finding there; it catches the copied "下一步工作计划" that forgets the
        problems.

    Why it matters:
        条例第五十条(四) requires the report to state both the main problems of the work
        and how they are being improved (template-spec §3.2, E12); evaluators mark the
        section down when one of them is missing.

    Example:
        五、存在的主要问题及改进情况
        下一步，我局将进一步加强政务公开工作，提升公开质量。

    Fix:
        Name the main problems found this year, then the measures for each.
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
