"""X — text against tables: numbers and claims in the prose that contradict the tables."""

from __future__ import annotations

from reportlint import hookimpl
from reportlint.rulebase import RulePack
from reportlint_rules.text.X001 import ApplicationCountMismatch
from reportlint_rules.text.X002 import ReviewLitigationCountMismatch
from reportlint_rules.text.X003 import DocumentCountMismatch
from reportlint_rules.text.X004 import NoneClaimContradictsTable
from reportlint_rules.text.X005 import UpheldClaimContradictsTable


@hookimpl
def reportlint_rule_pack() -> RulePack:
    """The X family."""
    return RulePack(
        name="text",
        prefixes=("X",),
        rules=(
            ApplicationCountMismatch,
            ReviewLitigationCountMismatch,
            DocumentCountMismatch,
            NoneClaimContradictsTable,
            UpheldClaimContradictsTable,
        ),
    )
