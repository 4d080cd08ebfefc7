"""Problems: what the reader or the model could not read, recorded for the rules to report.

Each kind is reported by exactly one rule, a :class:`reportlint.rulebase.ProblemRule`
whose ``problem_kind`` is that kind; a test checks that none is left unreported.
"""

from __future__ import annotations

from enum import StrEnum

from reportlint.records import record


class ProblemKind(StrEnum):
    """What the reader or the model could not read. Each kind is reported by one rule
    (a :class:`reportlint.rulebase.ProblemRule` with that ``problem_kind``)."""

    EMPTY = "empty"
    UNDECODABLE = "undecodable"
    TOO_LARGE = "too-large"
    SYNTAX = "syntax"
    UNRECOGNISED_TABLE = "unrecognised-table"
    ROW_SHAPE = "row-shape"
    DUPLICATE_ROW = "duplicate-row"
    NO_DATA_ROW = "no-data-row"
    UNREAD_TABLE = "unread-table"
    READER_UNAVAILABLE = "reader-unavailable"
    NO_TEXT_LAYER = "no-text-layer"


@record(frozen=True, slots=True)
class ModelProblem:
    """Something the model could not read; reported by the P and S rules."""

    kind: ProblemKind
    message: str
    line: int
    column: int
    table: str | None = None
    """For a problem with one of tables 二/三/四: which."""
