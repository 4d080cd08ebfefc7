"""C — contact information: how readers reach the agency, and whether it is well formed."""

from __future__ import annotations

from reportlint import hookimpl
from reportlint.rules import RulePack


@hookimpl
def reportlint_rule_pack() -> RulePack:
    """The C family."""
    return RulePack(
        name="contact",
        prefixes=("C",),
        rules=(),
    )
