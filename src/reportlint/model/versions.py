"""Which template version (2019 trial or 2021) a report and each of its tables follow.

The versions differ in table 二's columns and rows and in table 三's （六）其他处理 rows
(template-spec §3.6). Their markers, the labels found in one version only, are listed
here once (:data:`MARKERS`); :func:`table_markers` finds them, with their positions, in
an interpreted table, and the version of the whole report (:func:`detect_version`) and
of one table (:func:`table_version`) is the one most of them belong to.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from reportlint.model import templates as tpl
from reportlint.model.tables import ReportTable
from reportlint.records import record
from reportlint.text import fold

if TYPE_CHECKING:
    from reportlint.model.report import Report


@record(frozen=True, slots=True)
class TemplateVersion:
    """Which official format the report follows, and why reportlint thinks so."""

    version: str | None
    reason: str


UNDETECTED = TemplateVersion(None, "未检测")
"""The version of a report whose tables have not been looked at (yet)."""


# --- the markers ----------------------------------------------------------------------
T2_HEADER, T2_ROW_KEY, T2_ROW_LABEL, T3_ROW_KEY = "t2-header", "t2-row-key", "t2-row-label", "t3-row-key"
"""Where a marker is looked for: in a table-二 header cell, as a table-二 row's key or in its
label, or as a table-三 row's key."""


@record(frozen=True, slots=True)
class MarkerSpec:
    """A label that belongs to one template version only (template-spec §3.6)."""

    version: str
    where: str
    text: str
    """A keyword of the folded header cell or row label, or the row's key."""
    reason: str = ""
    """How the reason for the detected version names it (``""``: it counts, but is not named)."""


MARKERS = (
    MarkerSpec(tpl.V2019, T2_HEADER, "新制作", "表二列「本年新制作数量」"),
    MarkerSpec(tpl.V2019, T2_HEADER, "新公开", "表二列「本年新公开数量」"),
    MarkerSpec(tpl.V2019, T2_HEADER, "对外公开总数", "表二列「对外公开总数量」"),
    MarkerSpec(tpl.V2019, T2_HEADER, "上一年项目", "表二列「上一年项目数量」"),
    MarkerSpec(tpl.V2019, T2_HEADER, "本年增"),
    MarkerSpec(tpl.V2019, T2_HEADER, "采购项目"),
    MarkerSpec(tpl.V2019, T2_HEADER, "采购总金额"),
    MarkerSpec(tpl.V2019, T2_ROW_KEY, "其他对外管理服务事项", "表二行「其他对外管理服务事项」"),
    MarkerSpec(tpl.V2019, T2_ROW_KEY, "政府集中采购", "表二行「政府集中采购」"),
    MarkerSpec(tpl.V2019, T3_ROW_KEY, "（六）"),
    MarkerSpec(tpl.V2021, T2_HEADER, "制发件数", "表二列「本年制发件数」"),
    MarkerSpec(tpl.V2021, T2_HEADER, "废止件数"),
    MarkerSpec(tpl.V2021, T2_HEADER, "现行有效", "表二列「现行有效件数」"),
    MarkerSpec(tpl.V2021, T2_ROW_LABEL, tpl.T2_NORMATIVE[tpl.V2021], "表二行「行政规范性文件」"),
    MarkerSpec(tpl.V2021, T2_HEADER, "本年处理决定", "表二列「本年处理决定数量」"),
    MarkerSpec(tpl.V2021, T2_HEADER, "收费金额", "表二列「本年收费金额」"),
    MarkerSpec(tpl.V2021, T3_ROW_KEY, "（六）1", "表三行「（六）1.申请人无正当理由逾期不补正」"),
    MarkerSpec(tpl.V2021, T3_ROW_KEY, "（六）2", "表三行「（六）2.申请人逾期未按收费通知要求缴纳费用」"),
    MarkerSpec(tpl.V2021, T3_ROW_KEY, "（六）3"),
)
"""Every version marker, each version's in the order the reason names them."""


@record(frozen=True, slots=True)
class Marker:
    """A version marker found in a table, where it is written."""

    version: str
    text: str
    line: int
    column: int


