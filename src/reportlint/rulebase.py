"""Rules and rule packs: what a plugin author subclasses and returns.

A rule is a class with declarative metadata (code, name, summary, severity, options
model) checked when the class is defined, and a ``check`` method that yields
:class:`reportlint.diagnostics.Finding` values and never prints. Its docstring is its
documentation and must have the sections What it does / Why it matters / Example /
Fix / Options, which ``--explain`` and the docs draw on.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict

from reportlint.diagnostics import CellEvidence, Evidence, Finding, Severity
from reportlint.model import CellRef, Report

CODE_RE = re.compile(r"^[A-Z]{1,4}[0-9]{3}$")
NAME_RE = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
DOC_SECTIONS = ("What it does", "Why it matters", "Example", "Fix", "Options")


class RuleDefinitionError(TypeError):
    """A rule class whose metadata is missing or malformed."""


class RuleOptions(BaseModel):
    """Base of every rule's options model: unknown keys are errors.

    ``defer_build`` keeps start-up fast: a model's validator is built only when a
    configuration file actually sets that rule's options.
    """

    model_config = ConfigDict(
        extra="forbid",
        defer_build=True,
        alias_generator=lambda name: name.replace("_", "-"),
        populate_by_name=True,
    )


class NoOptions(RuleOptions):
    """The options model of a rule that has no options."""


class Rule:
    """Base class of every rule. Subclass it once per rule, one rule per file.

    Subclasses set ``code``, ``name``, ``summary``, optionally ``severity`` and
    ``Options`` (a pydantic model, validated against the user's configuration), and
    implement :meth:`check`.
    """

    code: ClassVar[str]
    name: ClassVar[str]
    summary: ClassVar[str]
    severity: ClassVar[Severity] = Severity.ERROR
    Options: ClassVar[type[BaseModel]] = NoOptions
    needs_content: ClassVar[bool] = True
    """False for rules that must also run on files that could not be read (P rules)."""

    options: Any

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if cls.__dict__.get("abstract", False):
            return
        _validate_rule_class(cls)

    def __init__(self, options: BaseModel | None = None) -> None:
        self.options = options if options is not None else self.Options.model_construct()

    def check(self, report: Report) -> Iterable[Finding]:
        """Yield findings for *report*. Must not print or raise on odd input."""
        raise NotImplementedError

    # -- helpers for rule authors ------------------------------------------------
    def at_line(
        self, report: Report, message: str, line: int, column: int = 1, *, length: int | None = None
    ) -> Finding:
        """A finding anchored to a line of text (its normalised text is the anchor).

        Give *length* (in characters) when the offending text is known, so editors
        and SARIF viewers can underline exactly that span.
        """
        end_column = column + length if length else None
        return Finding(
            message=message,
            line=line,
            column=column,
            end_line=line if end_column else None,
            end_column=end_column,
            anchor=report.anchor(line, column),
        )

    def at_cell(
        self,
        message: str,
        cell: CellRef,
        *,
        expected: float | None = None,
        operands: Iterable[CellRef] = (),
    ) -> Finding:
        """A finding anchored to a table cell, with arithmetic evidence.

        The end position spans the cell's text on its first line (a wrapped cell's
        first part); a blank cell has none to underline.
        """
        evidence = Evidence(expected, cell.value.number, tuple(cell_evidence(ref) for ref in operands))
        shown = cell.value.text.strip()
        length = len(shown) if cell.first_line_length is None else cell.first_line_length
        end_column = cell.column_number + length if length else None
        return Finding(
            message=message,
            line=cell.line,
            column=cell.column_number,
            end_line=cell.line if end_column else None,
            end_column=end_column,
            evidence=evidence,
            anchor=f"表{cell.table}|{cell.row}|{cell.column}",
        )

    @classmethod
    def documentation(cls) -> str:
        """The rule's full documentation (its docstring, dedented)."""
        import inspect

        return inspect.cleandoc(cls.__doc__ or "")


class ProblemRule(Rule):
    """A rule that reports what the reader and the model recorded under ``problem_kind``.

    The model notes what it could not read (an empty file, a row with the wrong
    number of values …) as ``Report.problems``; a rule of this kind turns the
    problems of one kind into findings, so they can be selected, ignored and
    documented like any other rule.
    """

    abstract = True
    problem_kind: ClassVar[str]
    """A :class:`reportlint.model.problems.ProblemKind` value."""

    def check(self, report: Report) -> Iterable[Finding]:
        """One finding per recorded problem of this rule's kind, at its position."""
        for problem in report.problems:
            if problem.kind == self.problem_kind:
                yield self.at_line(report, problem.message, problem.line, problem.column)


def cell_evidence(ref: CellRef) -> CellEvidence:
    """The evidence record of one cell."""
    return CellEvidence(
        table=ref.table,
        row=ref.row,
        column=ref.column,
        value=ref.value.number,
        text=ref.value.text,
        line=ref.line,
        column_number=ref.column_number,
    )


def _validate_rule_class(cls: type[Rule]) -> None:
    """Check a rule's metadata when its class is defined, not when it first runs."""
    where = f"{cls.__module__}.{cls.__qualname__}"
    for attribute in ("code", "name", "summary"):
        if not isinstance(getattr(cls, attribute, None), str) or not getattr(cls, attribute):
            raise RuleDefinitionError(f"{where}: missing class attribute {attribute!r}")
    if not CODE_RE.match(cls.code):
        raise RuleDefinitionError(f"{where}: code {cls.code!r} is not a prefix and three digits")
    if not NAME_RE.match(cls.name):
        raise RuleDefinitionError(f"{where}: name {cls.name!r} is not kebab-case")
    if not (isinstance(cls.Options, type) and issubclass(cls.Options, BaseModel)):
        raise RuleDefinitionError(f"{where}: Options must be a pydantic model")
    doc = cls.__doc__ or ""
    missing = [section for section in DOC_SECTIONS if f"{section}\n" not in doc and f"{section}:" not in doc]
    if missing:
        raise RuleDefinitionError(f"{where}: docstring lacks section(s) {', '.join(missing)}")


@dataclass(frozen=True, slots=True)
class RulePack:
    """What a plugin's ``reportlint_rule_pack`` hook returns."""

    name: str
    prefixes: tuple[str, ...]
    rules: tuple[type[Rule], ...]
