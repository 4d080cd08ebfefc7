"""S003 nonstandard-section-heading: the rule class below holds its summary and documentation."""

from __future__ import annotations

import re
from collections.abc import Iterator

from reportlint.diagnostics import Finding, Severity
from reportlint.model import Report
from reportlint.model.numerals import numeral, numeral_alternatives, numeral_value
from reportlint.model.sections import SECTION_TITLES
from reportlint.options import Field
from reportlint.rulebase import Rule, RuleOptions
from reportlint.text import fold

_NUMBERING_RE = re.compile(rf"^{numeral_alternatives(10)}[,.]")
_TRAILING_RE = re.compile(r"[。.:：;；,，]+$")


class S003Options(RuleOptions):
    """Options of S003."""

    accepted_headings: list[str] = Field(
        default=[
            "二、行政机关主动公开政府信息情况",
            "三、行政机关收到和处理政府信息公开申请情况",
            "五、政府信息公开工作存在的主要问题及改进情况",
        ],
        description=(
            "Known variants accepted besides the template's six headings (with their numeral); "
            "the defaults are seen in real reports (template-spec §2.2, §7)."
        ),
    )


def _split(text: str) -> tuple[str | None, str]:
    """A heading's numeral (if any) and its folded words without trailing punctuation."""
    folded = _TRAILING_RE.sub("", fold(text))
    numbered = _NUMBERING_RE.match(folded)
    if numbered:
        return numbered[1], folded[numbered.end() :]
    return None, folded


class NonstandardSectionHeading(Rule[S003Options]):
    """What it does:
        Compares each section heading with the template's wording (一、总体情况,
        二、主动公开政府信息情况, 三、收到和处理政府信息公开申请情况,
        四、政府信息公开行政复议、行政诉讼情况, 五、存在的主要问题及改进情况,
        六、其他需要报告的事项) and with known variants, and reports a heading that
        matches neither, or whose numeral is not the section's. Spaces, full/half-width
        forms and trailing punctuation are ignored; a heading without numeral that is
        exactly the template's words is accepted.

    Why it matters:
        The unified format fixes the headings (template-spec §2.2, §3.2); a changed
        heading usually means changed content ("明年工作计划" instead of "改进情况") or a
        typo that is published as the report's outline.

    Example:
        五、存在的主要问题及明年工作计划 (2024_pingtan-police);
        四、政府信息公开行政法复议、行政诉讼情况 (2022_pingtan-zone, typo).

    Fix:
        Use the template's heading, e.g. 五、存在的主要问题及改进情况.
    """

    code = "S003"
    name = "nonstandard-section-heading"
    summary = "章节标题与模板不一致"
    severity = Severity.WARNING

    def check(self, report: Report) -> Iterator[Finding]:
        """One finding per heading that is neither the template's nor an accepted variant."""
        accepted: dict[int, set[str]] = {number: {_split(title)[1]} for number, title in SECTION_TITLES.items()}
        for variant in self.options.accepted_headings:
            written, words = _split(variant)
            value = numeral_value(written) if written else None
            if value in accepted:
                accepted[value].add(words)
        for number in report.section_order:
            heading = report.sections[number].heading
            written, words = _split(heading.text)
            template = SECTION_TITLES[number]
            if written is not None and numeral_value(written) != number:
                cn = numeral(number)
                message = f"章节标题「{heading.text}」的编号应为「{cn}、」（第{cn}部分「{template}」）"
            elif words not in accepted[number]:
                message = f"章节标题「{heading.text}」与模板不一致，应为「{template}」"
            else:
                continue
            yield self.at_line(report, message, heading.line, heading.column, length=len(heading.text))
