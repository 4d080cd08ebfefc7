"""reportlint-acme: ACME's own reportlint rules, registered under the code prefix ME."""

from __future__ import annotations

from reportlint import hookimpl
from reportlint.rulebase import RulePack
from reportlint_acme.ME001 import SignatureMissing


@hookimpl
def reportlint_rule_pack() -> RulePack:
    """The ACME pack: one code prefix of its own, one rule.

    Rules are selected by code prefix, so a pack's prefix must not begin with a built-in
    family letter (P S A D C X T Y) or another pack's prefix: "ACME" would be refused,
    because ``--select A`` would select ACME001 too.
    """
    return RulePack(name="acme", prefixes=("ME",), rules=(SignatureMissing,))
