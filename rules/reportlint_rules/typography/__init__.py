"""T — typography: 公文 punctuation, brackets, document numbers and slips of the pen in the text."""

from __future__ import annotations

from reportlint import hookimpl
from reportlint.rulebase import RulePack
from reportlint_rules.typography.T001 import NestedTitleMarks
from reportlint_rules.typography.T002 import DocumentNumberBrackets
from reportlint_rules.typography.T003 import UnbalancedBrackets
from reportlint_rules.typography.T004 import HalfwidthPunctuation
from reportlint_rules.typography.T005 import EnumerationOutOfSequence
from reportlint_rules.typography.T006 import MarkupResidue
from reportlint_rules.typography.T007 import DoubledWord
from reportlint_rules.typography.T008 import SpaceInTitle


@hookimpl
def reportlint_rule_pack() -> RulePack:
    """The T family."""
    return RulePack(
        name="typography",
        prefixes=("T",),
        rules=(
            NestedTitleMarks,
            DocumentNumberBrackets,
            UnbalancedBrackets,
            HalfwidthPunctuation,
            EnumerationOutOfSequence,
            MarkupResidue,
            DoubledWord,
            SpaceInTitle,
        ),
    )
