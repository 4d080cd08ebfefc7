"""T008 space-in-title: the rule class below holds its summary and documentation."""

from __future__ import annotations

import re
from collections.abc import Iterator

from reportlint.diagnostics import Finding, Severity
from reportlint.model import Report
from reportlint.rulebase import Rule
from reportlint_rules.typography._chars import quote

_SPACE = re.compile(r"(?<=\S)[ \u3000\u00a0\t]+(?=\S)")


class SpaceInTitle(Rule):
    """What it does:
        Reports a space (half-width, full-width or non-breaking) between two characters
        of the report's title, at the character before the space (the span underlined
        is the space with a character on each side). Spaces before or after the title are
        layout and are left alone.

        On by default, as a warning: it finds the one title with a stray space in the
        real reports (2020_pingtan-finance-bureau) and nothing else.

    Why it matters:
        The title is cited as it is written, in the agency's catalogue, on the portal
        and in evaluations; 「2020年度 政府信息公开工作年度报告」 is not the same string as
        the title the template prescribes, and looks like a line break left in.

    Example:
        "平潭综合实验区财政金融局2020年度 政府信息公开工作年度报告"
        (2020_pingtan-finance-bureau).

    Fix:
        Delete the space.
    """

    code = "T008"
    name = "space-in-title"
    summary = "标题中有多余空格"
    severity = Severity.WARNING

    def check(self, report: Report) -> Iterator[Finding]:
        """One finding per run of spaces inside the title."""
        title = report.title
        if title is None:
            return
        for match in _SPACE.finditer(title.text):
            message = f"标题中有多余空格：「{quote(title.text, match.start(), match.end(), 6)}」，应删除"
            # underline the space with a character on each side: a span of spaces alone is invisible
            yield self.at_span(report, message, title, match.start() - 1, match.end() + 1)
