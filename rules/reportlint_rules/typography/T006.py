"""T006 markup-residue: the rule class below holds its summary and documentation."""

from __future__ import annotations

import re
from collections.abc import Iterator

from reportlint.diagnostics import Finding, Severity
from reportlint.model import Report
from reportlint.rulebase import Rule, prose

_RESIDUE = re.compile(
    r"<!--.{0,300}?-->"  # Word's conditional comments: <!--[if !supportLists]-->
    r"|</?(?:span|font|p|br|div|o:p|st1:[a-z]+|b|i|u|strong|em|table|tr|td)\b[^<>]{0,300}>"  # tags
    r"|&(?:nbsp|lt|gt|amp|quot|ensp|emsp|#\d{2,6}|#x[0-9a-fA-F]{2,5});"  # entities
    r"|\bmso-[a-z-]+:[^;\"]{0,40}"  # Word's inline styles
    r"|\bstyle=\"[^\"]{0,300}\"",
    re.IGNORECASE,
)
"""What a web page or a Word export leaves in pasted text: comments, tags, entities, styles."""


class MarkupResidue(Rule):
    """What it does:
        Reports markup left in the prose of a report: Word's conditional comments
        (``<!--[if !supportLists]-->``, ``<!--[endif]-->``), HTML tags (``<span style=…>``,
        ``<br />``, ``<o:p>``), entities written out (``&nbsp;``, ``&lt;``) and Word's inline
        styles (``mso-…``). One finding per report, at the first piece, with the
        number of pieces and their lines: a pasted export is one fault. Tables are not
        read (their cells are numbers and labels).

        On by default, as a warning: it finds the three lines of residue in the real
        reports (SOURCES.md) and nothing else.

    Why it matters:
        The published page shows the markup as text; it shows that the report was
        pasted from a Word export or a web page without being read again, and readers
        and evaluators notice it at once.

    Example:
        "<!--[if !supportLists]-->（三）<!--[endif]-->突出抓好政府采购信息公开"
        (2021_pingtan-finance-bureau).

    Fix:
        Delete the markup; write "（三）突出抓好政府采购信息公开".
    """

    code = "T006"
    name = "markup-residue"
    summary = "正文中残留网页或Word排版代码"
    severity = Severity.WARNING

    def check(self, report: Report) -> Iterator[Finding]:
        """One finding per report, at the first piece of markup, naming the lines of the rest."""
        places = [(paragraph, match) for paragraph in prose(report) for match in _RESIDUE.finditer(paragraph.text)]
        if not places:
            return
        paragraph, first = places[0]
        message = f"正文中残留排版代码「{first.group()}」，应删除"
        if len(places) > 1:
            lines = "、".join(str(line) for line in dict.fromkeys(place[0].line for place in places))
            message += f"（全文共{len(places)}处，见第{lines}行）"
        yield self.at_match(report, message, paragraph, first)
