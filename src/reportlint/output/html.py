"""``--format html``: one self-contained page per run, in Chinese, for the people who fix reports.

For each report: a summary by severity and family, the report's text with every
finding highlighted where it is and numbered, its message beside the line, and tables
二, 三 and 四 drawn from the model with the cells behind each arithmetic finding marked.
With more than one report an overview comes first (sortable, grouped by agency).

Safety: every piece of report text goes through :func:`html.escape` (quotes included),
no attribute or script is built from report text, and a Content-Security-Policy allows
only this page's own stylesheet and script, by hash, so even a mistake in escaping
could not run anything. The page loads nothing from the network and works opened
from disk.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Sequence
from functools import cache
from html import escape
from importlib.resources import files

from reportlint import __version__
from reportlint.diagnostics import Diagnostic, Severity
from reportlint.model import Report
from reportlint.output.context import RunContext
from reportlint.output.html_tables import CellMarks, Mark, attr, draw_tables
from reportlint.output.overview import (
    KEY_FIGURE_NAMES,
    SEVERITY_NAMES,
    KeyFigures,
    by_path,
    counts,
    family,
    family_name,
    key_figures,
)
from reportlint.records import record

NO_AGENCY = "（未识别发布机关）"


@cache
def _asset(name: str) -> str:
    return (files("reportlint.output") / "html_assets" / name).read_text(encoding="utf-8")


def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def content_security_policy(css: str, script: str) -> str:
    """Nothing but this page's own stylesheet and script, named by their hashes."""
    return (
        f"default-src 'none'; style-src '{_sha256(css)}'; script-src '{_sha256(script)}'; "
        "img-src 'none'; base-uri 'none'; form-action 'none'"
    )


@record(frozen=True, slots=True)
class Numbered:
    """A finding with its number in its report."""

    number: int
    diagnostic: Diagnostic

    @property
    def severity(self) -> str:
        """``error`` or ``warning``, as used in CSS classes."""
        return self.diagnostic.severity.value


def format_html(diagnostics: Sequence[Diagnostic], context: RunContext) -> str:
    """The whole page: overview (with several reports), then one section per report."""
    grouped = by_path(diagnostics)
    paths = list(dict.fromkeys([*context.files, *grouped]))
    ids = {path: f"r{index}" for index, path in enumerate(paths, 1)}
    sections = [_report_section(ids[path], path, grouped.get(path, []), context) for path in paths]
    total = counts(diagnostics)
    summary = (
        f'<p class="muted">检查了 {len(paths)} 个文件，发现 {total.total} 个问题'
        f"（{total.by_severity[Severity.ERROR]} 个错误，{total.by_severity[Severity.WARNING]} 个警告）。"
        f"由 reportlint {attr(__version__)} 生成。</p>"
    )
    overview = _overview(paths, ids, grouped, context) if len(paths) > 1 else ""
    css, script = _asset("report.css"), _asset("report.js")
    return (
        "<!DOCTYPE html>\n"
        '<html lang="zh-CN"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{attr(content_security_policy(css, script))}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        "<title>reportlint 检查结果</title>"
        f"<style>{css}</style></head><body>"
        f"<h1>政府信息公开工作年度报告检查结果</h1>{summary}{overview}{''.join(sections)}"
        f"<script>{script}</script></body></html>\n"
    )


# -- overview ---------------------------------------------------------------------------
_OVERVIEW_COLUMNS = (
    ("文件", "text"),
    ("年度", "num"),
    ("格式版本", "text"),
    ("错误", "num"),
    ("警告", "num"),
    *((name, "num") for name in KEY_FIGURE_NAMES),
)


