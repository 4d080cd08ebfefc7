"""P003 unparsable-content: the rule class below holds its summary and documentation."""

from __future__ import annotations

from reportlint.rulebase import ProblemRule


class UnparsableContent(ProblemRule):
    """What it does:
        Reports a part of the text the grammar could not place; the rest of the report
        is still checked. The grammar accepts any sequence of lines, so no input reaches
        this today: it is the safety net that keeps a future grammar change from turning
        unexpected input into a crash or into silently skipped text. What cannot be
        *interpreted* — a table that is no table of the template, a row with the wrong
        number of values — is reported by P005 and the S rules instead.

    Why it matters:
        Content the parser cannot place is content no rule looked at.

    Example:
        A grammar change that no longer accepts a line starting with "|" inside a
        table would report that line here, and check the rest of the report.

    Fix:
        Report the input to the reportlint maintainers: it is a grammar bug.
    """

    code = "P003"
    name = "unparsable-content"
    summary = "无法解析的内容"
    needs_content = True
    problem_kind = "syntax"