_BY_WHERE: dict[str, tuple[MarkerSpec, ...]] = {}
for _spec in MARKERS:
    _BY_WHERE[_spec.where] = (*_BY_WHERE.get(_spec.where, ()), _spec)


def _specs(where: str) -> tuple[MarkerSpec, ...]:
    """The markers looked for in *where*, listed once (not for every cell of every report)."""
    return _BY_WHERE.get(where, ())


def table_markers(table: ReportTable) -> list[Marker]:
    """The version markers of table 二 (header cells and rows) or 三 (（六） rows), in text order.

    A header cell counts once per version, however many of its keywords it holds.
    Found once per table (kept on it): the report's version and several rules ask.
    """
    if table.version_markers is None:
        table.version_markers = _find_markers(table)
    return list(table.version_markers)


def _find_markers(table: ReportTable) -> list[Marker]:
    found: list[Marker] = []
    if table.kind == tpl.T2:
        for cell in table.header_cells:
            folded = fold(cell.text)
            held = {spec.version for spec in _specs(T2_HEADER) if spec.text in folded}
            for version in tpl.VERSIONS:
                if version in held:
                    found.append(Marker(version, cell.text, cell.line, cell.column))
        for key, row in table.rows.items():
            by_key = [spec for spec in _specs(T2_ROW_KEY) if spec.text == key]
            by_label = [spec for spec in _specs(T2_ROW_LABEL) if spec.text in fold(row.label)]
            for spec in (by_key or by_label)[:1]:
                found.append(Marker(spec.version, row.label or key, row.line, row.column))
    elif table.kind == tpl.T3:
        for spec in _specs(T3_ROW_KEY):
            data_row = table.rows.get(spec.text)
            if data_row is not None:
                found.append(Marker(spec.version, data_row.label or spec.text, data_row.line, data_row.column))
    return sorted(found, key=lambda marker: (marker.line, marker.column))


def _present(spec: MarkerSpec, tables: Mapping[str, ReportTable]) -> bool:
    """Whether the marker *spec* is in *tables*."""
    table = tables.get(tpl.T3 if spec.where == T3_ROW_KEY else tpl.T2)
    if table is None:
        return False
    if spec.where == T2_HEADER:
        return any(spec.text in fold(cell.text) for cell in table.header_cells)
    if spec.where == T2_ROW_LABEL:
        return any(spec.text in fold(row.label) for row in table.rows.values())
    return spec.text in table.rows


def majority(count_2019: int, count_2021: int) -> str | None:
    """The version with more markers; ``None`` on a tie (none at all included)."""
    if count_2019 == count_2021:
        return None
    return tpl.V2019 if count_2019 > count_2021 else tpl.V2021


def markers_version(markers: Iterable[Marker]) -> str | None:
    """The version most of *markers* belong to (``None`` when there are none or a tie)."""
    versions = [marker.version for marker in markers]
    return majority(versions.count(tpl.V2019), versions.count(tpl.V2021))


def table_version(table: ReportTable) -> str | None:
    """The version table 二 or 三 itself follows, by its own markers (``None`` if undecided)."""
    return markers_version(table_markers(table))


def detect_version(tables: Mapping[str, ReportTable]) -> TemplateVersion:
    """The version of the whole report: the one most markers of tables 二 and 三 belong to.

    The reason names the markers of that version the tables hold.
    """
    markers = [marker for kind in (tpl.T2, tpl.T3) if kind in tables for marker in table_markers(tables[kind])]
    version = markers_version(markers)
    if version is None:
        return TemplateVersion(None, "表二、表三中没有足以判断格式版本的标志")
    named = [spec.reason for spec in MARKERS if spec.version == version and spec.reason and _present(spec, tables)]
    return TemplateVersion(version, f"{version}年版格式：" + "、".join(named))


def expected_version(report: Report) -> str | None:
    """The format the report must follow: the one its title year calls for.

    Without a year in the title, the version detected for the whole report, so that
    only a table mixing in the other version is found.
    """
    year = report.title_year
    if year is None:
        return report.template.version
    return tpl.version_for_year(year)
