"""T004 halfwidth-punctuation: the rule class below holds its summary and documentation."""

from __future__ import annotations

import re
from collections.abc import Iterator

from pydantic import Field

from reportlint.diagnostics import Finding, Severity
from reportlint.model import Report
from reportlint.rulebase import Rule, RuleOptions, prose
from reportlint_rules.typography._chars import is_cjk, quote

_TOKENS = re.compile(r"[,;:?!()]|[\u3400-\u4dbf\u4e00-\u9fff]+")
"""The marks, and runs of Han characters (to know whether a bracket pair holds Chinese)."""
_ENTITY = re.compile(r"&#?[A-Za-z0-9]{1,8};")
_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}


class HalfwidthOptions(RuleOptions):
    """Options of T004."""

    max_per_paragraph: int = Field(
        default=3,
        ge=0,
        description=(
            "At most this many findings per paragraph; the last one says how many there "
            "are in all. 0 reports every occurrence."
        ),
    )


class HalfwidthPunctuation(Rule[HalfwidthOptions]):
    """What it does:
        Reports the half-width marks , ; : ? ! ( ) used in Chinese text: a comma,
        semicolon, colon, question or exclamation mark with a Chinese character or
        Chinese punctuation mark on either side, and a pair of round brackets next to
        or around Chinese text (one finding per pair, at the "("). It leaves alone
        marks between two digits (1,000; 9:00), the "://" of web addresses, HTML
        entities (&nbsp;) and marks inside ASCII words, addresses and code. A report
        written with half-width punctuation throughout would get hundreds of findings,
        so at most ``max_per_paragraph`` are reported per paragraph, the last one
        giving the paragraph's total.

        Why not autocorrect-py: its default rules insert spaces between Chinese and
        digits (wrong for 公文, which writes "2023年"), it does not convert ";" or "()",
        its configuration is global to the process, and it reports no positions. These
        checks are a few linear regular expressions instead.

    Why it matters:
        GB/T 15834—2011《标点符号用法》 and the 公文 format (GB/T 9704—2012) use full-width
        punctuation in Chinese text; half-width marks are narrower, break the line
        spacing of the published page, and show a text pasted from elsewhere. Real
        reports mix them in: "门户网站(www.pingtan.gov.cn)公布", "邮编350400;电话:0591-
        23163551" (2021_pingtan-finance-bureau, 2023_pingtan-finance-bureau).

    Example:
        "（一）存在的主要问题:基层政务公开标准化…" (2020_pingtan-zone).

    Fix:
        Use the full-width marks ，；：？！（）.
    """

    code = "T004"
    name = "halfwidth-punctuation"
    summary = "中文语句中使用了半角标点"
    severity = Severity.WARNING

    def check(self, report: Report) -> Iterator[Finding]:
        """One finding per half-width mark (or bracket pair), at most max_per_paragraph per line."""
        limit = self.options.max_per_paragraph
        for paragraph in prose(report):
            found = halfwidth_marks(paragraph.text)
            shown = found[:limit] if limit else found
            for index, (position, end) in enumerate(shown):
                message = _message(paragraph.text, position, end)
                if len(found) > len(shown) and index == len(shown) - 1:
                    message += f"（本段共{len(found)}处半角标点，只列出前{len(shown)}处）"
                length = 1 if end is None else end - position + 1
                yield self.at_span(report, message, paragraph, position, position + length)


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


def _message(text: str, position: int, end: int | None) -> str:
    """What to write instead of the mark at *position* (or the pair up to *end*)."""
    if end is not None:
        inner = text[position + 1 : end]
        shown = inner if len(inner) <= 20 else inner[:20] + "…"
        return f"中文中用了半角括号“( )”，应为全角“（ ）”：「({shown})」"
    mark = text[position]
    return f"中文中用了半角“{mark}”，应为全角“{_FULL[mark]}”：「{quote(text, position, position + 1)}」"
