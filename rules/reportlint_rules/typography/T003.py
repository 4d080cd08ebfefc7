"""T003 unbalanced-brackets: the rule class below holds its summary and documentation."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from reportlint.diagnostics import Finding, Severity
from reportlint.lazyre import lazy_compile
from reportlint.model import Report
from reportlint.rulebase import Rule, prose
from reportlint_rules.typography._chars import first, quote

_PARTNER = {
    "（": "）", "(": ")", "《": "》", "〈": "〉", "【": "】", "〔": "〕",
    "［": "］", "[": "]", "“": "”", "‘": "’", "「": "」", "『": "』",
}  # fmt: skip
_SAME = {"(": "（", ")": "）", "[": "［", "]": "］"}
"""Half- and full-width brackets pair with each other here; T004 reports the width."""
_OPENING = {_SAME.get(o, o): _SAME.get(c, c) for o, c in _PARTNER.items()}
_CLOSING = {c: o for o, c in _OPENING.items()}
_MARKS = lazy_compile("[" + re.escape("".join(_PARTNER) + "".join(_PARTNER.values())) + "]")
_LIST_MARKER = lazy_compile(r"(?:^|[；;。：:，,、\s])[0-9０-９a-zA-Z一二三四五六七八九十]{1,3}$")
"""What comes before the closing bracket of a "1）" / "a)" list marker, which has no
opening partner by design (matched on the few characters before each closing mark)."""


class UnbalancedBrackets(Rule):
    """检查内容：
        对每段中的括号和引号配对——（）、《》、〈〉、【】、〔〕、［］、“”、‘’、「」、『』，半角的 ( ) [ ]
        与相应的全角括号一样配对——凡是始终没有闭合的开始符号、没有对应开始符号的结束符号，都予以报告。符号
        交叉时（「（《…）…》」），被跳过的符号作为未闭合报告。「1）」这类序号的后括号不算错误。直引号（"）
        没有方向，不检查。每段至多报告 10 处。

    为何重要：
        括号没有闭合，读者就不知道插入语在哪里结束——这种情况常出现在句子被截断或粘贴的地方，例如丢了结尾的
        联系方式句子（GB/T 15834—2011《标点符号用法》：括号、引号、书名号都是成对使用的标点）。

    示例：
        「请与平潭综合实验区财政金融局办公室联系（联系地址：…；传真：0591-23100206。」
        （2019_pingtan-finance-bureau 第 2 行）：其中的「（」始终没有闭合。

    修改方法：
        补上缺少的符号（「…传真：0591-23100206）。」），或删去多余的符号。
    """

    code = "T003"
    name = "unbalanced-brackets"
    summary = "括号或引号不成对"
    severity = Severity.WARNING

    def check(self, report: Report) -> Iterator[Finding]:
        """One finding per unpaired mark (at most 10 per paragraph)."""
        for paragraph in prose(report):
            for position in first(unpaired(paragraph.text)):
                message = _message(paragraph.text, position)
                yield self.at_span(report, message, paragraph, position, position + 1)


def unpaired(text: str) -> list[int]:
    """The positions of the unpaired marks of *text*, in order."""
    stack: list[int] = []
    open_count: Counter[str] = Counter()
    problems: list[int] = []
    for match in _MARKS.finditer(text):
        position, mark = match.start(), match.group()
        kind = _SAME.get(mark, mark)
        if kind in _OPENING:
            stack.append(position)
            open_count[kind] += 1
        elif kind == "）" and _LIST_MARKER.search(text, max(0, position - 4), position):
            continue
        elif open_count[_CLOSING[kind]]:
            while True:
                entry = stack.pop()
                entry_kind = _SAME.get(text[entry], text[entry])
                open_count[entry_kind] -= 1
                if entry_kind == _CLOSING[kind]:
                    break
                problems.append(entry)
        else:
            problems.append(position)
    problems.extend(stack)
    problems.sort()
    return problems


def _message(text: str, position: int) -> str:
    """What is wrong with the unpaired mark at *position*."""
    mark = text[position]
    where = quote(text, position, position + 1, 12)
    if mark in _PARTNER:
        return f"「{mark}」在本段中没有配对的「{_PARTNER[mark]}」：「{where}」"
    opener = _CLOSING[_SAME.get(mark, mark)]
    return f"「{mark}」前面没有配对的「{opener}」：「{where}」"
