"""T — typography: 公文 punctuation, brackets and document numbers."""

from __future__ import annotations

from reportlint import hookimpl
from reportlint.rules import RulePack


@hookimpl
def reportlint_rule_pack() -> RulePack:
    """The T family."""
    return RulePack(
        name="typography",
        prefixes=("T",),
        rules=(),
    )
