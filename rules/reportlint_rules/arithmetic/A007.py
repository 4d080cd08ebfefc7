"""A007 parts-sum-mismatch: the rule class below holds its summary and documentation."""

from __future__ import annotations

import re
from collections.abc import Iterator

from reportlint.diagnostics import Finding, Severity
from reportlint.lazyre import lazy_compile
from reportlint.model import Report
from reportlint.options import Field
from reportlint.records import record
from reportlint.rulebase import Paragraph, Rule, RuleOptions, prose
from reportlint_rules.arithmetic._text import (
    COUNT_RE,
    COUNT_UNITS,
    Count,
    clause_start,
    count_value,
    quote,
    sentence_end,
)

TOTAL_WHICH_RE = lazy_compile(
    rf"(?<![\d.,])(?P<number>\d+)(?P<unit>{COUNT_UNITS})[^\d，,。；;：:！？!?（(]{{0,12}}(?P<open>[，,（(：:]{{0,2}})其中[：:，,]?"
)
""""共清理微信工作群12个，其中", "2599条，(其中": a total, then 其中 in the same or next clause."""
_REGION = 800
"""How far a breakdown may run: longer lists are not read."""
SCOPE_RE = lazy_compile(
    rf"在[^，,。；;\d]{{0,30}}(?P<number>\d+)(?P<unit>{COUNT_UNITS})[^，,。；;\d]{{0,20}}中[，,：:]"
)
""""在主动公开的90条政府信息中，": the total of the list that follows."""
_PARENTHESES_RE = lazy_compile(r"[（(][^（）()]{0,80}[）)]")
_JOINED_RE = lazy_compile(rf"(\d(?:{COUNT_UNITS}))(?:以及|及|和)")
_SEPARATOR_RE = lazy_compile("[，,、；;]")
_PART_RE = lazy_compile(
    rf"^(?P<label>\D{{0,60}}?)(?P<number>\d+)(?P<unit>{COUNT_UNITS})(?P<rest>.{{0,40}})$", re.DOTALL
)
_ATTACHMENT_RE = lazy_compile(r"^[，,]?占比?\d+(?:\.\d+)?[%％]$")
_LEVELS = {"、": 1, "，": 1, ",": 1, "；": 2, ";": 2}
_REST_LABELS = ("其他", "其它", "其余", "剩余")


@record(frozen=True, slots=True)
class Part:
    """One item of a stated breakdown: "机构职能类信息25条"."""

    label: str
    number: int


@record(frozen=True, slots=True)
class Breakdown:
    """A stated total, the parts listed for it, and where the total is said."""

    total: Count
    parts: tuple[Part, ...]
    start: int
    """Offset where the words stating the total begin (for the quote)."""
    end: int


class A007Options(RuleOptions):
    """Options of A007."""

    min_coverage: float = Field(
        default=0.9,
        ge=0,
        description="各分项之和至少达到总数的这一比例，才把列举视为完整。最后一项为剩余项（其他……）的列举总是检查。",
    )
    max_coverage: float = Field(
        default=1.1,
        ge=1,
        description="各分项之和至多达到总数的这一比例，才把列举视为完整。最后一项为剩余项（其他……）的列举总是检查。",
    )


class PartsSumMismatch(Rule[A007Options]):
    """检查内容：
        查找先写总数、后列分项的表述——「共公布政府信息2599条，(其中机构职能类信息25条，……，其他应主动公开
        政府信息856条)」「在主动公开的90条政府信息中，……1条；……10条；……」——检查各分项之和是否等于总数。分
        项是指「其中」之后直到句末（或直到包含这些分项的括号结束）的各个「名称 + 数量」，以第一项后面的分
        隔符（、/， 或 ；）分隔；某项后面括号内的细分和“占X%”略过不计，遇到第一个形式不同的项或更强的分隔
        符时列举结束。以下情况不报告：

        * 列举没有穷尽：某项后面有「等」（「……17条等」）；
        * 所列分项少于两项；
        * 所列分项看来只是选列而非全部：各项之和低于总数的 ``min-coverage`` 或高于 ``max-coverage``，且最
          后一项不是「其他……」「其余……」之类的剩余项。

    为何重要：
        分项之和与总数不符，说明总数或某一分项有误，而读者（和评议人员）会把它们相互比对（template-spec
        §6，E2 数据失准）。真实报告中的例子：2019_pingtan-zone（2599 与
        2533），2021_pingtan-finance-bureau（510 与 198 + 142 + 137 = 477）。本规则是警告：正文是按句式识
        别的，报告也可能列出相互重叠的分项（对同一批信息的两种分类）。

    示例：
        「全镇共清理微信工作群12个，其中解散5个，保留8个」：5 + 8 = 13，不是 12。

    修改方法：
        改正错误的总数或分项；如果所列只是部分分项，应当写明（如在末尾加「等」）。
    """

    code = "A007"
    name = "parts-sum-mismatch"
    summary = "文中所列分项之和与总数不符"
    severity = Severity.WARNING

    def check(self, report: Report) -> Iterator[Finding]:
        """One finding per stated total whose listed parts add up to something else."""
        for paragraph in prose(report):
            for breakdown in _breakdowns(paragraph.text):
                if self._mismatch(breakdown.total, breakdown.parts):
                    yield self._finding(report, paragraph, breakdown)

    def _mismatch(self, total: Count, parts: tuple[Part, ...]) -> bool:
        """Whether *parts* are a complete breakdown of *total* that does not add up."""
        found = sum(part.number for part in parts)
        if len(parts) < 2 or found == total.number or total.number == 0:
            return False
        if parts[-1].label.lstrip("、，,").startswith(_REST_LABELS):
            return True
        return self.options.min_coverage <= found / total.number <= self.options.max_coverage

    def _finding(self, report: Report, paragraph: Paragraph, breakdown: Breakdown) -> Finding:
        """The finding at the total, with the parts' sum spelt out."""
        total, parts = breakdown.total, breakdown.parts
        found = sum(part.number for part in parts)
        said = quote(paragraph.text[breakdown.start : breakdown.end], 30)
        message = (
            f"「{said}」与其后所列分项之和不符：{' + '.join(str(part.number) for part in parts)}"
            f" = {found}，而总数为{total.number}"
        )
        return self.at_span(report, message, paragraph, total.start, total.end)


