"""P004 unread-table: the rule class below holds its summary and documentation."""

from __future__ import annotations

from reportlint.rulebase import ProblemRule


class UnreadTable(ProblemRule):
    """What it does:
        Reports, at its first label, a table 二, 三 or 四 whose template labels are in the
        report — on lines of their own, such as 「一、本年新收政府信息公开申请数量 3001 53 …」
        or 「结果维持」, or in a table reportlint could not recognise — while the table itself
        could not be read: at least two different labels of table 二 or 四, or three of
        table 三, outside any table reportlint understood. It names the table and the labels
        it found. S004 (missing table) then stays silent for that table: the table is there.

    Why it matters:
        None of a table's numbers can be checked when it is not read, so without this
        finding a report whose tables came out as loose lines — text from a PDF
        (``pdftotext -layout`` lines the cells up with spaces), a table pasted into prose
        — would pass as if its tables were right. An error, so such a run never exits 0.

    Example:
        ``pdftotext -layout`` output, where table 三 reads
        ``一、本年新收政府信息公开申请数量    3001    53    0 …`` with no TAB between the cells.

    Fix:
        Give reportlint the table in a layout it reads: the .docx/.html/.pdf itself (with
        its reader installed), a copy from the browser or from Word (cells separated by
        TABs), or the plain-text layout with one cell per line.
    """

    code = "P004"
    name = "unread-table"
    summary = "模板表格未能读取"
    needs_content = True
    problem_kind = "unread-table"
