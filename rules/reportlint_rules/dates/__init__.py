"""D — dates: the statistics period, the report year, real calendar dates and deadlines."""

from __future__ import annotations

from reportlint import hookimpl
from reportlint.rulebase import RulePack
from reportlint_rules.dates.D001 import PeriodOutsideReportYear
from reportlint_rules.dates.D002 import ReportYearMismatch
from reportlint_rules.dates.D003 import InvalidCalendarDate
from reportlint_rules.dates.D004 import DocumentDatedAfterPublication
from reportlint_rules.dates.D005 import LatePublication
from reportlint_rules.dates.D006 import DatedBeforePeriodEnd
from reportlint_rules.dates.D007 import StaleYearNarrative


@hookimpl
def reportlint_rule_pack() -> RulePack:
    """The D family."""
    return RulePack(
        name="dates",
        prefixes=("D",),
        rules=(
            PeriodOutsideReportYear,
            ReportYearMismatch,
            InvalidCalendarDate,
            DocumentDatedAfterPublication,
            LatePublication,
            DatedBeforePeriodEnd,
            StaleYearNarrative,
        ),
    )
