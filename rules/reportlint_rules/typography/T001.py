"""T001 nested-title-marks: the rule class below holds its summary and documentation."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.diagnostics import Finding, Severity
from reportlint.lazyre import lazy_compile
from reportlint.model import Report
from reportlint.rulebase import Rule, prose
from reportlint_rules.typography._chars import first, is_han

_MARKS = lazy_compile(r"[《》]|<[^<>\n]{1,100}>")
Edits = tuple[tuple[int, int, str], ...]
"""A fix as (start, end, replacement) offsets into the paragraph's text."""
_INNER_FIX = "内层书名号改为单书名号〈〉"
_ASCII_FIX = "半角“<>”改为书名号《》"


class NestedTitleMarks(Rule):
    """检查内容：
        读取每段中的《和》，书名号《…》内又出现《的，予以报告——内层书名应当用单书名号〈〉标示。用半角符号
        “<”和“>”标示的中文书名（网页复制和键盘输入时会出现）也予以报告：位于《…》之内的应改为〈〉，其他位
        置的应改为《》。括住不含汉字的文字的半角尖括号（HTML 标签、代码）不予理会。每段至多报告 10 处。

    为何重要：
        GB/T 15834—2011《标点符号用法》 4.15 规定：书名号里边还要用书名号时，外面一层用双书名号，里边一层
        用单书名号。《…《…》…》无法准确理解，而“<>”根本不是中文标点符号。

    示例：
        「《宜春市人民政府办公室关于印发《2020年宜春政府公开工作要点》的通知》」（种子报告第 3 行）；「《…
        关于印发<中华人民共和国政府信息公开工作年度报告格式>的通知》」
        （2022_pingtan-zone、2024_pingtan-police）。

    修改方法：
        改为「《宜春市人民政府办公室关于印发〈2020年宜春政府公开工作要点〉的通知》」。
    """

    code = "T001"
    name = "nested-title-marks"
    summary = "书名号内的书名应使用单书名号〈〉"
    severity = Severity.WARNING

    def check(self, report: Report) -> Iterator[Finding]:
        """One finding per inner title marked with 《》 or <> (at most 10 per paragraph)."""
        for paragraph in prose(report):
            for position, length, message, edits in first(inner_titles(paragraph.text)):
                # Inside a title that closes, the inner marks are certainly 〈〉 (safe); a bare
                # "<…>" may be a placeholder rather than a title, so 《》 needs a clerk's word.
                inside = bool(edits) and edits[0][2] == "〈"
                title, safe = (_INNER_FIX, True) if inside else (_ASCII_FIX, False)
                fix = self.text_fix(report, paragraph, title, edits, safe=safe)
                yield self.at_span(report, message, paragraph, position, position + length, fix=fix)


def inner_titles(text: str) -> Iterator[tuple[int, int, str, Edits]]:
    """(position, length, message, edits) for every wrongly marked inner or ASCII-marked title of *text*.

    *edits* replace the two marks of the title (empty when the marks to write are not
    certain: an inner 《 whose title or whose outer title is never closed).
    """
    depth = 0
    for mark in _MARKS.finditer(text):
        found, start = mark.group(), mark.start()
        if found == "《":
            if depth:
                length, message = _nested(text, start)
                closed = length > 1 and _closes(text, start + length, depth)
                yield start, length, message, _marks(start, length, "〈〉") if closed else ()
            depth += 1
        elif found == "》":
            depth = max(0, depth - 1)
        elif any(is_han(char) for char in found):
            inner = found[1:-1]
            if depth:
                message = f"书名号内的书名「{found}」用了半角“<>”，应改用单书名号：「〈{inner}〉」"
                closed = _closes(text, mark.end(), depth)
                yield start, len(found), message, _marks(start, len(found), "〈〉") if closed else ()
            else:
                message = f"书名「{found}」用了半角“<>”，应改用书名号：「《{inner}》」"
                yield start, len(found), message, _marks(start, len(found), "《》")


def _marks(start: int, length: int, pair: str) -> Edits:
    """The edits that put *pair* in place of the first and last character of ``text[start:start+length]``."""
    end = start + length
    return ((start, start + 1, pair[0]), (end - 1, end, pair[1]))


def _closes(text: str, start: int, depth: int) -> bool:
    """Whether the title open at *depth* is closed by a 》 after *start* (so the marks inside it are inner ones)."""
    for mark in _MARKS.finditer(text, start):
        if mark.group() == "《":
            depth += 1
        elif mark.group() == "》":
            depth -= 1
            if depth == 0:
                return True
    return False


def _nested(text: str, start: int) -> tuple[int, str]:
    """(length, message) for an inner 《 at *start*: the inner title and how to write it.

    The length covers the inner 《…》 when its end is found, else the 《 alone.
    """
    end = text.find("》", start, start + 62)
    inner = text[start + 1 : end] if end > start else ""
    if not inner or "《" in inner:
        return 1, "书名号《》内又套用了《》，内层应改用单书名号〈〉"
    return len(inner) + 2, f"书名号《》内又套用了《》：「《{inner}》」应改为「〈{inner}〉」"
