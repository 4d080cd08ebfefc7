"""S — structure and required content: sections, tables, rows and columns of the template."""

from __future__ import annotations

from reportlint import hookimpl
from reportlint.rulebase import RulePack
from reportlint_rules.structure.S001 import MissingSection
from reportlint_rules.structure.S002 import SectionOutOfOrder
from reportlint_rules.structure.S003 import NonstandardSectionHeading
from reportlint_rules.structure.S004 import MissingTable
from reportlint_rules.structure.S005 import MisplacedTable
from reportlint_rules.structure.S006 import MissingTableRow
from reportlint_rules.structure.S007 import MissingTableColumn
from reportlint_rules.structure.S008 import ExtraTableRow
from reportlint_rules.structure.S009 import WrongValueCount
from reportlint_rules.structure.S010 import DuplicateTableRow
from reportlint_rules.structure.S011 import TableWithoutDataRow
from reportlint_rules.structure.S012 import HeaderLabelTypo
from reportlint_rules.structure.S013 import LeftoverFillInHint
from reportlint_rules.structure.S014 import TemplateVersionMismatch
from reportlint_rules.structure.S015 import TrialFormatDeviation
from reportlint_rules.structure.S016 import EmptyProblemsSection
from reportlint_rules.structure.S017 import MissingFeeStatement
from reportlint_rules.structure.S018 import MissingAccountabilityContent
from reportlint_rules.structure.S019 import RowLabelTypo
from reportlint_rules.structure.S020 import SignatureAgencyMismatch
from reportlint_rules.structure.S021 import MissingStatisticsPeriod
from reportlint_rules.structure.S022 import TitleForm
from reportlint_rules.structure.S023 import OverviewAspectsMissing
from reportlint_rules.structure.S024 import ProblemsOrImprovementsMissing


@hookimpl
def reportlint_rule_pack() -> RulePack:
    """The S family."""
    return RulePack(
        name="structure",
        prefixes=("S",),
        rules=(
            MissingSection,
            SectionOutOfOrder,
            NonstandardSectionHeading,
            MissingTable,
            MisplacedTable,
            MissingTableRow,
            MissingTableColumn,
            ExtraTableRow,
            WrongValueCount,
            DuplicateTableRow,
            TableWithoutDataRow,
            HeaderLabelTypo,
            LeftoverFillInHint,
            TemplateVersionMismatch,
            TrialFormatDeviation,
            EmptyProblemsSection,
            MissingFeeStatement,
            MissingAccountabilityContent,
            RowLabelTypo,
            SignatureAgencyMismatch,
            MissingStatisticsPeriod,
            TitleForm,
            OverviewAspectsMissing,
            ProblemsOrImprovementsMissing,
        ),
    )
