"""Which template version (2019 trial or 2021) a report and each of its tables follow.

The versions differ in table 二's columns and rows and in table 三's （六）其他处理 rows
(template-spec §3.6). Their markers, the labels found in one version only, are listed
here once; :func:`detect_version` judges the whole report from them while the model is
built, and :func:`table_markers` finds them, with their positions, in one interpreted
table, for the rules that report a table in the other version.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reportlint import syntax
from reportlint.model import templates as tpl
from reportlint.model.tables import ReportTable
from reportlint.text import fold

if TYPE_CHECKING:
    from reportlint.model.report import Report


@dataclass(frozen=True, slots=True)
class TemplateVersion:
    """Which official format the report follows, and why reportlint thinks so."""

    version: str | None
    reason: str


UNDETECTED = TemplateVersion(None, "未检测")
"""The version of a report whose tables have not been looked at (yet)."""


# --- the markers ----------------------------------------------------------------------
REPORT_MARKERS: dict[str, dict[str, str]] = {
    tpl.V2019: {
        "新制作": "表二列「本年新制作数量」",
        "新公开": "表二列「本年新公开数量」",
        "对外公开总数": "表二列「对外公开总数量」",
        "上一年项目": "表二列「上一年项目数量」",
        "对外管理服务": "表二行「其他对外管理服务事项」",
        "集中采购": "表二行「政府集中采购」",
    },
    tpl.V2021: {
        "制发件数": "表二列「本年制发件数」",
        "现行有效": "表二列「现行有效件数」",
        "行政规范性文件": "表二行「行政规范性文件」",
        "本年处理决定": "表二列「本年处理决定数量」",
        "收费金额": "表二列「本年收费金额」",
        "逾期不补正": "表三行「（六）1.申请人无正当理由逾期不补正」",
        "缴纳费用": "表三行「（六）2.申请人逾期未按收费通知要求缴纳费用」",
    },
}
"""Keywords of either version anywhere in tables 二 and 三, with what they name (for the reason)."""

T2_HEADER_MARKERS: dict[str, tuple[str, ...]] = {
    tpl.V2019: ("新制作", "新公开", "对外公开总数", "上一年项目", "本年增", "采购项目", "采购总金额"),
    tpl.V2021: ("制发件数", "废止件数", "现行有效", "本年处理决定", "收费金额"),
}
"""Keywords of table-二 header cells found in one version only."""
T2_ROW_MARKERS: dict[str, tuple[str, ...]] = {
    tpl.V2019: ("其他对外管理服务事项", "政府集中采购"),
    tpl.V2021: (),
}
"""Table-二 row keys of one version only (2021's 行政规范性文件 is told by its label)."""


# --- the whole report, while the model is built ----------------------------------------------
def detect_version(grouped: dict[str, list[syntax.Table]]) -> TemplateVersion:
    """The version whose markers (template-spec §3.6) tables 二 and 三 hold more of."""
    folded = "|".join(
        fold(cell.text)
        for kind in (tpl.T2, tpl.T3)
        for table in grouped.get(kind, [])
        for row in table.rows
        for cell in row.cells
        if cell.text
    )
    found = {
        version: tuple(name for marker, name in markers.items() if marker in folded)
        for version, markers in REPORT_MARKERS.items()
    }
    version = majority(len(found[tpl.V2019]), len(found[tpl.V2021]))
    if version is None:
        return TemplateVersion(None, "表二、表三中没有足以判断格式版本的标志")
    return TemplateVersion(version, f"{version}年版格式：" + "、".join(found[version]))


def majority(count_2019: int, count_2021: int) -> str | None:
    """The version with more markers; ``None`` on a tie (none at all included)."""
    if count_2019 == count_2021:
        return None
    return tpl.V2019 if count_2019 > count_2021 else tpl.V2021


# --- one interpreted table ------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Marker:
    """A label in a table that belongs to one template version only, where it is written."""

    version: str
    text: str
    line: int
    column: int


def table_markers(table: ReportTable) -> list[Marker]:
    """The version-specific labels of table 二 (header cells and rows) or 三 (（六） rows), in order."""
    found: list[Marker] = []
    if table.kind == tpl.T2:
        for cell in table.header_cells:
            folded = fold(cell.text)
            for version, keywords in T2_HEADER_MARKERS.items():
                if any(keyword in folded for keyword in keywords):
                    found.append(Marker(version, cell.text, cell.line, cell.column))
        for key, row in table.rows.items():
            if key in T2_ROW_MARKERS[tpl.V2019]:
                found.append(Marker(tpl.V2019, row.label or key, row.line, row.column))
            elif tpl.T2_NORMATIVE[tpl.V2021] in fold(row.label):
                found.append(Marker(tpl.V2021, row.label, row.line, row.column))
    elif table.kind == tpl.T3:
        for version, keys in tpl.T3_OTHER_ROWS.items():
            for key in keys:
                data_row = table.rows.get(key)
                if data_row is not None:
                    found.append(Marker(version, data_row.label or key, data_row.line, data_row.column))
    return sorted(found, key=lambda marker: (marker.line, marker.column))


def markers_version(markers: Iterable[Marker]) -> str | None:
    """The version most of *markers* belong to (``None`` when there are none or a tie)."""
    versions = [marker.version for marker in markers]
    return majority(versions.count(tpl.V2019), versions.count(tpl.V2021))


def table_version(table: ReportTable) -> str | None:
    """The version table 二 or 三 itself follows, by its own markers (``None`` if undecided)."""
    return markers_version(table_markers(table))


def expected_version(report: Report) -> str | None:
    """The format the report must follow: the one its title year calls for.

    Without a year in the title, the version detected for the whole report, so that
    only a table mixing in the other version is found.
    """
    year = report.title_year
    if year is None:
        return report.template.version
    return tpl.version_for_year(year)
