"""T002 document-number-brackets: the rule class below holds its summary and documentation."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.diagnostics import Finding, Severity
from reportlint.lazyre import lazy_compile
from reportlint.model import Report
from reportlint.rulebase import Rule, prose
from reportlint_rules.typography._chars import first, is_basic_han

_NUMBER = lazy_compile(r"([\[［【(（〔])\s*((?:19|20)[0-9]{2})\s*([\]］】)）〕])\s*([0-9]{1,5})\s*号")
"""A document number's year and serial; it counts only after a Chinese character (the
issuer code), checked in code: a class of 21,000 characters costs more to compile than
this rule costs to run."""
_ISSUER_LENGTH = 8
_BEFORE_ISSUER = lazy_compile("[号和及与的据照按在见]")
"""Words that end the text before an issuer code ("…17号和宜府办字〔2020〕64号")."""


class DocumentNumberBrackets(Rule):
    """检查内容：
        查找年份用六角括号〔〕以外的符号括起的发文字号（由汉字发文机关代字、括号内的年份、发文顺序号和
        「号」组成）：[2023]、［2023］、【2023】、(2023)、（2023），或不成对的混用括号。法院案号（如
        （2020）闽01行初17号）按法院自身的规定把年份放在最前面、用圆括号括起，括号前没有发文机关代字，不予
        理会。小号括号﹝﹞印刷出来与〔〕相同，不予报告。每段至多报告 10 处。

    为何重要：
        GB/T 9704—2012《党政机关公文格式》 7.2.4 规定：发文字号由发文机关代字、年份、发文顺序号组成，年
        份、发文顺序号用阿拉伯数字标注；年份应标全称，用六角括号“〔〕”括入。引用时用其他括号抄写字号，就是
        错引了文件。

    示例：
        「《…关于印发桐溪县政务公开工作要点的通知》（桐政办发[2023]12号）」
        （examples/2023-water-bureau.txt 第 7 行）。

    修改方法：
        改为「桐政办发〔2023〕12号」。
    """

    code = "T002"
    name = "document-number-brackets"
    summary = "发文字号的年份应使用六角括号〔〕"
    severity = Severity.WARNING

    def check(self, report: Report) -> Iterator[Finding]:
        """One finding per document number with the wrong year brackets (10 per paragraph)."""
        for paragraph in prose(report):
            for position, length, message, edit in first(wrong_numbers(paragraph.text)):
                fix = self.text_fix(report, paragraph, "年份改用六角括号〔〕", [edit])
                yield self.at_span(report, message, paragraph, position, position + length, fix=fix)


def wrong_numbers(text: str) -> Iterator[tuple[int, int, str, tuple[int, int, str]]]:
    """(position, length, message, edit) for every document number of *text* without 〔〕.

    The edit (start, end, replacement) writes the year in 〔〕 from the opening bracket up
    to the serial number, spaces inside the brackets dropped: "[2023]12号" → "〔2023〕12号".
    """
    for match in _NUMBER.finditer(text):
        if not is_basic_han(text[match.start() - 1 : match.start()]):
            continue
        opening, year, closing, serial = match.groups()
        if opening == "〔" and closing == "〕":
            continue
        code = _issuer(text, match.start())
        yield (
            match.start(),
            match.end() - match.start(),
            (
                f"文号「{code}{match.group()}」的年份用了「{opening}{closing}」，"
                f"应使用六角括号〔〕：「{code}〔{year}〕{serial}号」"
            ),
            (match.start(1), match.start(4), f"〔{year}〕"),
        )


def _issuer(text: str, end: int) -> str:
    """The issuer code right before *end* ("桐政办发"), for the message."""
    start = end
    while start > max(0, end - _ISSUER_LENGTH) and is_basic_han(text[start - 1]):
        start -= 1
    code = text[start:end]
    cut = max((m.end() for m in _BEFORE_ISSUER.finditer(code)), default=0)
    return code[cut:]
