"""S016 empty-problems-section: the rule class below holds its summary and documentation."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.diagnostics import Finding
from reportlint.lazyre import lazy_compile
from reportlint.model import Report
from reportlint.options import Field
from reportlint.rulebase import Rule, RuleOptions

_NOT_WORDS_RE = lazy_compile(r"[\W_]+")


class S016Options(RuleOptions):
    """Options of S016."""

    min_length: int = Field(
        default=20,
        ge=1,
        description="少于此字数（标点和空格不计）的，视为内容空缺。",
    )


class EmptyProblemsSection(Rule[S016Options]):
    """检查内容：
        第五部分（存在的主要问题及改进情况）的正文去掉空格和标点后为空，或者少于 ``min-length`` 个字时，在章节标
        题处报告，例如「无」「暂无。」「本年度无明显问题。」。缺少整个章节的，由 S001 报告。

    为何重要：
        条例第五十条(四)要求报告写明工作中存在的主要问题及改进情况；2021年版格式规定该部分内容不得缺省
        （template-spec §3.2，E12），检查中对第五部分为空、写「无」或不足 10 个字的都予以指出（S11）。

    示例：
        五、存在的主要问题及改进情况
        无。

    修改方法：
        写明本年度发现的主要问题，以及拟采取的具体措施。
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
