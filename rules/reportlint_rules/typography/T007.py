"""T007 doubled-word: the rule class below holds its summary and documentation."""

from __future__ import annotations

import re
from collections.abc import Iterator

from reportlint.diagnostics import Finding, Severity
from reportlint.lazyre import lazy_compile
from reportlint.model import Report
from reportlint.options import Field
from reportlint.rulebase import Rule, RuleOptions, prose
from reportlint_rules.typography._chars import MAX_PER_PARAGRAPH, is_han, quote

_HAN = "\u3400-\u4dbf\u4e00-\u9fff"
_WORD_TWICE = lazy_compile(rf"([{_HAN}]{{2,4}})\1")
"""A word of two to four characters written twice: 审核审核."""
_PARTICLE_TWICE = lazy_compile(r"([的了和与及在对将把被并或])\1")
"""A function character written twice: 的的. Content characters double across words
(项目目录, 工作作风, 法规规章), so only these are checked one by one."""
_PHRASE_TWICE = lazy_compile(r"(\S[^。；！？\n]{5,59}?)\1")
"""A phrase of six characters or more written twice in a row."""
_PHRASE_MIN, _PHRASE_MAX = 6, 60
"""The lengths of phrase _PHRASE_TWICE doubles (its group)."""
_PROBE = 4
"""Characters looked up at every third offset before six are (see :func:`_phrase_starts`)."""
_WINDOW = 512
"""Start offsets looked at together (a paragraph is seldom longer)."""
_DEFAULT_ALLOWED = (
    "常常", "一一", "人人", "天天", "年年", "月月", "日日", "层层", "处处", "事事", "步步",
    "个个", "家家", "时时", "样样", "件件", "条条", "项项", "村村", "户户", "点点", "渐渐",
    "紧紧", "默默", "切切", "实实", "好好", "多多", "久久", "往往", "刚刚", "频频", "屡屡",
    "研究研究", "讨论讨论", "学习学习",
)  # fmt: skip


class DoubledWordOptions(RuleOptions):
    """Options of T007."""

    allowed: list[str] = Field(
        default_factory=lambda: list(_DEFAULT_ALLOWED),
        description=(
            "确属词语的叠词（常常、一一、人人、层层 …）；认认真真这样的 AABB 式从不报告，因为其中没有哪个词连写两次。"
        ),
    )


class DoubledWord(Rule[DoubledWordOptions]):
    """检查内容：
        报告正文中连写两次的词语或短语：两到四个字的词（「审核审核」），「的、了、和、与、及、在、对、将、
        把、被、并、或」这些虚字（「的的」），或者六个字以上的短语（「…新闻发布会聚焦新中国成立70周年…新闻
        发布会」）。真正的叠词不予理会：``allowed`` 中的词（常常、一一、人人、层层 …）和 AABB 式（认认真
        真、清清楚楚），其中没有哪个词是连写两次的。分属两个词的同一个实义字（项目目录、工作作风）不算重
        复，不予报告。每处重复报告一次，标在第二遍处，每段至多十处。

        默认启用，为警告：它在真实报告中找出了 SOURCES.md 所列的三处重复，此外没有其他发现。

    为何重要：
        词语重复是修改过的文字中最常见的笔误；它会印在发布的报告中，让读者觉得没有人从头到尾读过这份报告。

    示例：
        「二是规范审核审核发布机制」（2021_pingtan-zone）；「统一的的网站界面」（2022_pingtan-zone）。

    修改方法：
        删去第二遍：「规范审核发布机制」。
    """

    code = "T007"
    name = "doubled-word"
    summary = "词语或短语重复书写"
    severity = Severity.WARNING

    def check(self, report: Report) -> Iterator[Finding]:
        """One finding per doubled word or phrase, at its second copy."""
        allowed = set(self.options.allowed)
        for paragraph in prose(report):
            text = paragraph.text
            taken: list[tuple[int, int]] = []
            for start, end, unit in _doublings(text):
                if len(taken) >= MAX_PER_PARAGRAPH:
                    break  # "公开公开公开…" pasted a million times is not a million findings
                if unit in allowed or any(start < b and a < end for a, b in taken):
                    continue
                taken.append((start, end))
                second = start + len(unit)
                shown = unit if len(unit) <= 20 else unit[:20] + "…"
                context = quote(text, start, end, 4) if end - start <= 24 else shown + shown
                message = f"「{shown}」连写了两次：「{context}」，应删去重复的部分"
                yield self.at_span(report, message, paragraph, second, end)


def _doublings(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, unit) of each doubling in *text*, longest kind first."""
    for match in _phrase_matches(text):
        if sum(map(is_han, match[1])) >= 4:  # else "1.1.1.1" or an address, not a phrase
            yield match.start(), match.end(), match[1]
    for pattern in (_WORD_TWICE, _PARTICLE_TWICE):
        for match in pattern.finditer(text):
            yield match.start(), match.end(), match[1]


def _phrase_matches(text: str) -> Iterator[re.Match[str]]:
    """What ``_PHRASE_TWICE.finditer(text)`` yields, trying the pattern only where it can match.

    Searching the whole text tries some 55 lengths with a back-reference at every
    character: most of T007's time. A phrase written twice starts with six characters
    that recur 6 to 60 characters later (:func:`_phrase_starts`); most paragraphs have
    no such run, and the others only a few. The text is taken a window at a time, so
    that a huge paragraph costs no more memory than a window and stops being read
    once the rule has its findings.
    """
    position = 0
    starts_end = len(text) - _PHRASE_MIN + 1
    for first in range(0, max(starts_end, 0), _WINDOW):
        for start in _phrase_starts(text, first, min(first + _WINDOW, starts_end)):
            if start >= position:
                match = _PHRASE_TWICE.match(text, start)
                if match:
                    yield match
                    position = match.end()


def _phrase_starts(text: str, first: int, stop: int) -> list[int]:
    """The offsets in [*first*, *stop*) whose six characters recur 6 to 60 characters later, in order.

    Looked for where a phrase can be doubled only: the first copy of a doubled phrase
    (six characters or more) holds, at one of its first three offsets, four characters
    that recur one phrase length later. So four characters every third offset are
    looked up first (a ``find`` each), and only the offsets up to two before one that
    recurs are tried with six.
    """
    near: set[int] = set()
    step = _PHRASE_MIN - _PROBE + 1
    for at in range(first, min(stop + step - 1, len(text) - _PROBE + 1), step):
        if text.find(text[at : at + _PROBE], at + _PHRASE_MIN, at + _PHRASE_MAX + _PROBE) >= 0:
            near.update(range(max(at - step + 1, first), min(at + 1, stop)))
    starts = []
    for start in sorted(near):
        gram = text[start : start + _PHRASE_MIN]
        if len(gram) == _PHRASE_MIN and text.find(gram, start + _PHRASE_MIN, start + _PHRASE_MAX + _PHRASE_MIN) >= 0:
            starts.append(start)
    return starts
