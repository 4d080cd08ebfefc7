"""S003 nonstandard-section-heading: the rule class below holds its summary and documentation."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.diagnostics import Finding, Severity
from reportlint.lazyre import lazy_compile
from reportlint.model import Report
from reportlint.model.numerals import numeral, numeral_alternatives, numeral_value
from reportlint.model.sections import SECTION_TITLES
from reportlint.options import Field
from reportlint.rulebase import Rule, RuleOptions
from reportlint.text import fold

_NUMBERING_RE = lazy_compile(rf"^{numeral_alternatives(10)}[,.]")
_TRAILING_RE = lazy_compile(r"[。.:：;；,，]+$")


class S003Options(RuleOptions):
    """Options of S003."""

    accepted_headings: list[str] = Field(
        default=[
            "二、行政机关主动公开政府信息情况",
            "三、行政机关收到和处理政府信息公开申请情况",
            "五、政府信息公开工作存在的主要问题及改进情况",
        ],
        description=(
            "除模板的六个标题（连同序号）之外，也视为符合的已知变体；默认值均见于真实报告（template-spec§2.2、§7）。"
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
    """检查内容：
        将每个章节标题与模板的表述（一、总体情况，二、主动公开政府信息情况，三、收到和处理政府信息公开申请情况，
        四、政府信息公开行政复议、行政诉讼情况，五、存在的主要问题及改进情况，六、其他需要报告的事项）以及已知的
        变体比对，既不符合模板、也不是已知变体的，或者序号与所在章节不符的，予以报告。比对时不计空格、全角半角之
        别和末尾的标点；没有序号但文字与模板完全相同的标题视为符合。

    为何重要：
        统一格式固定了章节标题（template-spec §2.2、§3.2）；标题改动往往意味着内容改动（写成“明年工作计划”而不
        是“改进情况”），或者错别字随报告提纲一起公开。

    示例：
        五、存在的主要问题及明年工作计划（2024_pingtan-police）；四、政府信息公开行政法复议、行政诉讼情况
        （2022_pingtan-zone，错别字）。

    修改方法：
        使用模板的标题，如五、存在的主要问题及改进情况。
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
