"""T005 enumeration-out-of-sequence: the rule class below holds its summary and documentation."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator

from reportlint.diagnostics import Finding, Severity
from reportlint.lazyre import lazy_compile
from reportlint.model import Report
from reportlint.model.numerals import NUMERALS
from reportlint.rulebase import Rule, prose

_ORDINAL = lazy_compile(rf"(?:^|(?<=[。；;，,：:（）()\s]))([{NUMERALS}])是")
"""An enumerating "X是" at the start of a clause (so 统一是 or 唯一是 never count)."""


class EnumerationOutOfSequence(Rule):
    """检查内容：
        跟踪每段中「一是…二是…三是…」这样的列举分句，报告与前一个序号不相接的序号：重复（「三是…三是」）、
        跳号（「一是…三是」）或倒退。「一是」总是开始一个新的列举；一段也可能从跨段列举的中间开始（其第一
        个序号视为已知）。出现断号后，从本应出现的序号继续计数，因此「一是…三是…三是」只算一处笔误，只报告
        一次。只有当列举的其余部分以及下一段的第一个序号（下一段可能接续本段的列举）都没有用到本应出现的序
        号时，消息才建议使用该序号，因此所给的建议要么正确，要么不给。

    为何重要：
        报告常用这种方式列举问题和措施；评议人员会把断号看作照抄其他报告、或删去某一点后没有重新编号的迹
        象——正是国办公开办函〔2021〕30号所说的那种马虎（「敷衍塞责」）。断号也使文字难以引用（「第三点」指
        哪一点并不明确）。

    示例：
        「存在的问题主要有以下几个方面：一是……；三是……；三是……」（2023_pingtan-zone，第五部分）。

    修改方法：
        重新编号：「一是……；二是……；三是……」。
    """

    code = "T005"
    name = "enumeration-out-of-sequence"
    summary = "“一是、二是……”序号重复或跳号"
    severity = Severity.WARNING

    def check(self, report: Report) -> Iterator[Finding]:
        """One finding per ordinal that does not follow the one before it in its paragraph.

        The message suggests the ordinal that was due only when no later clause of the
        list and not the next paragraph's first ordinal already uses it: "一是…五是" followed
        by a paragraph that opens with 二是 is a broken list, but "二是" is not the fix.
        """
        paragraphs = list(prose(report))
        for index, paragraph in enumerate(paragraphs):
            if "是" not in paragraph.text:
                continue  # no ordinal, so nothing out of sequence (a substring test, not three scans)
            following = paragraphs[index + 1].text if index + 1 < len(paragraphs) else ""
            after = ordinals(following)[:1]
            listed = [(match.start(), match[1]) for match in _ORDINAL.finditer(paragraph.text)]
            starts = [start for start, _ in listed]
            for position, found, expected in out_of_sequence(paragraph.text):
                rest = listed[bisect_right(starts, position) :][: len(NUMERALS)]  # a list has at most ten
                used = set(_same_list([numeral for _, numeral in rest]) + after)
                message = f"序号「{found}是」与前一项不连续：前一项是「{expected[0]}是」"
                if expected[1] not in used:
                    message += f"，此处应为「{expected[1]}是」"
                else:
                    message += f"（「{expected[1]}是」已在后文使用，请通篇核对编号）"
                yield self.at_span(report, message, paragraph, position, position + len(found) + 1)


def _same_list(found: list[str]) -> list[str]:
    """The ordinals up to the next "一是", which starts another list."""
    return found[: found.index(NUMERALS[0])] if NUMERALS[0] in found else found


def ordinals(text: str) -> list[str]:
    """The enumerating ordinals of *text*, in order ("一", "二" …)."""
    if "是" not in text:
        return []
    return [match[1] for match in _ORDINAL.finditer(text)]


def out_of_sequence(text: str) -> Iterator[tuple[int, str, tuple[str, str]]]:
    """(position, ordinal found, (previous ordinal, expected ordinal)) for each break in *text*."""
    previous: int | None = None
    for match in _ORDINAL.finditer(text):
        number = NUMERALS.index(match[1]) + 1
        if number == 1 or previous is None or number == previous + 1 or previous >= len(NUMERALS):
            previous = number
            continue
        yield match.start(), match[1], (NUMERALS[previous - 1], NUMERALS[previous])
        previous += 1  # the item the author meant, so one slip is reported once
