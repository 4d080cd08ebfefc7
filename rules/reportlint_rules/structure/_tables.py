"""Shared knowledge of the S rules about tables: expected labels, header matching, versions.

Everything here reads the model (``Report``, ``ReportTable``) and the template
(``reportlint.model.templates``); nothing yields findings. The header labels are
those of template-spec §2.3–§3.5.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache

from reportlint import syntax
from reportlint.model import Report, ReportTable
from reportlint.model import templates as tpl
from reportlint.text import fold

T2, T3, T4 = "二", "三", "四"
TABLE_SECTION = {T2: 2, T3: 3, T4: 4}
TABLE_TITLES = {
    T2: "主动公开政府信息情况",
    T3: "收到和处理政府信息公开申请情况",
    T4: "政府信息公开行政复议、行政诉讼情况",
}
CN_DIGITS = "一二三四五六七八九十"

T3_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
T3_HEADER_LABELS = (T3_NOTE, "申请人情况", "法人或其他组织", *tpl.T3_COLUMNS)
T4_HEADER_LABELS = ("行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉", *tpl.T4_RESULTS)
T2_CAPTION_RE = re.compile(r"第二十条第\((一|二|三|四|五|六|七|八|九|十)\)项")

_TEMPLATE_PARENS = frozenset(
    fold(text)
    for text in (
        "（区分处理的，只计这一情形，不计其他情形）",
        "（单位：万元）",
        T3_NOTE,
        *(f"（{digit}）" for digit in CN_DIGITS),
    )
)
_UNIT_PARENS = frozenset({"(件)", "(条)", "(个)", "(项)", "(元)", "(万元)", "(次)", "(笔)"})
_PAREN_RE = re.compile(r"\([^()]{0,200}\)")
_TEMPLATE_NOTE_WORDS = ("区分处理", "勾稽关系")
_NUMBER_PAREN_RE = re.compile(r"^\(\d{1,2}\)$")
_HINT_PHRASE_RE = re.compile(r"应提供|负值表示|请填|填写|填报|填列|注:|说明:|指\d{4}年|如-\d")


def header_labels(kind: str) -> dict[str, str]:
    """The template header labels of table *kind* (both versions), folded → as printed."""
    if kind == T2:
        labels = ["信息内容"]
        for version in tpl.T2_BLOCKS.values():
            for block in version:
                labels.append(f"第二十条第{block.item}项")
                labels.extend(block.columns)
    else:
        labels = list(T3_HEADER_LABELS if kind == T3 else T4_HEADER_LABELS)
    return {fold(label): label for label in labels}


# --- fill-in hints -----------------------------------------------------------------
def hint_text(text: str) -> str | None:
    """The part of a table label that is a fill-in hint, not template wording, if any.

    A hint is a parenthesised note that is neither template wording, numbering nor a
    bare unit ("（指2019年事项数）", "（设区的市、自治州人民政府应提供相关数据）"), or
    an instruction phrase ("减用负值表示", "请填写").
    """
    folded = fold(text)
    for match in _PAREN_RE.finditer(folded):
        inner = match[0]
        if inner in _TEMPLATE_PARENS or inner in _UNIT_PARENS or _NUMBER_PAREN_RE.match(inner):
            continue
        if inner.startswith("(单位") or any(words in inner for words in _TEMPLATE_NOTE_WORDS):
            continue  # a unit, or template wording written a little differently
        return inner
    stripped = _PAREN_RE.sub("", folded)
    found = _HINT_PHRASE_RE.search(stripped)
    if found:
        return stripped[max(0, found.start() - 4) : found.end() + 8]
    return None


def strip_hints(folded: str) -> str:
    """A folded label without its non-template parenthesised notes."""

    def keep(match: re.Match[str]) -> str:
        return match[0] if match[0] in _TEMPLATE_PARENS else ""

    return _PAREN_RE.sub(keep, folded)


# --- header labels -------------------------------------------------------------------
class Match(Enum):
    """How a header cell relates to a template label."""

    EXACT = "exact"
    TYPO = "typo"
    NONE = "none"


def edit_distance(a: str, b: str, limit: int = 2) -> int:
    """Levenshtein distance of two short strings, capped at ``limit + 1``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i]
        for j, char_b in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return min(previous[-1], limit + 1)


