"""S — structure and required content: sections, tables, rows and columns of the template."""

from __future__ import annotations

from reportlint import hookimpl
from reportlint.rules import RulePack
from reportlint_rules.structure.S001 import MissingSection


@hookimpl
def reportlint_rule_pack() -> RulePack:
    """The S family."""
    return RulePack(
        name="structure",
        prefixes=("S",),
        rules=(MissingSection,),
    )
