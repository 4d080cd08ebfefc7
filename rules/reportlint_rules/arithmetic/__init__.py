"""A — arithmetic: the identities tables 二, 三 and 四 must satisfy, and sums stated in the text."""

from __future__ import annotations

from reportlint import hookimpl
from reportlint.rules import RulePack


@hookimpl
def reportlint_rule_pack() -> RulePack:
    """The A family."""
    return RulePack(
        name="arithmetic",
        prefixes=("A",),
        rules=(),
    )
