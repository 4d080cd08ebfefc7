"""The shared body of S009–S011: each reports the table problems the model recorded of one kind."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from reportlint.diagnostics import Finding
from reportlint.model import Report
from reportlint.rules import Rule


class TableProblemRule(Rule):
    """A rule that reports the model's table problems of ``problem_kind`` ("row-shape", …)."""

    abstract = True
    problem_kind: ClassVar[str]

    def check(self, report: Report) -> Iterator[Finding]:
        """One finding per recorded problem of this rule's kind, at its position."""
        for problem in report.problems:
            if problem.kind == self.problem_kind:
                yield self.at_line(report, problem.message, problem.line, problem.column)
