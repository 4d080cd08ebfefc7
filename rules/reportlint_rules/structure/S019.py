"""S019 row-label-typo: the rule class below holds its summary and documentation."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from reportlint import syntax
from reportlint.diagnostics import Finding, Severity
from reportlint.lazyre import lazy_compile
from reportlint.model import Report
from reportlint.model import templates as tpl
from reportlint.model.templates import T3
from reportlint.rulebase import Rule
from reportlint.text import fold
from reportlint_rules.structure._labels import Match, closest_label, edit_distance, header_labels, strip_hints

_SUB_NUMBER_RE = lazy_compile(r"^(\d{1,2}),")
_MIN_LENGTH = 5
_NUMBERING_RE = lazy_compile(r"^\([^()]{1,3}\)")


@lru_cache(maxsize=1)
def template_row_labels() -> dict[str, str]:
    """Every row label of table 三 in both versions, as cells hold them: folded → as printed.

    A label the template writes as group and item ("（三）不予公开 1.属于国家秘密") is
    held as its two cells and as one, since reports write it either way.
    """
    labels = {fold(tpl.T3_RESULTS_HEADING): tpl.T3_RESULTS_HEADING}
    for spec in tpl.T3_ROW_SPECS.values():
        group, _, item = spec.label.partition(" ")
        for text in (group, item, group + item) if item else (spec.label,):
            labels[_folded(text)] = text
    return labels


def _folded(text: str) -> str:
    """A label folded for comparison, "1、" written as "1.", notes in brackets dropped.

    A bracket at the start is the label's numbering ("（三）"), not a note: it is kept,
    so that "（三三）不予公开" stays a typo.
    """
    folded = fold(text)
    numbering = _NUMBERING_RE.match(folded)
    head = numbering.group() if numbering else ""
    return _SUB_NUMBER_RE.sub(r"\1.", head + strip_hints(folded[len(head) :]))


def _is_template(folded: str, labels: dict[str, str]) -> bool:
    """Whether a folded label is a template label, one cut short, or one with a note added.

    Cut short means by two characters or more (a label split over two cells, "（四）无" …
    "法提供"); a note added means text after the label that opens a bracket or runs
    three characters or more. One character more or less at the end is a typo.
    """
    for label in labels:
        if folded == label:
            return True
        if label.startswith(folded) and len(label) - len(folded) >= 2:
            return True
        if folded.startswith(label):
            extra = folded[len(label) :]
            if extra.startswith("(") or len(extra) >= 3:
                return True
    return False


def closest_row_label(text: str) -> str | None:
    """The template row label *text* is a near miss of, or ``None`` (exact, or unlike any)."""
    labels = template_row_labels()
    folded = _folded(text)
    if len(folded) < _MIN_LENGTH or _is_template(folded, labels):
        return None
    best: tuple[int, str] | None = None
    for key, label in labels.items():
        limit = 1 if len(key) < 8 else 2 if len(key) < 12 else 3  # of the template's label
        distance = edit_distance(folded, key, limit)
        if distance <= limit and (best is None or distance < best[0]):
            best = (distance, label)
    return best[1] if best else None


@lru_cache(maxsize=1)
def _t3_headers() -> dict[str, str]:
    return header_labels(T3)


@lru_cache(maxsize=4096)
def _row_label_typo(text: str) -> str | None:
    """The template row label a table-三 cell's *text* is a near miss of (``None`` for a
    header cell, an exact label or anything else).

    A function of the text alone, cached: every cell of table 三 is asked (its numbers
    too), and the same texts ("0", "1", the template's own labels) recur in every report.
    """
    if closest_label(text, _t3_headers())[1] is not Match.NONE:
        return None  # a header cell: S012 checks those
    return closest_row_label(text)


class RowLabelTypo(Rule):
    """检查内容：
        将表三的每个行名（一、本年新收…、三、本年度办理结果、（一）予以公开、1.属于国家秘密……，两个版本均包括在
        内）与模板的表述比对，与某个行名十分接近的予以报告：短行名错一字、少一字或多一字，长行名相差最多三个字
        （如“2.其他法律行政止公开”，少了三个字）。行名被截短或后接注释的，以及把“1.”写作“1、”的，不算错别字；表
        头单元格由 S012 检查，与所有模板行名都不相像的行名（报告增加的行）交由 S008 报告。

        本规则为警告级别，默认启用：在真实报告中，它恰好发现 SOURCES.md 所列的三处错别字，没有其他报告。

    为何重要：
        行名由统一格式固定（template-spec §2.4、§3.4）；其中的错别字会印在表格里，比对报告的读者或读取表格的工具
        可能认不出这一行。

    示例：
        「三三、本年度办理结果」（2019_pingtan-finance-bureau）；「2.其他法律行政止公开」
        （2023_huaian-hongze-district）。

    修改方法：
        从模板中复制行名：「三、本年度办理结果」「2.其他法律行政法规禁止公开」。
    """

    code = "S019"
    name = "row-label-typo"
    summary = "表三行标签与模板不一致（疑似错别字）"
    severity = Severity.WARNING

    def check(self, report: Report) -> Iterator[Finding]:
        """One finding per table-三 label cell that is a near miss of a template row label."""
        table = report.tables.get(T3)
        if table is None:
            return
        seen: set[str] = set()  # a merged label cell repeats on every row it spans: one fault
        for block in report.document.blocks:
            if not isinstance(block, syntax.Table) or not table.line <= block.line <= table.end_line:
                continue
            for row in block.rows:
                for cell in row.cells:
                    label = _row_label_typo(cell.text)
                    if label is None or cell.text.strip() in seen:
                        continue
                    seen.add(cell.text.strip())
                    message = f"表三行标签「{cell.text.strip()}」与模板不一致，应为「{label}」"
                    length = report.written_length(cell.text, cell.line, cell.column)
                    yield self.at_line(report, message, cell.line, cell.column, length=length)