def _overview(paths: list[str], ids: dict[str, str], grouped: dict[str, list[Diagnostic]], context: RunContext) -> str:
    """A table of every report, one group per agency, sortable by any column."""
    by_agency: dict[str, list[str]] = {}
    for path in paths:
        report = context.reports.get(path)
        by_agency.setdefault((report.agency if report else None) or NO_AGENCY, []).append(path)
    head = "".join(
        f'<th><button type="button" data-column="{index}" data-type="{kind}">{name}</button></th>'
        for index, (name, kind) in enumerate(_OVERVIEW_COLUMNS)
    )
    groups = []
    for agency in sorted(by_agency, key=lambda name: (name == NO_AGENCY, name)):
        rows = [
            _overview_row(path, ids[path], grouped.get(path, []), context.reports.get(path))
            for path in by_agency[agency]
        ]
        groups.append(
            f'<tbody><tr class="group-head"><th colspan="{len(_OVERVIEW_COLUMNS)}">{attr(agency)}'
            f'<span class="muted">　{len(rows)} 份</span></th></tr>{"".join(rows)}</tbody>'
        )
    return (
        '<section id="overview"><h2>总览</h2>'
        '<p class="muted">按发布机关分组；点击列名排序（在各机关组内）。点击文件名跳到该报告。</p>'
        f'<table class="overview"><thead><tr>{head}</tr></thead>{"".join(groups)}</table></section>'
    )


def _overview_row(path: str, anchor: str, diagnostics: list[Diagnostic], report: Report | None) -> str:
    found = counts(diagnostics)
    figures = key_figures(report) if report is not None and report.readable else None
    numbers = _figure_values(figures)
    values: list[tuple[str, str]] = [
        (path, f'<a href="#{anchor}">{attr(path)}</a>'),
        (str(report.year or "") if report else "", attr(str(report.year or "")) if report else ""),
        ((report.template.version or "") if report else "", attr((report.template.version or "") if report else "")),
        (str(found.by_severity[Severity.ERROR]), str(found.by_severity[Severity.ERROR])),
        (str(found.by_severity[Severity.WARNING]), str(found.by_severity[Severity.WARNING])),
        *((raw, attr(shown)) for raw, shown in numbers),
    ]
    cells = "".join(f'<td data-v="{attr(raw)}">{shown}</td>' for raw, shown in values)
    return f'<tr class="row">{cells}</tr>'


def _figure_values(figures: KeyFigures | None) -> list[tuple[str, str]]:
    """(sort value, shown text) of each key figure; blanks when the report has no model."""
    if figures is None:
        return [("", "")] * len(KEY_FIGURE_NAMES)
    pairs = zip(figures.values(), figures.shown(), strict=True)
    return [("" if value is None else repr(value), shown) for value, shown in pairs]


# -- one report -------------------------------------------------------------------------
def _report_section(anchor: str, path: str, diagnostics: list[Diagnostic], context: RunContext) -> str:
    report = context.reports.get(path)
    numbered = [Numbered(index, diagnostic) for index, diagnostic in enumerate(diagnostics, 1)]
    title = report.title.text if report is not None and report.title is not None else path
    lines = report.lines if report is not None and report.readable else context.sources.get(path, [])
    marks = _cell_marks(numbered)
    tables = draw_tables(report, marks, anchor) if report is not None and report.readable else ""
    return (
        f'<section class="report" id="{anchor}" data-path="{attr(path)}"><h2>{attr(title)}</h2>'
        f"{_meta(path, report)}{_summary(numbered)}{_figures(report)}"
        f"<h3>报告原文</h3>{_unplaced(anchor, numbered, lines, marks)}{_text(anchor, lines, numbered)}"
        + (f"<h3>表格（按模板排列）</h3>{tables}" if tables else "")
        + "</section>"
    )


def _meta(path: str, report: Report | None) -> str:
    parts = [f"<span>文件：{attr(path)}</span>"]
    if report is not None:
        kinds = {"government": "人民政府", "department": "政府部门"}
        if report.agency:
            kind = kinds.get(report.agency_kind or "", "")
            parts.append(f"<span>发布机关：{attr(report.agency)}" + (f"（{kind}）" if kind else "") + "</span>")
        if report.year:
            parts.append(f"<span>年度：{report.year}</span>")
        parts.append(f"<span>格式：{attr(report.template.reason)}</span>")
    return f'<p class="meta">{"".join(parts)}</p>'


