"""A006 change-arithmetic-mismatch: the rule class below holds its summary and documentation."""

from __future__ import annotations

import re
from collections.abc import Iterator

from reportlint.diagnostics import Finding, Severity
from reportlint.model import Report
from reportlint.rulebase import Paragraph, Rule, prose
from reportlint.text import format_number
from reportlint_rules.arithmetic._text import COUNT_UNITS, clause_start, count_value, quote, sentence_end

_DECREASE = "清理|精简|压减|减少|缩减|压缩|削减|调减|下降|降低|降|减"
_INCREASE = "增加|增长|增|上升|提升|提高|扩大|扩充|调增"
CHANGE_RE = re.compile(
    rf"(?<![\d.])(?P<before>\d+)(?P<unit>{COUNT_UNITS})[^，,。；;！？\d]{{0,8}}?"
    rf"(?:(?P<down>{_DECREASE})|(?P<up>{_INCREASE}))了?(?:至|到|为)(?P<after>\d+)(?P=unit)"
)
""""11个清理至8个", "由5项增加到9项": a count before, a direction, a count after."""

_REMOVED = "解散|撤销|关停|注销|关闭|停用|删除|清退|取消|退出|减少|清理|精简|压减"
_ADDED = "新增|增加|新建|新开通|开通|新设|设立|建立"
_AMBIGUOUS = "合并|整合|归并|撤并"
DELTA_RE = re.compile(
    rf"^(?:其中|共|并|已|另|同时)?(?:(?P<removed>{_REMOVED})|(?P<added>{_ADDED})|(?P<merged>{_AMBIGUOUS}))"
    rf"了?(?P<number>\d+)(?P<unit>{COUNT_UNITS})[^\d，,、；;]{{0,10}}$"
)
"""A clause giving one change: "解散4个", "新增2项群组"."""
_CLAUSE_SPLIT_RE = re.compile("[，,、]")
_ENDS = "。！？!?；;"


class ChangeArithmeticMismatch(Rule):
    """What it does:
        Finds a sentence that gives a count before, a count after and the changes in
        between — "微信工作群有11个清理至8个，解散4个", "由5个增加到9个，新增3个" — and
        checks that before − removed + added = after. The changes are the clauses right
        after the before/after phrase that each consist of one verb and one count in the
        same measure word (解散/撤销/关停/注销/减少… or 新增/增加/新建…); the list stops
        at the first other clause. A clause with 合并/整合 (merging n groups removes
        n − 1 of them, or n) makes the sentence ambiguous and it is skipped.

    Why it matters:
        Numbers in the text are read as facts; the seed report (昌傅镇 2020) says its 11
        work groups were cleaned up to 8 by dissolving 4 — one of the three numbers is
        wrong (template-spec §6, E2 数据失准). A warning: prose is read by patterns, and a
        sentence may leave out a change that explains the difference.

    Example:
        "微信工作群有11个清理至8个，解散4个": 11 − 4 = 7, not 8.

    Fix:
        Correct the number that is wrong, or name the other change (e.g. 合并1个, 新建1个)
        that explains the difference.
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
