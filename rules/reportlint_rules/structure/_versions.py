"""The S rules' finding on template versions: tables 二 and 三 in another version than the year's.

S014 (years from 2020) and S015 (2019, a warning) report the same problems; the markers
and the expected version come from :mod:`reportlint.model.versions`.
"""

from __future__ import annotations

from reportlint.model import Report
from reportlint.model import templates as tpl
from reportlint.model.templates import T2, T3
from reportlint.model.versions import Marker, expected_version, markers_version, table_markers
from reportlint.records import record

_T3_LAYOUT = {
    tpl.V2019: "「（六）其他处理」只有一行",
    tpl.V2021: "「（六）其他处理」分为1.逾期不补正、2.逾期未缴纳费用、3.其他三行",
}


@record(frozen=True, slots=True)
class VersionProblem:
    """A table, or part of one, in another template version than the report year calls for."""

    message: str
    line: int
    column: int
    length: int | None = None
    """Length of the label the problem is found at, when it is written on one line."""


def _at_marker(report: Report, message: str, marker: Marker) -> VersionProblem:
    """The problem *message*, placed at *marker* (the first label of the other version)."""
    length = report.written_length(marker.text, marker.line, marker.column)
    return VersionProblem(message, marker.line, marker.column, length)


def version_problems(report: Report) -> list[VersionProblem]:
    """Tables 二 and 三 whose labels belong to another version than the expected one.

    The expected version follows the report year (template-spec §3.6); without a year,
    the version detected for the whole report, so that a mix is still found.
    """
    expected = expected_version(report)
    if expected is None:
        return []
    titled = report.title_year
    year = f"{titled}年度报告" if titled is not None else "本报告"
    names = tpl.FORMAT_NAMES
    problems: list[VersionProblem] = []
    t2 = report.tables.get(T2)
    if t2 is not None:
        markers = table_markers(t2)
        foreign = [marker for marker in markers if marker.version != expected]
        if foreign:
            labels = "、".join(dict.fromkeys(f"「{marker.text}」" for marker in foreign[:4]))
            whole = markers_version(markers) not in (expected, None)
            what = "整张表二使用" if whole else "表二混用了"
            message = f"{year}应使用{names[expected]}，但{what}{names[foreign[0].version]}的{labels}"
            problems.append(_at_marker(report, message, foreign[0]))
    t3 = report.tables.get(T3)
    if t3 is not None:
        foreign = [marker for marker in table_markers(t3) if marker.version != expected]
        if foreign:
            other = foreign[0].version
            message = (
                f"{year}应使用{names[expected]}（表三{_T3_LAYOUT[expected]}），"
                f"但表三按{names[other]}填写：{_T3_LAYOUT[other]}"
            )
            problems.append(_at_marker(report, message, foreign[0]))
    return problems
