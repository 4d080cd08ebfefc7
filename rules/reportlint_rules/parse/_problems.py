"""The shared body of the P rules: each reports the model's problems of one kind."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from reportlint.diagnostics import Finding
from reportlint.model import Report
from reportlint.rules import Rule


class ProblemRule(Rule):
    """A rule that reports the problems the reader and model recorded under ``problem_kind``."""

    abstract = True
    problem_kind: ClassVar[str]

    def check(self, report: Report) -> Iterator[Finding]:
        """One finding per recorded problem of this rule's kind, at its position."""
        for problem in report.problems:
            if problem.kind == self.problem_kind:
                yield self.at_line(report, problem.message, problem.line, problem.column)
