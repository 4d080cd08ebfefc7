"""Y — across years: a report against the same agency's report of the year before.

Every rule here is a :class:`reportlint.rulebase.PairRule`: it runs only when last
year's report is in the same run (paired by agency and year) or given with
``--previous``, and reports in this year's report.
"""

from __future__ import annotations

from reportlint import hookimpl
from reportlint.rulebase import RulePack
from reportlint_rules.years.Y001 import CarryOverMismatch
from reportlint_rules.years.Y002 import DocumentsInForceDiscontinuous
from reportlint_rules.years.Y003 import ProseCopiedFromLastYear
from reportlint_rules.years.Y004 import TableCopiedFromLastYear
from reportlint_rules.years.Y005 import ProblemsRepeatedFromLastYear
from reportlint_rules.years.Y006 import ItemCountDiscontinuous


@hookimpl
def reportlint_rule_pack() -> RulePack:
    """The Y family."""
    return RulePack(
        name="years",
        prefixes=("Y",),
        rules=(
            CarryOverMismatch,
            DocumentsInForceDiscontinuous,
            ProseCopiedFromLastYear,
            TableCopiedFromLastYear,
            ProblemsRepeatedFromLastYear,
            ItemCountDiscontinuous,
        ),
    )
