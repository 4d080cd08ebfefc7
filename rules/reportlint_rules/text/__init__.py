"""X — text against tables: numbers and claims in the prose that contradict the tables."""

from __future__ import annotations

from reportlint import hookimpl
from reportlint.rules import RulePack


@hookimpl
def reportlint_rule_pack() -> RulePack:
    """The X family."""
    return RulePack(
        name="text",
        prefixes=("X",),
        rules=(),
    )
