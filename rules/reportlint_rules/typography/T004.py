"""T004 halfwidth-punctuation: the rule class below holds its summary and documentation."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from reportlint.diagnostics import Finding, Fix, Severity
from reportlint.lazyre import lazy_compile
from reportlint.model import Report
from reportlint.model.numerals import NUMERALS
from reportlint.options import Field
from reportlint.rulebase import Paragraph, Rule, RuleOptions, joined_fix, prose
from reportlint_rules.typography._chars import is_cjk, quote

_TOKENS = lazy_compile(r"[,;:?!()]|[\u3400-\u4dbf\u4e00-\u9fff]+")
"""The marks, and runs of Han characters (to know whether a bracket pair holds Chinese)."""
_ENTITY = lazy_compile(r"&#?[A-Za-z0-9]{1,8};")
_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}


class HalfwidthOptions(RuleOptions):
    """Options of T004."""

    group: Literal["report", "mark", "paragraph"] = Field(
        default="report",
        description=(
            '问题的归并方式。"report"：每份报告一个问题，标在第一个符号处，列出每种符号及其替换符号、次'
            '数和所在行（用半角标点写成的文字是一个需要改正的习惯，而不是二十个问题）。"mark"：每种符号'
            '及其替换符号一个问题。"paragraph"：报告每一处，每段至多 max-per-paragraph 处。'
        ),
    )
    max_per_paragraph: int = Field(
        default=3,
        ge=0,
        description=(
            '在 group = "paragraph" 时，每段至多报告这么多处（分号和冒号优先，因为它们的替换符号取决于'
            "语意）；最后一处写明共有多少处。0 表示报告每一处。"
        ),
    )


class HalfwidthPunctuation(Rule[HalfwidthOptions]):
    """检查内容：
        报告中文文字中使用的半角标点 , ; : ? ! ( )：两侧有汉字或中文标点的逗号、分号、冒号、问号、感叹号，
        以及紧邻或括住中文文字的一对圆括号（每对报告一次，标在“(”处）。以下情况不予理会：两个数字之间的符
        号（1,000；9:00），网址中的“://”，括住单纯网址的括号（「门户网站(www.pingtan.gov.cn)」），HTML 字
        符实体（&nbsp;），以及 ASCII 单词、地址和代码内部的符号。

        应改为什么符号，根据语意确定：后面紧接列举下一项的“:”（「不够到位:二是…」）结束的是一个分句，应改
        为“；”而不是“：”。

        默认情况下，一份报告中的半角标点合为一个问题，标在第一个符号处，列出每种符号及其替换符号、出现次数
        和所在行：在真实报告上，这样把 42 个问题合为 7 个，而不遗漏任何一行，报告的标点问题也就不会掩盖其
        他问题。``group = "mark"`` 对每种符号报告一个问题；``group = "paragraph"`` 报告每一处，每段至多
        ``max-per-paragraph`` 处（分号和冒号优先），最后一处写明该段的总数。

        为什么不用 autocorrect-py：它的默认规则会在汉字和数字之间插入空格（这对写作「2023年」的公文是错误
        的），不转换“;”和“()”，其配置对整个进程全局生效，也不报告位置。这里的检查只是几个线性的正则表达
        式。

    为何重要：
        GB/T 15834—2011《标点符号用法》和公文格式（GB/T 9704—2012）在中文文字中使用全角标点；半角符号较
        窄，会打乱发布页面的排版，也表明文字是从别处粘贴来的。真实报告中就混用了半角标点：「邮编350400;电
        话:0591-23163551」（2021_pingtan-finance-bureau）。本规则默认不启用（``--select T004`` 或
        ``extend-select = ["T004"]`` 可启用），启用后为警告：它在真实报告上的每个发现都属实，但标点是报告
        各类问题中最轻微的，启用后十九份真实报告中有七份首先出现的是标点问题；默认规则集留给内容方面的问题
        （数据见 docs/accuracy.md）。

    示例：
        「（一）存在的主要问题:基层政务公开标准化…」（2020_pingtan-zone）。

    修改方法：
        按消息所说，改用全角符号 ，；：？！（）。
    """

    code = "T004"
    name = "halfwidth-punctuation"
    summary = "中文语句中使用了半角标点"
    severity = Severity.WARNING
    default_enabled = False

    def check(self, report: Report) -> Iterator[Finding]:
        """Half-width marks in Chinese text, grouped by mark per report or per paragraph."""
        if self.options.group != "paragraph":
            yield from self._grouped(report, whole=self.options.group == "report")
            return
        limit = self.options.max_per_paragraph
        for paragraph in prose(report):
            found = halfwidth_marks(paragraph.text)
            shown = sorted(sorted(found, key=lambda mark: _rank(paragraph.text[mark[0]]))[:limit]) if limit else found
            for index, (position, end) in enumerate(shown):
                message = _message(paragraph.text, position, end)
                if len(found) > len(shown) and index == len(shown) - 1:
                    message += f"（本段共{len(found)}处半角标点，只列出前{len(shown)}处）"
                fix = self._fix(report, _FIX_TITLE, [(paragraph, position, end)])
                yield self.at_span(report, message, paragraph, position, _end(position, end), fix=fix)

    def _grouped(self, report: Report, *, whole: bool) -> Iterator[Finding]:
        """One finding per (mark, replacement), or one per report, naming the lines of the rest."""
        groups: dict[tuple[str, str], list[tuple[Paragraph, int, int | None]]] = {}
        for paragraph in prose(report):
            for position, end in halfwidth_marks(paragraph.text):
                mark = "( )" if end is not None else paragraph.text[position]
                key = (mark, _replacement(paragraph.text, position, end))
                groups.setdefault(key, []).append((paragraph, position, end))
        if not groups:
            return
        ordered = sorted(groups.items(), key=lambda item: (item[1][0][0].line, item[1][0][1]))
        if whole:
            paragraph, position, end = ordered[0][1][0]
            total = sum(len(places) for _, places in ordered)
            message = _message(paragraph.text, position, end)
            if total > 1:
                listed = "；".join(
                    f"“{mark}”应为“{replacement}”{len(places)}处（第{_lines(places)}行）"
                    for (mark, replacement), places in ordered
                )
                message += f"。全文共{total}处半角标点：{listed}"
            fix = self._fix(report, _FIX_TITLE, [place for _, places in ordered for place in places])
            yield self.at_span(report, message, paragraph, position, _end(position, end), fix=fix)
            return
        for (mark, replacement), places in ordered:
            paragraph, position, end = places[0]
            message = _message(paragraph.text, position, end)
            if len(places) > 1:
                message += f"（全文共{len(places)}处，见第{_lines(places)}行）"
            fix = self._fix(report, f"半角“{mark}”改为全角“{replacement}”", places)
            yield self.at_span(report, message, paragraph, position, _end(position, end), fix=fix)

    def _fix(self, report: Report, title: str, places: list[tuple[Paragraph, int, int | None]]) -> Fix | None:
        """The fix that writes the full-width form of each mark at *places* whose form is certain.

        A mark whose replacement depends on the sense (a ":" before the next point of a
        list may end a clause, "；") is left out: a person decides it.
        """
        fixes = [
            self.text_fix(report, paragraph, title, _edits(paragraph.text, start, end))
            for paragraph, start, end in places
        ]
        return joined_fix(title, fixes)


_FIX_TITLE = "半角标点改为全角"


def _edits(text: str, position: int, end: int | None) -> list[tuple[int, int, str]]:
    """The edits to the full-width form of the mark at *position* (or the pair up to *end*), if certain."""
    if end is not None:
        return [(position, position + 1, "（"), (end, end + 1, "）")]
    mark = text[position]
    if _replacement(text, position, end) != _FULL[mark]:
        return []
    return [(position, position + 1, _FULL[mark])]


def _lines(places: list[tuple[Paragraph, int, int | None]]) -> str:
    """The lines of *places*, at most _MAX_LINES of them: "4、13、20等"."""
    lines = list(dict.fromkeys(place[0].line for place in places))
    return "、".join(str(line) for line in lines[:_MAX_LINES]) + ("等" if len(lines) > _MAX_LINES else "")


_MAX_LINES = 8
_URL = lazy_compile(r"(?:https?://)?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?:[/?#][!-~]*)?")
_NEXT_POINT = lazy_compile(rf"\s*(?:[{NUMERALS}]是|其[{NUMERALS}]|[（(][{NUMERALS}][）)]|[0-9]{{1,2}}[.、．])")
"""What opens the next point of a list: 二是, 其二, （二）, 2."""


def _rank(mark: str) -> int:
    """Semicolons and colons first when a paragraph's findings are cut."""
    return 0 if mark in ";:" else 1


def _end(position: int, end: int | None) -> int:
    """The end offset of the mark at *position* (or of the pair closed at *end*)."""
    return position + 1 if end is None else end + 1


def halfwidth_marks(text: str) -> list[tuple[int, int | None]]:
    """The half-width marks of *text* that sit in Chinese text, in order.

    Each is (position, end): *end* is the position of the ")" closing a "(" reported as
    a pair, else ``None``.
    """
    entity_ends = {match.end() - 1 for match in _ENTITY.finditer(text)}
    opened: list[int] = []
    found: list[tuple[int, int | None]] = []
    han_end = -1
    for match in _TOKENS.finditer(text):
        position, mark = match.start(), match.group()
        if len(mark) > 1 or mark not in _FULL:
            han_end = match.end()
        elif mark == "(":
            opened.append(position)
        elif mark == ")" and opened:
            start = opened.pop()
            if _URL.fullmatch(text, start + 1, position):
                continue  # 门户网站(www.pingtan.gov.cn)公布: a web address, not Chinese text
            if han_end > start or _chinese_around(text, start, position + 1):
                found.append((start, position))
        elif mark == ")":
            if _chinese_around(text, position, position + 1):
                found.append((position, None))
        elif _in_chinese(text, position, entity_ends):
            found.append((position, None))
    found.extend((start, None) for start in opened if _chinese_around(text, start, start + 1))
    found.sort()
    return found


def _chinese_around(text: str, start: int, end: int) -> bool:
    """Whether the character before *start* or the one at *end* belongs to Chinese text."""
    return (start > 0 and is_cjk(text[start - 1])) or (end < len(text) and is_cjk(text[end]))


def _in_chinese(text: str, position: int, entity_ends: set[int]) -> bool:
    """Whether the , ; : ? ! at *position* is punctuation of Chinese text."""
    before = text[position - 1] if position else ""
    after = text[position + 1] if position + 1 < len(text) else ""
    if before.isdigit() and after.isdigit() and before.isascii() and after.isascii():
        return False
    if text[position] == ":" and text.startswith("//", position + 1):
        return False
    if position in entity_ends:
        return False
    return (bool(before) and is_cjk(before)) or (bool(after) and is_cjk(after))


def _replacement(text: str, position: int, end: int | None) -> str:
    """The full-width mark to write instead, from the sense of the text around it.

    A ":" (or ",") followed by the next point of a list ends a clause: "；", not "：".
    """
    if end is not None:
        return "（ ）"
    mark = text[position]
    if mark == ":" and _NEXT_POINT.match(text, position + 1):
        return "；"
    return _FULL[mark]


def _message(text: str, position: int, end: int | None) -> str:
    """What to write instead of the mark at *position* (or the pair up to *end*)."""
    if end is not None:
        inner = text[position + 1 : end]
        shown = inner if len(inner) <= 20 else inner[:20] + "…"
        return f"中文中用了半角括号“( )”，应为全角“（ ）”：「({shown})」"
    mark = text[position]
    replacement = _replacement(text, position, end)
    why = "（后面是下一项，此处应断开）" if replacement != _FULL[mark] else ""
    return f"中文中用了半角“{mark}”，应为全角“{replacement}”{why}：「{quote(text, position, position + 1)}」"
