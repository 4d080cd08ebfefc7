"""P003 unparsable-content: 无法解析的内容"""

from __future__ import annotations

from reportlint.rules import ProblemRule


class UnparsableContent(ProblemRule):
    """无法解析的内容

    What it does:
        Reports a part of the text the grammar could not place; the rest of the report
        is still checked.

    Why it matters:
        Content the parser cannot place is content no rule looked at.

    Example:
        Control characters in the middle of a table.

    Fix:
        Remove the stray characters, or report the layout as a reportlint bug.

    Options:
        None.
    """

    code = "P003"
    name = "unparsable-content"
    summary = "无法解析的内容"
    needs_content = True
    problem_kind = "syntax"
