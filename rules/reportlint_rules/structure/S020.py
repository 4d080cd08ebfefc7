"""S020 signature-agency-mismatch: the rule class below holds its summary and documentation."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.diagnostics import Finding, Severity
from reportlint.lazyre import lazy_compile
from reportlint.model import Report
from reportlint.rulebase import Paragraph, Rule, prose
from reportlint_rules.structure._labels import edit_distance

_SIGNATURE_RE = lazy_compile(
    r"^\s*(?P<name>[\u4e00-\u9fff（）()]{3,40}?)"
    r"\s*(?:(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)?\s*$"
)
"""A signature line: a name alone on its line, perhaps with the date run on ("…公安局2022年1月7日").
Whether it is the agency's is decided by comparing it with the title's agency, not by
its ending, so that a misspelt last character (…财政金融居) is still read as a signature."""
_LAST_LINES = 4


class SignatureAgencyMismatch(Rule):
    """检查内容：
        将报告的落款机关（末尾几行中单独成行的机关名称，带不带日期均可）与标题中的机关名称比对，落款与之十分接近
        时（错一字、少一字或多一字，八个字以上的名称可相差两个字）在落款处报告。落款是机关名称的全称或简称（如以
        淮安市洪泽区人民政府对应洪泽区人民政府），或者完全是另一个机关（如代政府署名的办公室）的，不予报告：只有
        写错的名称才能确定是错误。

        本规则为警告级别，默认启用：在真实报告中，它恰好发现 SOURCES.md 所列的一处落款错误，没有其他报告。

    为何重要：
        落款是公文所载明的机关名称；其中写错的字是公开报告中显而易见的错误，也说明文字是录入的而没有经过核对。

    示例：
        标题为「平潭综合实验区财政金融局2021年度…」，落款为「平潭综合实验区财政全融局」
        （2021_pingtan-finance-bureau）。

    修改方法：
        按标题准确书写机关名称：「平潭综合实验区财政金融局」。
    """

    code = "S020"
    name = "signature-agency-mismatch"
    summary = "落款机关名称与标题中的机关名称不一致"
    severity = Severity.WARNING

    def check(self, report: Report) -> Iterator[Finding]:
        """One finding when a signature line misspells the title's agency."""
        agency = report.agency
        if not agency or report.title is None:
            return
        for paragraph, name in _signatures(report):
            if name == agency or name in agency or agency in name:
                continue
            limit = 1 if len(agency) < 8 else 2  # a short name is easily near another word
            if edit_distance(name, agency, limit) <= limit:
                message = f"落款「{name}」与标题中的机关名称「{agency}」不一致"
                start = paragraph.text.index(name)
                yield self.at_span(report, message, paragraph, start, start + len(name))


def _signatures(report: Report) -> Iterator[tuple[Paragraph, str]]:
    """The signature lines among the report's last lines, with the name they sign."""
    title_line = report.title.line if report.title else 0
    last = [paragraph for paragraph in prose(report) if paragraph.line > title_line][-_LAST_LINES:]
    for paragraph in last:
        match = _SIGNATURE_RE.match(paragraph.text)
        if match:
            yield paragraph, match["name"]
