"""X005 upheld-claim-contradicts-table: the rule class below holds its summary and documentation."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.diagnostics import Finding
from reportlint.lazyre import lazy_compile
from reportlint.model import Report
from reportlint.model import templates as tpl
from reportlint.rulebase import Rule
from reportlint.text import format_number
from reportlint_rules.text._amounts import t4_total
from reportlint_rules.text._claims import sentence_claims, year_before, years_in

_ALL_UPHELD_RE = lazy_compile(r"(?:均|全部|都|全都|悉数)(?:已)?(?:获|被|予以|得到|获得|为)?(?:结果)?维持")
_GROUP_WORD_RE = lazy_compile(r"复议(?!后)|诉讼")
_LOOK_BACK = 160
"""How far back a "均获维持" looks for the 复议 and 诉讼 it speaks of (characters)."""
_OUTCOMES = tpl.T4_RESULTS[1:4]
"""The results other than 结果维持 (and 总计)."""


class UpheldClaimContradictsTable(Rule):
    """检查内容：
        查找关于政府信息公开行政复议、行政诉讼，称全部案件都获维持的句子（「均获维持」「全部维持」），当表
        四中该句所说的某一组有其他结果（结果纠正、其他结果、尚未审结）的案件，即「结果维持」小于「总计」时
        报告。问题标在这一说法处。

    为何重要：
        「均获维持」告诉读者没有决定被纠正，也没有案件尚未审结；表四是正式记录，两者必须一致
        （template-spec TX-2，§6 E13）。

    示例：
        「信息公开类行政复议7件，诉讼9件，均获维持」，而表四行政复议结果维持 5、尚未审结 2，未经复议直接起
        诉结果维持 8、尚未审结 1（2019_shanghai-municipal-office）。

    修改方法：
        按表四写明维持了多少件、尚未审结或被纠正的有多少件。
    """

    code = "X005"
    name = "upheld-claim-contradicts-table"
    summary = "正文称复议、诉讼均获维持，表四却有其他结果"

    def check(self, report: Report) -> Iterator[Finding]:
        """Report each "均获维持" that table 四 contradicts."""
        for paragraph, start, end, message in sentence_claims(report, _claims):
            yield self.at_span(report, message, paragraph, start, end)


def _claims(report: Report, sentence: str, about: bool) -> Iterator[tuple[int, int, str]]:
    """(offset, length, message) of each "均获维持" in *sentence* that table 四 contradicts.

    Only sentences about 政府信息公开 (*about*) speak of the cases of table 四.
    """
    if not about or "维持" not in sentence:  # every claim of _ALL_UPHELD_RE ends in 维持
        return
    years = years_in(sentence)
    for match in _ALL_UPHELD_RE.finditer(sentence):
        if year_before(years, match.start(), report.year):
            continue
        words = set(_GROUP_WORD_RE.findall(sentence[max(0, match.start() - _LOOK_BACK) : match.start()]))
        message = _message(report, match.group(), "复议" in words, "诉讼" in words)
        if message:
            yield match.start(), len(match.group()), message


def _message(report: Report, claim: str, review: bool, litigation: bool) -> str | None:
    """What table 四 says against *claim*, for the groups the sentence names."""
    found: list[str] = []
    if review:
        found.extend(_not_upheld(report, "行政复议", (tpl.T4_REVIEW,)))
    if litigation:
        found.extend(_not_upheld(report, "行政诉讼", tpl.T4_SUITS))
    if not found:
        return None
    named = "、".join(word for word, used in (("行政复议", review), ("行政诉讼", litigation)) if used)
    return f"正文称{named}“{claim}”，但表四" + "；".join(found)


def _not_upheld(report: Report, wording: str, groups: tuple[str, ...]) -> list[str]:
    """What table 四 says when not all were upheld: 行政复议总计7件，其中结果维持5件、尚未审结2件."""
    total = t4_total(report, groups)
    upheld = t4_total(report, groups, tpl.T4_UPHELD)
    if total is None or upheld is None or total.value <= upheld.value:
        return []
    others = []
    for outcome in _OUTCOMES:
        amount = t4_total(report, groups, outcome)
        if amount is not None and amount.value:
            others.append(f"{outcome}{format_number(amount.value)}件")
    detail = "、".join([f"结果维持{format_number(upheld.value)}件", *others])
    return [f"{wording}总计{format_number(total.value)}件，其中{detail}"]
