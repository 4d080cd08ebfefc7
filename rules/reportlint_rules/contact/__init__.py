"""C — contact information: how readers reach the agency, and whether it is well formed."""

from __future__ import annotations

from reportlint import hookimpl
from reportlint.rulebase import RulePack
from reportlint_rules.contact.C001 import MissingContact
from reportlint_rules.contact.C002 import MissingPostcode
from reportlint_rules.contact.C003 import InvalidPhoneNumber
from reportlint_rules.contact.C004 import InvalidPostcode
from reportlint_rules.contact.C005 import InvalidEmail
from reportlint_rules.contact.C006 import InvalidWebAddress
from reportlint_rules.contact.C007 import AreaCodeRegionMismatch
from reportlint_rules.contact.C008 import PostcodeRegionMismatch


@hookimpl
def reportlint_rule_pack() -> RulePack:
    """The C family."""
    return RulePack(
        name="contact",
        prefixes=("C",),
        rules=(
            MissingContact,
            MissingPostcode,
            InvalidPhoneNumber,
            InvalidPostcode,
            InvalidEmail,
            InvalidWebAddress,
            AreaCodeRegionMismatch,
            PostcodeRegionMismatch,
        ),
    )
