"""S014 template-version-mismatch: the rule class below holds its summary and documentation."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.diagnostics import Finding
from reportlint.model import Report
from reportlint.rulebase import Rule
from reportlint_rules.structure._versions import version_problems


class TemplateVersionMismatch(Rule):
    """What it does:
        For reports of 2020 and later, reports table 二 or 三 when its labels belong to
        another template version than the year requires: 2020 reports use the 2019
        trial format (国办公开办函〔2019〕60号), reports from 2021 on the 2021 format
        (〔2021〕30号). Markers are those of template-spec §3.6 (表二 columns and rows;
        表三 （六）其他处理 as one row or three). A table that mixes the two versions is
        reported too. One finding per table, at its first label of the wrong version.
        Without a report year, the version detected for the whole report is expected.

    Why it matters:
        Reports must use the current unified format (条例第五十条; 〔2021〕30号 for 2021
        reports on, template-spec §3.1); a table in the old layout reports figures the
        template no longer asks for and omits those it does (e.g. 信息处理费 notices in
        （六）2).

    Example:
        2023_huaian-hongze-district: 表二 in the 2021 format, but 表三 has the 2019 single
        row 「（六）其他处理」.

    Fix:
        Copy the tables from the format of the report year and transfer the figures.
    """

    code = "S014"
    name = "template-version-mismatch"
    summary = "表格格式版本与报告年度不符"

    def check(self, report: Report) -> Iterator[Finding]:
        """One finding per table in another version than the year's (years ≥ 2020 or unknown)."""
        year = report.title_year
        if year is not None and year < 2020:
            return
        for problem in version_problems(report):
            yield self.at_line(report, problem.message, problem.line, problem.column, length=problem.length)
