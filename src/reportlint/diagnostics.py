"""Diagnostics: the small frozen values that rules yield and formatters print.

A finding may carry a suggested :class:`Fix` (text edits with a Chinese title and an
applicability), which ``--fix`` applies to text files (:mod:`reportlint.fixing`) and
JSON, SARIF, ``--show-fixes`` and the editor server show. They are plain frozen
dataclasses, because thousands are made per run and an editor starts reportlint on
every save; ``--format json`` serialises them with
pydantic (``reportlint.output.json``), and baselines are pydantic models.
"""

from __future__ import annotations

from enum import StrEnum

from reportlint.readers.extracted import Origin
from reportlint.records import record


class EngineCode(StrEnum):
    """The codes the engine emits itself rather than a rule's ``check``.

    Each is documented by a P rule of the same code (``rules/reportlint_rules/parse``),
    so it can be listed, explained, selected and ignored like any other.
    """

    STALE_BASELINE = "P801"
    INTERNAL_ERROR = "P900"
    RULE_CRASHED = "P901"


class Severity(StrEnum):
    """How bad a finding is; by default only errors fail a run."""

    ERROR = "error"
    WARNING = "warning"


SEVERITY_NAMES = {Severity.ERROR: "错误", Severity.WARNING: "警告"}
"""The severities as a Chinese reader sees them (``--explain``, the rules reference, HTML, CSV)."""


@record(frozen=True, slots=True)
class CellEvidence:
    """One table cell that an arithmetic finding rests on."""

    table: str
    row: str
    column: str
    value: float | None
    text: str
    line: int
    column_number: int


@record(frozen=True, slots=True)
class Evidence:
    """Structured support for a finding: what was expected, what was found, from which cells."""

    expected: float | None = None
    found: float | None = None
    cells: tuple[CellEvidence, ...] = ()
    identity: str = ""
    """The template-spec identity the finding rests on ("T3-B", "T3-A; T3-C" …): for JSON and
    SARIF readers, never in the message, where such codes mean nothing to a clerk."""


@record(frozen=True, slots=True)
class TextEdit:
    """Replace the text from (line, column) up to, not including, (end_line, end_column) by ``replacement``.

    Lines and columns are 1-based and count code points, like a finding's; they refer to
    the text the rules saw (for a .docx, .pdf or .html file, the text its reader extracted).
    An insertion has its end equal to its start.
    """

    line: int
    column: int
    end_line: int
    end_column: int
    replacement: str

    @property
    def start(self) -> tuple[int, int]:
        """Where the edit starts, as (line, column)."""
        return (self.line, self.column)

    @property
    def end(self) -> tuple[int, int]:
        """Where the edit ends (exclusive), as (line, column)."""
        return (self.end_line, self.end_column)


@record(frozen=True, slots=True)
class Fix:
    """A suggested fix of one finding: what to show, whether ``--fix`` may apply it, its edits.

    ``safe`` follows ruff's applicability: a safe fix is mechanical and certain and is
    applied by ``--fix``; an unsafe one (``safe=False``) needs a person's judgement (which
    of two cells is wrong) and is applied only with ``--unsafe-fixes``.
    """

    title: str
    """What the fix does, in Chinese, for a clerk: "改用单书名号〈〉"."""
    edits: tuple[TextEdit, ...]
    safe: bool = True


@record(frozen=True, slots=True)
class Finding:
    """What a rule reports: a message at a position; the engine adds the rest."""

    message: str
    line: int
    column: int = 1
    end_line: int | None = None
    end_column: int | None = None
    evidence: Evidence | None = None
    anchor: str = ""
    """What the finding is tied to in baselines: the normalised text around it, or its cell."""
    severity: Severity | None = None
    """This finding's own severity, when it is milder than the rule's (a count whose
    message says the scopes may legitimately differ); a configured severity still wins."""
    fix: Fix | None = None
    """The suggested fix, when it is mechanical (see :class:`Fix`)."""


@record(frozen=True, slots=True)
class Diagnostic:
    """A finding with its file, code, rule name and severity."""

    path: str
    line: int
    column: int
    code: str
    name: str
    severity: Severity
    message: str
    end_line: int | None = None
    end_column: int | None = None
    evidence: Evidence | None = None
    anchor: str = ""
    origin: Origin | None = None
    """Where the finding is in the original document, for files a document reader read."""
    fix: Fix | None = None
    """The finding's suggested fix, if its rule proposed one."""

    def sort_key(self) -> tuple[str, int, int, str]:
        """Order of output: path, line, column, then code."""
        return (self.path, self.line, self.column, self.code)
