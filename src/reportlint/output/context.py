"""What a formatter may need beyond the diagnostics: the files checked and the rules."""

from __future__ import annotations

from dataclasses import field

from reportlint.model import Report
from reportlint.records import record
from reportlint.rulebase import Rule


@record(frozen=True, slots=True)
class RunContext:
    """The run a set of diagnostics came from."""

    files: tuple[str, ...] = ()
    rules: dict[str, type[Rule]] = field(default_factory=dict)
    sources: dict[str, list[str]] = field(default_factory=dict)
    """File → its lines, filled only when ``--show-source`` asks for them."""
    reports: dict[str, Report] = field(default_factory=dict)
    """File → its report model, for formats that draw the report (HTML); filled when asked for."""
    show_source: bool = True
    """Whether the default format prints the lines of ``sources`` (``--show-source``); they may be
    there only for ``--show-fixes``."""
    show_fixes: bool = False
    """Whether the default format prints each finding's suggested fix (``--show-fixes``)."""
