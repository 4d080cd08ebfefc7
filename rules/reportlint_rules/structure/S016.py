"""S016 empty-problems-section: the rule class below holds its summary and documentation."""

from __future__ import annotations

import re
from collections.abc import Iterator

from reportlint.diagnostics import Finding
from reportlint.model import Report
from reportlint.options import Field
from reportlint.rulebase import Rule, RuleOptions

_NOT_WORDS_RE = re.compile(r"[\W_]+")


class S016Options(RuleOptions):
    """Options of S016."""

    min_length: int = Field(
        default=20,
        ge=1,
        description="Fewer characters than this (punctuation and spaces not counted) is a token section.",
    )


class EmptyProblemsSection(Rule[S016Options]):
    """What it does:
        Reports section 五 (存在的主要问题及改进情况) when its text, without spaces and
        punctuation, is empty or shorter than ``min-length`` characters — e.g. 「无」,
        「暂无。」, 「本年度无明显问题。」 — at the section heading. A missing section is
        S001's finding.

    Why it matters:
        条例第五十条(四) requires the report to state the main problems of the work and
        how they are being improved; the 2021 format says the content must not be
        omitted (template-spec §3.2, E12), and a checker flags 五 when it is empty, 「无」
        or under 10 characters (S11).

    Example:
        五、存在的主要问题及改进情况
        无。

    Fix:
        Name the main problems found this year and the concrete measures planned.
    """

    code = "S016"
    name = "empty-problems-section"
    summary = "「存在的主要问题及改进情况」内容空缺"

    def check(self, report: Report) -> Iterator[Finding]:
        """One finding when section 五 has (almost) no text."""
        section = report.sections.get(5)
        if section is None:
            return
        text = "".join(line.text for line in section.text_lines())
        length = len(_NOT_WORDS_RE.sub("", text))
        if length >= self.options.min_length:
            return
        if length == 0:
            message = f"第五部分「{section.heading.text}」没有内容，应写明存在的主要问题和改进措施"
        else:
            message = (
                f"第五部分「{section.heading.text}」只有「{text[:30]}」（{length} 个字），"
                "应写明存在的主要问题和改进措施"
            )
        yield self.at_line(report, message, section.line, section.heading.column)