@lru_cache(maxsize=4096)
def match_label(cell_text: str, label: str) -> Match:
    """Whether a header cell is *label* (hints allowed), a one-character typo of it, or neither."""
    folded = strip_hints(fold(cell_text))
    wanted = fold(label)
    if folded == wanted:
        return Match.EXACT
    if len(wanted) >= 4 and len(folded) <= 40 and edit_distance(folded, wanted, 1) <= 1:
        return Match.TYPO
    return Match.NONE


def closest_label(cell_text: str, labels: dict[str, str]) -> tuple[str | None, Match]:
    """The template label (as printed) a header cell is, or is a typo of."""
    folded = strip_hints(fold(cell_text))
    if folded in labels:
        return labels[folded], Match.EXACT
    for key, label in labels.items():
        if match_label(cell_text, key) is Match.TYPO:
            return label, Match.TYPO
    return None, Match.NONE


def t2_header_blocks(table: ReportTable) -> dict[str, list[syntax.Cell]]:
    """Table 二's header cells grouped by their 第二十条第（X）项 caption ("" before any)."""
    blocks: dict[str, list[syntax.Cell]] = {}
    current = ""
    for cell in table.header_cells:
        caption = T2_CAPTION_RE.search(fold(cell.text))
        if caption:
            current = f"（{caption[1]}）"
            blocks.setdefault(current, [cell])
            continue
        blocks.setdefault(current, []).append(cell)
    return blocks


# --- template versions ---------------------------------------------------------------
_T2_MARKERS = {
    tpl.V2019: ("新制作", "新公开", "对外公开总数", "上一年项目", "本年增", "采购项目", "采购总金额"),
    tpl.V2021: ("制发件数", "废止件数", "现行有效", "本年处理决定", "收费金额"),
}
_T2_ROW_MARKERS = {
    tpl.V2019: ("其他对外管理服务事项", "政府集中采购"),
    tpl.V2021: (),
}
T3_OTHER_ROWS = {tpl.V2019: ("（六）",), tpl.V2021: ("（六）1", "（六）2", "（六）3")}


@dataclass(frozen=True, slots=True)
class Marker:
    """A label in a table that belongs to one template version only."""

    version: str
    text: str
    line: int
    column: int


def t2_markers(table: ReportTable) -> list[Marker]:
    """Version-specific header cells and rows of table 二, in order."""
    found: list[Marker] = []
    for cell in table.header_cells:
        folded = fold(cell.text)
        for version, keywords in _T2_MARKERS.items():
            if any(keyword in folded for keyword in keywords):
                found.append(Marker(version, cell.text, cell.line, cell.column))
    for key, row in table.rows.items():
        if key in _T2_ROW_MARKERS[tpl.V2019]:
            found.append(Marker(tpl.V2019, row.label or key, row.line, row.column))
        elif "行政规范性文件" in fold(row.label):
            found.append(Marker(tpl.V2021, row.label, row.line, row.column))
    return sorted(found, key=lambda marker: (marker.line, marker.column))


def t3_markers(table: ReportTable) -> list[Marker]:
    """The （六）其他处理 rows of table 三, which differ between the versions."""
    found: list[Marker] = []
    for version, keys in T3_OTHER_ROWS.items():
        for key in keys:
            row = table.rows.get(key)
            if row is not None:
                found.append(Marker(version, row.label or key, row.line, row.column))
    return sorted(found, key=lambda marker: (marker.line, marker.column))


def table_version(markers: list[Marker]) -> str | None:
    """The version most markers belong to (``None`` when there are none or a tie)."""
    count_2019 = sum(marker.version == tpl.V2019 for marker in markers)
    count_2021 = sum(marker.version == tpl.V2021 for marker in markers)
    if count_2019 == count_2021:
        return None
    return tpl.V2019 if count_2019 > count_2021 else tpl.V2021


