"""T007 doubled-word: the rule class below holds its summary and documentation."""

from __future__ import annotations

import re
from collections.abc import Iterator

from reportlint.diagnostics import Finding, Severity
from reportlint.model import Report
from reportlint.options import Field
from reportlint.rulebase import Rule, RuleOptions, prose
from reportlint_rules.typography._chars import MAX_PER_PARAGRAPH, is_han, quote

_HAN = "\u3400-\u4dbf\u4e00-\u9fff"
_WORD_TWICE = re.compile(rf"([{_HAN}]{{2,4}})\1")
"""A word of two to four characters written twice: 审核审核."""
_PARTICLE_TWICE = re.compile(r"([的了和与及在对将把被并或])\1")
"""A function character written twice: 的的. Content characters double across words
(项目目录, 工作作风, 法规规章), so only these are checked one by one."""
_PHRASE_TWICE = re.compile(r"(\S[^。；！？\n]{5,59}?)\1")
"""A phrase of six characters or more written twice in a row."""
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
            "Reduplications that are real words (常常, 一一, 人人, 层层 …); AABB forms such as "
            "认认真真 are never reported, since no word of them is written twice in a row."
        ),
    )


class DoubledWord(Rule[DoubledWordOptions]):
    """What it does:
        Reports a word or phrase written twice in a row in the prose: a word of two to
        four characters ("审核审核"), one of the function characters 的 了 和 与 及 在 对 将
        把 被 并 或 ("的的"), or a phrase of six characters or more ("…新闻发布会聚焦新中国
        成立70周年…新闻发布会"). Real reduplications are left alone: the words in
        ``allowed`` (常常, 一一, 人人, 层层 …) and AABB forms (认认真真, 清清楚楚), in which
        no word is written twice in a row. A content character written twice across two
        words (项目目录, 工作作风) is not a doubling and is not reported. One finding per
        doubling, at the second copy, at most ten per paragraph.

        On by default, as a warning: on the real reports it finds the three doublings
        SOURCES.md lists and nothing else.

    Why it matters:
        A doubled word is the commonest slip of an edited text; it is printed in the
        published report and tells the reader that nobody read the text through.

    Example:
        "二是规范审核审核发布机制" (2021_pingtan-zone); "统一的的网站界面" (2022_pingtan-zone).

    Fix:
        Delete the second copy: "规范审核发布机制".
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
    for pattern in (_PHRASE_TWICE, _WORD_TWICE, _PARTICLE_TWICE):
        for match in pattern.finditer(text):
            unit = match[1]
            if pattern is _PHRASE_TWICE and sum(map(is_han, unit)) < 4:
                continue  # "1.1.1.1" or an address, not a phrase
            yield match.start(), match.end(), unit
