"""P — parse and input: files that cannot be read, and parts that cannot be parsed."""

from __future__ import annotations

from reportlint import hookimpl
from reportlint.rulebase import RulePack
from reportlint_rules.parse.P001 import EmptyFile
from reportlint_rules.parse.P002 import UndecodableFile
from reportlint_rules.parse.P003 import UnparsableContent
from reportlint_rules.parse.P004 import UnreadTable
from reportlint_rules.parse.P005 import UnrecognisedTable
from reportlint_rules.parse.P006 import FileTooLarge
from reportlint_rules.parse.P007 import ReaderUnavailable
from reportlint_rules.parse.P008 import NoTextLayer
from reportlint_rules.parse.P801 import StaleBaselineEntry
from reportlint_rules.parse.P900 import InternalError
from reportlint_rules.parse.P901 import RuleCrashed


@hookimpl
def reportlint_rule_pack() -> RulePack:
    """The P family."""
    return RulePack(
        name="parse",
        prefixes=("P",),
        rules=(
            EmptyFile,
            UndecodableFile,
            UnparsableContent,
            UnrecognisedTable,
            FileTooLarge,
            UnreadTable,
            ReaderUnavailable,
            NoTextLayer,
            StaleBaselineEntry,
            InternalError,
            RuleCrashed,
        ),
    )
