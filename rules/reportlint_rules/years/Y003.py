"""Y003 prose-copied-from-last-year: the rule class below holds its summary and documentation."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.diagnostics import Finding, Severity
from reportlint.model import Report
from reportlint.options import Field
from reportlint.rulebase import PairRule, RuleOptions
from reportlint_rules.years._pair import previous_name
from reportlint_rules.years._prose import coverage, prose, shingles

SECTIONS = (1, 5)
_QUOTE = 30


class Y003Options(RuleOptions):
    """Options of Y003 (``[tool.reportlint.rules.Y003]``)."""

    threshold: float = Field(
        default=0.5,
        gt=0,
        le=1,
        description="本年度的字中见于上年度文字的比例达到此值即予报告（0.5 即 50 %）。",
    )
    shingle_length: int = Field(
        default=10,
        ge=4,
        le=50,
        description="计为照搬的相同连续文字的最短长度（空格、标点和数字不计）。",
    )
    min_characters: int = Field(
        default=200,
        ge=1,
        description="正文短于此字数的不予测量：短文本难免重复。",
    )


class ProseCopiedFromLastYear(PairRule[Y003Options]):
    """检查内容：
        测量第一部分（总体情况）和第五部分（问题及改进）的正文中有多少是上年度的文字，即*片段覆盖率*（shingle
        coverage）：两份文本都只保留实义字符（去掉空格和标点，每个数字都替换为同一个记号，使更新了数字而照搬的句
        子同样计入）；本年度文本中的某个字，如果位于一段至少 shingle-length（10）个字、且在上年度第一、五部分中
        也出现过的连续文字之内，即计为照搬；短于此长度的段落（小标题）不计。照搬的字达到本年度文字的
        threshold（50 %）时，本规则在照搬比例最高的段落处报告，引用总的比例、该段的比例和该段的开头几个字。

    为何重要：
        2021年版格式要求对内容雷同的报告追究责任（国办公开办函〔2021〕30号，明确责任），评估人员对重复上年度内容
        的报告扣分（已公开的一项评分规则以 50 % 的重合为界），而照搬的文字往往把上年度的情况带进本年度的报告。以
        10 个字为长度的连续文字，能把照搬与共用的词汇区分开：语料中不同机关的报告之间，覆盖率约为 3 %，最高 22
        %；同一机关相邻年度之间为 2—18 %（平潭综合实验区）、约 40 %（财政金融局 2020、洪泽区 2024：部分段落保
        留，其余重写），唯一一份照搬的报告为 93 %。

    示例：
        平潭综合实验区财政金融局的2021年度报告逐段重复了其2020年度报告第一、五部分的 93 %，连「六稳」「大保」的
        错字也照搬过来。

    修改方法：
        第一、五部分要写本年度的情况：做了什么、有什么变化、上年度的哪些问题得到了解决以及如何解决。
    """

    code = "Y003"
    name = "prose-copied-from-last-year"
    summary = "第一、五部分正文大量照搬上年报告"
    severity = Severity.WARNING

    def check_pair(self, current: Report, previous: Report, previous_path: str) -> Iterator[Finding]:
        """One finding at the most-copied paragraph when the copied share reaches the threshold."""
        size = self.options.shingle_length
        paragraphs = prose(current, SECTIONS, size)
        total = sum(len(paragraph.content) for paragraph in paragraphs)
        if total < self.options.min_characters:
            return
        old = shingles((paragraph.content for paragraph in prose(previous, SECTIONS, size)), size)
        if not old:
            return
        measured = coverage(paragraphs, old, size)
        copied = sum(item.covered for item in measured)
        share = copied / total
        if share < self.options.threshold:
            return
        worst = max(measured, key=lambda item: (item.share, item.covered))
        line = worst.paragraph.line
        quote = line.text[:_QUOTE] + ("…" if len(line.text) > _QUOTE else "")
        message = (
            f"第一、五部分正文有{share:.0%}与{previous_name(previous, previous_path)}逐字相同"
            f"（本年{total}字中有{copied}字出现在上年第一、五部分连续{size}字以上的相同文字中）；"
            f"重合最多的是这一段（{worst.share:.0%}）：「{quote}」"
        )
        yield self.at_line(current, message, line.line, line.column, length=len(line.text))
