"""P001 empty-file: the rule class below holds its summary and documentation."""

from __future__ import annotations

from reportlint.rulebase import ProblemRule


class EmptyFile(ProblemRule):
    """What it does:
        Reports a file that is empty or holds only white space.

    Why it matters:
        An empty upload usually means a failed export; publishing it publishes nothing.

    Example:
        A 0-byte `report.txt`.

    Fix:
        Export the report again and check the file before publishing.
    """

    code = "P001"
    name = "empty-file"
    summary = "文件为空或只有空白字符"
    needs_content = False
    always_reported = True
    problem_kind = "empty"
