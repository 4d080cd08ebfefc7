"""The statutory publication deadline of a report (条例第四十九条, template-spec §5)."""

from __future__ import annotations

from datetime import date

from reportlint.model import Report
from reportlint.options import Field
from reportlint.rulebase import RuleOptions
from reportlint_rules.dates._dates import is_township

_MONTH_DAY = r"^(0?[1-9]|1[0-2])-(0?[1-9]|[12]\d|3[01])$"


class DeadlineOptions(RuleOptions):
    """The deadlines, as month-day of the year after the report year."""

    department_deadline: str = Field(
        default="01-31",
        pattern=_MONTH_DAY,
        description="县级以上人民政府部门的公布期限（条例第四十九条），格式为 MM-DD。",
    )
    government_deadline: str = Field(
        default="03-31",
        pattern=_MONTH_DAY,
        description="县级以上地方人民政府的公布期限（条例第四十九条），格式为 MM-DD。",
    )
    township_deadline: str = Field(
        default="03-31",
        pattern=_MONTH_DAY,
        description="乡镇、街道的公布期限（条例第四十九条未作规定），格式为 MM-DD。",
    )
    check_townships: bool = Field(default=True, description="是否检查乡镇、街道的报告（设为 false 则不检查）。")


def deadline(report: Report, options: DeadlineOptions) -> tuple[date, str] | None:
    """The deadline for this report and the rule it comes from, or ``None`` if unknown."""
    year = report.title_year
    if year is None or report.agency_kind not in ("department", "government"):
        return None
    if is_township(report):
        if not options.check_townships:
            return None
        chosen = options.township_deadline
    elif report.agency_kind == "department":
        chosen = options.department_deadline
    else:
        chosen = options.government_deadline
    month, day = (int(part) for part in chosen.split("-"))
    try:
        limit = date(year + 1, month, day)
    except ValueError:  # 02-30 and the like pass the pattern
        return None
    if is_township(report):
        basis = f"条例第四十九条未规定乡镇、街道的期限，此处按{month}月{day}日检查"
    elif report.agency_kind == "department":
        basis = f"县级以上人民政府部门应在每年{month}月{day}日前公布上一年度的年度报告（条例第四十九条）"
    else:
        basis = f"县级以上地方人民政府的年度报告应在每年{month}月{day}日前公布（条例第四十九条）"
    return limit, basis
