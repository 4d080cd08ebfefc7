"""A — arithmetic: the identities tables 二, 三 and 四 must satisfy, and sums stated in the text."""

from __future__ import annotations

from reportlint import hookimpl
from reportlint.rulebase import RulePack
from reportlint_rules.arithmetic.A001 import ApplicationTotalMismatch
from reportlint_rules.arithmetic.A002 import BlankTotalCell
from reportlint_rules.arithmetic.A003 import ReviewLitigationTotalMismatch
from reportlint_rules.arithmetic.A004 import InvalidCount
from reportlint_rules.arithmetic.A005 import PublishedTotalBelowNew
from reportlint_rules.arithmetic.A006 import ChangeArithmeticMismatch
from reportlint_rules.arithmetic.A007 import PartsSumMismatch
from reportlint_rules.arithmetic.A008 import PercentageMismatch


@hookimpl
def reportlint_rule_pack() -> RulePack:
    """The A family."""
    return RulePack(
        name="arithmetic",
        prefixes=("A",),
        rules=(
            ApplicationTotalMismatch,
            BlankTotalCell,
            ReviewLitigationTotalMismatch,
            InvalidCount,
            PublishedTotalBelowNew,
            ChangeArithmeticMismatch,
            PartsSumMismatch,
            PercentageMismatch,
        ),
    )
