"""Template tables whose labels are in the report but which the model could not build.

A table that reaches the model in a layout the grammar does not know (the column
layout ``pdftotext -layout`` makes, a table flattened into prose) leaves its labels
behind as ordinary lines: 「一、本年新收政府信息公开申请数量 3001 53 …」. Without a
table nothing in it is checked, so a report that looks clean may hide every fault
of its tables. This module finds those labels, so that the run says so (P004)
instead of passing silently.
"""

from __future__ import annotations

from collections.abc import Iterator

from reportlint import syntax
from reportlint.lazyre import lazy_compile
from reportlint.model import templates as tpl
from reportlint.model.tables import classify
from reportlint.model.templates import T2, T3, T4, TABLE_TITLES
from reportlint.records import record
from reportlint.text import fold

_T3_LABELS = (
    *(spec.label.split(" ")[-1] for spec in tpl.T3_ROWS[tpl.V2021] if spec.key != "（六）3"),
    tpl.T3_APPLICANTS,
    tpl.T3_LEGAL_PERSONS,
    *tpl.T3_APPLICANT_COLUMNS[:-1],
)
_T4_LABELS = (*tpl.T4_SUITS, *tpl.T4_RESULTS[:-1])
_T2_LABELS = (
    "信息内容",
    *tpl.T2_DOCUMENT_COLUMNS[tpl.V2021],
    *tpl.T2_DOCUMENT_COLUMNS[tpl.V2019],
    "规章",
    "行政规范性文件",
    "规范性文件",
    "行政许可",
    "行政处罚",
    "行政强制",
    "行政事业性收费",
    "政府集中采购",
    "本年处理决定数量",
)
_NUMBERING_RE = lazy_compile(r"^(?:[一二三四五六七八九十]+[,.、]|\([一二三四五六七八九十]+\)|\d{1,2}[.,、])+")
_NOISE_RE = lazy_compile(r"[\s\d.,\-/、:;()（）%]+")
_FIELD_GAP_RE = lazy_compile(r"[ \u3000\t]{2,}")
_MIN_LABELS = {T2: 2, T3: 3, T4: 2}
"""How many different labels of a table make it "plainly there"."""
_SLACK = 8
"""Characters a label line may carry beyond its label (a unit, a hint, a typo)."""


@record(frozen=True, slots=True)
class UnreadTable:
    """A template table seen by its labels only: which, where, and the labels found."""

    kind: str
    line: int
    column: int
    labels: tuple[str, ...]

    @property
    def message(self) -> str:
        """What P004 says."""
        shown = "」「".join(self.labels[:3])
        return (
            f"这里似乎是表{self.kind}（{TABLE_TITLES[self.kind]}）：有「{shown}」等模板标签，"
            "但无法把它读成表格，表中数字均未检查（请把表格整理为每行一格或每行一排以 TAB 分隔）"
        )


def _label_lines(blocks: tuple[syntax.Block, ...]) -> Iterator[syntax.Line]:
    """Lines that are not part of a recognised table: prose, and rows of unrecognised tables."""
    for block in blocks:
        if isinstance(block, syntax.Table):
            if classify(block) is None:
                for row in block.rows:
                    text = "".join(cell.text for cell in row.cells)
                    yield syntax.Line(text, row.line, row.cells[0].column if row.cells else 1)
        else:
            yield block


def _label_of(folded: str, labels: tuple[str, ...]) -> str | None:
    """The template label *folded* consists of (numbering and numbers aside), if any."""
    bare = _NOISE_RE.sub("", _NUMBERING_RE.sub("", folded))
    for label in labels:
        key = _NOISE_RE.sub("", fold(label))
        if key and key in bare and len(bare) <= len(key) + _SLACK:
            return label
    return None


def find_unread_tables(blocks: tuple[syntax.Block, ...], built: set[str]) -> list[UnreadTable]:
    """Tables 二/三/四 not in *built* whose labels stand on lines of their own in *blocks*."""
    wanted = {kind: labels for kind, labels in ((T2, _T2_LABELS), (T3, _T3_LABELS), (T4, _T4_LABELS))}
    found: dict[str, list[tuple[syntax.Line, str]]] = {kind: [] for kind in wanted if kind not in built}
    if not found:
        return []
    for line in _label_lines(blocks):
        # A header line of a column layout holds several labels, apart by wide gaps;
        # each is found at its own column.
        start = 0
        for field in _FIELD_GAP_RE.split(line.text):
            at = syntax.Line(field, line.line, line.column + line.text.index(field, start))
            start = at.column - line.column + len(field)
            folded = fold(field)
            for kind, hits in found.items():
                label = _label_of(folded, wanted[kind])
                if label is not None and all(label != seen for _, seen in hits):
                    hits.append((at, label))
    unread = []
    for kind, hits in found.items():
        if len(hits) >= _MIN_LABELS[kind]:
            first = hits[0][0]
            unread.append(UnreadTable(kind, first.line, first.column, tuple(label for _, label in hits)))
    return unread