def title_year(report: Report) -> int | None:
    """The report year when the title states it (the model may take it from a cited document)."""
    if report.year is None or report.title is None or str(report.year) not in fold(report.title.text):
        return None
    return report.year


def expected_version(report: Report) -> str | None:
    """The format the report year calls for: 2019 trial for 2019–2020, 2021 from 2021 on.

    Without a year in the title, the version detected for the whole report, so that
    only a table mixing in the other version is found.
    """
    year = title_year(report)
    if year is None:
        return report.template.version
    if year < 2019:
        return None
    return tpl.V2019 if year <= 2020 else tpl.V2021


def t3_version(table: ReportTable) -> str | None:
    """Which （六） layout table 三 has: one row (2019) or three (2021)."""
    return table_version(t3_markers(table))


def section_of_line(report: Report, line: int) -> int | None:
    """The number of the section a line falls in (``None`` for the preamble)."""
    for number in report.section_order:
        section = report.sections[number]
        if section.line <= line <= max(section.end_line, section.line):
            return number
    return None


_FORMAT_NAMES = {
    tpl.V2019: "2019年试行格式（国办公开办函〔2019〕60号）",
    tpl.V2021: "2021年版格式（国办公开办函〔2021〕30号）",
}
_T3_LAYOUT = {
    tpl.V2019: "「（六）其他处理」只有一行",
    tpl.V2021: "「（六）其他处理」分为1.逾期不补正、2.逾期未缴纳费用、3.其他三行",
}


@dataclass(frozen=True, slots=True)
class VersionProblem:
    """A table, or part of one, in another template version than the report year calls for."""

    message: str
    line: int
    column: int
    length: int | None = None
    """Length of the label the problem is found at, when it is written on one line."""


def written_length(report: Report, text: str, line: int, column: int) -> int | None:
    """The length of *text* when it is written whole at (*line*, *column*), else ``None``.

    A row label joined from several cells, or a cell continued on the next line, has
    no single span on one line to underline.
    """
    if not text or not 0 < line <= len(report.lines):
        return None
    return len(text) if report.lines[line - 1].startswith(text, column - 1) else None


def _at_marker(report: Report, message: str, marker: Marker) -> VersionProblem:
    """The problem *message*, placed at *marker* (the first label of the other version)."""
    return VersionProblem(
        message, marker.line, marker.column, written_length(report, marker.text, marker.line, marker.column)
    )


def version_problems(report: Report) -> list[VersionProblem]:
    """Tables 二 and 三 whose labels belong to another version than the expected one.

    The expected version follows the report year (template-spec §3.6); without a year,
    the version detected for the whole report, so that a mix is still found.
    """
    expected = expected_version(report)
    if expected is None:
        return []
    titled = title_year(report)
    year = f"{titled}年度报告" if titled is not None else "本报告"
    problems: list[VersionProblem] = []
    t2 = report.tables.get(T2)
    if t2 is not None:
        foreign = [marker for marker in t2_markers(t2) if marker.version != expected]
        if foreign:
            labels = "、".join(dict.fromkeys(f"「{marker.text}」" for marker in foreign[:4]))
            whole = table_version(t2_markers(t2)) not in (expected, None)
            what = "整张表二使用" if whole else "表二混用了"
            message = f"{year}应使用{_FORMAT_NAMES[expected]}，但{what}{_FORMAT_NAMES[foreign[0].version]}的{labels}"
            problems.append(_at_marker(report, message, foreign[0]))
    t3 = report.tables.get(T3)
    if t3 is not None:
        foreign = [marker for marker in t3_markers(t3) if marker.version != expected]
        if foreign:
            other = foreign[0].version
            message = (
                f"{year}应使用{_FORMAT_NAMES[expected]}（表三{_T3_LAYOUT[expected]}），"
                f"但表三按{_FORMAT_NAMES[other]}填写：{_T3_LAYOUT[other]}"
            )
            problems.append(_at_marker(report, message, foreign[0]))
    return problems