def _summary(numbered: list[Numbered]) -> str:
    """Counts by severity, and a table by family × severity."""
    found = counts(n.diagnostic for n in numbered)
    if not found.total:
        return '<p class="summary"><span class="pill clean">未发现问题</span></p>'
    pills = "".join(
        f'<span class="pill sev-{severity.value}">{SEVERITY_NAMES[severity]} {found.by_severity[severity]}</span>'
        for severity in Severity
    )
    rows = []
    for prefix in sorted(found.by_family, key=lambda p: (-found.by_family[p], p)):
        per = counts(n.diagnostic for n in numbered if family(n.diagnostic.code) == prefix)
        cells = "".join(f'<td class="num">{per.by_severity[severity]}</td>' for severity in Severity)
        rows.append(
            f'<tr data-family="{attr(prefix)}"><th class="label">{attr(prefix)} {attr(family_name(prefix))}</th>'
            f'{cells}<td class="num">{per.total}</td></tr>'
        )
    head = "".join(f"<th>{SEVERITY_NAMES[severity]}</th>" for severity in Severity)
    return (
        f'<div class="summary"><p>{pills}</p>'
        f'<table class="families"><thead><tr><th>类别</th>{head}<th>合计</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


def _figures(report: Report | None) -> str:
    if report is None or not report.readable:
        return ""
    shown = key_figures(report).shown()
    items = "".join(
        f"<dt>{name}</dt><dd>{attr(value) or '—'}</dd>" for name, value in zip(KEY_FIGURE_NAMES, shown, strict=True)
    )
    return f'<dl class="figures">{items}</dl>'


# -- findings on cells ------------------------------------------------------------------
def _cell_marks(numbered: list[Numbered]) -> CellMarks:
    """The evidence cells of every arithmetic finding; the finding's own cell carries the expected value."""
    marks = CellMarks()
    for item in numbered:
        evidence = item.diagnostic.evidence
        if evidence is None or not evidence.cells:
            continue
        d = item.diagnostic
        own = [cell for cell in evidence.cells if (cell.line, cell.column_number) == (d.line, d.column)]
        target = own[0] if own else evidence.cells[0]
        for cell in evidence.cells:
            expected = evidence.expected if cell is target else None
            marks.add((cell.table, cell.row, cell.column), Mark(item.number, item.severity, expected))
    return marks


# -- the text ----------------------------------------------------------------------------
@record(frozen=True, slots=True)
class _Span:
    """Part of one finding on one line: characters [start, end) of that line."""

    start: int
    end: int
    item: Numbered
    first: bool
    """Whether the finding starts here (its number badge goes here)."""


def finding_spans(diagnostic: Diagnostic, lines: Sequence[str]) -> dict[int, tuple[int, int]]:
    """Line number → the [start, end) characters a finding covers on it (0-based, end exclusive).

    A finding with an extent covers it; one without covers one character, or, on a
    table cell's line (``TAB`` then the value), the cell's whole text.
    """
    d = diagnostic
    if not 0 < d.line <= len(lines):
        return {}
    text = lines[d.line - 1]
    start = min(max(d.column - 1, 0), len(text))
    end_line, end_column = d.end_line, d.end_column
    if end_line is None or end_column is None or (end_line, end_column) <= (d.line, d.column):
        end = len(text) if text.startswith("\t") else min(start + 1, len(text))
        return {d.line: (start, end)}
    spans = {d.line: (start, len(text) if end_line > d.line else min(max(end_column - 1, start), len(text)))}
    for number in range(d.line + 1, min(end_line, len(lines)) + 1):
        line = lines[number - 1]
        spans[number] = (0, len(line) if number < end_line else min(max(end_column - 1, 0), len(line)))
    return spans


def _text(anchor: str, lines: Sequence[str], numbered: list[Numbered]) -> str:
    """Every line of the text, with highlights and, beside it, the messages of findings starting there."""
    on_line: dict[int, list[_Span]] = {}
    starting: dict[int, list[Numbered]] = {}
    for item in numbered:
        spans = finding_spans(item.diagnostic, lines)
        for number, (start, end) in spans.items():
            on_line.setdefault(number, []).append(_Span(start, end, item, number == item.diagnostic.line))
        if spans:
            starting.setdefault(item.diagnostic.line, []).append(item)
    rows = []
    for number, line in enumerate(lines, 1):
        notes = starting.get(number, [])
        listed = "".join(_note(anchor, item) for item in notes)
        text = _highlighted(anchor, line, on_line.get(number, []))
        rows.append(
            f'<div class="line{" has-notes" if notes else ""}" id="{anchor}-L{number}">'
            f'<span class="ln">{number}</span><span class="tx">{text}</span>'
            + (f'<ol class="notes">{listed}</ol>' if listed else "")
            + "</div>"
        )
    return f'<div class="text">{"".join(rows)}</div>'


def _highlighted(anchor: str, line: str, spans: list[_Span]) -> str:
    """*line* escaped, split at every span boundary; each piece marked with the findings covering it."""
    if not spans:
        return escape(line, quote=True)
    cuts = sorted({0, len(line), *(s.start for s in spans), *(s.end for s in spans)})
    out = []
    for index, start in enumerate(cuts):
        for span in spans:
            if span.start == start:
                if span.first:
                    out.append(_badge(anchor, span.item))
                if span.start == span.end:
                    out.append(_mark([span.item], ""))
        if index + 1 == len(cuts):
            break
        end = cuts[index + 1]
        covering = [s.item for s in spans if s.start <= start and end <= s.end and s.start < s.end]
        piece = escape(line[start:end], quote=True)
        out.append(_mark(covering, piece) if covering else piece)
    return "".join(out)


def _badge(anchor: str, item: Numbered) -> str:
    return f'<a class="badge sev-{item.severity}" href="#{anchor}-f{item.number}" data-n="{item.number}"></a>'


def _mark(items: list[Numbered], piece: str) -> str:
    worst = "error" if any(item.severity == Severity.ERROR.value for item in items) else "warning"
    empty = "" if piece else " empty"
    numbers = " ".join(str(item.number) for item in items)
    return f'<mark class="hl sev-{worst}{empty}" data-f="{numbers}">{piece}</mark>'


def _note(anchor: str, item: Numbered) -> str:
    d = item.diagnostic
    origin = f"（原文位置：{attr(d.origin.where)}）" if d.origin is not None else ""
    return (
        f'<li id="{anchor}-f{item.number}" class="note" data-code="{attr(d.code)}">'
        f'<span class="n sev-{item.severity}">{item.number}</span>'
        f'<code>{attr(d.code)}</code> <span class="sev-{item.severity}">{SEVERITY_NAMES[d.severity]}</span>　'
        f"{attr(d.message)}{origin}{_suggestion(d)}</li>"
    )


def _suggestion(d: Diagnostic) -> str:
    """The finding's fix and whether it is certain (``--fix`` applies it) or to be checked first."""
    if d.fix is None or not d.fix.edits:
        return ""
    mark = "可自动修复" if d.fix.safe else "需核对后修改"
    return f'<span class="fix{"" if d.fix.safe else " unsafe"}">建议修改：{attr(d.fix.title)}（{mark}）</span>'


def _unplaced(anchor: str, numbered: list[Numbered], lines: Sequence[str], marks: CellMarks) -> str:
    """Findings the text cannot show (no such line), and evidence cells no drawn table has."""
    items = [_note(anchor, item) for item in numbered if not finding_spans(item.diagnostic, lines)]
    missing = sorted(set(marks.cells) - marks.drawn)
    for table, row, column in missing:
        numbers = "、".join(str(mark.number) for mark in marks.cells[(table, row, column)])
        where = f"表{attr(table)}「{attr(row)}」行「{attr(column)}」列"
        items.append(f"<li>第 {numbers} 个问题所依据的单元格：{where}（表格中没有画出）</li>")
    return f'<ol class="notes unplaced">{"".join(items)}</ol>' if items else ""
