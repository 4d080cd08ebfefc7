"""D — dates: the statistics period, the report year, real calendar dates and deadlines."""

from __future__ import annotations

from reportlint import hookimpl
from reportlint.rules import RulePack


@hookimpl
def reportlint_rule_pack() -> RulePack:
    """The D family."""
    return RulePack(
        name="dates",
        prefixes=("D",),
        rules=(),
    )
