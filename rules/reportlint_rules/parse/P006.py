"""P006 file-too-large: the rule class below holds its summary and documentation."""

from __future__ import annotations

from reportlint.rulebase import ProblemRule


class FileTooLarge(ProblemRule):
    """What it does:
        Reports a file larger than 16 MB, which is not read.

    Why it matters:
        No annual report is that large; such a file is almost certainly not a report,
        and reading it would stall the run.

    Example:
        A 200 MB database dump named `report.txt`.

    Fix:
        Check that the right file was given.
    """

    code = "P006"
    name = "file-too-large"
    summary = "文件过大，未检查"
    needs_content = False
    always_reported = True
    problem_kind = "too-large"