def _breakdowns(text: str) -> Iterator[Breakdown]:
    """Every (total, parts) the line states with 其中 or 在…N…中."""
    for match in TOTAL_WHICH_RE.finditer(text):
        number = count_value(match["number"])
        if number is None:
            continue
        total = Count(number, match["unit"], match.start("number"), match.end("unit"))
        end = sentence_end(text, match.end(), window=_REGION)
        if "（" in match["open"] or "(" in match["open"]:
            end = _closing(text, match.end(), end)
        parts = _parts(text[match.end() : end])
        if parts is not None:
            yield Breakdown(total, tuple(parts), clause_start(text, total.start, 20), total.end)
    for match in SCOPE_RE.finditer(text):
        end = sentence_end(text, match.end(), window=_REGION)
        region = text[match.end() : end]
        if "其中" in region:
            continue  # the 其中 list that follows is checked above
        number = count_value(match["number"])
        if number is None:
            continue
        first = COUNT_RE.search(region)
        if first is not None and count_value(first["number"]) == number:
            separator = _SEPARATOR_RE.search(region, first.end())
            region = region[separator.end() :] if separator else ""
        total = Count(number, match["unit"], match.start("number"), match.end("unit"))
        parts = _parts(region)
        if parts is not None:
            yield Breakdown(total, tuple(parts), match.start(), match.end() - 1)


def _closing(text: str, start: int, end: int) -> int:
    """The offset of the bracket that closes a bracketed list, or *end*."""
    closings = [index for char in "）)" if (index := text.find(char, start, end)) >= 0]
    return min(closings) if closings else end


def _parts(region: str) -> list[Part] | None:
    """The items of a breakdown, or ``None`` when the list is open (…等)."""
    region = _PARENTHESES_RE.sub("", region)
    region = _JOINED_RE.sub(r"\1、", region)
    first = COUNT_RE.search(region)
    if first is None:
        return []
    if region.startswith("等", first.end()):
        return None
    separator = _SEPARATOR_RE.search(region, first.end())
    level = _LEVELS[separator.group()] if separator else 2
    parts: list[Part] = []
    for item in _items(region, level):
        part = _PART_RE.match(item)
        if part is None:
            return None if item.startswith("等") else parts
        rest, number = part["rest"], count_value(part["number"])
        if rest.startswith("等") or number is None:
            return None
        if rest.startswith(("）", ")")):  # the bracket that holds the list closes here
            parts.append(Part(part["label"], number))
            break
        if rest and not _ATTACHMENT_RE.match(rest):
            break
        parts.append(Part(part["label"], number))
    return parts


def _items(region: str, level: int) -> Iterator[str]:
    """The items of *region* split at separators of *level* or stronger.

    A piece without digits before a "、" is part of the next item's name
    ("政策、规范性文件类信息68条"); the list ends at a stronger separator.
    """
    pending = ""
    position = 0
    for separator in _SEPARATOR_RE.finditer(region):
        strength = _LEVELS[separator.group()]
        piece = pending + region[position : separator.start()]
        if strength < level:
            continue
        position = separator.end()
        if strength > level:
            yield piece
            return
        if separator.group() == "、" and not any(char.isdigit() for char in piece):
            pending = piece + "、"
            continue
        pending = ""
        yield piece
    yield pending + region[position:]
