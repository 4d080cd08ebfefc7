"""A006 change-arithmetic-mismatch: the rule class below holds its summary and documentation."""

from __future__ import annotations

import re
from collections.abc import Iterator

from reportlint.diagnostics import Finding, Severity
from reportlint.lazyre import lazy_compile
from reportlint.model import Report
from reportlint.rulebase import Paragraph, Rule, prose
from reportlint.text import format_number
from reportlint_rules.arithmetic._text import COUNT_UNITS, clause_start, count_value, quote, sentence_end

_DECREASE = "清理|精简|压减|减少|缩减|压缩|削减|调减|下降|降低|降|减"
_INCREASE = "增加|增长|增|上升|提升|提高|扩大|扩充|调增"
CHANGE_RE = lazy_compile(
    rf"(?<![\d.])(?P<before>\d+)(?P<unit>{COUNT_UNITS})[^，,。；;！？\d]{{0,8}}?"
    rf"(?:(?P<down>{_DECREASE})|(?P<up>{_INCREASE}))了?(?:至|到|为)(?P<after>\d+)(?P=unit)"
)
""""11个清理至8个", "由5项增加到9项": a count before, a direction, a count after."""

_REMOVED = "解散|撤销|关停|注销|关闭|停用|删除|清退|取消|退出|减少|清理|精简|压减"
_ADDED = "新增|增加|新建|新开通|开通|新设|设立|建立"
_AMBIGUOUS = "合并|整合|归并|撤并"
DELTA_RE = lazy_compile(
    rf"^(?:其中|共|并|已|另|同时)?(?:(?P<removed>{_REMOVED})|(?P<added>{_ADDED})|(?P<merged>{_AMBIGUOUS}))"
    rf"了?(?P<number>\d+)(?P<unit>{COUNT_UNITS})[^\d，,、；;]{{0,10}}$"
)
"""A clause giving one change: "解散4个", "新增2项群组"."""
_CLAUSE_SPLIT_RE = lazy_compile("[，,、]")
_ENDS = "。！？!?；;"


class ChangeArithmeticMismatch(Rule):
    """检查内容：
        查找写明变化前数量、变化后数量及其间增减的句子——「微信工作群有11个清理至8个，解散4个」「由5个增加
        到9个，新增3个」——检查是否满足：变化前 − 减少 + 增加 = 变化后。增减是指紧接在前后数量的表述之后、
        各由一个动词和一个量词相同的数量组成的分句（解散/撤销/关停/注销/减少…… 或 新增/增加/新建……），遇到
        第一个其他分句即停止。含有「合并」「整合」的分句（合并 n 个群，减少的是 n − 1 个或 n 个）使句意不
        确定，这样的句子略过不查。

    为何重要：
        正文中的数字被读者当作事实；种子报告（昌傅镇 2020 年）称 11 个工作群解散 4 个后清理至 8 个——三个数
        中必有一个是错的（template-spec §6，E2 数据失准）。本规则是警告：正文是按句式识别的，句子也可能漏
        写了能解释差额的其他变化。

    示例：
        「微信工作群有11个清理至8个，解散4个」：11 − 4 = 7，不是 8。

    修改方法：
        改正错误的数字，或写明能解释差额的其他变化（如 合并1个、新建1个）。
    """

    code = "A006"
    name = "change-arithmetic-mismatch"
    summary = "文中增减前后的数量对不上"
    severity = Severity.WARNING

    def check(self, report: Report) -> Iterator[Finding]:
        """One finding per before/after sentence whose stated changes do not add up."""
        for paragraph in prose(report):
            for match in CHANGE_RE.finditer(paragraph.text):
                finding = self._check_change(report, paragraph, match)
                if finding is not None:
                    yield finding

    def _check_change(self, report: Report, paragraph: Paragraph, match: re.Match[str]) -> Finding | None:
        """The finding for one before/after phrase, if its changes are stated and disagree."""
        text = paragraph.text
        before, after, unit = count_value(match["before"]), count_value(match["after"]), match["unit"]
        if before is None or after is None:
            return None
        sign = -1 if match["down"] else 1
        end = sentence_end(text, match.end(), _ENDS)
        changes: list[int] = []
        stop = match.end()
        for clause in _clauses(text, match.end(), end):
            delta = DELTA_RE.match(clause[2])
            if delta is None or delta["unit"] != unit:
                break
            if delta["merged"]:
                return None
            change = count_value(delta["number"])
            if change is None:
                return None
            changes.append(change * (-1 if delta["removed"] else 1))
            stop = clause[1]
        if not changes or all((change > 0) == (sign < 0) for change in changes):
            return None
        expected = before + sum(changes)
        if expected == after:
            return None
        steps = " ".join(f"{'−' if change < 0 else '+'} {abs(change)}" for change in changes)
        start = clause_start(text, match.start())
        fragment = quote(text[start:stop], 60)
        message = f"「{fragment}」：{before} {steps} = {format_number(expected)}，与所说的{after}{unit}不符"
        return self.at_span(report, message, paragraph, start, stop)


def _clauses(text: str, start: int, end: int) -> Iterator[tuple[int, int, str]]:
    """The clauses of ``text[start:end]`` after its first separator: (start, end, text)."""
    if start >= end or text[start] not in "，,、":
        return
    position = start + 1
    for separator in _CLAUSE_SPLIT_RE.finditer(text, position, end):
        yield position, separator.start(), text[position : separator.start()]
        position = separator.end()
    yield position, end, text[position:end]
